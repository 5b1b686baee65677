getmetatable("").__index = {upper = function() return "hijacked" end}
function article(a) emit{t = ("x"):upper()} end
