function article(a) coroutine.wrap(function() while true do end end)() end
