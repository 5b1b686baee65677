function article(a)
  local words = {}
  for i = 1, 8000 do words[i] = "w" .. i end
  local n = text.ngrams(words, 4000)
end
