lectern.hook("slow")
function slow() while true do end end
function article(a) lectern.fire("slow") while true do end end
