-- fix_site.lua: teach the parser one site's quirks, and see what changed.
--   lectern run examples/fix_site.lua seeds/ --format table
--   lectern parse seeds/ --explain        # the labels and rules before the fix
-- classify(block) runs on every block of a page before the article is built;
-- returning a label relabels the block, returning nil keeps the parser's.
description = "Relabels a site's quirks with classify() and reports every block it changed."

columns { "source", "line", "text", "was", "rule", "now" }

-- The fix itself: three lines.
local function fix(b)
  if b.text:find("^Play Quizzes") then return "boilerplate:quiz" end
  if b.text:find("^Editor%W*s note:") and #b.text < 300 then return "boilerplate:note" end
  if b.text == "Updated on" then return "ignored" end
end

-- The report: remember each change, emit it once the article (and its source) is known.
local changes = {}

function classify(b)
  local label = fix(b)
  if label and label ~= b.label then
    changes[#changes + 1] = { line = b.line, text = b.text, was = b.label, rule = b.rule, now = label }
  end
  return label
end

function article(a)
  for _, c in ipairs(changes) do c.source = a.source; emit(c) end
  changes = {}
end
