function article(a) a.comments = true end
function comment(c, a) end
