// The rules file: the phrases that mark boilerplate, navigation, tags and the
// like, as data users can extend with `--rules FILE`. The built-in list
// (DefaultRules.swift) is written in the same format and parsed once.
//
// Format, one rule per line:
//
//     KIND  PATTERN
//
// KIND is a boilerplate kind (one lowercase word: widget, share, advert, ...) or
// one of the labels byline, date, image_credit, nav_previous, nav_next, tags,
// comments_closed, heading, paragraph, ignored ("boilerplate:KIND" also works).
// PATTERN is matched against a whole unit, ignoring case (ASCII, Latin-1, Cyrillic, Greek):
//     *   any text, possibly empty        #   a number (digits, "18,204", "1.5")
//     a space matches any run of white space;  \*  \#  \\  match themselves
// Trailing spaces and . : ! | - » › → … of the unit (and of the pattern) are optional; a ":" in a
// pattern also matches " :" and the fullwidth "：".
// Patterns are tried on units of at most 300 bytes, except a pattern whose only
// * is its first character ("*read more"): it tests the end of units of any
// length. For labels with a value (nav, tags, byline, image_credit, date), the
// value is the text the first * matched ("by *", "* 기자"), or the whole unit
// when the pattern has no * or the * matched nothing. Lines starting with # are
// comments.
// Later files win over earlier ones; within a file the first matching line wins.

import ArticleModel

public struct RulesError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ d: String) { description = d }
}

/// One line of a rules file.
public struct Rule: Sendable {
    public var label: BlockLabel
    /// The pattern as written.
    public var pattern: String
    /// Where the rule came from: "built-in" or the file given to `--rules`.
    public var origin: String
    public var line: Int

    var tokens: [UInt16]
    var rank: Int
    var minLength: Int
    var maxLength: Int
    /// "*text": only the end of the unit is tested, at any length.
    var suffixOnly: Bool
    /// Index of the first * (its match is the value), if any.
    var captureStar: Int?

    /// How `--explain` names the rule.
    public var explanation: String {
        let kind: String
        if case .boilerplate(let k) = label { kind = k } else { kind = label.name }
        let base = "rules:\(kind) '\(pattern)'"
        return origin == ParserRules.builtInOrigin ? base : base + " (\(origin):\(line))"
    }
}

/// What the rules make of one piece of text.
public struct RuleMatch: Sendable, Equatable {
    public var label: BlockLabel
    /// What the rule's first * matched (trimmed), or nil when it has no * or matched nothing.
    public var value: String?
    /// `Rule.explanation` of the rule that matched.
    public var rule: String
}

// Pattern tokens: bytes 0...255 are literal (lowercased), then these.
let tokStar: UInt16 = 256, tokDigits: UInt16 = 257, tokSpace: UInt16 = 258

/// Units longer than this (in bytes) are only tested by suffix patterns.
let shortUnitLimit = 300

/// Boilerplate phrases and patterns, from the built-in list plus `--rules FILE`.
public struct ParserRules: Sendable {
    public static let builtInOrigin = "built-in"

    public private(set) var rules: [Rule] = []
    var files = 0
    /// The words of the byline rules that stand before the name ("by", "von",
    /// "author", "geschrieben von"), lowercased: such a word alone on a line
    /// labels the name on the next one.
    private(set) var bylineLabels: Set<String> = []

    // The matcher's tables, plain data so that matching neither allocates nor
    // retains: one entry per rule, their tokens in one pool, and rule indices
    // grouped in buckets (best rank first) addressed by `bucketStart`.
    struct Entry {
        var tokStart: Int32, tokCount: Int32
        var capture: Int32          // token index of the captured *, or -1
        var minLength: Int32, maxLength: Int32
        var suffixOnly: Bool
        var rank: Int
        /// The pattern's leading literal bytes (up to 8, none a ":", which may
        /// match more than one byte), packed: a unit whose own first bytes
        /// differ cannot match, which most candidates of a bucket show at once.
        var litCount: Int32 = 0
        var litBytes: UInt64 = 0
    }
    var entries: [Entry] = []
    var pool: [UInt16] = []
    var bucketStart: [Int32] = Array(repeating: 0, count: Bucket.count + 1)
    var bucketItems: [Int32] = []
    /// For a rule that starts with "*" ("*delivered to your inbox*"): lower-case ASCII
    /// letters from inside one of its words ("elivered"), which any unit it matches
    /// contains in some case; a cheap scan for them skips most units. Empty: no filter.
    var needles: [[UInt8]] = []
    /// Index of each needle's rarest letter, the one `containsLetters` scans for.
    var needleAnchors: [Int] = []
    /// Patterns whose first two tokens are literal bytes (the second not ":"),
    /// by those two bytes (`first << 8 | second`): a unit only tries the bucket
    /// of its own first two bytes instead of every pattern of its first byte.
    var pairStart: [Int32] = []
    var pairItems: [Int32] = []

    /// Buckets: 0...255 patterns by first byte, then patterns opening with #,
    /// suffix patterns by last byte, suffix patterns ending in # or a space,
    /// and other patterns opening with *.
    enum Bucket {
        static let digitFirst = 256, byLast = 257, suffixOther = 513, general = 514, count = 515
    }

    private static let builtIn: ParserRules = {
        var r = ParserRules(empty: ())
        do { try r.load(text: defaultRulesText, origin: builtInOrigin) } catch {
            fatalError("built-in rules: \(error)")
        }
        return r
    }()

    init(empty: Void) {}

    /// The built-in rules.
    public static func defaults() -> ParserRules { builtIn }

    /// No rules at all (for tests and for users who want only their own file).
    public static func empty() -> ParserRules { ParserRules(empty: ()) }

    public var count: Int { rules.count }

    /// Adds the rules of a rules file; errors name `origin:LINE`. With
    /// `kinds`, only the lines of those kinds (the others are not checked).
    public mutating func load(text: String, origin: String, kinds: Set<String>? = nil) throws(RulesError) {
        files += 1
        var lineNo = 0
        var added: [Rule] = []
        // Lines split on bytes: a String splits "\r\n" as one Character, so a
        // file saved with Windows line ends was one long line (and silently
        // matched nothing); Character-wise scanning also cost most of start-up.
        let b = Array(text.utf8)
        @inline(__always) func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
        var p = 0
        while p <= b.count {
            var e = p
            while e < b.count && b[e] != 0x0A { e += 1 }
            var s = p
            p = e + 1
            lineNo += 1
            while s < e {
                if blank(b[s]) { s += 1 }
                else if e - s >= 3 && b[s] == 0xEF && b[s + 1] == 0xBB && b[s + 2] == 0xBF { s += 3 }   // U+FEFF
                else { break }
            }
            while e > s && blank(b[e - 1]) { e -= 1 }
            if s == e || b[s] == 0x23 { continue }
            var k = s
            while k < e && b[k] != 0x20 && b[k] != 0x09 { k += 1 }
            let kind = String(decoding: b[s..<k], as: UTF8.self)
            if let kinds, !kinds.contains(kind) { continue }
            var q = k
            while q < e && (b[q] == 0x20 || b[q] == 0x09) { q += 1 }
            let pattern = String(decoding: b[q..<e], as: UTF8.self)
            func fail(_ why: String) -> RulesError { RulesError("\(origin):\(lineNo): \(why)") }
            guard !pattern.isEmpty else { throw fail("missing PATTERN after '\(kind)' (a rule is: KIND  PATTERN)") }
            let label = try Self.label(for: kind, fail: fail)
            var rule = try Self.compile(pattern, fail: fail)
            rule.label = label
            rule.origin = origin
            rule.line = lineNo
            rule.rank = files << 32 | (0xFFFF_FFFF - lineNo)
            added.append(rule)
        }
        rules.append(contentsOf: added)
        buildIndex()
    }

    private mutating func buildIndex() {
        entries = []
        pool = []
        bylineLabels = []
        for r in rules where r.label == .byline && !r.suffixOnly && r.captureStar == r.tokens.count - 1 {
            let lit = r.tokens.dropLast().prefix { $0 < 256 || $0 == tokSpace }
            guard lit.count == r.tokens.count - 1 else { continue }
            var w = String(decoding: lit.map { $0 == tokSpace ? 0x20 : UInt8($0) }, as: UTF8.self)
            while let c = w.last, c == " " || c == ":" { w.removeLast() }
            if !w.isEmpty { bylineLabels.insert(w) }
        }
        needles = rules.map { r in
            guard !r.suffixOnly, r.tokens.first == tokStar else { return [] }
            var best: [UInt8] = [], run: [UInt8] = [], prevLetter = false
            for t in r.tokens {
                let letter = t < 256 && UInt8(t) &- 0x61 < 26
                if letter && prevLetter { run.append(UInt8(t)) } else { if run.count > best.count { best = run }; run = [] }
                prevLetter = letter
            }
            if run.count > best.count { best = run }
            return best.count >= 4 ? best : []
        }
        needleAnchors = needles.map { nd in
            var j = 0
            for k in nd.indices where Self.letterRarity(nd[k]) > Self.letterRarity(nd[j]) { j = k }
            return j
        }
        var buckets = Array(repeating: [Int32](), count: Bucket.count)
        var pairs: [(key: Int32, rule: Int32)] = []
        for (i, r) in rules.enumerated() {
            var entry = Entry(tokStart: Int32(pool.count), tokCount: Int32(r.tokens.count),
                              capture: Int32(r.captureStar ?? -1), minLength: Int32(r.minLength),
                              maxLength: Int32(min(r.maxLength, Int(Int32.max))), suffixOnly: r.suffixOnly,
                              rank: r.rank)
            for t in r.tokens.prefix(8) {
                guard t < 256, t != 0x3A else { break }
                entry.litBytes |= UInt64(t) << (8 * UInt64(entry.litCount))
                entry.litCount += 1
            }
            entries.append(entry)
            pool.append(contentsOf: r.tokens)
            let bucket: Int
            if r.suffixOnly {
                let last = r.tokens[r.tokens.count - 1]
                bucket = last < 256 ? Bucket.byLast + Int(last) : Bucket.suffixOther
            } else if r.tokens[0] < 256, r.tokens.count > 1, r.tokens[1] < 256, r.tokens[1] != 0x3A {
                pairs.append((Int32(r.tokens[0]) << 8 | Int32(r.tokens[1]), Int32(i)))
                continue
            } else if r.tokens[0] < 256 {
                bucket = Int(r.tokens[0])
            } else if r.tokens[0] == tokDigits {
                bucket = Bucket.digitFirst
            } else {
                bucket = Bucket.general
            }
            buckets[bucket].append(Int32(i))
        }
        func fill(_ lists: [[Int32]], _ start: inout [Int32], _ items: inout [Int32]) {
            items = []
            start = Array(repeating: 0, count: lists.count + 1)
            for (k, list) in lists.enumerated() {
                start[k] = Int32(items.count)
                // Stable: higher rank first, file order within a rank.
                items += list.enumerated().sorted {
                    rules[Int($0.element)].rank != rules[Int($1.element)].rank
                        ? rules[Int($0.element)].rank > rules[Int($1.element)].rank : $0.offset < $1.offset
                }.map(\.element)
            }
            start[lists.count] = Int32(items.count)
        }
        fill(buckets, &bucketStart, &bucketItems)
        // The pair buckets the same way, by one sort and counts (65536 lists
        // cost milliseconds of every run's start-up).
        let rank = rules.map(\.rank)
        pairs.sort { a, b in
            a.key != b.key ? a.key < b.key
                : rank[Int(a.rule)] != rank[Int(b.rule)] ? rank[Int(a.rule)] > rank[Int(b.rule)] : a.rule < b.rule
        }
        pairItems = pairs.map(\.rule)
        pairStart = Array(repeating: 0, count: 65536 + 1)
        for p in pairs { pairStart[Int(p.key) + 1] += 1 }
        for k in 0..<65536 { pairStart[k + 1] += pairStart[k] }
    }

    static let forbiddenLabels: Set<String> = ["title", "comment", "author_bio"]

    static func label(for kind: String, fail: (String) -> RulesError) throws(RulesError) -> BlockLabel {
        if let l = BlockLabel(name: kind) {
            if forbiddenLabels.contains(kind) { throw fail("label '\(kind)' cannot be given by a rule") }
            return l
        }
        let u = Array(kind.utf8)
        let ok = !u.isEmpty && u.count <= 24 && isLowerASCII(u[0])
            && u.allSatisfy { isLowerASCII($0) || isDigit($0) || $0 == 0x5F || $0 == 0x2D }
        guard ok else {
            throw fail("bad KIND '\(kind)': use one lowercase word (a boilerplate kind) or a label such as nav_previous, tags, byline")
        }
        return .boilerplate(kind)
    }

    /// Trailing characters a unit may have beyond its pattern (see the format).
    @inline(__always) static func softTrailing(_ b: Bytes, _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        switch c {
        case 0x20, 0x09, 0x2E, 0x3A, 0x21, 0x7C, 0x2D: return 1
        case 0xC2: return i + 1 < end && (b[i + 1] == 0xBB || b[i + 1] == 0xA0) ? 2 : 0
        case 0xE2:
            guard i + 2 < end else { return 0 }
            if b[i + 1] == 0x80 && (b[i + 2] == 0xBA || b[i + 2] == 0xA6) { return 3 }
            if b[i + 1] == 0x86 && b[i + 2] == 0x92 { return 3 }
            return 0
        case 0xEF: return i + 2 < end && b[i + 1] == 0xBC && b[i + 2] == 0x9A ? 3 : 0      // ：
        case 0xE3: return i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x82 ? 3 : 0      // 。
        default: return 0
        }
    }

    /// Start of the unit's optional trailing characters.
    static func softEnd(_ b: Bytes, _ s: Int, _ e: Int) -> Int {
        var e = e
        while e > s {
            let p = previousScalarStart(b, e, s)
            if softTrailing(b, p, e) != e - p { break }
            e = p
        }
        return e
    }

    static func compile(_ pattern: String, fail: (String) -> RulesError) throws(RulesError) -> Rule {
        var toks: [UInt16] = []
        toks.reserveCapacity(pattern.utf8.count)
        // The unit's trailing ". : ! | - » › → …" are optional, so the pattern's
        // are cut too ("read more »" would otherwise never match anything).
        var u = Array(pattern.utf8)
        let keep = u.withUnsafeBufferPointer { softEnd($0, 0, $0.count) }
        if keep > 0 && keep < u.count && u[keep - 1] != 0x5C { u.removeLast(u.count - keep) }
        // Folded the way unit text is (ASCII, Latin-1, Cyrillic, Greek); a
        // byte's fold depends only on its own UTF-8 sequence, and the pattern
        // syntax (\ * # space) is ASCII that folding leaves alone.
        let raw = u
        u = folded(u)
        var i = 0
        while i < u.count {
            let c = u[i]
            if c == 0x5C {
                guard i + 1 < u.count else { throw fail("pattern ends with a lone \\") }
                let n = u[i + 1]
                guard n == 0x2A || n == 0x23 || n == 0x5C else {
                    throw fail("unknown escape '\\\(Character(Unicode.Scalar(raw[i + 1])))' (use \\*, \\# or \\\\)")
                }
                toks.append(UInt16(n)); i += 2; continue
            }
            if c == 0x2A { if toks.last != tokStar { toks.append(tokStar) } }
            else if c == 0x23 { toks.append(tokDigits) }
            else if c == 0x20 || c == 0x09 { if toks.last != tokSpace { toks.append(tokSpace) } }
            else { toks.append(UInt16(c)) }
            i += 1
        }
        // (And a space token left at the end.)
        while toks.count > 1, case let t = toks[toks.count - 1],
              t == 0x20 || t == 0x2E || t == 0x3A || t == 0x21 || t == 0x7C || t == 0x2D || t == tokSpace {
            toks.removeLast()
        }
        guard toks.contains(where: { $0 < 256 || $0 == tokDigits }) else {
            throw fail("pattern '\(pattern)' matches every unit")
        }
        var stars = 0, open = false
        for t in toks where t >= 256 {
            if t == tokStar { stars += 1 }
            open = true   // a *, # or space: the unit's length is open
        }
        let fixed = toks.count - stars
        let suffixOnly = toks[0] == tokStar && stars == 1
        return Rule(label: .ignored, pattern: pattern, origin: "", line: 0, tokens: toks, rank: 0,
                    minLength: fixed, maxLength: open ? Int.max : fixed + 12, suffixOnly: suffixOnly,
                    captureStar: toks.firstIndex(of: tokStar))
    }

    // MARK: - matching

    struct Hit {
        var rule: Int
        var capStart: Int
        var capEnd: Int
    }

    /// The best rule for the unit `b[s..<e]` (already trimmed), or nil.
    func match(_ b: Bytes, _ s: Int, _ e: Int) -> Hit? {
        guard e > s, !rules.isEmpty else { return nil }
        let soft = Self.softEnd(b, s, e)
        let len = e - s
        return entries.withUnsafeBufferPointer { E in
            pool.withUnsafeBufferPointer { P in
                bucketStart.withUnsafeBufferPointer { O in
                    bucketItems.withUnsafeBufferPointer { I -> Hit? in
                        var best: Hit? = nil
                        var bestRank = Int.min
                        // The unit's first bytes folded as matchGlob compares them (literal tokens
                        // before any "*", "#", space or ":" each take exactly one byte); set before
                        // the buckets of patterns that open with literals.
                        var headCount = 0
                        var head: UInt64 = 0
                        func consider(_ bucket: Int, _ O: UnsafeBufferPointer<Int32>, _ I: UnsafeBufferPointer<Int32>) {
                            var k = Int(O[bucket])
                            let end = Int(O[bucket + 1])
                            while k < end {
                                let ri = Int(I[k])
                                let r = E[ri]
                                if r.rank < bestRank { return }
                                k += 1
                                // Most candidates fail within their first bytes: test them before calling.
                                if r.litCount > 1 {
                                    let k = min(Int(r.litCount), headCount)
                                    let mask: UInt64 = k == 8 ? ~0 : (1 << UInt64(8 * k)) &- 1
                                    if (head ^ r.litBytes) & mask != 0 { continue }
                                }
                                if !needles[ri].isEmpty && !Self.containsLetters(needles[ri], needleAnchors[ri], b, s, e) { continue }
                                let toks = UnsafeBufferPointer(rebasing: P[Int(r.tokStart)..<Int(r.tokStart + r.tokCount)])
                                let h = r.suffixOnly ? Self.matchSuffix(toks, b, s, soft)
                                    : Self.matchGlob(toks, r, b, s, e, soft, len)
                                if let h {
                                    best = Hit(rule: ri, capStart: h.0, capEnd: h.1)
                                    bestRank = r.rank
                                    return
                                }
                            }
                        }
                        if soft > s { consider(Bucket.byLast + Int(foldedByte(b, soft - 1, soft)), O, I) }
                        consider(Bucket.suffixOther, O, I)
                        guard len <= shortUnitLimit else { return best }
                        headCount = min(8, len)
                        for j in 0..<headCount { head |= UInt64(foldedByte(b, s + j, e)) << UInt64(8 * j) }
                        let first = Int(head & 0xFF)
                        consider(first, O, I)
                        // A pair pattern has at least two fixed tokens: a one-byte unit cannot match it.
                        if len > 1 {
                            pairStart.withUnsafeBufferPointer { PO in
                                pairItems.withUnsafeBufferPointer { PI in
                                    consider(first << 8 | Int(foldedByte(b, s + 1, e)), PO, PI)
                                }
                            }
                        }
                        if isDigit(b[s]) { consider(Bucket.digitFirst, O, I) }
                        consider(Bucket.general, O, I)
                        return best
                    }
                }
            }
        }
    }

    /// Public form for other readers: the rule for one piece of text.
    public func match(_ text: String) -> RuleMatch? {
        var t = text
        return t.withUTF8 { b -> RuleMatch? in
            let (s, e) = trimmed(b, 0, b.count)
            guard let h = match(b, s, e) else { return nil }
            let r = rules[h.rule]
            var v: String? = nil
            if r.captureStar != nil {
                let (vs, ve) = MetaLines.trimValue(b, h.capStart, h.capEnd)
                if ve > vs { v = String(decoding: UnsafeBufferPointer(rebasing: b[vs..<ve]), as: UTF8.self) }
            }
            return RuleMatch(label: r.label, value: v, rule: r.explanation)
        }
    }

    /// A colon as the unit may write it: spaces then ":", or a fullwidth "：".
    private static func colonLength(_ b: Bytes, _ t: Int, _ e: Int) -> Int? {
        var i = t
        while i < e { let l = spaceLength(b, i, e); if l == 0 { break }; i += l }
        if i < e && b[i] == 0x3A { return i + 1 - t }
        if i + 2 < e && b[i] == 0xEF && b[i + 1] == 0xBC && b[i + 2] == 0x9A { return i + 3 - t }
        return nil
    }

    /// "*literal" against the end of the unit; the capture is what the * took.
    private static func matchSuffix(_ pat: UnsafeBufferPointer<UInt16>, _ b: Bytes, _ s: Int, _ soft: Int) -> (Int, Int)? {
        var t = soft
        var k = pat.count - 1
        while k >= 1 {
            let tok = pat[k]
            if tok == tokSpace {
                guard t > s, b[t - 1] == 0x20 || b[t - 1] == 0x09 || b[t - 1] == 0xA0 else { return nil }
                while t > s, b[t - 1] == 0x20 || b[t - 1] == 0x09 || b[t - 1] == 0xA0 || (b[t - 1] == 0xC2 && t < soft && b[t] == 0xA0) {
                    t -= 1
                }
            } else if tok == tokDigits {
                guard t > s, isDigit(b[t - 1]) else { return nil }
                while t > s, isDigit(b[t - 1]) { t -= 1 }
            } else {
                guard t > s, foldedByte(b, t - 1, soft) == UInt8(tok) else { return nil }
                t -= 1
            }
            k -= 1
        }
        return (s, t)
    }

    /// Glob match of a whole short unit, with the first star's extent.
    /// `b[s..<e]` contains the lower-case ASCII letters `nd`, in any case.
    static func containsLetters(_ nd: [UInt8], _ j: Int, _ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        let n = nd.count
        guard e - s >= n else { return false }
        // Anchored on the needle's rarest letter `nd[j]`, eight bytes at a time:
        // this runs over every short unit, for every such rule.
        let a = nd[j]
        @inline(__always) func at(_ p: Int) -> Bool {
            var k = 0
            while k < n && b[p + k] | 0x20 == nd[k] { k += 1 }
            return k == n
        }
        var p = s + j
        let stop = e - n + j      // last anchor position
        let base = UnsafeRawPointer(b.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let pat = UInt64(a) &* ones
        while p + 7 <= stop {
            let y = (base.loadUnaligned(fromByteOffset: p, as: UInt64.self) | 0x2020_2020_2020_2020) ^ pat
            if (y &- ones) & ~y & 0x8080_8080_8080_8080 != 0 {
                for q in p ..< p + 8 where b[q] | 0x20 == a && at(q - j) { return true }
            }
            p += 8
        }
        while p <= stop {
            if b[p] | 0x20 == a && at(p - j) { return true }
            p += 1
        }
        return false
    }

    /// Higher for letters rarer in English text (by the usual frequency order).
    @inline(__always) static func letterRarity(_ c: UInt8) -> Int {
        switch c {
        case 0x65: 0; case 0x74: 1; case 0x61: 2; case 0x6F: 3; case 0x69: 4; case 0x6E: 5; case 0x73: 6
        case 0x68: 7; case 0x72: 8; case 0x64: 9; case 0x6C: 10; case 0x63: 11; case 0x75: 12; case 0x6D: 13
        case 0x77: 14; case 0x66: 15; case 0x67: 16; case 0x79: 17; case 0x70: 18; case 0x62: 19; case 0x76: 20
        default: 21
        }
    }

    private static func matchGlob(_ pat: UnsafeBufferPointer<UInt16>, _ r: Entry, _ b: Bytes, _ s: Int, _ e: Int,
                                  _ soft: Int, _ len: Int) -> (Int, Int)? {
        if len < Int(r.minLength) || len > Int(r.maxLength) { return nil }
        let pn = pat.count
        let cap = Int(r.capture)
        var p = 0, t = s
        var starP = -1, starT = s
        var capStart = s, capEnd = s
        while t < e {
            if p < pn {
                let tok = pat[p]
                if tok == tokStar {
                    starP = p; starT = t
                    if p == cap { capStart = t; capEnd = t }
                    p += 1
                    continue
                }
                if tok == tokSpace {
                    let l = spaceLength(b, t, e)
                    if l > 0 {
                        t += l
                        while t < e { let m = spaceLength(b, t, e); if m == 0 { break }; t += m }
                        p += 1
                        continue
                    }
                } else if tok == tokDigits {
                    if isDigit(b[t]) {
                        // "18,204" and "1.5" count as one number.
                        while t < e && (isDigit(b[t]) || ((b[t] == 0x2C || b[t] == 0x2E) && t + 1 < e && isDigit(b[t + 1]))) {
                            t += 1
                        }
                        p += 1
                        continue
                    }
                } else if foldedByte(b, t, e) == UInt8(tok) {
                    p += 1; t += 1
                    continue
                } else if tok == 0x3A, let l = colonLength(b, t, e) {
                    // "Photo : AFP" (French spacing) and "作者：" match "photo:" and "作者:".
                    t += l; p += 1
                    continue
                }
            }
            if p == pn && t >= soft { break }
            guard starP >= 0 else { return nil }
            starT += 1
            t = starT
            p = starP + 1
            if starP == cap { capEnd = t }
        }
        while p < pn && pat[p] == tokStar {
            if p == cap { capStart = t; capEnd = t }
            p += 1
        }
        guard p == pn else { return nil }
        return (capStart, capEnd)
    }
}
