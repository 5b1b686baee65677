function article(a) a.paragraphs = 42 end
function paragraph(p, a) end
