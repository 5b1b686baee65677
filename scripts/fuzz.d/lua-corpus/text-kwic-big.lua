function article(a)
  local s = string.rep("term ", 20000)
  local k = text.kwic(s, "term", 200)
end
