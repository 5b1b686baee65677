// The reader's first pass over the units: split lines that hold two fields,
// ask the rules, spot datelines, numbering and heading shapes, and label the
// lines of share blocks and "Related" lists by their neighbours.

import ArticleModel

extension Classifier {
    // MARK: - units

    /// "By Jane Doe | March 14, 2024" and "By Jane Doe, Updated March 3, 2016"
    /// hold two fields: split them into a byline unit and a date unit.
    mutating func splitMetaLines() {
        var result: [Unit]? = nil      // built only once a line splits
        for (i, u) in units.enumerated() {
            guard u.lineCount == 1, u.end - u.start <= shortUnitLimit, let parts = metaParts(u.start, u.end) else {
                result?.append(u)
                continue
            }
            if result == nil { result = Array(units[..<i]) }
            for (k, p) in parts.enumerated() {
                var v = u
                (v.start, v.end) = p
                if k > 0 { v.opensBlock = false; v.blankBefore = 0; v.indent = 0 }
                if k < parts.count - 1 { v.closesBlock = false }
                result!.append(v)
            }
        }
        if let result { units = result }
    }

    func isBylinePart(_ s: Int, _ e: Int) -> Bool {
        guard let h = rules.match(b, s, e), case .byline = rules.rules[h.rule].label,
              rules.rules[h.rule].captureStar != nil else { return false }
        return MetaLines.bylineName(b, h.capStart, h.capEnd) != nil
    }

    func metaParts(_ s: Int, _ e: Int) -> [(Int, Int)]? {
        // Fields separated by " | ", " • ", " · " (or dashes, when every field is meta:
        // "March 14, 2024 — Officials said ..." is a paragraph).
        var cuts: [(Int, Int)] = []
        var dashes = false
        var i = s
        while i + 2 < e {
            if b[i] == 0x20 {
                let (v, l) = scalar(b, i + 1, e)
                if (v == 0x7C || v == 0x2022 || v == 0xB7 || v == 0x2014 || v == 0x2013),
                   i + 1 + l < e, b[i + 1 + l] == 0x20 {
                    cuts.append((i, i + 2 + l))
                    dashes = dashes || v == 0x2014 || v == 0x2013
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
            func isMeta(_ p: (Int, Int)) -> Bool { MetaLines.dateLine(b, p.0, p.1) != nil || isBylinePart(p.0, p.1) }
            guard parts.count >= 2, parts.contains(where: isMeta) else { return nil }
            if dashes && !parts.allSatisfy({ isMeta($0) || rules.match(b, $0.0, $0.1) != nil }) { return nil }
            return parts
        }
        // "Posted on DATE by X".
        if e - s >= 10, let by = findCI(b, s, e, " by "), MetaLines.dateLine(b, s, by) != nil,
           isBylinePart(by + 1, e) {
            return [trimmed(b, s, by), (by + 1, e)]
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
            if let (num, ts) = UnitSplitter.numberMarker(b, s, e) {
                f.number = num
                f.numberTextStart = ts
                f.parenNumber = b[s..<ts].contains(0x29)
            }
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

    /// Short plain lines right under a share (related, widget ...) line take
    /// its kind ("Share\nВКонтакте\nОдноклассники"), unless a paragraph follows
    /// directly (then the line is a heading); a "Related" or "Most Read" header
    /// standing alone also takes the blocks of titles (and their dates) after it.
    mutating func labelLists() {
        let n = units.count
        var kind: String? = nil
        var header = ""
        for i in 0..<n {
            if i == 0 || units[i].blankBefore > 0 { kind = nil }
            if let k = boilerplateKind(i) {
                kind = Self.listKinds.contains(k) ? k : nil
                header = text(i)
                continue
            }
            // A line with a paragraph right under it is a heading, except a
            // one-to-three-word name at the end of a share bar ("QQ空间").
            let headingBelow = i + 1 < n && units[i + 1].blankBefore == 0 && info[i + 1].plain && paraLike(i + 1)
                && (kind != "share" || MetaLines.tokens(b, units[i].start, units[i].end, limit: 4).count > 3)
            if let k = kind, info[i].plain, info[i].headingLike, units[i].end - units[i].start <= 160, !headingBelow {
                info[i].contextKind = k
                info[i].contextWhy = "\(k): line under '\(header.prefix(40))'"
            } else {
                kind = nil
            }
        }
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && !units[j].opensBlock { j += 1 }
            defer { i = j }
            guard let k = boilerplateKind(i) else { continue }
            let header = text(i)
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
            j = max(j, first)       // the list's blocks are done: never walk them twice
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
        // Split at | , / • · when the line has them, else at spaces.
        let bySymbols = b[s..<e].contains(where: { $0 == 0x7C || $0 == 0x2C || $0 == 0x2F })
            || findCI(b, s, e, "\u{2022}") != nil || findCI(b, s, e, "\u{00B7}") != nil
        func isSep(_ c: UInt8) -> Bool { bySymbols ? (c == 0x7C || c == 0x2C || c == 0x2F) : (c == 0x20 || c == 0x09) }
        var kind: String?
        var parts = 0
        var i = s, st = s
        while i <= e {
            var cut = i == e
            var l = 1
            if !cut {
                if isSep(b[i]) { cut = true }
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
}
