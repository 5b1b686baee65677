-- quotes.lua: who said what? Built on the quotes plugin (lib/quotes.lua), which
-- finds the quotations in every paragraph and fires the hook quote(q, a).
--   lectern run examples/quotes.lua seeds/ --format table
-- (require skips the requiring file itself, so require("quotes") here finds
-- the plugin in lib/, not this script.)
description = "Quotations in the article bodies, with their speakers where the text names them."

columns { "source", "paragraph", "speaker", "quote" }

require("quotes")

function quote(q, a)
  emit { source = a.source, paragraph = q.paragraph, speaker = q.speaker or "", quote = q.text }
end
