-- ngrams.lua: the most frequent word sequences (bigrams by default).
--   lectern run examples/ngrams.lua seeds/ --format table --arg n=3 --arg top=10
-- N-grams do not cross paragraph boundaries. Unless --arg stopwords=keep, an
-- n-gram that begins or ends with a stopword ("of the", "the U") is left out.
description = "The most frequent n-grams of the bodies."
args = {
  n = { default = "2", help = "words per n-gram" },
  top = { default = "20", help = "how many n-grams to list" },
  min = { default = "2", help = "least count for an n-gram to be listed" },
  stopwords = { default = "drop", help = "drop: leave out n-grams that begin or end with a stopword; keep: count all" },
}

columns { "rank", "ngram", "count" }

local stop = require("stopwords")
local n, top, min, keep

function setup(args)
  n, top, min, keep = tonumber(args.n), tonumber(args.top), tonumber(args.min), args.stopwords == "keep"
end

function paragraph(p)
  state.ngrams = state.ngrams or {}
  local counts = text.counter(state.ngrams)
  local words = text.words(text.lower(text.normalize(p.text))) -- don’t = don't
  for i, gram in ipairs(text.ngrams(words, n)) do
    if keep or not (stop[words[i]] or stop[words[i + n - 1]]) then counts:add(gram) end
  end
end

function finish()
  for rank, e in ipairs(text.top(state.ngrams or {}, top)) do
    if e.count < min then break end
    emit { rank = rank, ngram = e.key, count = e.count }
  end
end
