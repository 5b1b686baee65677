function article(a) for l in io.lines("/proc/self/fd/0") do end end
