-- collocations.lua: which words keep company with a node word?
--   lectern run examples/collocations.lua seeds/ --format table --arg node=china --arg window=4
-- For every word within `window` words of the node (inside one paragraph,
-- stopwords left out; a word near two nodes counts once) it counts the
-- co-occurrences and scores them with
-- log-likelihood (G², how sure we are the pair is not chance; 3.84 is p < 0.05)
-- and mutual information (MI, log2 of observed/expected; how exclusive it is).
description = "Collocates of a node word within a window, with log-likelihood and MI scores."
args = {
  node = { default = "russia", help = "the node word (any case)" },
  window = { default = "5", help = "words either side of the node" },
  min = { default = "2", help = "least co-occurrences for a collocate to be listed" },
  top = { default = "20", help = "how many collocates to list" },
}

columns { "collocate", "together", "freq", "ll", "mi" }

local stop = require("stopwords")
local util = require("util")
local node, window, min, top

function setup(args)
  node, window = text.lower(args.node), tonumber(args.window)
  min, top = tonumber(args.min), tonumber(args.top)
end

function paragraph(p)
  state.freq, state.near = state.freq or {}, state.near or {}
  state.tokens, state.slots = state.tokens or 0, state.slots or 0
  local words = util.terms(p.text, stop)
  local near = {} -- positions within `window` of some node; each counted once
  for i, w in ipairs(words) do
    util.inc(state.freq, w)
    if w == node then
      for j = math.max(1, i - window), math.min(#words, i + window) do near[j] = true end
    end
  end
  for j in pairs(near) do
    if words[j] ~= node then util.inc(state.near, words[j]); state.slots = state.slots + 1 end
  end
  state.tokens = state.tokens + #words
end

-- G² of a 2x2 table: o11 = collocate near the node, r1 = words near the node,
-- c1 = collocate frequency, n = words other than the node
local function g2(o11, r1, c1, n)
  local cells = { { o11, r1 * c1 / n }, { r1 - o11, r1 * (n - c1) / n },
                  { c1 - o11, (n - r1) * c1 / n }, { n - r1 - c1 + o11, (n - r1) * (n - c1) / n } }
  local g = 0
  for _, c in ipairs(cells) do if c[1] > 0 then g = g + c[1] * math.log(c[1] / c[2]) end end
  return 2 * g
end

function finish()
  local freq, rows = state.freq or {}, {}
  local n, r1 = (state.tokens or 0) - (freq[node] or 0), state.slots or 0 -- words other than the node
  for w, o in pairs(state.near or {}) do
    local c1 = freq[w]
    if o >= min and o * n > r1 * c1 then -- more often near the node than chance would have it
      rows[#rows + 1] = { collocate = w, together = o, freq = c1,
                          ll = util.round(g2(o, r1, c1, n)), mi = util.round(math.log(o * n / (r1 * c1), 2)) }
    end
  end
  table.sort(rows, function(x, y)
    if x.ll ~= y.ll then return x.ll > y.ll end
    return x.collocate < y.collocate
  end)
  for i = 1, math.min(top, #rows) do emit(rows[i]) end
end
