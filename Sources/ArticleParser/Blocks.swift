// Blocks read as a whole: a blank-line separated group of short lines is
// often one piece of furniture (a sponsor box, a donate appeal, a photo
// gallery, a case caption, a print edition's "INSIDE" index), and its lines
// take the kind of the block even when most of them match no rule.

import ArticleModel

extension Classifier {
    /// Kinds that make their whole block boilerplate when the block opens with
    /// one of them ("PRESENTED BY X / pitch / Learn more →", "Donate now / £25 could ...").
    static let blockOpeners: Set<String> = ["advert", "cta"]
    /// Kinds that do so when two lines of the block have them ("Gallery / 1 of 12 /
    /// caption / Swipe for more", "Sign up ... / Enter your email / Subscribe").
    static let blockKinds: Set<String> = ["advert", "cta", "newsletter", "widget"]

    mutating func labelBlocks() {
        let n = units.count
        var bs = 0
        while bs < n {
            var be = bs + 1
            while be < n && !units[be].opensBlock { be += 1 }
            defer { bs = be }
            labelPageRefs(bs, be)
            // "Journal Reference:\n<citation>", "News provided by\n<company>": a label
            // line opening its block gives its kind to the lines under it.
            if let k = boilerplateKind(bs), info[bs].hit != nil, Self.labelKinds.contains(k), opensLabelledBlock(bs) {
                // (Lines touching the label count, also when a long one split the block.)
                var le = bs + 1
                while le < n && units[le].blankBefore == 0 { le += 1 }
                le = max(be, le)
                // In Markdown a loose list (html2text sets items holding a heading
                // apart with blank lines) is one list: its link items are under the label too.
                if !mdLinkShare.isEmpty {
                    while le < n && UnitSplitter.startsListItem(b, units[le].start, units[le].end)
                        && (mdLinkShare[units[le].line] ?? 0) >= Self.linkShareOut { le += 1 }
                }
                for i in (bs + 1)..<le where info[i].plain {
                    info[i].contextKind = k
                    info[i].contextWhy = "\(k): line under the label '\(text(bs).prefix(40))'"
                }
                continue
            }
            guard be - bs >= 2, be - bs <= 30 else { continue }
            // Only blocks of short single lines: prose blocks are not boxes.
            guard (bs..<be).allSatisfy({ units[$0].lineCount == 1 && units[$0].end - units[$0].start <= 240 }) else { continue }
            if be - bs <= 10 && labelBox(bs, be) { continue }
            if let k = shapedBoxKind(bs, be) {
                for i in bs..<be where (info[i].plain || info[i].contextKind != nil) && i != title && !(title >= 0 && isRepeatedTitle(i)) {
                    info[i].runKind = nil
                    info[i].contextKind = k.kind
                    info[i].contextWhy = k.why
                }
                continue
            }
            guard be - bs <= 10 else { continue }
            var kind: String? = nil
            if let k = boilerplateKind(bs), Self.blockOpeners.contains(k) { kind = k }
            if kind == nil {
                var counts: [String: Int] = [:]
                for i in bs..<be { if let k = boilerplateKind(i), Self.blockKinds.contains(k) { counts[k, default: 0] += 1 } }
                let total = counts.values.reduce(0, +)
                if total >= 2, let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) { kind = best.key }
            }
            guard let k = kind else { continue }
            for i in bs..<be where info[i].plain && i != title && !(title >= 0 && isRepeatedTitle(i)) {
                info[i].contextKind = k
                info[i].contextWhy = "\(k): line in a block of \(k) lines"
            }
        }
    }

    /// A block of short lines that is a table, an index or a verdict box as a
    /// whole, told by the shape of its lines: results rows ("Ana Delgado | 24,318 |
    /// 51.9%"), a chapter index ("00:00 Introduction", "02:41 A boat too big"),
    /// a review's summary box ("Our verdict / Score: 8/10 / Pros / + ... / Cons").
    func shapedBoxKind(_ bs: Int, _ be: Int) -> (kind: String, why: String)? {
        var rows = 0, numericRows = 0, cells = -1, sameCells = true, times = 0, marks = 0, items = 0
        var seen: UInt64 = 0
        for i in bs..<be {
            let s = units[i].start, e = units[i].end
            var line = false
            if let c = tableRowCells(s, e) {
                rows += 1
                if c.numeric { numericRows += 1 }
                if cells >= 0 && c.cells != cells { sameCells = false }
                cells = c.cells
                line = true
            }
            if startsWithTimestamp(s, e), info[i].headingLike { times += 1; line = true }
            if let m = verdictMark(s, e) { line = true; if seen & (1 << UInt64(m)) == 0 { seen |= 1 << UInt64(m); marks += 1 } }
            if !line {
                // Other lines must be labels (no sentence end) or list items: a
                // sentence in the block keeps the block out of this test.
                if UnitSplitter.startsListItem(b, s, e) { items += 1 }
                else if !info[i].headingLike { return nil }
            }
        }
        if numericRows >= 2 && sameCells { return ("table", "table: block of table rows ('Name | 24,318 | 51.9%')") }
        if times >= 2 && times * 2 >= be - bs && items == 0 { return ("index", "index: block of timestamped chapter lines ('02:41 Title')") }
        if marks >= 2 && be - bs >= 3 { return ("review", "review: a review's summary box ('Our verdict', 'Pros', 'Cons')") }
        return nil
    }

    /// "Ana Delgado (incumbent) | 24,318 | 51.9%": two or more cells split by " | ",
    /// at least one of them a number; the count of cells.
    func tableRowCells(_ s: Int, _ e: Int) -> (cells: Int, numeric: Bool)? {
        guard e - s <= 160 else { return nil }
        var cells = 1, numeric = false
        var st = s, i = s
        func cell(_ a: Int, _ z: Int) {
            let (x, y) = trimmed(b, a, z)
            guard y > x else { return }
            var digits = 0, other = 0
            for c in b[x..<y] {
                if isDigit(c) { digits += 1 } else if !(c == 0x2C || c == 0x2E || c == 0x25 || c == 0x2B || c == 0x2D || c == 0x24 || c == 0x20) { other += 1 }
            }
            if digits > 0 && other <= 1 { numeric = true }
        }
        while i + 2 < e {
            if b[i] == 0x20 && b[i + 1] == 0x7C && b[i + 2] == 0x20 { cell(st, i); cells += 1; st = i + 3; i += 3; continue }
            i += 1
        }
        guard cells >= 2 else { return nil }
        cell(st, e)
        return (cells, numeric)
    }

    /// "00:00 Introduction", "1:02:41 Title": a time, a space, then text.
    func startsWithTimestamp(_ s: Int, _ e: Int) -> Bool {
        var i = s, groups = 0
        while true {
            let d0 = i
            while i < e && isDigit(b[i]) && i - d0 < 2 { i += 1 }
            guard i > d0 else { return false }
            groups += 1
            if i < e && b[i] == 0x3A && groups < 3 { i += 1; continue }
            break
        }
        return groups >= 2 && i + 1 < e && b[i] == 0x20 && !isDigit(b[i + 1])
    }

    /// The labels of a review's summary box, in a few languages: which one.
    func verdictMark(_ s: Int, _ e: Int) -> Int? {
        guard e - s <= 60 else { return nil }
        let soft = ParserRules.softEnd(b, s, e)
        for (k, w) in Self.verdictWords.enumerated() where soft - s == w.utf8CodeUnitCount && hasPrefixCI(b, s, soft, w) { return k }
        for (k, w) in Self.verdictLabels.enumerated() where hasPrefixCI(b, s, e, w) { return Self.verdictWords.count + k }
        return nil
    }

    static let verdictWords: [StaticString] = [
        "our verdict", "the verdict", "verdict", "pros", "cons", "pros and cons", "the good", "the bad",
        "fazit", "vorteile", "nachteile", "veredicto", "contras", "notre avis", "verdict final",
        "les plus", "les moins", "pluspunten", "minpunten", "ons oordeel",
    ]
    static let verdictLabels: [StaticString] = [
        "score:", "rating:", "our rating:", "our score:", "price when reviewed", "check price at ", "wertung:", "puntuación:",
    ]

    static let labelKinds: Set<String> = ["meta", "disclaimer", "credits", "related", "advert", "cta", "newsletter"]

    /// The unit is a label alone: "Story Source:", "News provided by", "Cite This Page:".
    func opensLabelledBlock(_ i: Int) -> Bool {
        let s = units[i].start, e = units[i].end
        guard e - s <= 60 else { return false }
        let (last, _) = lastScalar(b, s, e)
        return last == 0x3A || last == 0xFF1A || hasSuffixCI(b, s, e, " by")
    }

    /// "Case: X / Court: Y / Docket No.: Z / Panel: ...", "Claim: ... / Rating: False":
    /// a box of three or more "Label: value" lines (most of the block), most
    /// values short. A byline, date or credit among them keeps its own label.
    mutating func labelBox(_ bs: Int, _ be: Int) -> Bool {
        var labelled = 0, short = 0
        for i in bs..<be {
            guard let v = labelValueStart(units[i].start, units[i].end) else { continue }
            labelled += 1
            if units[i].end - v <= 80 { short += 1 }
        }
        guard labelled >= 3, labelled * 5 >= (be - bs) * 3, short * 2 >= labelled else { return false }
        for i in bs..<be where info[i].plain || (info[i].hit != nil && !isFieldHit(i)) {
            info[i].hit = nil
            info[i].runKind = nil
            info[i].contextKind = "meta"
            info[i].contextWhy = "meta: line of a box of 'Label: value' lines"
        }
        return true
    }

    func isFieldHit(_ i: Int) -> Bool {
        guard let l = hitLabel(i) else { return false }
        switch l {
        case .byline, .date, .imageCredit, .tags: return true
        default: return false
        }
    }

    /// "Docket No.: 22-35817" -> where the value starts: a label of one to four
    /// words, capitalised, then ":" and a value. Speaker labels of an interview
    /// ("Q:", "A:", "MARSH:") are not box labels.
    func labelValueStart(_ s: Int, _ e: Int) -> Int? {
        guard e - s >= 4, isUpperASCII(b[s]) || b[s] >= 0xC3 else { return nil }
        if speakerLabelEnd(s, e) != nil { return nil }
        var i = s, words = 1
        let lim = min(e, s + 32)
        while i < lim && b[i] != 0x3A {
            if b[i] == 0x20 { words += 1 }
            if b[i] == 0x2C || b[i] == 0x3B { return nil }
            i += 1
        }
        guard i < lim, b[i] == 0x3A, i > s, words <= 4, i + 1 < e, b[i + 1] == 0x20 else { return nil }
        let (vs, ve) = trimmed(b, i + 1, e)
        return ve > vs ? vs : nil
    }

    /// "Q: ...", "A: ...", "MARSH: ...": an interview's speaker label; where its text starts.
    func speakerLabelEnd(_ s: Int, _ e: Int) -> Int? {
        // "Q. Why now?" / "A. Because ..."
        if e - s > 3, b[s] == 0x51 || b[s] == 0x41, b[s + 1] == 0x2E, b[s + 2] == 0x20, isUpperASCII(b[s + 3]) || b[s + 3] >= 0x80 { return s + 3 }
        var i = s
        var letters = 0
        while i < e && i - s <= 24 && (isUpperASCII(b[i]) || b[i] == 0x20 || b[i] == 0x2E || b[i] == 0x2D || b[i] == 0x27) {
            if isUpperASCII(b[i]) { letters += 1 }
            i += 1
        }
        guard letters >= 1, i + 1 < e, b[i] == 0x3A, b[i + 1] == 0x20, b[i - 1] != 0x20 else { return nil }
        // One or two letters ("Q", "A", "JD"), or a capitalised name of two letters or more in capitals.
        return i + 2
    }

    // MARK: - print pages

    /// A page reference at the end of a line: "A7", "B12", "page 4".
    func endsWithPageRef(_ s: Int, _ e: Int) -> Bool {
        var i = e
        while i > s && isDigit(b[i - 1]) { i -= 1 }
        guard i < e, e - i <= 2, i > s else { return false }
        if isUpperASCII(b[i - 1]) { return i - 1 == s || b[i - 2] == 0x20 }
        return i - 1 > s && b[i - 1] == 0x20 && (hasSuffixCI(b, s, i - 1, "page") || hasSuffixCI(b, s, i - 1, "p."))
    }

    /// Print e-edition furniture: jump lines ("Continued on A7", "FERRY, from A1",
    /// "See SCHOOLS, A8") and an index of page references ("INSIDE / Opinion A6 /
    /// Sports B1 ..."), a block of three or more of them.
    mutating func labelPageRefs(_ bs: Int, _ be: Int) {
        var refs = 0
        for i in bs..<be {
            let s = units[i].start, e = units[i].end
            guard e - s <= 60, units[i].lineCount == 1, endsWithPageRef(s, e) else { continue }
            refs += 1
            if hasPrefixCI(b, s, e, "continued on ") || hasPrefixCI(b, s, e, "continued from ") || hasPrefixCI(b, s, e, "see ")
                || hasPrefixCI(b, s, e, "please see ") || hasPrefixCI(b, s, e, "turn to ") || hasPrefixCI(b, s, e, "jump to ")
                || findCI(b, s, e, ", from ") != nil || hasPrefixCI(b, s, e, "continues on ") || hasPrefixCI(b, s, e, "from page ") {
                info[i].hit = nil
                info[i].contextKind = "jump"
                info[i].contextWhy = "jump: a print page's jump line ('Continued on A7')"
            }
        }
        guard refs >= 3, refs + 1 >= be - bs else { return }
        for i in bs..<be where info[i].plain {
            info[i].contextKind = "index"
            info[i].contextWhy = "index: block of page references ('Sports B1')"
        }
    }
}
