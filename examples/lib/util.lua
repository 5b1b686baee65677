-- util.lua: small helpers shared by the examples.
--   local util = require("util")
-- Pure Lua; no state of its own, so it is safe in any hook and with any --jobs.
local util = {}

--- Adds n (default 1) to t[key] and returns the new count.
---@param t table<string, number>
---@param key string
---@param n? number
---@return number
function util.inc(t, key, n)
  local v = (t[key] or 0) + (n or 1)
  t[key] = v
  return v
end

--- Rounds x to d decimal places (default 2); returns a number.
---@param x number
---@param d? integer
---@return number
function util.round(x, d)
  local m = 10 ^ (d or 2)
  local r = math.floor(x * m + 0.5) / m
  if r == math.floor(r) then return math.tointeger(r) or r end
  return r
end

--- Adds the counts of `from` into `into`, recursively (numbers add, tables merge
--- key by key): util.merge(state.totals, this_article_counts).
---@param into table
---@param from table
---@return table into
function util.merge(into, from)
  for k, v in pairs(from) do
    if type(v) == "table" then
      into[k] = util.merge(type(into[k]) == "table" and into[k] or {}, v)
    elseif type(v) == "number" then
      into[k] = (into[k] or 0) + v
    else
      into[k] = v
    end
  end
  return into
end

--- The keys of t, sorted.
---@param t table
---@return any[]
function util.keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks, function(x, y)
    if type(x) == type(y) then return x < y end
    return type(x) < type(y)
  end)
  return ks
end

--- "key (count), key (count)" from a list of {key, count} (what text.top returns).
---@param entries {key: string, count: integer}[]
---@param sep? string
---@return string
function util.joincounts(entries, sep)
  local out = {}
  for i, e in ipairs(entries) do out[i] = e.key .. " (" .. e.count .. ")" end
  return table.concat(out, sep or ", ")
end

--- Lower-cased words of text.normalize(s) (so "don’t" is "don't"), without
--- numbers ("1949", "5.2") and without the words in the set `skip` (a stopword set).
---@param s string
---@param skip? table<string, boolean>
---@return string[]
function util.terms(s, skip)
  local out = {}
  -- one apostrophe ("don’t" counts as "don't"); numbers left out
  for _, w in ipairs(text.words(text.lower(text.normalize(s)), { numbers = false })) do
    if not (skip and skip[w]) then out[#out + 1] = w end
  end
  return out
end

--- Shortens s to at most n characters (UTF-8 aware), adding "…" when cut.
---@param s string
---@param n integer
---@return string
function util.clip(s, n)
  if (utf8.len(s) or #s) <= n then return s end
  return s:sub(1, utf8.offset(s, n) - 1) .. "…"
end

--- A readable one-line rendering of any value, tables included (keys sorted).
--- Handy with lectern.log: lectern.log(util.dump(a.navigation)).
---@param v any
---@return string
function util.dump(v, seen)
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  seen = seen or {}
  if seen[v] then return "<cycle>" end
  seen[v] = true
  local parts, n = {}, #v
  for i = 1, n do parts[#parts + 1] = util.dump(v[i], seen) end
  for _, k in ipairs(util.keys(v)) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then
      parts[#parts + 1] = tostring(k) .. " = " .. util.dump(v[k], seen)
    end
  end
  seen[v] = nil
  return "{" .. table.concat(parts, ", ") .. "}"
end

return util
