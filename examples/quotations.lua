-- quotations.lua: who said what? Built on the quotes plugin (lib/quotes.lua), which
-- finds the quotations in every paragraph and fires the hook quote(q, a).
--   lectern run examples/quotations.lua seeds/ --format table
-- (It is not called quotes.lua: require("quotes") looks beside the script first,
-- so a script of that name would find itself instead of the plugin in lib/.)
description = "Quotations in the article bodies, with their speakers where the text names them."

columns { "source", "paragraph", "speaker", "quote" }

require("quotes")

function quote(q, a)
  emit { source = a.source, paragraph = q.paragraph, speaker = q.speaker or "", quote = q.text }
end
