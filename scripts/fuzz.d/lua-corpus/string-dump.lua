function article(a) local d = getmetatable("").__index.dump emit{dump = d and #d(article) or 0} end
