-- The examples' stopword set (examples/lib/stopwords.lua), one word a line.
function finish()
  local words = {}
  for w in pairs(require("stopwords")) do words[#words + 1] = w end
  table.sort(words)
  print(table.concat(words, "\n"))
end
