// Markdown pages (html2text, Jina Reader, Firecrawl, static-site sources) are
// read as Markdown: recognised by content, then rewritten line for line into
// the plain text the reader knows (same line numbers, so --explain points at
// the page's own lines): "#" markers, emphasis, link and image markup and
// table rules go, link text stays, a reader header or front matter fills the
// title, URL and date. What the markup said (headings, share of a line that is
// link text) is kept per line for the classifier.

import ArticleModel

struct MarkdownPage {
    /// The page without markup, one output line per input line.
    var text: String
    /// 1-based line -> heading level (1 for "# ").
    var headings: [Int: Int] = [:]
    /// 1-based line -> share of the line's letters that were link text (0...1).
    var linkShare: [Int: Double] = [:]
    /// 1-based lines that were table rows.
    var tableRows: Set<Int> = []
    /// Headings that are one link to another page: a teaser inside the story.
    var linkedHeadings: Set<Int> = []
    var title: String?
    var url: String?
    var published: String?
    /// 1-based line of the title written from the header (0: none).
    var titleLine = 0

    /// Markdown by its content: a reader header ("Title:" with "URL Source:" or
    /// "Markdown Content:" under it), YAML front matter, or headings and links
    /// in Markdown syntax. Looks at the first 16 KB only.
    static func looksLikeMarkdown(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { u in
            var lines = 0, headings = 0, links = 0, readerKeys = 0
            var frontMatter = false, tableRule = false
            var s = 0
            let n = min(u.count, 16384)
            // Only lines opening with a character that markup can open with become strings.
            while s < n {
                let e = min(n, UnitSplitter.nextNewline(u, from: s))
                lines += 1
                if e > s, [0x2D, 0x23, 0x7C, 0x54, 0x55, 0x50, 0x4D, 0x3D].contains(u[s]) {
                    let l = Substring(decoding: UnsafeBufferPointer(rebasing: u[s..<e]), as: UTF8.self)
                    if lines == 1 && l.trimmingSuffix() == "---" { frontMatter = true }
                    else if frontMatter && lines <= 40 && l.trimmingSuffix() == "---" { return true }
                    if lines <= 12 { for k in ParserRules.readerHeaderKeys where l.hasPrefix(k.key) { readerKeys += 1 } }
                    // "# Heading", or "=====" under one.
                    if atxLevel(l) != nil || (e - s >= 3 && l.trimmingSuffix().allSatisfy { $0 == "=" }) { headings += 1 }
                    if !tableRule && l.hasPrefix("|") && isRule(String(l.trimmingSuffix())) { tableRule = true }
                }
                s = e + 1
            }
            if readerKeys >= 2 || headings >= 2 || tableRule { return true }
            links = linkCount(u, n)
            return (headings >= 1 && links >= 3) || links >= 8
        }
    }

    /// How many "](" in u[0..<n], eight bytes at a time (most words hold no "]").
    static func linkCount(_ u: UnsafeBufferPointer<UInt8>, _ n: Int) -> Int {
        var links = 0, j = 0
        guard n > 1, let addr = u.baseAddress else { return 0 }
        let base = UnsafeRawPointer(addr)
        while j + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: j, as: UInt64.self) ^ 0x5D5D_5D5D_5D5D_5D5D
            if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 {
                for k in j..<(j + 8) where u[k] == 0x5D && k + 1 < n && u[k + 1] == 0x28 { links += 1 }
            }
            j += 8
        }
        while j < n { if u[j] == 0x5D && j + 1 < n && u[j + 1] == 0x28 { links += 1 }; j += 1 }
        return links
    }

    /// "## Heading" -> 2.
    /// A link opened by a line of its own ("[ Headline") spans at most this many lines.
    static let linkLinesMax = 12

    static func atxLevel(_ l: Substring) -> Int? {
        var n = 0
        var i = l.startIndex
        while i < l.endIndex && l[i] == "#" && n < 7 { n += 1; i = l.index(after: i) }
        guard n >= 1 && n <= 6, i < l.endIndex, l[i] == " " else { return nil }
        return n
    }

    init(_ source: String) {
        text = ""
        var outLines: [String] = []
        // Split on bytes: splitting a String on Characters runs grapheme breaking over the page.
        let lines = source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring(String(decoding: $0, as: UTF8.self)) }
        var k = 0
        // Front matter: "---" / key: value lines / "---".
        if let f = lines.first, f.trimmingSuffix() == "---",
           let close = lines.dropFirst().prefix(40).firstIndex(where: { $0.trimmingSuffix() == "---" }) {
            for l in lines[1..<close] { takeHeader(l, yaml: true) }
            for _ in 0...close { outLines.append("") }
            k = close + 1
            if let t = title { outLines[0] = t; titleLine = 1 }
        } else {
            // A reader header: "Title:", "URL Source:", "Published Time:", then "Markdown Content:".
            var j = 0
            while j < lines.count && j < 12 {
                let l = lines[j]
                if l.trimmed(" \t\r") == "" { j += 1; continue }
                guard ParserRules.readerHeaderKeys.contains(where: { l.hasPrefix($0.key) }) else { break }
                let isContent = takeHeader(l, yaml: false)
                j += 1
                if isContent { break }
            }
            if j > 0 && (title != nil || url != nil) {
                for _ in 0..<j { outLines.append("") }
                k = j
                if let t = title {
                    // The document title stands first, as scraped text pages have it.
                    outLines[0] = t
                    titleLine = 1
                }
            }
        }
        var inCode = false
        var linkLines = 0
        var linkDepth = 0
        var inTable = false
        while k < lines.count {
            let raw = lines[k]
            let lineNo = k + 1
            k += 1
            var l = raw.trimmingSuffix()
            if l.hasPrefix("```") || l.hasPrefix("~~~") { inCode.toggle(); outLines.append(""); continue }
            if inCode { outLines.append(String(l)); continue }
            let trimmed = l.trimmed(" \t")
            // Rules ("* * *", "---") and table rules ("|---|:--|").
            if Self.isRule(trimmed) {
                // A table's rule under its header row: rows follow until a blank line
                // (html2text writes them without outer pipes: "DL | Larry Ogunjobi | 63").
                if trimmed.contains("|") && lineNo > 1 && !lines[lineNo - 2].trimmed(" \t\r").isEmpty {
                    tableRows.insert(lineNo - 1)
                    inTable = true
                }
                outLines.append("")
                continue
            }
            if inTable {
                if trimmed.isEmpty || !trimmed.contains("|") { inTable = false } else { tableRows.insert(lineNo) }
            }
            // An empty heading ("###", as html2text writes an empty <h3>) is no
            // text: read as "###" it would end a press release. A line right
            // under it is its text (html2text's "<h4><br>Title</h4>").
            if !trimmed.isEmpty && trimmed.utf8.count <= 6 && trimmed.utf8.allSatisfy({ $0 == 0x23 }) {
                if k < lines.count && !lines[k].trimmed(" \t\r").isEmpty { headings[lineNo + 1] = trimmed.utf8.count }
                outLines.append("")
                continue
            }
            if let lv = Self.atxLevel(Substring(trimmed)) {
                headings[lineNo] = lv
                var h = trimmed.dropFirst(lv + 1)
                while h.hasSuffix("#") { h = h.dropLast() }
                l = Substring(h.trimmed(" "))
                if Self.isOneLinkAway(l) { linkedHeadings.insert(lineNo) }
            }
            // Setext underlines ("Title" over "=====") make the line above a heading.
            if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" || $0 == "-" }), trimmed.count >= 3,
               let prev = outLines.last, !prev.isEmpty {
                headings[lineNo - 1] = trimmed.first == "=" ? 1 : 2
                outLines.append("")
                continue
            }
            var s = String(l)
            while s.hasPrefix(">") { s = String(s.dropFirst()).trimmed(" ") }
            if s.hasPrefix("|") && s.hasSuffix("|") && s.count > 2 {
                tableRows.insert(lineNo)
                let cells = s.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                s = cells.map { $0.trimmed(" ") }.joined(separator: " | ")
            }
            // A link over several lines ("[ Headline" / "* By Staff" / "](/url)",
            // as html2text writes a card, or a photo's link "[![alt" / "caption" /
            // "_(c) Agency_](/photo.jpg)Hamburg - The story ..."): its lines are
            // link text up to the "](" that closes its first "["; what follows
            // the link's ")" on that line is the page's own text (the story's
            // first paragraph, glued to the photo by html2text).
            if linkLines > 0 {
                linkLines -= 1
                let c = Array(s.utf8)
                if let close = Self.closingAcross(c, depth: &linkDepth) {
                    linkLines = 0
                    let end = Self.parenEnd(c, close + 1) ?? close
                    let rest = String(decoding: c[(end + 1)...], as: UTF8.self)
                    let (after, restLinks, restLetters) = Self.inline(rest)
                    if restLetters > 0 {
                        // The link's text (a caption, a credit) stays out: it would start the paragraph.
                        if restLinks > 0 { linkShare[lineNo] = Double(restLinks) / Double(restLetters) }
                        outLines.append(after)
                    } else {
                        let (clean, _, letters) = Self.inline(String(decoding: c[..<close], as: UTF8.self))
                        if letters > 0 { linkShare[lineNo] = 1 }
                        outLines.append(clean)
                    }
                    continue
                }
                let (clean, _, letters) = Self.inline(s)
                if letters > 0 { linkShare[lineNo] = 1 }
                outLines.append(clean)
                continue
            }
            if s.hasPrefix("[") && !s.contains("]") {
                linkLines = Self.linkLinesMax
                linkDepth = 0
                _ = Self.closingAcross(Array(s.utf8), depth: &linkDepth)
                let (clean, _, letters) = Self.inline(String(s.dropFirst()).trimmed(" "))
                if letters > 0 { linkShare[lineNo] = 1 }
                outLines.append(clean)
                continue
            }
            let (clean, linkLetters, letters) = Self.inline(s)
            if letters > 0 && linkLetters > 0 { linkShare[lineNo] = Double(linkLetters) / Double(letters) }
            outLines.append(clean)
        }
        text = outLines.joined(separator: "\n")
    }

    /// "[Bus fares to rise](https://example.com/news/bus)": the whole text one
    /// link, to a page (not to an anchor of this one, "(#costs)").
    /// The link's text may hold brackets of its own ("[ Headline ![alt](src)
    /// ](url)", an image in the link): its end is the "]" that closes the first "[".
    static func isOneLinkAway(_ l: Substring) -> Bool {
        guard l.hasPrefix("["), l.hasSuffix(")") else { return false }
        var depth = 0
        var close: Substring.Index? = nil
        for i in l.indices {
            let c = l[i]
            if c == "[" { depth += 1 } else if c == "]" {
                depth -= 1
                if depth == 0 { close = i; break }
            }
        }
        guard let close, l.index(after: close) < l.endIndex, l[l.index(after: close)] == "(" else { return false }
        let target = l[l.index(close, offsetBy: 2)..<l.index(before: l.endIndex)]
        return !target.isEmpty && !target.contains("#") && !target.contains(" ") && !target.contains("(")
    }

    /// Reads one header line into the fields; true for "Markdown Content:".
    @discardableResult
    mutating func takeHeader(_ l: Substring, yaml: Bool) -> Bool {
        guard let colon = l.firstIndex(of: ":") else { return false }
        let key = l[..<colon].trimmed(" ").lowercased()
        var value = l[l.index(after: colon)...].trimmed(" \t\r")
        if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
        guard let field = ParserRules.readerHeaderKeys.first(where: { $0.key.dropLast().lowercased() == key })?.field
                ?? (yaml ? ParserRules.frontMatterKeys[key] : nil) else { return false }
        switch field {
        case "title": if title == nil && !value.isEmpty { title = value }
        case "url": if url == nil && !value.isEmpty { url = value }
        case "published": if published == nil { published = DateNormalizer.normalize(value) }
        case "content": return true
        default: break
        }
        return false
    }

    static func isRule(_ t: String) -> Bool {
        guard let f = t.utf8.first, f == 0x2A || f == 0x2D || f == 0x5F || f == 0x7C, t.utf8.count >= 3 else { return false }
        let noSpace = t.filter { $0 != " " }
        if noSpace.count >= 3, let c = noSpace.first, c == "*" || c == "-" || c == "_", noSpace.allSatisfy({ $0 == c }) {
            return true
        }
        // A table's rule: only |, -, : and spaces, with at least one | and three -.
        return t.contains("|") && t.contains("---") && t.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
    }

    /// Inline markup out: images dropped, links to their text, emphasis, code
    /// ticks and backslash escapes removed; list markers stay. Returns the
    /// text, and the letters that were link text and all letters. Works on
    /// bytes: all markup is ASCII.
    static func inline(_ s: String) -> (String, Int, Int) {
        let c = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(c.count)
        var linkLetters = 0, letters = 0
        var i = 0
        func isSpace(_ x: UInt8) -> Bool { x == 0x20 || x == 0x09 }
        func isLetter(_ x: UInt8) -> Bool { (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A || x >= 0xC0 }
        func isPunct(_ x: UInt8) -> Bool { x > 0x20 && x < 0x7F && !isLetter(x) && !(x >= 0x30 && x <= 0x39) }
        // A list marker at the start is kept as it is ("* item", "1. item").
        var lead = 0
        while lead < c.count && c[lead] == 0x20 { lead += 1 }
        if lead + 1 < c.count, c[lead] == 0x2A || c[lead] == 0x2D || c[lead] == 0x2B, c[lead + 1] == 0x20 {
            out.append(contentsOf: c[0..<(lead + 2)])
            i = lead + 2
            // A heading inside the item ("* ### Nachteile beim Autoleasing:", html2text's
            // <li><h3>): its marker is markup, not text.
            var h = i
            while h < c.count && h - i < 6 && c[h] == 0x23 { h += 1 }
            if h > i && h + 1 < c.count && c[h] == 0x20 { i = h + 1 }
        }
        var linkDepth = 0
        var stack: [Int] = []
        while i < c.count {
            let ch = c[i]
            switch ch {
            case 0x5C where i + 1 < c.count && isPunct(c[i + 1]):  // \* \[ \_
                out.append(c[i + 1]); i += 2; continue
            case 0x21 where i + 1 < c.count && c[i + 1] == 0x5B:  // ![alt](src)
                if let close = closing(c, i + 1), close + 1 < c.count, let end = parenEnd(c, close + 1) {
                    // An image: its alt text is not part of the article's text.
                    i = end + 1; continue
                }
            case 0x5B:  // [text](href)
                if let close = closing(c, i), close + 1 < c.count, parenEnd(c, close + 1) != nil {
                    stack.append(close); linkDepth += 1; i += 1; continue
                }
            case 0x5D:
                if let top = stack.last, top == i, let end = parenEnd(c, i + 1) {
                    stack.removeLast(); linkDepth -= 1; i = end + 1; continue
                }
            case 0x3C:  // <https://...>: the address is no prose
                if i + 5 < c.count, c[i + 1] | 0x20 == 0x68, c[i + 2] | 0x20 == 0x74, let gt = c[i...].firstIndex(of: 0x3E) {
                    i = gt + 1; continue
                }
            case 0x2A, 0x5F, 0x60:
                // Emphasis and code ticks: dropped when they open or close a word.
                let prev: UInt8 = i > 0 ? c[i - 1] : 0x20
                let next: UInt8 = i + 1 < c.count ? c[i + 1] : 0x20
                // (A lone "*" between letters is a gender star, "Kund*innen", not emphasis.)
                let intraWord = (ch == 0x5F || ch == 0x2A) && isLetter(prev) && isLetter(next)
                if !intraWord && (!isSpace(prev) || !isSpace(next) || ch == 0x60) { i += 1; continue }
            default: break
            }
            if isLetter(ch) { letters += 1; if linkDepth > 0 { linkLetters += 1 } }
            // Runs of spaces render as one ("[ Spaceflight ]").
            if isSpace(ch), let l = out.last, isSpace(l) { i += 1; continue }
            out.append(ch)
            i += 1
        }
        while let l = out.last, isSpace(l) { out.removeLast() }
        var st = 0
        while st < out.count && isSpace(out[st]) { st += 1 }
        return (String(decoding: out[st...], as: UTF8.self), linkLetters, letters)
    }

    /// The "]" closing the "[" at `i`, on the same line.
    static func closing(_ c: [UInt8], _ i: Int) -> Int? {
        var depth = 0, j = i
        while j < c.count {
            if c[j] == 0x5C { j += 2; continue }
            if c[j] == 0x5B { depth += 1 } else if c[j] == 0x5D { depth -= 1; if depth == 0 { return j } }
            j += 1
        }
        return nil
    }

    /// A line of a link that spans lines, `depth` its "[" still open: the "]"
    /// that closes the first one (depth back to 0) when a "(" follows it, else
    /// nil with `depth` carried on to the next line. A "]" closing the first
    /// "[" with no "(" after it ends the link too (text in brackets, no link).
    static func closingAcross(_ c: [UInt8], depth: inout Int) -> Int? {
        var j = 0
        while j < c.count {
            if c[j] == 0x5C { j += 2; continue }
            if c[j] == 0x5B { depth += 1 } else if c[j] == 0x5D {
                depth -= 1
                if depth <= 0 { depth = 0; return j }
            }
            j += 1
        }
        return nil
    }

    /// The ")" closing the "(" at `i` (a link target may hold parentheses).
    static func parenEnd(_ c: [UInt8], _ i: Int) -> Int? {
        guard i < c.count, c[i] == 0x28 else { return nil }
        var depth = 0, j = i
        while j < c.count {
            if c[j] == 0x28 { depth += 1 } else if c[j] == 0x29 { depth -= 1; if depth == 0 { return j } }
            j += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Without the given characters at either end.
    func trimmed(_ chars: String) -> String {
        var s = self[...]
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Substring {
    func trimmingSuffix() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
