// Page text -> units. A unit is what gets one label: normally a blank-line
// separated block, but the lines of a block are separate units (a headline
// and its credit, a bio followed by "Previous article ..." lines) unless the
// block is one paragraph hard-wrapped at a fixed width, which is joined back
// with single spaces. A block holding whole paragraphs on single lines is
// read as one block per line. One linear pass; no text is copied except joins.

struct Unit {
    /// Trimmed text: byte range in the reader's storage.
    var start: Int
    var end: Int
    /// 1-based line of the unit's first line.
    var line: Int
    /// Bytes of white space before the first line's text.
    var indent: Int
    /// Blank lines before the unit; 0 when it touches the line above.
    var blankBefore: Int
    /// First unit of its blank-line separated block.
    var opensBlock: Bool
    /// Last unit of its block.
    var closesBlock: Bool = true
    /// Source lines joined into this unit (more than 1 for hard-wrapped paragraphs).
    var lineCount: Int = 1
    /// The rest of a line split into byline and date ("@09:14AM from the ... dept."): meta.
    var metaRest = false
    /// The byline or bare name of a line split into it and a date ("4.02.2022
    /// par Bob Fischer", "11.12.2019 - Amelie Loevenich"): the writer, also
    /// just below a lead paragraph.
    var datedName = false
    /// ... a bare name (no "By"): no rule matched it.
    var bareName = false
}

struct UnitSplitter {
    /// In a block of one paragraph per line, a line this long is a block of its own.
    static let ownBlockBytes = 50
    /// ... and this many shorter lines in a row are one block.
    static let shortRun = 3

    /// Units of `src`; joined paragraphs are appended to `extra`, whose bytes
    /// follow `src` in the reader's storage (offset `src.count`).
    static func split(_ src: Bytes, extra: inout [UInt8]) -> [Unit] {
        var units: [Unit] = []
        var block: [Unit] = []
        var blanks = 0
        var lineNo = 1
        var i = 0
        let n = src.count
        while i < n {
            let j = nextNewline(src, from: i)
            let (ts, te) = trimmed(src, i, j)
            if ts == te {
                if !block.isEmpty { flush(&block, into: &units, src, &extra) }
                blanks += 1
            } else {
                block.append(Unit(start: ts, end: te, line: lineNo, indent: ts - i,
                                  blankBefore: block.isEmpty ? blanks : 0, opensBlock: block.isEmpty))
                blanks = 0
            }
            i = j + 1
            lineNo += 1
        }
        if !block.isEmpty { flush(&block, into: &units, src, &extra) }
        return units
    }

    /// Index of the next "\n" at or after `i` (or the end), eight bytes at a time.
    @inline(__always) static func nextNewline(_ b: Bytes, from i: Int) -> Int {
        var j = i
        let n = b.count
        let base = UnsafeRawPointer(b.baseAddress!)
        while j + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: j, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            // A zero byte in w is a newline in the text.
            if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 { break }
            j += 8
        }
        while j < n && b[j] != 0x0A { j += 1 }
        return j
    }

    private static func flush(_ block: inout [Unit], into units: inout [Unit], _ b: Bytes, _ extra: inout [UInt8]) {
        defer { block.removeAll(keepingCapacity: true) }
        if block.count >= 2, isHardWrapped(block, b) {
            var u = block[0]
            let at = b.count + extra.count
            for (k, l) in block.enumerated() {
                if k > 0 {
                    // Lines of CJK text wrap without a space between them.
                    let prev = lastScalar(b, block[k - 1].start, block[k - 1].end).0
                    let next = scalar(b, l.start, l.end).0
                    if !(isCJK(prev) && isCJK(next)) { extra.append(0x20) }
                }
                extra.append(contentsOf: UnsafeBufferPointer(rebasing: b[l.start..<l.end]))
            }
            u.start = at
            u.end = b.count + extra.count
            u.lineCount = block.count
            units.append(u)
        } else if block.contains(where: { $0.end - $0.start > 150 }) {
            // A page with one paragraph per line and no blank lines (WET): a line of
            // 50 bytes or more is a block of its own (blankBefore stays 0: the lines
            // touch); a run of three or more shorter lines between them (a header's
            // byline, date and toolbar; a menu) stays one block, as blank lines would
            // have set it out. (One or two: a heading under a stray promo line.)
            var k = 0
            while k < block.count {
                var j = k
                while j < block.count && block[j].end - block[j].start < Self.ownBlockBytes { j += 1 }
                if j - k >= Self.shortRun {
                    for q in k..<j { block[q].opensBlock = q == k; block[q].closesBlock = q == j - 1 }
                } else {
                    for q in k..<j { block[q].opensBlock = true; block[q].closesBlock = true }
                }
                if j < block.count { block[j].opensBlock = true; block[j].closesBlock = true }
                k = j + 1
            }
            units.append(contentsOf: block)
        } else {
            for k in 0..<block.count - 1 { block[k].closesBlock = false }
            units.append(contentsOf: block)
        }
    }

    /// A paragraph wrapped at a fixed width: every line but the last broke
    /// because the next word would not fit in the widest line, the lines are
    /// not list items, and the paragraph ends like a sentence.
    static func isHardWrapped(_ lines: [Unit], _ b: Bytes) -> Bool {
        var width = 0
        var lengths: [Int] = []
        lengths.reserveCapacity(lines.count)
        for l in lines {
            let c = scalarCount(b, l.start, l.end)
            if c > 120 { return false }
            lengths.append(c)
            width = max(width, c)
        }
        guard width >= 30 else { return false }
        // "By Jane Doe / Posted: 5:32 PM Jan 3, 2023 / Updated: ..." is a block of meta lines;
        // "About | Staff | Privacy" over "© 2024 Site" is a footer menu and its copyright line.
        for l in lines where MetaLines.dateLine(b, l.start, l.end) != nil || isMenuish(b, l.start, l.end) { return false }
        var endsSentence = 0
        for k in 0..<lines.count - 1 {
            let next = lines[k + 1]
            if startsListItem(b, next.start, next.end) { return false }
            var fw = 0, p = next.start
            while p < next.end && b[p] != 0x20 && b[p] != 0x09 {
                if !isContinuation(b[p]) { fw += 1 }
                p += 1
            }
            let (last, _) = lastScalar(b, lines[k].start, lines[k].end)
            if isTerminal(last) { endsSentence += 1 }
            if lengths[k] + 1 + fw <= width && last != 0x2D { return false }
        }
        let (fin, at) = lastScalar(b, lines[lines.count - 1].start, lines[lines.count - 1].end)
        var finTerminal = isTerminal(fin)
        if !finTerminal && isCloser(fin) && at > lines[lines.count - 1].start {
            finTerminal = isTerminal(lastScalar(b, lines[lines.count - 1].start, at).0)
        }
        // Wrapped lines seldom end at a sentence end; one-sentence-per-line text does.
        return endsSentence * 2 <= lines.count - 1 && (finTerminal || lines.count >= 3)
    }

    /// Two " | " separators, or a copyright line: not a line of wrapped prose.
    static func isMenuish(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        if hasPrefixCI(b, s, e, "copyright") || hasPrefixCI(b, s, e, "\u{00A9}") { return true }
        var bars = 0
        var i = s
        while i + 2 < e { if b[i] == 0x20 && b[i + 1] == 0x7C && b[i + 2] == 0x20 { bars += 1 }; i += 1 }
        return bars >= 2
    }

    /// "- item", "* item", "• item", "1. item", "2) item".
    static func startsListItem(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        let c = b[s]
        if c == 0x2D || c == 0x2A || c == 0x2B || c == 0x3E { return s + 1 < e && b[s + 1] == 0x20 }
        let (v, _) = scalar(b, s, e)
        if v == 0x2022 || v == 0x00B7 || v == 0x2013 || v == 0x2014 || v == 0x25AA || v == 0x25CF { return true }
        return numberMarker(b, s, e) != nil
    }

    /// "12. " or "12) " at the start: the number and where the text begins.
    static func numberMarker(_ b: Bytes, _ s: Int, _ e: Int) -> (number: Int, textStart: Int)? {
        var i = s, v = 0
        while i < e && isDigit(b[i]) && i - s < 4 { v = v * 10 + Int(b[i] - 0x30); i += 1 }
        guard i > s, i < e, b[i] == 0x2E || b[i] == 0x29 else { return nil }
        i += 1
        guard i < e else { return nil }
        let l = spaceLength(b, i, e)
        guard l > 0 else { return nil }
        let (ts, _) = trimmed(b, i, e)
        return ts < e ? (v, ts) : nil
    }
}
