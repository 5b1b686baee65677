-- quotes.lua: a plugin that finds quotations and their speakers.
--
--   require("quotes")                 -- in your script; then define the hook:
--   function quote(q, a)              -- q = {text, speaker, paragraph}
--     emit{source = a.source, speaker = q.speaker or "", quote = q.text}
--   end
--
-- It declares the hook "quote", registers itself on the built-in paragraph
-- hook, and fires quote(q, a) once per quotation in every body paragraph:
--   q.text       the words inside the quotation marks
--   q.speaker    who said it, when the sentence names them, else nil
--   q.paragraph  the paragraph's index (p.index)
-- Quotations are text between “curly” or "straight" double quotation marks (or
-- «guillemets», „German quotes“: see M.marks) with at least M.min_words words
-- (scare quotes like the “reset” are skipped). Speakers are found in English
-- only.
-- A quotation opened but not closed in its paragraph (the usual way a quote
-- that runs on over several paragraphs is printed) runs to the paragraph's end.
-- The speaker is found, in this order, in:
--   In the words of Russian Foreign Minister Sergey Lavrov, ... “...”  -> Sergey Lavrov
--   “...,” said Jane Doe.      “...,” Jane Doe said.     “...,” according to Jane Doe.
--   Jane Doe said: “...”       According to Jane Doe, “...”
-- Titles before a name ("Foreign Minister", "President", "Mr.") are dropped; a
-- pronoun ("he said") gives no speaker. The module is also usable directly:
-- require("quotes").find(paragraph_text) returns the list of q without firing.
local M = {}

M.min_words = 3

--- Quotation marks: opening mark -> closing mark. English “curly” and "straight"
--- marks, French and Russian «guillemets», German „low-high“ quotes.
M.marks = { ["“"] = "”", ['"'] = '"', ["«"] = "»", ["„"] = "“" }

--- Words that are titles or roles, never part of the speaker's name.
M.titles = {}
for w in ([[President Vice Prime Minister Foreign Defense Defence Finance Interior
  Secretary State Chancellor Premier Chairman Chairwoman Chair Spokesman Spokeswoman
  Spokesperson Ambassador Envoy General Gen. Admiral Colonel Col. Senator Sen.
  Representative Rep. Congressman Congresswoman Governor Gov. Mayor King Queen Prince
  Princess Sheikh Pope Mr. Mrs. Ms. Dr. Prof. Professor Director Chief Executive CEO
  Leader Deputy Former Acting Official Officer Analyst Commissioner Judge Justice
  Lord Lady Sir Saint St. Captain Capt. Lieutenant Lt. Sergeant Minister’s]]):gmatch("%S+") do
  M.titles[w] = true
end

--- Capitalised words that are not names.
M.not_names = {}
for w in ([[He She They It We I You This That These Those The A An One Some Many
  Officials Critics Experts Analysts Sources Observers Others Everyone Nobody]]):gmatch("%S+") do
  M.not_names[w] = true
end

local VERBS = { "said", "says", "told", "added", "stated", "noted", "warned", "explained",
  "argued", "insisted", "wrote", "declared", "remarked", "claimed", "asked", "replied" }

-- One name-like word: a capital letter, then letters (ASCII or not), digits,
-- apostrophes, hyphens and dots ("O’Neill", "Jean-Claude", "Jr.").
local CAP = "%u[%w\128-\255'%.%-]*"

-- The speaker in a run of words: the capitalised words at its end, starting
-- after the last title word. "Russian Foreign Minister Sergey Lavrov" -> "Sergey Lavrov".
local function name_from(run, from_end)
  if not run then return nil end
  local words = {}
  for w in run:gmatch("%S+") do words[#words + 1] = w end
  local names = {}
  if from_end then
    for k = #words, 1, -1 do
      local w = words[k]:gsub("[,;:]$", "")
      if not w:match("^" .. CAP .. "$") or M.titles[w] then break end
      table.insert(names, 1, w)
    end
  else
    for k = 1, #words do
      local w = words[k]
      local bare = w:gsub("[,;:%.]$", "")
      if M.titles[w] or M.titles[bare] then names = {} -- "said Foreign Minister X": restart after the title
      elseif bare:match("^" .. CAP .. "$") then
        names[#names + 1] = bare
        if bare ~= w then break end -- punctuation after the word ends the name
      else break end
    end
  end
  if #names == 0 or (#names == 1 and M.not_names[names[1]]) then return nil end
  local name = table.concat(names, " "):gsub("’s$", ""):gsub("'s$", ""):gsub("%.$", "")
  if M.not_names[name] then return nil end
  return name
end

-- Where the sentence holding position `pos` of s starts (a crude splitter that
-- knows "Mr." and "U.S." do not end a sentence).
local ABBREV = { Mr = 1, Mrs = 1, Ms = 1, Dr = 1, St = 1, Prof = 1, Gen = 1, Sen = 1, Rep = 1, Gov = 1, Jr = 1, Sr = 1 }
local function sentence_start(s, pos)
  local start, init = 1, 1
  while true do
    local a = s:find("[%.!?]", init)
    if not a or a >= pos then break end
    -- skip closing quotation marks and brackets after the stop
    local b, rest = a, s:sub(a + 1, a + 4)
    local closer = rest:match('^["\')]') or rest:match("^”") or rest:match("^’") or rest:match("^»") or ""
    b = b + #closer
    local space = s:match("^%s+", b + 1)
    if space and b + #space < pos then
      local word = s:sub(1, a - 1):match("([%w%.]*)$")
      if not (ABBREV[word] or word:match("^%u$") or word:match("%.%u$")) then start = b + #space + 1 end
    end
    init = a + 1
  end
  return start
end

local function speaker_of(s, qa, qb)
  local before = s:sub(sentence_start(s, qa), qa - 1)
  local after = s:sub(qb + 1, qb + 120)
  -- In the words of X, ...   /  in the words of X, “...”
  local run = before:match("[Ww]ords of (" .. CAP .. "[^,;:\"]-)[,;:]")
  local who = name_from(run, true)
  if who then return who end
  -- “...,” said X.  /  “...,” X said.  /  “...,” according to X.
  for _, v in ipairs(VERBS) do
    who = name_from(after:match("^[%s,]*" .. v .. "%s+(.*)"), false)
      or name_from(after:match("^[%s,]*([^,;:%.]-)%s+" .. v .. "%f[^%w]"), true)
    if who then return who end
  end
  who = name_from(after:match("^[%s,]*according to%s+(.*)"), false)
  if who then return who end
  -- According to X, “...”  /  X said: “...”  /  X said that “...”
  who = name_from(before:match("[Aa]ccording to%s+(" .. CAP .. "[^,;:\"]-)[,;:]"), true)
  if who then return who end
  for _, v in ipairs(VERBS) do
    who = name_from(before:match("([^,;:\"]-)%s+" .. v .. "[,:]?%s*t?h?a?t?%s*$"), true)
    if who then return who end
  end
  return nil
end

-- Trims white space (no-break spaces too) and a trailing comma.
local function trim(x)
  local before
  repeat before = x; x = x:gsub("^%s+", ""):gsub("^\194\160", "") until x == before
  repeat before = x; x = x:gsub("[%s,]+$", ""):gsub("\194\160$", "") until x == before
  return x
end

--- The quotations of one paragraph: list of {text, speaker, start, stop}.
---@param s string
---@return {text: string, speaker: string?, start: integer, stop: integer}[]
function M.find(s)
  local out, init = {}, 1
  while true do
    -- the next opening mark of any kind
    local qa, open
    for o in pairs(M.marks) do
      local at = s:find(o, init, true)
      if at and (not qa or at < qa) then qa, open = at, o end
    end
    if not qa then break end
    local close = M.marks[open]
    local qb = s:find(close, qa + #open, true)
    local inner
    if qb then inner = s:sub(qa + #open, qb - 1)
    else inner = s:sub(qa + #open); qb = #s + 1 end
    inner = trim(inner)
    local nwords = 0
    for _ in inner:gmatch("%S+") do nwords = nwords + 1 end
    if nwords >= M.min_words then
      out[#out + 1] = { text = inner, speaker = speaker_of(s, qa, math.min(qb + #close - 1, #s)), start = qa, stop = qb }
    end
    init = qb + #close
  end
  return out
end

lectern.hook("quote")

lectern.on("paragraph", function(p, a)
  for _, q in ipairs(M.find(p.text)) do
    lectern.fire("quote", { text = q.text, speaker = q.speaker, paragraph = p.index }, a)
  end
end)

return M
