function article(a) state[1/0] = 1 state[-1/0] = 2 emit{[1/0] = 1} end
