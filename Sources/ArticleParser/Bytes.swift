// Small UTF-8 byte helpers shared by the reader. Everything works on byte
// offsets into one buffer so that no unit is copied before it becomes a Block.

typealias Bytes = UnsafeBufferPointer<UInt8>

@inline(__always) func lowerASCII(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }
@inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
@inline(__always) func isUpperASCII(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
@inline(__always) func isLowerASCII(_ c: UInt8) -> Bool { c &- 0x61 < 26 }
@inline(__always) func isLetterASCII(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
@inline(__always) func isContinuation(_ c: UInt8) -> Bool { c & 0xC0 == 0x80 }

/// Length in bytes of the white-space character at `i` (0 if none): ASCII space,
/// tab, line ends, NBSP, the U+2000 spaces, U+202F, U+205F, U+3000 and U+FEFF.
@inline(__always) func spaceLength(_ b: Bytes, _ i: Int, _ end: Int) -> Int {
    let c = b[i]
    if c < 0x80 { return (c == 0x20 || (c >= 0x09 && c <= 0x0D)) ? 1 : 0 }
    if c == 0xC2 { return i + 1 < end && b[i + 1] == 0xA0 ? 2 : 0 }
    guard c >= 0xE2, c <= 0xEF, i + 2 < end else { return 0 }
    let c1 = b[i + 1], c2 = b[i + 2]
    switch c {
    case 0xE2:
        if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF) { return 3 }
        if c1 == 0x81 && c2 == 0x9F { return 3 }
    case 0xE3: if c1 == 0x80 && c2 == 0x80 { return 3 }
    case 0xEF: if c1 == 0xBB && c2 == 0xBF { return 3 }
    default: break
    }
    return 0
}

/// Start of the UTF-8 character that ends just before `end`.
@inline(__always) func previousScalarStart(_ b: Bytes, _ end: Int, _ floor: Int) -> Int {
    var i = end - 1
    while i > floor && isContinuation(b[i]) { i -= 1 }
    return i
}

/// The range with surrounding white space removed.
func trimmed(_ b: Bytes, _ s: Int, _ e: Int) -> (Int, Int) {
    var s = s, e = e
    while s < e { let l = spaceLength(b, s, e); if l == 0 { break }; s += l }
    while e > s {
        let p = previousScalarStart(b, e, s)
        if spaceLength(b, p, e) == 0 { break }
        e = p
    }
    return (s, e)
}

/// The Unicode scalar value at `i` and its length (invalid bytes read as themselves).
@inline(__always) func scalar(_ b: Bytes, _ i: Int, _ end: Int) -> (UInt32, Int) {
    let c = b[i]
    if c < 0x80 { return (UInt32(c), 1) }
    if c < 0xE0, i + 1 < end { return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
    if c < 0xF0, i + 2 < end {
        return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    if i + 3 < end {
        return (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F), 4)
    }
    return (UInt32(c), 1)
}

@inline(__always) func lastScalar(_ b: Bytes, _ s: Int, _ e: Int) -> (UInt32, Int) {
    let p = previousScalarStart(b, e, s)
    return (scalar(b, p, e).0, p)
}

/// Counts characters (scalars) in a range.
func scalarCount(_ b: Bytes, _ s: Int, _ e: Int) -> Int {
    var n = 0
    for i in s..<e where !isContinuation(b[i]) { n += 1 }
    return n
}

/// True when `b[s..<e]` begins with `p` (ASCII, case-insensitive; `p` lowercase).
func hasPrefixCI(_ b: Bytes, _ s: Int, _ e: Int, _ p: StaticString) -> Bool {
    let n = p.utf8CodeUnitCount
    guard e - s >= n else { return false }
    let q = p.utf8Start
    for k in 0..<n where lowerASCII(b[s + k]) != q[k] { return false }
    return true
}

func hasSuffixCI(_ b: Bytes, _ s: Int, _ e: Int, _ p: StaticString) -> Bool {
    let n = p.utf8CodeUnitCount
    guard e - s >= n else { return false }
    return hasPrefixCI(b, e - n, e, p)
}

/// ASCII case-insensitive equality of two ranges.
func equalCI(_ b: Bytes, _ s1: Int, _ e1: Int, _ s2: Int, _ e2: Int) -> Bool {
    guard e1 - s1 == e2 - s2 else { return false }
    var i = s1, j = s2
    while i < e1 {
        if lowerASCII(b[i]) != lowerASCII(b[j]) { return false }
        i += 1; j += 1
    }
    return true
}

/// Index of `needle` (lowercase ASCII) in `b[s..<e]`, case-insensitive, or nil.
func findCI(_ b: Bytes, _ s: Int, _ e: Int, _ needle: StaticString) -> Int? {
    let n = needle.utf8CodeUnitCount
    guard n > 0, e - s >= n else { return nil }
    let q = needle.utf8Start
    let first = q[0]
    var i = s
    while i + n <= e {
        if lowerASCII(b[i]) == first {
            var k = 1
            while k < n && lowerASCII(b[i + k]) == q[k] { k += 1 }
            if k == n { return i }
        }
        i += 1
    }
    return nil
}

/// Sentence-ending characters: . ! ? … and the CJK full stops.
@inline(__always) func isTerminal(_ v: UInt32) -> Bool {
    v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 || v == 0x3002 || v == 0xFF01 || v == 0xFF1F
}

/// Closing quotes and brackets, which may follow a sentence's end.
@inline(__always) func isCloser(_ v: UInt32) -> Bool {
    v == 0x22 || v == 0x27 || v == 0x29 || v == 0x5D || v == 0x2019 || v == 0x201D || v == 0xBB
        || v == 0x300D || v == 0x300F
}

/// CJK and other scripts written without spaces between words.
@inline(__always) func isCJK(_ v: UInt32) -> Bool {
    (v >= 0x2E80 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7AF) || (v >= 0xF900 && v <= 0xFAFF)
        || (v >= 0xFF00 && v <= 0xFFEF)
}

/// The byte at `t` as it reads in lowercase: ASCII, Latin-1 (À-Þ) and Cyrillic, Greek
/// (А-Я, Ё) capitals fold to small letters, byte for byte, so that patterns and
/// text compare without decoding. `t` must not be the first byte of a buffer
/// that starts inside a character.
@inline(__always) func foldedByte(_ b: Bytes, _ t: Int, _ end: Int) -> UInt8 {
    let c = b[t]
    if c < 0x80 { return lowerASCII(c) }
    if c == 0xD0, t + 1 < end {
        let n = b[t + 1]
        return (n >= 0xA0 && n <= 0xAF) || n == 0x81 ? 0xD1 : 0xD0
    }
    if c == 0xCE, t + 1 < end {
        // Greek capitals Π...Ω (CE A0-A9) fold to π...ω (CF 80-89).
        let n = b[t + 1]
        return n >= 0xA0 && n <= 0xA9 ? 0xCF : 0xCE
    }
    guard isContinuation(c), t > 0 else { return c }
    switch b[t - 1] {
    case 0xC3: return c <= 0x9E && c != 0x97 ? c + 0x20 : c
    case 0xD0:
        if c >= 0x90 && c <= 0x9F { return c + 0x20 }
        if c >= 0xA0 && c <= 0xAF { return c - 0x20 }
        return c == 0x81 ? 0x91 : c
    case 0xCE:
        // Greek: Α...Ο -> α...ο, Π...Ω -> π...ω, Ά Έ Ή Ί -> ά έ ή ί.
        if c >= 0x91 && c <= 0x9F { return c + 0x20 }
        if c >= 0xA0 && c <= 0xA9 { return c - 0x20 }
        if c == 0x86 { return 0xAC }
        if c >= 0x88 && c <= 0x8A { return c + 0x25 }
        return c
    default: return c
    }
}

/// A whole byte string folded with `foldedByte`.
func folded(_ s: some Collection<UInt8>) -> [UInt8] {
    let a = Array(s)
    return a.withUnsafeBufferPointer { b in (0..<b.count).map { foldedByte(b, $0, b.count) } }
}
