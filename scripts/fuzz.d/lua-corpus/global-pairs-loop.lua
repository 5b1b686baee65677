x = setmetatable({}, {__pairs = function() while true do end end})
function article(a) end
