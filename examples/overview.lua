-- overview.lua: one line per article: what did the parser find?
--   lectern run examples/overview.lua seeds/ --format table
-- A first check of a new corpus: missing titles, authors or dates, articles with
-- no body, comment counts.
description = "One row per article: title, author, date, sections, paragraphs, words, comments."

columns { "source", "title", "author", "published", "sections", "paragraphs", "words", "boilerplate", "comments" }

function article(a)
  emit {
    source = a.source, title = a.title or "", author = a.author or "", published = a.published or "",
    sections = #a.sections, paragraphs = #a.paragraphs, words = #text.words(a:text()),
    boilerplate = #a.boilerplate, comments = #a.comments,
  }
end
