-- comment_stats.lua: how much do readers comment, and about what?
--   lectern run examples/comment_stats.lua seeds/ --format table
-- One row per article (comments, average words per comment, closed or not, the
-- commonest words of its comments), then an "(all)" row for the corpus.
description = "Comments per article: count, average length, closed or not, most frequent words."
args = { top = { default = "5", help = "how many frequent words to list per row" } }

columns { "source", "comments", "avg_words", "closed", "top_words" }
chart { kind = "bar", x = "source", y = { "comments", "avg_words" }, except = { source = "(all)" }, title = "Comments per article" }

local stop = require("stopwords")
local util = require("util")
local top

function setup(args) top = tonumber(args.top) end

local function row(source, n, words, closed, counts)
  emit { source = source, comments = n, avg_words = n > 0 and util.round(words / n, 1) or 0,
         closed = closed, top_words = util.joincounts(text.top(counts, top)) }
end

function article(a)
  local words, counts = 0, {}
  for _, c in ipairs(a.comments) do
    words = words + #text.words(c.text)
    for _, w in ipairs(util.terms(c.text, stop)) do util.inc(counts, w) end
  end
  row(a.source, #a.comments, words, a.comments_closed and "yes" or "no", counts)
  state.all = util.merge(state.all or {}, { comments = #a.comments, words = words, closed = a.comments_closed and 1 or 0,
                                           articles = 1, counts = counts })
end

function finish()
  local all = state.all or { comments = 0, words = 0, closed = 0, articles = 0, counts = {} }
  row("(all)", all.comments, all.words, all.closed .. " of " .. all.articles, all.counts)
end
