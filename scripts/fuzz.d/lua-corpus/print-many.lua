function article(a) for i = 1, 40000 do print("line", i) end end
