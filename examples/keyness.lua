-- keyness.lua: what makes each article different from the rest of the corpus?
--   lectern run examples/keyness.lua CORPUS/ --format table --arg top=5
-- For each article, the words it uses more often than all the other articles
-- together, ranked by log-likelihood (G²; above 3.84 is p < 0.05, above 10.83
-- is p < 0.001). Needs at least two articles.
description = "Each article's most distinctive words against the rest of the corpus (log-likelihood)."
args = {
  top = { default = "10", help = "key words per article" },
  min = { default = "2", help = "least uses in the article" },
}

columns { "source", "word", "here", "elsewhere", "ll" }
chart { kind = "bar", x = "word", y = "ll", top = 20, title = "Most distinctive words (log-likelihood)" }
chart { kind = "histogram", x = "ll", title = "How distinctive: key words by log-likelihood" }

local stop = require("stopwords")
local util = require("util")
local top, min

function setup(args) top, min = tonumber(args.top), tonumber(args.min) end

function article(a)
  local counts = {}
  for _, w in ipairs(util.terms(a:text(), stop)) do util.inc(counts, w) end
  state.articles = state.articles or {}
  table.insert(state.articles, { source = a.source, counts = counts }) -- a list: kept in corpus order
end

-- G² for a word used a times in c words here and b times in d words elsewhere
local function g2(a, b, c, d)
  local e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
  return 2 * (a * math.log(a / e1) + (b > 0 and b * math.log(b / e2) or 0))
end

function finish()
  local articles, corpus = state.articles or {}, {}
  if #articles < 2 then lectern.log("keyness: needs at least two articles, got " .. #articles); return end
  for _, art in ipairs(articles) do util.merge(corpus, art.counts) end
  local total = 0
  for _, n in pairs(corpus) do total = total + n end
  for _, art in ipairs(articles) do
    local size, rows = 0, {}
    for _, n in pairs(art.counts) do size = size + n end
    for w, here in pairs(art.counts) do
      local elsewhere, rest = corpus[w] - here, total - size
      if here >= min and here / size > elsewhere / rest then
        rows[#rows + 1] = { source = art.source, word = w, here = here, elsewhere = elsewhere,
                            ll = util.round(g2(here, elsewhere, size, rest)) }
      end
    end
    table.sort(rows, function(x, y) if x.ll ~= y.ll then return x.ll > y.ll end return x.word < y.word end)
    for i = 1, math.min(top, #rows) do emit(rows[i]) end
  end
end
