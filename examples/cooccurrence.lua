-- cooccurrence.lua: a network of the places named together, for Gephi.
--   lectern run examples/cooccurrence.lua corpus/ --format csv --output-dir net/
-- writes net/nodes.csv (Id, Label, mentions, articles) and net/edges.csv
-- (Source, Target, Type, Weight): Gephi's "Import spreadsheet" reads both.
-- Two places are linked when one body paragraph names both; Weight counts
-- those paragraphs. Places are found as in country_mentions.lua (lib/gazetteer.lua).
-- Without --output-dir both go to standard output, told apart by `_output`.
description = "Places named in the same paragraphs, as Gephi's nodes and edges tables (emit_to)."

columns_for("nodes", { "Id", "Label", "mentions", "articles" })
columns_for("edges", { "Source", "Target", "Type", "Weight" })

local gaz = require("gazetteer")
local util = require("util")

function article(a)
  -- totals in state: tables merge key by key and numbers add, in any --jobs
  state.mentions, state.articles, state.pairs = state.mentions or {}, state.articles or {}, state.pairs or {}
  local seen = {}
  for _, p in ipairs(a.paragraphs) do
    local here, list = {}, {}
    for _, hit in ipairs(gaz.find(p.text)) do
      util.inc(state.mentions, hit.place)
      if not here[hit.place] then here[hit.place] = true; list[#list + 1] = hit.place end
      seen[hit.place] = true
    end
    table.sort(list)
    for i = 1, #list do
      for j = i + 1, #list do util.inc(state.pairs, list[i] .. "\t" .. list[j]) end
    end
  end
  for place in pairs(seen) do util.inc(state.articles, place) end
end

function finish()
  for _, e in ipairs(text.top(state.mentions or {})) do
    emit_to("nodes", { Id = e.key, Label = e.key, mentions = e.count, articles = state.articles[e.key] })
  end
  for _, e in ipairs(text.top(state.pairs or {})) do
    local source, target = e.key:match("^(.-)\t(.*)$")
    emit_to("edges", { Source = source, Target = target, Type = "Undirected", Weight = e.count })
  end
end
