-- gazetteer.lua: countries and powers, with the names news text uses for them.
--   local gaz = require("gazetteer")
--   for _, hit in ipairs(gaz.find(p.text)) do print(hit.place, hit.alias, hit.kind) end
--
-- Each place lists its names, its capital (used for the government: "Moscow
-- believes"), its demonyms ("Russian", "Sino-") and leaders past and present.
-- Only aliases that are unambiguous in news text are kept: "Georgia" the
-- country is in, "Jordan" is not (a given name), "Brussels" is not (EU or
-- Belgium?). Matching is case-sensitive ("US" the country, not "us"), on whole
-- words ("Russia" does not match inside "Russian"), and the longest alias wins
-- where two overlap, so "Russian Federation" counts once and the names in
-- `ignore` ("South China Sea", "South America") hide the shorter names in them.
-- Extend it in your own script:
--   table.insert(gaz.places, {name = "Wakanda", names = {"Wakanda"}, demonyms = {"Wakandan"}})
--   gaz.rebuild()
local G = {}

G.places = {
  { name = "United States", names = { "United States", "United States of America", "U.S", "U.S.A", "US", "USA", "America" },
    capitals = { "Washington", "White House" }, demonyms = { "American", "Americans" },
    leaders = { "Obama", "Trump", "Biden" } },
  { name = "Russia", names = { "Russia", "Russian Federation" }, capitals = { "Moscow", "Kremlin" },
    demonyms = { "Russian", "Russians" }, leaders = { "Putin", "Medvedev", "Yeltsin" } },
  { name = "China", names = { "China", "People’s Republic of China", "People's Republic of China", "PRC" },
    capitals = { "Beijing" }, demonyms = { "Chinese", "Sino" },
    leaders = { "Xi Jinping", "Xi", "Mao Zedong", "Mao", "Deng Xiaoping", "Hu Jintao" } },
  { name = "Soviet Union", names = { "Soviet Union", "USSR", "U.S.S.R" }, demonyms = { "Soviet", "Soviets" },
    leaders = { "Lenin", "Stalin", "Khrushchev", "Brezhnev", "Gorbachev" } },
  { name = "European Union", names = { "European Union", "EU", "E.U" } },
  { name = "NATO", names = { "NATO", "Nato", "North Atlantic Treaty Organization" } },
  { name = "United Nations", names = { "United Nations", "UN", "U.N" } },
  { name = "Ukraine", names = { "Ukraine" }, capitals = { "Kyiv", "Kiev" }, demonyms = { "Ukrainian", "Ukrainians" },
    leaders = { "Zelensky", "Zelenskyy", "Poroshenko" } },
  { name = "India", names = { "India" }, capitals = { "New Delhi" }, demonyms = { "Indian", "Indians" }, leaders = { "Modi" } },
  { name = "United Kingdom", names = { "United Kingdom", "UK", "U.K", "Britain", "Great Britain" }, capitals = { "London", "Downing Street" },
    demonyms = { "British", "Briton", "Britons" }, leaders = { "Sunak", "Starmer", "Boris Johnson", "Theresa May" } },
  { name = "France", names = { "France" }, capitals = { "Paris", "Élysée" }, demonyms = { "French" }, leaders = { "Macron" } },
  { name = "Germany", names = { "Germany" }, capitals = { "Berlin" }, demonyms = { "German", "Germans" }, leaders = { "Merkel", "Scholz" } },
  { name = "Japan", names = { "Japan" }, capitals = { "Tokyo" }, demonyms = { "Japanese" }, leaders = { "Shinzo Abe", "Kishida" } },
  { name = "South Korea", names = { "South Korea", "Republic of Korea" }, capitals = { "Seoul" }, demonyms = { "South Korean", "South Koreans" } },
  { name = "North Korea", names = { "North Korea", "DPRK" }, capitals = { "Pyongyang" }, demonyms = { "North Korean", "North Koreans" },
    leaders = { "Kim Jong Un", "Kim Jong-un", "Kim Jong Il", "Kim Jong-il" } },
  { name = "Taiwan", names = { "Taiwan" }, capitals = { "Taipei" }, demonyms = { "Taiwanese" } },
  { name = "Iran", names = { "Iran" }, capitals = { "Tehran" }, demonyms = { "Iranian", "Iranians" }, leaders = { "Khamenei", "Rouhani", "Raisi" } },
  { name = "Israel", names = { "Israel" }, demonyms = { "Israeli", "Israelis" }, leaders = { "Netanyahu" } },
  { name = "Turkey", names = { "Turkey", "Türkiye" }, capitals = { "Ankara" }, demonyms = { "Turkish" }, leaders = { "Erdogan", "Erdoğan" } },
  { name = "Syria", names = { "Syria" }, capitals = { "Damascus" }, demonyms = { "Syrian", "Syrians" }, leaders = { "Assad" } },
  { name = "Iraq", names = { "Iraq" }, capitals = { "Baghdad" }, demonyms = { "Iraqi", "Iraqis" } },
  { name = "Afghanistan", names = { "Afghanistan" }, capitals = { "Kabul" }, demonyms = { "Afghan", "Afghans" } },
  { name = "Pakistan", names = { "Pakistan" }, capitals = { "Islamabad" }, demonyms = { "Pakistani", "Pakistanis" } },
  { name = "Saudi Arabia", names = { "Saudi Arabia" }, capitals = { "Riyadh" }, demonyms = { "Saudi", "Saudis" } },
  { name = "Egypt", names = { "Egypt" }, capitals = { "Cairo" }, demonyms = { "Egyptian", "Egyptians" } },
  { name = "Georgia", names = { "Georgia" }, capitals = { "Tbilisi" } },
  { name = "Belarus", names = { "Belarus" }, capitals = { "Minsk" }, demonyms = { "Belarusian", "Belarusians" }, leaders = { "Lukashenko" } },
  { name = "Kazakhstan", names = { "Kazakhstan" }, capitals = { "Astana" }, demonyms = { "Kazakh", "Kazakhs" } },
  { name = "Poland", names = { "Poland" }, capitals = { "Warsaw" }, demonyms = { "Polish", "Poles" } },
  { name = "Vietnam", names = { "Vietnam", "Viet Nam" }, capitals = { "Hanoi" }, demonyms = { "Vietnamese" } },
  { name = "Philippines", names = { "Philippines" }, capitals = { "Manila" }, demonyms = { "Filipino", "Filipinos" } },
  { name = "Australia", names = { "Australia" }, capitals = { "Canberra" }, demonyms = { "Australian", "Australians" } },
  { name = "Canada", names = { "Canada" }, capitals = { "Ottawa" }, demonyms = { "Canadian", "Canadians" }, leaders = { "Trudeau" } },
  { name = "Mexico", names = { "Mexico" }, capitals = { "Mexico City" }, demonyms = { "Mexican", "Mexicans" } },
  { name = "Brazil", names = { "Brazil" }, capitals = { "Brasília", "Brasilia" }, demonyms = { "Brazilian", "Brazilians" }, leaders = { "Bolsonaro" } },
  { name = "Venezuela", names = { "Venezuela" }, capitals = { "Caracas" }, demonyms = { "Venezuelan", "Venezuelans" }, leaders = { "Maduro" } },
}

--- Phrases that contain an alias but do not name the place; they are matched
--- (longest first, like aliases) and then dropped.
G.ignore = {
  "South America", "North America", "Latin America", "Central America", "Captain America",
  "South China Sea", "East China Sea", "Indian Ocean", "New Mexico", "New South Wales",
  "Washington Post", "Washington State", "George Washington", "Xi’an", "Xi'an",
}

local aliases -- list of {pattern, alias, place, kind}, longest alias first

local function pattern(alias)
  -- whole words: %f[%w] before, %f[^%w] after; punctuation in the alias is
  -- literal; a space matches any run of white space, no-break spaces included.
  local p = alias:gsub("[%^%$%(%)%%%.%[%]%*%+%-%?]", "%%%0"):gsub(" ", "[%%s\194\160]+")
  return "%f[%w]" .. p .. "%f[^%w]"
end

--- Rebuilds the alias table after you change G.places or G.ignore.
function G.rebuild()
  aliases = {}
  for _, place in ipairs(G.places) do
    for _, kind in ipairs({ "names", "capitals", "demonyms", "leaders" }) do
      for _, al in ipairs(place[kind] or {}) do
        aliases[#aliases + 1] = { pattern = pattern(al), alias = al, place = place.name, kind = kind:gsub("s$", "") }
      end
    end
  end
  for _, al in ipairs(G.ignore) do aliases[#aliases + 1] = { pattern = pattern(al), alias = al } end
  table.sort(aliases, function(x, y)
    if #x.alias ~= #y.alias then return #x.alias > #y.alias end
    return x.alias < y.alias
  end)
end
G.rebuild()

---@class GazetteerHit
---@field place string   canonical name ("United States")
---@field alias string   the alias as listed ("U.S")
---@field kind string    "name", "capital", "demonym" or "leader"
---@field start integer  byte offset of the match in the string
---@field stop integer   byte offset of its last byte

--- Every mention of a place in s, in text order.
---@param s string
---@return GazetteerHit[]
function G.find(s)
  local hits, taken = {}, {}
  for _, al in ipairs(aliases) do
    local init = 1
    while true do
      local a, b = s:find(al.pattern, init)
      if not a then break end
      local free = true
      for k = a, b do if taken[k] then free = false; break end end
      if free then
        for k = a, b do taken[k] = true end
        if al.place then
          hits[#hits + 1] = { place = al.place, alias = al.alias, kind = al.kind, start = a, stop = b }
        end
      end
      init = b + 1
    end
  end
  table.sort(hits, function(x, y) return x.start < y.start end)
  return hits
end

--- place -> number of mentions in s.
---@param s string
---@return table<string, integer>
function G.count(s)
  local n = {}
  for _, h in ipairs(G.find(s)) do n[h.place] = (n[h.place] or 0) + 1 end
  return n
end

return G
