function article(a) state[{}] = 1 end
