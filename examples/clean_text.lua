-- clean_text.lua: the article as clean Markdown, boilerplate and comments left out.
--   lectern run examples/clean_text.lua seeds/ > clean.md
-- Each article starts with an HTML comment naming its source, so a corpus turns
-- into one Markdown file that still says where every article came from.
description = "Each article as clean Markdown: title, byline, headings and body paragraphs only."

function article(a)
  print("<!-- " .. a.source .. " -->")
  print("# " .. (a.title or "(untitled)"))
  print()
  if a.author then print("*By " .. a.author .. "*"); print() end
  for _, s in ipairs(a.sections) do
    if s.heading then print("## " .. s.heading); print() end
    for _, p in ipairs(s.paragraphs) do print(p.text); print() end
  end
end
