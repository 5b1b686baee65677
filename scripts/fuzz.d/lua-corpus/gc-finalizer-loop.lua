function article(a)
  setmetatable({}, {__gc = function() while true do end end})
  collectgarbage()
end
