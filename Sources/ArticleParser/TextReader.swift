// Plain-text pages -> labelled blocks -> Article. The reader splits the page
// into units (Units.swift), asks the rules about each short one (Rules.swift),
// then reads the page the way news pages are built:
//
//   [furniture] title [repeated headline, credit, byline, date]   header
//   paragraphs and headings, with widgets, adverts and promos       body
//   bio, navigation, tags, related links, forms                      tail
//   numbered or indented comments, "Comments are closed."           comments
//
// The body ends at the first tail marker (navigation, tags, a comment form or
// header, a confirmed author bio) that is not followed by more body text.

import ArticleModel

public struct TextReader: Sendable {
    public let rules: ParserRules
    public init(rules: ParserRules = .defaults()) { self.rules = rules }

    /// Every block of the page, labelled, with the rule that decided.
    public func blocks(from text: String) -> [Block] {
        var text = text
        return text.withUTF8 { src -> [Block] in
            var extra: [UInt8] = []
            let units = UnitSplitter.split(src, extra: &extra)
            if extra.isEmpty {
                var c = Classifier(b: src, units: units, rules: rules)
                return c.run()
            }
            // Joined paragraphs live after the page's own bytes.
            var storage = [UInt8]()
            storage.reserveCapacity(src.count + extra.count)
            storage.append(contentsOf: src)
            storage.append(contentsOf: extra)
            return storage.withUnsafeBufferPointer { b in
                var c = Classifier(b: b, units: units, rules: rules)
                return c.run()
            }
        }
    }

    public func parse(text: String, source: String) -> Article {
        ArticleBuilder.build(source: source, format: "text", blocks: blocks(from: text))
    }

    /// Bytes as read from a file: decoded (TextDecoding), then parsed. The
    /// decoding warning, if any, is returned for the caller to report.
    public func parse(bytes: [UInt8], source: String) -> (article: Article, warning: String?) {
        let (text, warning) = TextDecoding.decode(bytes)
        return (parse(text: text, source: source), warning)
    }
}

/// One page's units and the decisions about them.
struct Classifier {
    let b: Bytes
    var units: [Unit]
    let rules: ParserRules

    struct Info {
        var hit: ParserRules.Hit?
        /// The unit is a run of rule phrases of one kind ("Facebook Twitter Email").
        var runKind: String?
        var date: String?
        /// Short, no sentence end, not a list item: could be a heading.
        var headingLike = false
        var number: Int?
        var numberTextStart = 0
        /// Labelled by its neighbours: a line of a share block, an item of a "Related" list.
        var contextKind: String?
        var contextWhy = ""
        var plain: Bool { hit == nil && runKind == nil && date == nil && contextKind == nil }
    }

    struct Out {
        var label: BlockLabel = .paragraph
        var why: String = ""
        var value: String?
        var values: [String] = []
        var number: Int?
        /// Replaces the unit's text (comments: without the number, merged).
        var text: String?
        var decided = false
        /// Merged into an earlier block.
        var skip = false
    }

    var info: [Info] = []
    var out: [Out] = []
    var title = -1
    var firstBody = 0
    var bodyEnd = 0
    var commentStart = -1
    var byline: String?

    init(b: Bytes, units: [Unit], rules: ParserRules) {
        self.b = b
        self.units = units
        self.rules = rules
    }

    mutating func run() -> [Block] {
        splitMetaLines()
        analyse()
        labelLists()
        guard let t = (0..<units.count).first(where: isTitleCandidate) else { return emitAll() }
        title = t
        decide(t, .title, "title: first unit")
        for i in 0..<t { labelFurniture(i) }
        findFirstBody()
        labelHeader()
        findBodyEnd()
        labelHits()
        labelBody()
        labelTail()
        labelComments()
        return emitAll()
    }

    // MARK: - helpers

    func text(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[units[i].start..<units[i].end]), as: UTF8.self)
    }

    func string(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }

    mutating func decide(_ i: Int, _ label: BlockLabel, _ why: String, value: String? = nil) {
        out[i].label = label
        out[i].why = why
        out[i].value = value
        out[i].decided = true
    }

    func isPlainOpen(_ i: Int) -> Bool { info[i].plain && !out[i].decided }

    /// Not heading-like: long, or ends like a sentence.
    func paraLike(_ i: Int) -> Bool { !info[i].headingLike }

    func isMarker(_ i: Int) -> Bool {
        if let h = info[i].hit {
            switch rules.rules[h.rule].label {
            case .navPrevious, .navNext, .tags, .commentsClosed: return true
            case .boilerplate(let k): return k == "form" || k == "comments" || k == "author" || k == "credits"
            default: return false
            }
        }
        return false
    }

    func isCommentsHeader(_ i: Int) -> Bool {
        if let h = info[i].hit, case .boilerplate("comments") = rules.rules[h.rule].label { return true }
        return false
    }

    func hitLabel(_ i: Int) -> BlockLabel? { info[i].hit.map { rules.rules[$0.rule].label } }

    // MARK: - units

    /// "By Jane Doe | March 14, 2024" and "By Jane Doe, Updated March 3, 2016"
    /// hold two fields: split them into a byline unit and a date unit.
    mutating func splitMetaLines() {
        var i = 0
        while i < units.count {
            let u = units[i]
            if u.lineCount == 1, u.end - u.start <= shortUnitLimit, let parts = metaParts(u.start, u.end) {
                var pieces: [Unit] = []
                for (k, p) in parts.enumerated() {
                    var v = u
                    (v.start, v.end) = p
                    if k > 0 { v.opensBlock = false; v.blankBefore = 0; v.indent = 0 }
                    if k < parts.count - 1 { v.closesBlock = false }
                    pieces.append(v)
                }
                units.replaceSubrange(i...i, with: pieces)
                i += pieces.count
            } else {
                i += 1
            }
        }
    }

    func isBylinePart(_ s: Int, _ e: Int) -> Bool {
        guard let h = rules.match(b, s, e), case .byline = rules.rules[h.rule].label,
              rules.rules[h.rule].captureStar != nil else { return false }
        return MetaLines.bylineName(b, h.capStart, h.capEnd) != nil
    }

    func metaParts(_ s: Int, _ e: Int) -> [(Int, Int)]? {
        // Separated fields.
        var cuts: [(Int, Int)] = []
        var i = s
        while i + 2 < e {
            if b[i] == 0x20 {
                let (v, l) = scalar(b, i + 1, e)
                if (v == 0x7C || v == 0x2022 || v == 0xB7 || v == 0x2014 || v == 0x2013),
                   i + 1 + l < e, b[i + 1 + l] == 0x20 {
                    cuts.append((i, i + 2 + l))
                    i += 2 + l
                    continue
                }
            }
            i += 1
        }
        if !cuts.isEmpty {
            var parts: [(Int, Int)] = []
            var st = s
            for c in cuts { parts.append(trimmed(b, st, c.0)); st = c.1 }
            parts.append(trimmed(b, st, e))
            parts.removeAll { $0.0 >= $0.1 }
            if parts.count >= 2, parts.contains(where: { MetaLines.dateLine(b, $0.0, $0.1) != nil || isBylinePart($0.0, $0.1) }) {
                return parts
            }
            return nil
        }
        // "By X on DATE".
        if e - s >= 10, hasPrefixCI(b, s, e, "by ") || hasPrefixCI(b, s, e, "posted by ") || hasPrefixCI(b, s, e, "written by "),
           MetaLines.dateLine(b, s, e) == nil, let sp = MetaLines.dateSplit(b, s, e), isBylinePart(s, sp.preEnd) {
            return [(s, sp.preEnd), (sp.dateStart, e)]
        }
        return nil
    }

    /// Local facts about every unit: rules, datelines, numbering, shape.
    mutating func analyse() {
        let n = units.count
        info = Array(repeating: Info(), count: n)
        out = Array(repeating: Out(), count: n)
        for i in 0..<n {
            let u = units[i]
            let s = u.start, e = u.end
            var f = Info()
            f.headingLike = u.lineCount == 1 && headingShape(s, e)
            if let h = rules.match(b, s, e) {
                f.hit = h
                // "By the end of the year, ..." is a sentence, not a byline.
                if case .byline = rules.rules[h.rule].label, !f.headingLike,
                   MetaLines.bylineName(b, h.capStart, h.capEnd) == nil {
                    f.hit = nil
                }
            }
            if f.hit == nil, u.lineCount == 1, let m = MetaLines.dateLine(b, s, e) { f.date = m.iso }
            if f.hit == nil && f.date == nil && f.headingLike && e - s <= 120 { f.runKind = runKind(s, e) }
            if let (num, ts) = UnitSplitter.numberMarker(b, s, e) { f.number = num; f.numberTextStart = ts }
            info[i] = f
        }
    }

    /// Kinds whose lines come in blocks and lists: a share bar's header names
    /// the block, and "Related" or "Most Read" heads a list of short titles.
    static let listKinds: Set<String> = ["share", "related", "widget", "newsletter", "form"]

    func boilerplateKind(_ i: Int) -> String? {
        if let k = info[i].runKind { return k }
        guard let h = info[i].hit, case .boilerplate(let k) = rules.rules[h.rule].label else { return nil }
        return k
    }

    /// Short plain lines in a block led by a share (related, widget ...) line
    /// take its kind ("Share\nВКонтакте\nОдноклассники"); a "Related" or "Most
    /// Read" header standing alone also takes the block of titles (and their
    /// dates) after it.
    mutating func labelLists() {
        let n = units.count
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && !units[j].opensBlock { j += 1 }
            defer { i = j }
            var kind = boilerplateKind(i)
            if kind == nil {
                // Or two lines of one kind anywhere in the block.
                var seen: [String: Int] = [:]
                for m in i..<j { if let k = boilerplateKind(m) { seen[k, default: 0] += 1 } }
                kind = seen.first(where: { $0.value >= 2 })?.key
            }
            guard let k = kind, Self.listKinds.contains(k) else { continue }
            let header = text(i)
            for m in (i + 1)..<j where info[m].plain && info[m].headingLike && units[m].end - units[m].start <= 160 {
                info[m].contextKind = k
                info[m].contextWhy = "\(k): line in the block of '\(header.prefix(40))'"
            }
            // A lone list header ("Related", "Most Read"): the next block, if it is all short titles and dates.
            guard j == i + 1, k == "related", let h = info[i].hit,
                  rules.rules[h.rule].captureStar == nil, !rules.rules[h.rule].suffixOnly, j < n else { continue }
            // Blocks of titles (and their dates) follow, up to a heading with its paragraph.
            var first = j
            while first < n {
                var l = first + 1
                while l < n && !units[l].opensBlock { l += 1 }
                let items = first..<l
                guard items.count <= 6,
                      items.allSatisfy({ (info[$0].plain && info[$0].headingLike) || info[$0].date != nil || boilerplateKind($0) != nil }),
                      l >= n || !(info[l].plain && paraLike(l)) || items.count > 1 else { break }
                for m in items where info[m].plain || info[m].date != nil {
                    info[m].date = nil
                    info[m].contextKind = k
                    info[m].contextWhy = "\(k): item of the '\(header.prefix(40))' list above"
                }
                first = l
            }
        }
    }

    /// Short, no sentence end, not a list item, not starting in lowercase.
    func headingShape(_ s: Int, _ e: Int) -> Bool {
        let len = e - s
        guard len >= 2, len <= 200 else { return false }
        let first = b[s]
        if isLowerASCII(first) { return false }
        if first == 0x2D || first == 0x2A || first == 0x2B || first == 0x3E { return false }
        let (fv, _) = scalar(b, s, e)
        if fv == 0x2022 || fv == 0xB7 || fv == 0x2013 || fv == 0x2014 { return false }
        var words = 1, chars = 0, cjk = 0
        var i = s
        while i < e {
            let c = b[i]
            if c == 0x20 { words += 1 }
            if !isContinuation(c) { chars += 1 }
            if c >= 0xE2 && c <= 0xEF && isCJK(scalar(b, i, e).0) { cjk += 1 }
            i += 1
        }
        if words > 16 || chars > 120 || (cjk > 0 && chars > 40) { return false }
        var (last, at) = lastScalar(b, s, e)
        if isCloser(last) && at > s { (last, at) = lastScalar(b, s, at) }
        if last == 0x3F { return words <= 14 }     // "What Comes Next?"
        return !(isTerminal(last) || last == 0x2C || last == 0x3B || last == 0x3A || last == 0xFF0C)
    }

    /// "Facebook Twitter WhatsApp Email" or "Share | Tweet | Email": every part
    /// is a phrase of one boilerplate kind.
    func runKind(_ s: Int, _ e: Int) -> String? {
        var seps: Set<UInt8> = [0x7C, 0x2C, 0x2F]
        if !b[s..<e].contains(where: { seps.contains($0) }) && findCI(b, s, e, "\u{2022}") == nil
            && findCI(b, s, e, "\u{00B7}") == nil {
            seps = [0x20, 0x09]
        }
        var kind: String?
        var parts = 0
        var i = s, st = s
        while i <= e {
            var cut = i == e
            var l = 1
            if !cut {
                if seps.contains(b[i]) { cut = true }
                else if b[i] == 0xE2 || b[i] == 0xC2 {
                    let (v, ln) = scalar(b, i, e)
                    if v == 0x2022 || v == 0xB7 { cut = true; l = ln }
                }
            }
            if cut {
                let (ps, pe) = trimmed(b, st, i)
                if pe > ps {
                    guard let h = rules.match(b, ps, pe), case .boilerplate(let k) = rules.rules[h.rule].label else { return nil }
                    if let kind, kind != k { return nil }
                    kind = k
                    parts += 1
                    if parts > 10 { return nil }
                }
                st = i + l
                i += l
                continue
            }
            i += 1
        }
        return parts >= 2 ? kind : nil
    }

    // MARK: - title and header

    func isTitleCandidate(_ i: Int) -> Bool {
        let f = info[i]
        if f.date != nil || f.runKind != nil { return false }
        if let h = f.hit, case .boilerplate = rules.rules[h.rule].label { return false }
        return !isBreadcrumb(i)
    }

    /// "Home » World » Asia" above the headline.
    func isBreadcrumb(_ i: Int) -> Bool {
        let s = units[i].start, e = units[i].end
        guard e - s <= 150 else { return false }
        var seps = 0
        for sep: StaticString in [" » ", " › ", " > ", " / "] {
            var p = s
            while let at = findCI(b, p, e, sep) { seps += 1; p = at + 3 }
        }
        return seps >= 2 && MetaLines.tokens(b, s, e, limit: 30).count <= 3 * (seps + 1) + seps
    }

    mutating func labelFurniture(_ i: Int) {
        if info[i].plain && isBreadcrumb(i) {
            decide(i, .boilerplate("breadcrumb"), "breadcrumb: 'A » B » C' above the title")
        } else if info[i].plain || !labelNonPlain(i, zone: .header) {
            decide(i, .boilerplate("other"), "other: text above the title")
        }
    }

    func isRepeatedTitle(_ i: Int) -> Bool {
        equalCI(b, units[title].start, units[title].end, units[i].start, units[i].end)
    }

    /// The first unit that reads like body text: a plain unit shaped like a paragraph.
    mutating func findFirstBody() {
        let n = units.count
        var i = title + 1
        while i < n {
            if info[i].plain && paraLike(i) && !isRepeatedTitle(i) { break }
            if let l = hitLabel(i), l == .paragraph { break }
            i += 1
        }
        if i == n {
            // A page of short lines only: the first plain one starts the body.
            i = title + 1
            while i < n && !(info[i].plain && !isRepeatedTitle(i) && !MetaLines.isSlashCredit(b, units[i].start, units[i].end)) { i += 1 }
        }
        firstBody = i
    }

    /// Between the title and the first paragraph: the repeated headline, the
    /// image credit, the byline and the date.
    mutating func labelHeader() {
        var i = title + 1
        while i < firstBody {
            defer { i += 1 }
            if out[i].decided { continue }
            let s = units[i].start, e = units[i].end
            if info[i].plain && isRepeatedTitle(i) {
                decide(i, .ignored, "ignored: repeated headline")
            } else if !info[i].plain {
                if !labelNonPlain(i, zone: .header) { info[i].hit = nil }
            } else if i <= title + 4, MetaLines.isSlashCredit(b, s, e) {
                decide(i, .imageCredit, "image_credit: 'Name / Agency' under the headline", value: text(i))
            } else if let v = captionCredit(s, e) {
                decide(i, .imageCredit, "image_credit: caption ending in a '(Photo ...)' credit", value: v)
            }
        }
        // "By Jane Doe\nBBC News, Washington": other short lines in the block of
        // a byline or date are more of the same (desk, role, place).
        i = title + 1
        while i < firstBody {
            var j = i + 1
            while j < firstBody && !units[j].opensBlock { j += 1 }
            if (i..<j).contains(where: { out[$0].label == .byline || out[$0].label == .date }) {
                for m in i..<j where isPlainOpen(m) && info[m].headingLike {
                    decide(m, .boilerplate("meta"), "meta: line in the block of the byline or date")
                }
            }
            i = j
        }
    }

    /// "Caption text. (Photo by Jane Doe/Getty Images)": the credit inside.
    func captionCredit(_ s: Int, _ e: Int) -> String? {
        guard e - s <= 400, b[e - 1] == 0x29, let open = b[s..<e].lastIndex(of: 0x28) else { return nil }
        guard let h = rules.match(b, open, e), case .imageCredit = rules.rules[h.rule].label,
              rules.rules[h.rule].captureStar != nil else { return nil }
        let (vs, ve) = MetaLines.trimValue(b, h.capStart, h.capEnd)
        return ve > vs ? string(vs, ve) : nil
    }

    // MARK: - where the body ends

    /// Body text that is not a comment: plain paragraph-shaped units.
    func isBodyText(_ i: Int) -> Bool { info[i].plain && paraLike(i) && !out[i].decided }

    func isCommentStart(_ i: Int, base: Int) -> Bool {
        info[i].plain && !out[i].decided && (info[i].number != nil || units[i].indent > base)
    }

    mutating func findBodyEnd() {
        let n = units.count
        bodyEnd = n
        guard firstBody < n else { return }
        let base = units[firstBody].indent
        // Paragraphs after each unit, up to the next comment boundary: a marker
        // followed by two or more of them sits inside the body.
        var paraAfter = [Int](repeating: 0, count: n + 1)
        var i = n - 1
        while i >= 0 {
            if isCommentsHeader(i) || isCommentStart(i, base: base) { paraAfter[i] = 0 }
            else { paraAfter[i] = paraAfter[i + 1] + (isBodyText(i) ? 1 : 0) }
            i -= 1
        }
        i = firstBody + 1
        while i < n {
            if isMarker(i), isCommentsHeader(i) || paraAfter[i + 1] < 2 { bodyEnd = i; break }
            if info[i].plain, !out[i].decided, confirmedTailBio(i, base: base) {
                decide(i, .authorBio, "author_bio: 'X is a writer ...' after the body",
                       value: bioValue(i, needRole: true))
                if paraAfter[i + 1] < 2 { bodyEnd = i; break }
            }
            i += 1
        }
        // Comments with no marker before them: an indented, or numbered from 1
        // and closed by a comment form, run at the end of the page.
        if let c = trailingComments(base: base), c < bodyEnd { bodyEnd = c }
    }

    func bioValue(_ i: Int, needRole: Bool) -> String? {
        MetaLines.bioName(b, units[i].start, units[i].end, needRole: needRole).map { string($0.0, $0.1) }
    }

    /// A bio ("Jane Doe is a writer ...") followed only by tail material.
    func confirmedTailBio(_ i: Int, base: Int) -> Bool {
        guard paraLike(i), MetaLines.bioName(b, units[i].start, units[i].end, needRole: true) != nil else { return false }
        var j = i + 1
        while j < units.count {
            if isMarker(j) || isCommentStart(j, base: base) { return true }
            if info[j].plain { return false }
            j += 1
        }
        return true
    }

    func trailingComments(base: Int) -> Int? {
        var j = units.count - 1
        var closed = false
        var expect: Int? = nil
        var indented: Int? = nil
        while j > firstBody {
            defer { j -= 1 }
            if !info[j].plain {
                if isMarker(j) { closed = true }
                continue
            }
            if out[j].decided { break }
            if units[j].indent > base { indented = j; continue }
            if indented != nil { break }
            if let k = info[j].number {
                // Numbered from the end down: n, n-1, ..., 1.
                guard expect == nil || k == expect! else { break }
                if k == 1 { return closed ? j : nil }
                expect = k - 1
                continue
            }
            if info[j].headingLike { break }
            if expect == nil && !closed { break }       // the body's last paragraph
        }
        return indented
    }

    // MARK: - rules

    enum Zone { case header, body, tail }

    mutating func labelHits() {
        for i in stride(from: title + 1, to: units.count, by: 1) where !out[i].decided && !info[i].plain {
            let zone: Zone = i < firstBody ? .header : (i < bodyEnd ? .body : .tail)
            if !labelNonPlain(i, zone: zone) { info[i].hit = nil }
        }
    }

    /// Labels a unit that a rule, a dateline or a run matched. False when the
    /// match does not hold here (a byline-shaped heading inside the body).
    mutating func labelNonPlain(_ i: Int, zone: Zone) -> Bool {
        if let d = info[i].date {
            decide(i, .date, "date: dateline", value: d)
            return true
        }
        if let k = info[i].runKind {
            decide(i, .boilerplate(k), "rules:\(k) run of \(k) phrases")
            return true
        }
        if let k = info[i].contextKind {
            decide(i, .boilerplate(k), info[i].contextWhy)
            return true
        }
        guard let h = info[i].hit else { return false }
        let r = rules.rules[h.rule]
        let hasCapture = r.captureStar != nil
        let cap = MetaLines.trimValue(b, h.capStart, h.capEnd)
        let capText: String? = hasCapture && cap.1 > cap.0 ? string(cap.0, cap.1) : nil
        switch r.label {
        case .byline:
            if zone == .body && i > firstBody + 1 { return false }
            if let (s, e) = MetaLines.bylineName(b, h.capStart, h.capEnd) {
                decide(i, .byline, r.explanation, value: string(s, e))
            } else if zone == .header, let (s, e) = MetaLines.bylineName(b, h.capStart, h.capEnd, strict: false) {
                decide(i, .byline, r.explanation + " (name not capitalised)", value: string(s, e))
            } else {
                return false
            }
            if byline == nil { byline = out[i].value }
        case .navPrevious, .navNext:
            if let v = capText {
                decide(i, r.label, r.explanation, value: v)
            } else if i + 1 < units.count, info[i + 1].plain, !out[i + 1].decided, info[i + 1].headingLike {
                decide(i, r.label, r.explanation + " + title on the next line", value: text(i + 1))
                decide(i + 1, .ignored, "ignored: title of the navigation line above")
            } else {
                decide(i, .boilerplate("nav"), r.explanation + " (no title)")
            }
        case .tags:
            decide(i, .tags, r.explanation)
            if capText != nil {
                out[i].values = MetaLines.splitList(b, cap.0, cap.1)
            } else {
                // "Tags" alone: the tags are the short lines after it, in its
                // block or, when it stands alone, in the next block.
                var j = i + 1
                let alone = units[i].closesBlock
                while j < units.count, info[j].plain, !out[j].decided,
                      units[j].end - units[j].start <= 200, !isTerminal(lastScalar(b, units[j].start, units[j].end).0) {
                    if j > i + 1 && units[j].opensBlock { break }
                    if j == i + 1 && units[j].opensBlock && !alone { break }
                    out[i].values += MetaLines.splitList(b, units[j].start, units[j].end)
                    decide(j, .ignored, "ignored: tags of the 'Tags' line above")
                    j += 1
                }
                if j > i + 1 { out[i].why += " + tags on the lines below" }
            }
        case .imageCredit:
            decide(i, .imageCredit, r.explanation, value: capText ?? text(i))
        case .date:
            if let d = DateNormalizer.normalize(capText ?? text(i)) {
                decide(i, .date, r.explanation, value: d)
            } else {
                decide(i, .boilerplate("meta"), r.explanation + " (no date)")
            }
        default:
            decide(i, r.label, r.explanation)
        }
        return true
    }

    // MARK: - body

    /// Headings, paragraphs and promo teasers between the title and the tail.
    mutating func labelBody() {
        let end = min(bodyEnd, units.count)
        guard title + 1 < end else { return }
        // Bios that name the byline's author, wherever they stand.
        if let by = byline {
            for i in (title + 1)..<end where isPlainOpen(i) {
                if let v = bioValue(i, needRole: false), v.lowercased() == by.lowercased() {
                    decide(i, .authorBio, "author_bio: 'X is ...' names the byline's author", value: v)
                }
            }
        }
        // A promo is a teaser heading and a paragraph ending in "Read More", or a
        // heading, a paragraph and a "Read more" line of its own.
        for p in (title + 1)..<end {
            guard let l = hitLabel(p), case .boilerplate("promo") = l, out[p].label == .boilerplate("promo") else { continue }
            var k = p - 1
            if units[p].end - units[p].start <= 40, k > title, isPlainOpen(k), paraLike(k) {
                decide(k, .boilerplate("promo"), "promo: teaser paragraph above a 'Read more' line")
                k -= 1
            }
            if k > title, isPlainOpen(k), info[k].headingLike {
                decide(k, .boilerplate("promo"), "promo: teaser heading above a 'Read More' paragraph")
            }
        }
        // The next open body unit after each unit, for the heading test.
        var next = [Int](repeating: -1, count: end + 1)
        var k = end - 1
        var upcoming = -1
        while k > title {
            next[k] = upcoming
            if isPlainOpen(k) { upcoming = k }
            k -= 1
        }
        for i in (title + 1)..<end where isPlainOpen(i) {
            let u = units[i]
            if i >= firstBody, captionCredit(u.start, u.end) != nil {
                decide(i, .boilerplate("caption"), "caption: text ending in a '(Photo ...)' credit")
                continue
            }
            if info[i].headingLike, endsWithCount(u.start, u.end), next[i] >= 0, info[next[i]].headingLike {
                decide(i, .boilerplate("widget"), "widget: short label with a count ('Popular Quizzes 6') above a heading")
                continue
            }
            guard info[i].headingLike, u.opensBlock, u.closesBlock else {
                decide(i, .paragraph, u.lineCount > 1 ? "paragraph: hard-wrapped lines joined"
                       : (info[i].headingLike ? "paragraph: short line inside a block" : "paragraph: sentence text"))
                continue
            }
            let j = next[i]
            if j >= 0 && paraLike(j) {
                decide(i, .heading, "heading: short line, no end punctuation, followed by paragraph")
            } else if j >= 0, next[j] >= 0, paraLike(next[j]) {
                decide(i, .heading, "heading: short line, no end punctuation, followed by a subheading")
            } else {
                decide(i, .paragraph, "paragraph: short line not followed by a paragraph")
            }
        }
    }

    /// "Popular Quizzes 6": two to four words, the last a small number.
    func endsWithCount(_ s: Int, _ e: Int) -> Bool {
        var i = e
        while i > s && isDigit(b[i - 1]) { i -= 1 }
        guard i < e, e - i <= 3, i > s, b[i - 1] == 0x20 else { return false }
        let words = MetaLines.tokens(b, s, e, limit: 6).count
        return words >= 2 && words <= 4
    }

    // MARK: - tail and comments

    mutating func labelTail() {
        let n = units.count
        guard bodyEnd < n else { return }
        let base = firstBody < n ? units[firstBody].indent : 0
        var i = bodyEnd
        var afterHeader = false
        while i < n {
            if isCommentsHeader(i) { afterHeader = true }
            if isPlainOpen(i) {
                if afterHeader || isCommentStart(i, base: base) { commentStart = i; return }
                if let v = bioValue(i, needRole: false) {
                    decide(i, .authorBio, "author_bio: 'X is ...' after the body", value: v)
                } else {
                    decide(i, .boilerplate("other"), "other: text after the article body")
                }
            }
            i += 1
        }
    }

    /// Numbered ("1." / "1)") or indented comments; unnumbered paragraphs after
    /// a numbered comment continue it.
    mutating func labelComments() {
        guard commentStart >= 0 else { return }
        let numbered = info[commentStart].number != nil
        var current = -1
        var sawHeader = false
        var merged = 0
        for i in commentStart..<units.count {
            if out[i].label == .date {
                // A comment's date is not the article's.
                out[i].label = .boilerplate("meta")
                out[i].why = "meta: date line in the comments"
                out[i].value = nil
            }
            if out[i].decided || !info[i].plain {
                if !out[i].decided {
                    if info[i].date != nil {
                        decide(i, .boilerplate("meta"), "meta: date line in the comments")
                    } else {
                        _ = labelNonPlain(i, zone: .tail)
                    }
                }
                current = -1
                sawHeader = true
                continue
            }
            let s = units[i].start, e = units[i].end
            let beforeDate = i + 1 < units.count && info[i + 1].date != nil && info[i].headingLike && e - s <= 80
            if beforeDate || e - s <= 80 && (hasSuffixCI(b, s, e, " says:") || hasSuffixCI(b, s, e, " said:") || hasSuffixCI(b, s, e, " wrote:")) {
                decide(i, .boilerplate("meta"), "meta: comment author line")
                current = -1
                sawHeader = true
                continue
            }
            if let num = info[i].number, numbered || current < 0 {
                decide(i, .comment, "comment: numbered '\(num).'")
                out[i].number = num
                out[i].text = string(info[i].numberTextStart, e)
                current = i
                merged = 0
            } else if current >= 0 && (numbered || sawHeader) {
                out[current].text! += units[i].opensBlock ? "\n\n" : "\n"
                out[current].text! += text(i)
                merged += 1
                out[current].why = (info[current].number.map { "comment: numbered '\($0).'" } ?? "comment: unnumbered")
                    + " + \(merged) continuation paragraph\(merged == 1 ? "" : "s")"
                out[i].skip = true
                out[i].decided = true
            } else {
                decide(i, .comment, units[i].indent > 0 ? "comment: indented" : "comment: after the comments header")
                out[i].text = text(i)
                current = i
                merged = 0
            }
        }
    }

    // MARK: - output

    mutating func emitAll() -> [Block] {
        var blocks: [Block] = []
        blocks.reserveCapacity(units.count)
        for i in 0..<units.count where !out[i].skip {
            var o = out[i]
            if !o.decided {
                // Anything left (a page of furniture only) is body text.
                o.label = .paragraph
                o.why = "paragraph: sentence text"
            }
            blocks.append(Block(index: blocks.count, line: units[i].line, text: o.text ?? text(i),
                                label: o.label, rule: o.why, value: o.value, values: o.values, number: o.number))
        }
        return blocks
    }
}
