// Unicode word boundaries (UAX #29) over UTF-8 bytes, from the tables that
// scripts/gen-unicode-tables generates (TextUnicodeData.swift). Works on the
// bytes of a Lua string in place: no Swift String is made on the hot path.

/// Word_Break classes, numbered as in UnicodeData.wordBreakClasses.
enum WB {
    static let other: UInt8 = 0, cr: UInt8 = 1, lf: UInt8 = 2, newline: UInt8 = 3, extend: UInt8 = 4,
               zwj: UInt8 = 5, ri: UInt8 = 6, format: UInt8 = 7, katakana: UInt8 = 8, hebrew: UInt8 = 9,
               aletter: UInt8 = 10, singleQuote: UInt8 = 11, doubleQuote: UInt8 = 12, midNumLet: UInt8 = 13,
               midLetter: UInt8 = 14, midNum: UInt8 = 15, numeric: UInt8 = 16, extendNumLet: UInt8 = 17,
               wsegSpace: UInt8 = 18
    static let pictographic: UInt8 = 0x20
    /// Alphabetic without a letter class of its own (Han, Hiragana, Thai, ...).
    static let ideo: UInt8 = 0x40
}

enum UnicodeTable {
    /// One byte per code point (1.1 MB, built once per process from the runs).
    nonisolated(unsafe) static let values: UnsafeMutablePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x110000)
        p.initialize(repeating: 0, count: 0x110000)
        for run in UnicodeData.wordBreakRuns.split(separator: ";") {
            let f = run.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" })
            guard f.count == 3, let a = Int(f[0], radix: 16), let b = Int(f[1], radix: 16),
                  let v = UInt8(f[2], radix: 16) else { continue }
            for c in a...b { p[c] = v }
        }
        return p
    }()

    @inline(__always) static func value(_ c: UInt32) -> UInt8 { c < 0x110000 ? values[Int(c)] : 0 }
}

/// Decodes the UTF-8 scalar at `i` (invalid bytes decode as U+FFFD, one byte long).
@inline(__always) func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let c0 = UInt32(b[i])
    if c0 < 0x80 { return (c0, 1) }
    let n = b.count
    @inline(__always) func cont(_ k: Int) -> UInt32? {
        guard k < n, b[k] & 0xC0 == 0x80 else { return nil }
        return UInt32(b[k] & 0x3F)
    }
    if c0 >= 0xC2 && c0 < 0xE0, let c1 = cont(i + 1) { return ((c0 & 0x1F) << 6 | c1, 2) }
    if c0 >= 0xE0 && c0 < 0xF0, let c1 = cont(i + 1), let c2 = cont(i + 2) {
        let v = (c0 & 0x0F) << 12 | c1 << 6 | c2
        if v >= 0x800 && (v < 0xD800 || v > 0xDFFF) { return (v, 3) }
    }
    if c0 >= 0xF0 && c0 < 0xF5, let c1 = cont(i + 1), let c2 = cont(i + 2), let c3 = cont(i + 3) {
        let v = (c0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
        if v >= 0x10000 && v < 0x110000 { return (v, 4) }
    }
    return (0xFFFD, 1)
}

/// The code points of a UTF-8 buffer with their Word_Break values and byte offsets.
struct ScalarRun {
    var values: [UInt8] = []
    var offsets: [Int32] = []   // offsets[i] = byte offset of scalar i; offsets[count] = byte count

    init(_ b: UnsafeBufferPointer<UInt8>) {
        values.reserveCapacity(b.count)
        offsets.reserveCapacity(b.count + 1)
        var i = 0
        while i < b.count {
            let c = b[i]
            offsets.append(Int32(i))
            if c < 0x80 { values.append(UnicodeTable.values[Int(c)]); i += 1; continue }
            let (v, len) = decodeUTF8(b, i)
            values.append(UnicodeTable.value(v))
            i += len
        }
        offsets.append(Int32(b.count))
    }

    var count: Int { values.count }
}

enum WordBreak {
    @inline(__always) static func cls(_ v: UInt8) -> UInt8 { v & 0x1F }
    @inline(__always) static func ignorable(_ c: UInt8) -> Bool { c == WB.extend || c == WB.format || c == WB.zwj }
    @inline(__always) static func ahLetter(_ c: UInt8) -> Bool { c == WB.aletter || c == WB.hebrew }
    @inline(__always) static func midLetterQ(_ c: UInt8) -> Bool { c == WB.midLetter || c == WB.midNumLet || c == WB.singleQuote }
    @inline(__always) static func midNumQ(_ c: UInt8) -> Bool { c == WB.midNum || c == WB.midNumLet || c == WB.singleQuote }
    @inline(__always) static func newlineish(_ c: UInt8) -> Bool { c == WB.cr || c == WB.lf || c == WB.newline }

    /// Start of the WB4 cluster that holds scalar `i` (Extend/Format/ZWJ attach to
    /// what precedes them, unless that is a line break or the start).
    @inline(__always) static func clusterStart(_ v: [UInt8], _ i: Int) -> Int {
        var j = i
        while j > 0, ignorable(cls(v[j])), !newlineish(cls(v[j - 1])) { j -= 1 }
        return j
    }

    /// Whether there is a word boundary before scalar `i` (0 < i < count).
    static func isBoundary(_ v: [UInt8], _ i: Int) -> Bool {
        let n = v.count
        let prevRaw = cls(v[i - 1]), cur = cls(v[i])
        if prevRaw == WB.cr && cur == WB.lf { return false }                         // WB3
        if newlineish(prevRaw) || newlineish(cur) { return true }                   // WB3a, WB3b
        if prevRaw == WB.zwj && v[i] & WB.pictographic != 0 { return false }        // WB3c
        if prevRaw == WB.wsegSpace && cur == WB.wsegSpace { return false }          // WB3d
        if ignorable(cur) { return false }                                          // WB4
        let j = ignorable(prevRaw) ? clusterStart(v, i - 1) : i - 1
        let prev = cls(v[j])
        // The scalars after `cur` and before `prev` matter only around middle
        // punctuation (WB6, WB7, WB7b, WB7c, WB11, WB12): found only then.
        var next: UInt8 = 0xFF
        if cur == WB.midLetter || cur == WB.midNum || cur == WB.midNumLet || cur == WB.singleQuote || cur == WB.doubleQuote {
            var k = i + 1
            while k < n, ignorable(cls(v[k])) { k += 1 }
            if k < n { next = cls(v[k]) }
        }
        var prevPrev: UInt8 = 0xFF
        if j > 0, prev == WB.midLetter || prev == WB.midNum || prev == WB.midNumLet || prev == WB.singleQuote
            || prev == WB.doubleQuote {
            prevPrev = cls(v[clusterStart(v, j - 1)])
        }
        if ahLetter(prev) && ahLetter(cur) { return false }                          // WB5
        if ahLetter(prev) && midLetterQ(cur) && ahLetter(next) { return false }      // WB6
        if ahLetter(prevPrev) && midLetterQ(prev) && ahLetter(cur) { return false }  // WB7
        if prev == WB.hebrew && cur == WB.singleQuote { return false }               // WB7a
        if prev == WB.hebrew && cur == WB.doubleQuote && next == WB.hebrew { return false }      // WB7b
        if prevPrev == WB.hebrew && prev == WB.doubleQuote && cur == WB.hebrew { return false }  // WB7c
        if prev == WB.numeric && cur == WB.numeric { return false }                  // WB8
        if ahLetter(prev) && cur == WB.numeric { return false }                      // WB9
        if prev == WB.numeric && ahLetter(cur) { return false }                      // WB10
        if prevPrev == WB.numeric && midNumQ(prev) && cur == WB.numeric { return false }  // WB11
        if prev == WB.numeric && midNumQ(cur) && next == WB.numeric { return false }      // WB12
        if prev == WB.katakana && cur == WB.katakana { return false }                // WB13
        if (ahLetter(prev) || prev == WB.numeric || prev == WB.katakana || prev == WB.extendNumLet)
            && cur == WB.extendNumLet { return false }                               // WB13a
        if prev == WB.extendNumLet && (ahLetter(cur) || cur == WB.numeric || cur == WB.katakana) { return false }  // WB13b
        if prev == WB.ri && cur == WB.ri {                                           // WB15, WB16
            var count = 0, m = j   // RIs pair up from the start of their run
            while cls(v[m]) == WB.ri {
                count += 1
                if m == 0 { break }
                m = clusterStart(v, m - 1)
            }
            return count % 2 == 0
        }
        return true                                                                  // WB999
    }

    /// Scalar indices where segments start, plus `count` at the end.
    static func boundaries(_ v: [UInt8]) -> [Int] {
        var out = [0]
        if v.isEmpty { return out }
        for i in 1..<v.count where isBoundary(v, i) { out.append(i) }
        out.append(v.count)
        return out
    }

    /// Whether a segment counts as a word: it holds a letter or a digit.
    @inline(__always) static func isWordValue(_ x: UInt8) -> Bool {
        let c = x & 0x1F
        return c == WB.aletter || c == WB.hebrew || c == WB.numeric || c == WB.katakana || x & WB.ideo != 0
    }
}
