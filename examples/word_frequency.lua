-- word_frequency.lua: which words do the articles use most?
--   lectern run examples/word_frequency.lua seeds/ --format table --arg top=10
description = "The most frequent words of the article bodies, stopwords and numbers left out."
args = { top = { default = "20", help = "how many words to list" } }

columns { "rank", "word", "count" }
chart { kind = "bar", x = "word", y = "count", title = "Most frequent words" }

local stop = require("stopwords")
local util = require("util")
local top

function setup(args) top = tonumber(args.top) end

function paragraph(p)
  state.words = state.words or {}
  local words = text.counter(state.words)
  for _, w in ipairs(util.terms(p.text, stop)) do words:add(w) end -- lower case, no stopwords or numbers
end

function finish()
  for rank, e in ipairs(text.top(state.words or {}, top)) do
    emit { rank = rank, word = e.key, count = e.count }
  end
end
