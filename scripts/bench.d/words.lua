-- text.words on the hot path: every body word, lowercased, counted.
description = "Counts the words of the article bodies as text.words splits them."
function article(a)
  local c = state.counts
  if not c then c = {}; state.counts = c end
  for _, w in ipairs(text.words(a:text())) do
    c[w] = (c[w] or 0) + 1
  end
end
function finish()
  local distinct, total = 0, 0
  for _, k in pairs(state.counts or {}) do distinct = distinct + 1; total = total + k end
  print(distinct, total)
end
