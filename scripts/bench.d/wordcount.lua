-- The benchmark's word count, as a Lectern script: the body of every article.
description = "Counts words (letters only, lowercased) over the article bodies."
function article(a)
  local c = state.counts
  if not c then c = {}; state.counts = c end
  for w in a:text():gmatch("%a+") do
    w = w:lower()
    c[w] = (c[w] or 0) + 1
  end
end
function finish()
  local distinct, total = 0, 0
  for _, k in pairs(state.counts or {}) do distinct = distinct + 1; total = total + k end
  print(distinct, total)
end
