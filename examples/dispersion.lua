-- dispersion.lua: where in the corpus, and where in each article, does a term occur?
--   lectern run examples/dispersion.lua CORPUS/ --format table --arg term=nato
-- One row per article: hits, body words, hits per 1,000 words, the relative
-- positions of the hits (0 = first word, 100 = last) and a strip plot of them;
-- then an "(all)" row with Juilland's D over the articles (1 = spread evenly,
-- 0 = all in one article; it takes the articles as parts of about equal size).
-- The term may be a phrase ("south china sea").
description = "Dispersion of a term: per-article counts, relative positions and a plot."
args = {
  term = { default = "china", help = "word or phrase to look for (any case)" },
  width = { default = "40", help = "characters in the plot strip" },
}

columns { "source", "hits", "words", "per_1000", "positions", "plot" }
chart { kind = "bar", x = "source", y = "per_1000", except = { source = "(all)" }, title = "Hits per 1,000 words" }
chart { kind = "scatter", x = "words", y = "hits", label = "source", except = { source = "(all)" }, title = "Hits against article length" }

local util = require("util")
local term, width

function setup(args) term, width = text.words(text.lower(text.normalize(args.term))), tonumber(args.width) end

function article(a)
  local words, positions, strip = text.words(text.lower(text.normalize(a:text()))), {}, {} -- don’t = don't
  for k = 1, width do strip[k] = "·" end
  for i = 1, #words - #term + 1 do
    local match = true
    for k = 1, #term do if words[i + k - 1] ~= term[k] then match = false; break end end
    if match then
      local rel = #words > 1 and (i - 1) / (#words - 1) or 0
      positions[#positions + 1] = math.floor(rel * 100 + 0.5)
      strip[math.floor(rel * (width - 1) + 0.5) + 1] = "|"
    end
  end
  local rate = #words > 0 and #positions * 1000 / #words or 0
  emit { source = a.source, hits = #positions, words = #words, per_1000 = util.round(rate, 1),
         positions = table.concat(positions, " "), plot = table.concat(strip) }
  state.rates = state.rates or {}
  table.insert(state.rates, rate) -- one entry per article, in corpus order
  state.hits, state.words = (state.hits or 0) + #positions, (state.words or 0) + #words
end

function finish()
  local parts, mean, var = state.rates or {}, 0, 0
  for _, f in ipairs(parts) do mean = mean + f / #parts end
  for _, f in ipairs(parts) do var = var + (f - mean) ^ 2 / #parts end
  local d = (#parts > 1 and mean > 0) and util.round(1 - math.sqrt(var) / mean / math.sqrt(#parts - 1), 3) or "n/a"
  emit { source = "(all)", hits = state.hits or 0, words = state.words or 0,
         per_1000 = (state.words or 0) > 0 and util.round(state.hits * 1000 / state.words, 1) or 0,
         positions = "D = " .. d, plot = "" }
end
