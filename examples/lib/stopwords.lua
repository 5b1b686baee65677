-- stopwords.lua: the English stopword set the examples share.
--   local stop = require("stopwords")      -- set: stop["the"] == true
--   if not stop[text.lower(w)] then ... end
-- It starts from the host's list, text.stopwords("en"), which has both spellings
-- of every contraction ("don't" and "don’t") and leaves out "said" (a reporting
-- verb that quotation studies count) and "us" (after text.lower it is also the
-- US). Other languages: text.stopwords("fr"), ("de"), ... Add words of your own:
-- stop["said"] = true. (The module is loaded once per Lua state, so such an
-- addition is seen by every module of the run that requires "stopwords".)
local stop = {}
for w in pairs(text.stopwords("en")) do stop[w] = true end
-- Single letters too: the stray letters of initials ("J. Smith") and list
-- markers are never what a frequency list is after.
for c = string.byte("a"), string.byte("z") do stop[string.char(c)] = true end
return stop
