setmetatable(_ENV, {__metatable = false})
function finish() emit{x = 1} end
