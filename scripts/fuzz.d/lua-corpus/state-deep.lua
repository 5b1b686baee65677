function article(a) local t = state for i = 1, 40 do t.x = {} t = t.x end end
