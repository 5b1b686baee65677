-- timeline.lua: which years do the articles talk about, and what happened then?
--   lectern run examples/timeline.lua seeds/ --format table
-- Every year from 1800 to 2099 written as a word of its own in a body paragraph
-- ("in 1949", "Joint Sea 2015"; not "the 2000s", not "$2015"), with its sentence,
-- in year order, then corpus order.
description = "Years mentioned in the bodies, each with its sentence, in year order."

columns { "year", "source", "sentence" }
chart { kind = "line", x = "year", by = "year", title = "Sentences that mention each year" }

function paragraph(p, a)
  state.years = state.years or {}
  for _, sentence in ipairs(text.sentences(p.text)) do
    local seen = {}
    for y in sentence:gmatch("%f[%w$](%d%d%d%d)%f[^%w]") do
      local year = tonumber(y)
      if year >= 1800 and year <= 2099 and not seen[year] then
        seen[year] = true
        table.insert(state.years, { year = year, source = a.source, sentence = sentence })
      end
    end
  end
end

function finish()
  local years = state.years or {}            -- every worker's list, in corpus order
  for i, e in ipairs(years) do e.order = i end
  table.sort(years, function(x, y)
    if x.year ~= y.year then return x.year < y.year end
    return x.order < y.order
  end)
  for _, e in ipairs(years) do emit { year = e.year, source = e.source, sentence = e.sentence } end
end
