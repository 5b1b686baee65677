-- kwic.lua: a concordance (key word in context) of one term.
--   lectern run examples/kwic.lua seeds/ --format table --arg term=Moscow --arg width=30
description = "Key word in context: every body occurrence of a term with the text either side."
args = {
  term = { default = "Russia", help = "the word or phrase to look for (whole words, any case)" },
  width = { default = "40", help = "characters of context on each side" },
}

columns { "source", "paragraph", "left", "keyword", "right" }

local term, width

function setup(args) term, width = args.term, tonumber(args.width) end

function paragraph(p, a)
  for _, hit in ipairs(text.kwic(p.text, term, width)) do
    emit { source = a.source, paragraph = p.index, left = hit.left, keyword = hit.keyword, right = hit.right }
  end
end
