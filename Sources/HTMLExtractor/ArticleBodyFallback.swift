// The last resort of `HTMLReader.read`: a page whose HTML does not carry its
// story (a paywall shows a teaser and prices; a script writes the story in
// the browser) while its JSON-LD `articleBody` does. Elsewhere the
// articleBody is evidence only (`LDEvidence`: often truncated or a summary);
// here it is the one copy of the story the page has.
import ArticleModel

extension Extraction {
    /// An articleBody this long (words) or longer can be the body.
    static let articleBodyMinWords = 100

    static let articleBodyRule = "body: the page's JSON-LD articleBody"

    /// When the page's body holds under half the words of the page's own
    /// JSON-LD articleBody (of the article whose headline is the page's title),
    /// the articleBody's paragraphs are the body and what was body goes out:
    /// lines the articleBody has as `ignored` (its copy is kept), the rest
    /// (prices, a login box, the author's bio) as `boilerplate:other`.
    mutating func preferArticleBody() {
        // Most pages with an articleBody show it: as many bytes of body or more.
        guard let ab = ldArticleBody, let ev = ld, bodyChars < ab.utf8.count else { return }
        let abWords = ev.words
        guard abWords >= Extraction.articleBodyMinWords else { return }
        var bodyWords = 0
        for b in blocks where b.label == .paragraph || b.label == .heading {
            bodyWords += LDEvidence.words(b.text, markup: false).count
        }
        guard bodyWords * 2 < abWords else { return }
        let paras = Extraction.paragraphs(ofArticleBody: ab)
        guard !paras.isEmpty else { return }
        let why = "the page shows \(bodyWords) words of its \(abWords)"
        var at: Int? = nil
        for k in blocks.indices where blocks[k].label == .paragraph || blocks[k].label == .heading {
            if at == nil { at = k }
            let m = ev.match(blocks[k].text)
            if m.grams > 0 && m.hits * 2 >= m.grams {
                blocks[k].label = .ignored
                blocks[k].rule += "; in the JSON-LD articleBody, which is the body (\(why))"
            } else {
                blocks[k].label = .boilerplate("other")
                blocks[k].rule += "; not in the JSON-LD articleBody, which is the body (\(why))"
            }
        }
        // Where the story was, but not above the headline; else under the
        // headline, else after the page's fields.
        let headline = blocks.firstIndex { $0.label == .ignored && $0.rule.hasPrefix("the headline") }.map { $0 + 1 }
        let anchor = max(at ?? 0, headline ?? 0)
        let pos = anchor > 0 ? anchor
            : (blocks.lastIndex { $0.tag == "meta" || $0.tag == "title" }.map { $0 + 1 } ?? blocks.count)
        let line = pos < blocks.count ? blocks[pos].line : 0
        let new = paras.map {
            Block(index: 0, line: line, text: $0, label: .paragraph,
                  rule: Extraction.articleBodyRule + " (\(why): a paywall or a script)", tag: "script")
        }
        blocks.insert(contentsOf: new, at: pos)
        for k in blocks.indices { blocks[k].index = k }
    }

    /// The articleBody's paragraphs: its line breaks (or the paragraph and
    /// break tags some publishers leave in it) end paragraphs; other tags go,
    /// character references are decoded, white space is collapsed.
    static func paragraphs(ofArticleBody ab: String) -> [String] {
        // References first: some publishers escape their tags ("&lt;p&gt;").
        let chars = Array(decodingReferences(ab))
        var out = ""
        var k = 0
        // The first '>' after the current '<', found once for every '<' before it
        // (a text of many '<' and no '>' is read in one pass, not one per '<').
        var nextClose: Int? = -1
        while k < chars.count {
            let ch = chars[k]
            if ch == "<", let c = nextClose, c <= k { nextClose = chars[(k + 1)...].firstIndex(of: ">") }
            // A tag opens with a letter or '/' after '<' ("a < b" is text).
            if ch == "<", k + 1 < chars.count, chars[k + 1].isLetter || chars[k + 1] == "/",
               let close = nextClose {
                let name = String(chars[(k + 1)..<close].drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                if Extraction.breakingTags.contains(name) { out.append("\n") }
                k = close + 1
                continue
            }
            out.append(ch)
            k += 1
        }
        return out.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { clean(String($0)) }.filter { !$0.isEmpty }
    }

    /// Tags in an articleBody that end a paragraph.
    static let breakingTags: Set<String> = ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"]
}
