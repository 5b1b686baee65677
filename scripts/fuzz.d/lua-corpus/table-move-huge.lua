function article(a) table.move({}, 1, 1e13, 1) end
