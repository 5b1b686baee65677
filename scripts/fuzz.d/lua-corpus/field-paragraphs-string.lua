function article(a) a.paragraphs = "str" local s = a.sections emit{n = #s} end
