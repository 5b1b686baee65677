-- The same counting loop in bare lua5.4 over the raw files (no parsing at all);
-- file names come on standard input.
local c = {}
for path in io.lines() do
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  for w in s:gmatch("%a+") do
    w = w:lower()
    c[w] = (c[w] or 0) + 1
  end
end
local distinct, total = 0, 0
for _, k in pairs(c) do distinct = distinct + 1; total = total + k end
print(distinct, total)
