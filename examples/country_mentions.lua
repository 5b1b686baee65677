-- country_mentions.lua: who is named, how often, and alongside whom?
--   lectern run examples/country_mentions.lua seeds/ --format table
-- One row per article and place, then one "(all)" row per place for the corpus.
-- mentions: times named (by name, capital, demonym or leader; see lib/gazetteer.lua);
-- paragraphs: body paragraphs that name it; named_with: the places named in the
-- same paragraphs, with how many paragraphs they share.
description = "Mentions of countries and powers per article and in all, and which are named together."
args = { with = { default = "4", help = "how many co-named places to list per row" } }

columns { "source", "place", "mentions", "paragraphs", "named_with" }
chart { kind = "bar", x = "place", y = "mentions", only = { source = "(all)" }, title = "Mentions in the whole corpus" }
chart { kind = "network", source = "place", target = "named_with", only = { source = "(all)" },
        title = "Places named in the same paragraphs" } -- named_with lists "Place (paragraphs)"

local gaz = require("gazetteer")
local util = require("util")
local nwith

function setup(args) nwith = tonumber(args.with) end

local function report(source, mentions, paragraphs, together)
  for _, e in ipairs(text.top(mentions)) do
    emit { source = source, place = e.key, mentions = e.count, paragraphs = paragraphs[e.key],
           named_with = util.joincounts(text.top(together[e.key] or {}, nwith)) }
  end
end

function article(a)
  local mentions, paragraphs, together = {}, {}, {}
  for _, p in ipairs(a.paragraphs) do
    local here = {}
    for _, hit in ipairs(gaz.find(p.text)) do
      util.inc(mentions, hit.place)
      here[hit.place] = true
    end
    for x in pairs(here) do
      util.inc(paragraphs, x)
      together[x] = together[x] or {}
      for y in pairs(here) do if y ~= x then util.inc(together[x], y) end end
    end
  end
  report(a.source, mentions, paragraphs, together)
  -- corpus totals live in state (tables merge key by key, numbers add)
  state.all = util.merge(state.all or {}, { mentions = mentions, paragraphs = paragraphs, together = together })
end

function finish()
  local all = state.all or {}
  report("(all)", all.mentions or {}, all.paragraphs or {}, all.together or {})
end
