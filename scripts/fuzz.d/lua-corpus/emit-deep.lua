function article(a) local r = {} local t = r for i = 1, 40 do t.x = {} t = t.x end emit{deep = r} end
