function article(a) for i = 1, 1500 do emit{s = string.rep("x", 1 << 20)} end end
