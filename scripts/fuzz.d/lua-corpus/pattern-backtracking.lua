function article(a) return ("a"):rep(3000):find(".-.-.-b") end
