function article(a) return string.rep("", 1e15) end
