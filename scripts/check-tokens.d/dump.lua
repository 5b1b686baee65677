-- Every body paragraph and comment with the words text.words finds in it, for
-- scripts/check-tokens to compare with an independent UAX #29 tokenizer.
description = "Texts and their text.words tokens (joined by U+001F)."
columns { "source", "text", "words" }
local function dump(a, s)
  -- The fixture folders' README.md files are documentation, not articles
  -- (directory runs read .md files since the Markdown reader came).
  if a.source:match("README%.md$") then return end
  emit { source = a.source, text = s, words = table.concat(text.words(s), "\31") }
end
function paragraph(p, a) dump(a, p.text) end
function comment(c, a) dump(a, c.text) end
