function article(a) if a.xpath then a:xpath("//*/following::*/preceding::*") end end
