-- html_fields.lua: read what the parser does not model straight from the HTML.
--   lectern run examples/html_fields.lua examples/pages/ --format table
-- a:xpath(expr) runs an XPath 1.0 expression over the saved page and returns the
-- matching nodes' text (attributes' values for /@attr) as a list of strings. On
-- text articles it returns an empty list, so the site column stays empty there.
description = "Site name and page type from an HTML page's meta tags (a:xpath), with the canonical URL and title."

columns { "source", "format", "site", "type", "url", "title" }

local function meta(a, property)
  return a:xpath("//meta[@property='" .. property .. "']/@content")[1] or ""
end

function article(a)
  emit { source = a.source, format = a.format, site = meta(a, "og:site_name"), type = meta(a, "og:type"),
         url = a.url or "", title = a.title or "" }
end
