-- stopwords.lua: the English stopword set the examples share.
--   local stop = require("stopwords")      -- set: stop["the"] == true
--   if not stop[text.lower(w)] then ... end
-- It starts from the host's list (text.stopwords("en")) and adds the curly-
-- apostrophe spellings of its contractions ("don’t" as well as "don't"), since
-- scraped news text mostly uses ’. Add words of your own: stop["said"] = true.
-- (The module is loaded once per Lua state, so such an addition is seen by every
-- module of the run that requires "stopwords".)
local base = text.stopwords and text.stopwords("en")
if not base or next(base) == nil then
  -- Fallback for hosts without text.stopwords: a short classic list.
  base = {}
  for w in ([[a about above after again against all am an and any are as at be
    because been before being below between both but by can could did do does
    doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves
    out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would
    you your yours yourself yourselves]]):gmatch("%S+") do base[w] = true end
end

local stop = {}
-- Single letters too: the "u" and "s" of "U.S." (text.words splits at dots) and
-- the stray letters of initials are never what a frequency list is after.
for c = string.byte("a"), string.byte("z") do stop[string.char(c)] = true end
for w in pairs(base) do
  stop[w] = true
  if w:find("'", 1, true) then stop[(w:gsub("'", "’"))] = true end
end

return stop
