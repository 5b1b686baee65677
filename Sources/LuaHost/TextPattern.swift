// text.find / text.match / text.gmatch: Lua 5.4 patterns (lstrlib.c's matcher,
// ported) where a single character is a code point rather than a byte, and the
// classes %a %l %u %d %w %s %p %c %g follow Unicode general categories. So
// `[’']` matches either apostrophe and `%a+` matches "Путин". Positions stay
// byte positions, as in string.find, so they work with string.sub.

enum CharClass {
    @inline(__always) static func isLetter(_ u: UInt32) -> Bool {
        if u < 0x80 { return (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
        guard let s = Unicode.Scalar(u) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    @inline(__always) static func isUpper(_ u: UInt32) -> Bool {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A }
        guard let s = Unicode.Scalar(u) else { return false }
        let c = s.properties.generalCategory
        return c == .uppercaseLetter || c == .titlecaseLetter
    }
    @inline(__always) static func isLower(_ u: UInt32) -> Bool {
        if u < 0x80 { return u >= 0x61 && u <= 0x7A }
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.generalCategory == .lowercaseLetter
    }
    @inline(__always) static func isDigit(_ u: UInt32) -> Bool {
        if u < 0x80 { return u >= 0x30 && u <= 0x39 }
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }
    static func isNumber(_ u: UInt32) -> Bool {
        guard let s = Unicode.Scalar(u) else { return false }
        switch s.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
    static func isSpace(_ u: UInt32) -> Bool {
        if u < 0x80 { return u == 0x20 || (u >= 0x09 && u <= 0x0D) }
        return Unicode.Scalar(u)?.properties.isWhitespace ?? false
    }
    static func isPunct(_ u: UInt32) -> Bool {
        guard let s = Unicode.Scalar(u) else { return false }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default: return false
        }
    }
    static func isControl(_ u: UInt32) -> Bool {
        Unicode.Scalar(u)?.properties.generalCategory == .control
    }
    static func isGraphic(_ u: UInt32) -> Bool {
        guard let s = Unicode.Scalar(u), !isSpace(u) else { return false }
        switch s.properties.generalCategory {
        case .control, .surrogate, .unassigned, .format: return false
        default: return true
        }
    }

    /// Lua's class letters (a c d g l p s u w x; upper case negates), on code points.
    static func matches(_ u: UInt32, _ cl: UInt32) -> Bool {
        let r: Bool
        switch cl | 0x20 {
        case 0x61: r = isLetter(u)                       // a
        case 0x63: r = isControl(u)                      // c
        case 0x64: r = isDigit(u)                        // d
        case 0x67: r = isGraphic(u)                      // g
        case 0x6C: r = isLower(u)                        // l
        case 0x70: r = isPunct(u)                        // p
        case 0x73: r = isSpace(u)                        // s
        case 0x75: r = isUpper(u)                        // u
        case 0x77: r = isLetter(u) || isNumber(u)        // w
        case 0x78: r = (u >= 0x30 && u <= 0x39) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x66)  // x
        default: return cl == u
        }
        return (cl >= 0x41 && cl <= 0x5A) ? !r : r
    }
}

struct PatternError: Error { var message: String }

/// One match attempt of a pattern over a subject, both UTF-8 bytes.
struct UnicodeMatcher {
    static let maxCaptures = 32
    static let capUnfinished = -1, capPosition = -2

    let s: UnsafeBufferPointer<UInt8>
    let p: UnsafeBufferPointer<UInt8>
    var level = 0
    var capStart = [Int](repeating: 0, count: maxCaptures)
    var capLen = [Int](repeating: 0, count: maxCaptures)
    var depth = 0
    var steps = 0
    var stopped = false
    let stop: () -> Bool

    init(subject: UnsafeBufferPointer<UInt8>, pattern: UnsafeBufferPointer<UInt8>, stop: @escaping () -> Bool) {
        s = subject; p = pattern; self.stop = stop
    }

    @inline(__always) func cp(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) { decodeUTF8(b, i) }

    /// Start of the code point that ends just before byte `j` of the subject.
    /// A sequence that starts before `floor` (where decoding began, maybe inside
    /// a code point) was read byte by byte there, so it steps back one byte.
    func previous(_ j: Int, floor: Int = 0) -> Int {
        var k = j - 1
        while k > floor, j - k < 4, s[k] & 0xC0 == 0x80 { k -= 1 }
        return k + cp(s, k).1 == j ? k : j - 1
    }

    func classEnd(_ i: Int) throws(PatternError) -> Int {
        var i = i
        let c = p[i]
        i += 1
        if c == 0x25 {   // %
            guard i < p.count else { throw PatternError(message: "malformed pattern (ends with '%')") }
            return i + cp(p, i).1
        }
        if c == 0x5B {   // [
            if i < p.count, p[i] == 0x5E { i += 1 }
            repeat {
                guard i < p.count else { throw PatternError(message: "malformed pattern (missing ']')") }
                let cc = p[i]
                i += cp(p, i).1
                if cc == 0x25 {
                    guard i < p.count else { throw PatternError(message: "malformed pattern (missing ']')") }
                    i += cp(p, i).1
                }
            } while i >= p.count || p[i] != 0x5D
            return i + 1
        }
        return i - 1 + cp(p, i - 1).1
    }

    /// `pi` is at '[', `ec` at the closing ']'.
    func matchBracket(_ u: UInt32, _ pi: Int, _ ec: Int) -> Bool {
        var i = pi + 1
        var sig = true
        if p[i] == 0x5E { sig = false; i += 1 }
        while i < ec {
            if p[i] == 0x25 {
                i += 1
                let (cl, n) = cp(p, i)
                if CharClass.matches(u, cl) { return sig }
                i += n
                continue
            }
            let (lo, n) = cp(p, i)
            if i + n + 1 < ec, p[i + n] == 0x2D {
                let (hi, m) = cp(p, i + n + 1)
                if lo <= u && u <= hi { return sig }
                i += n + 1 + m
            } else {
                if lo == u { return sig }
                i += n
            }
        }
        return !sig
    }

    /// Length in bytes of the code point at `si` when it matches the single class at `pi`, else nil.
    func single(_ si: Int, _ pi: Int, _ ep: Int) -> Int? {
        guard si < s.count else { return nil }
        let (u, n) = cp(s, si)
        switch p[pi] {
        case 0x2E: return n
        case 0x25: return CharClass.matches(u, cp(p, pi + 1).0) ? n : nil
        case 0x5B: return matchBracket(u, pi, ep - 1) ? n : nil
        default: return cp(p, pi).0 == u ? n : nil
        }
    }

    mutating func tick() -> Bool {
        steps += 1
        if steps & 0xFFF == 0, stop() { stopped = true }
        return stopped
    }

    /// The end of a match of p[pi...] at s[si...], or nil.
    mutating func match(_ si: Int, _ pi: Int) throws(PatternError) -> Int? {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw PatternError(message: "pattern too complex") }
        var si = si, pi = pi
        while true {
            if tick() { return nil }
            if pi == p.count { return si }
            switch p[pi] {
            case 0x28:   // (
                if pi + 1 < p.count, p[pi + 1] == 0x29 { return try startCapture(si, pi + 2, Self.capPosition) }
                return try startCapture(si, pi + 1, Self.capUnfinished)
            case 0x29:   // )
                return try endCapture(si, pi + 1)
            case 0x24 where pi + 1 == p.count:   // $ at the end
                return si == s.count ? si : nil
            case 0x25 where pi + 1 < p.count && p[pi + 1] == 0x62:   // %b
                guard let e = try matchBalance(si, pi + 2) else { return nil }
                let n1 = cp(p, pi + 2).1
                si = e; pi += 2 + n1 + cp(p, pi + 2 + n1).1   // the delimiters may be any code points
                continue
            case 0x25 where pi + 1 < p.count && p[pi + 1] == 0x66:   // %f
                pi += 2
                guard pi < p.count, p[pi] == 0x5B else { throw PatternError(message: "missing '[' after '%f' in pattern") }
                let ep = try classEnd(pi)
                let prev: UInt32 = si == 0 ? 0 : cp(s, previous(si)).0
                let cur: UInt32 = si < s.count ? cp(s, si).0 : 0
                if !matchBracket(prev, pi, ep - 1) && matchBracket(cur, pi, ep - 1) { pi = ep; continue }
                return nil
            case 0x25 where pi + 1 < p.count && p[pi + 1] >= 0x30 && p[pi + 1] <= 0x39:   // %0-9
                guard let e = try matchCapture(si, Int(p[pi + 1]) - 0x30) else { return nil }
                si = e; pi += 2
                continue
            default:
                break
            }
            let ep = try classEnd(pi)
            let m = single(si, pi, ep)
            let q: UInt8 = ep < p.count ? p[ep] : 0
            if m == nil {
                if q == 0x2A || q == 0x3F || q == 0x2D { pi = ep + 1; continue }   // * ? -: zero is fine
                return nil
            }
            let n = m!
            switch q {
            case 0x3F:   // ?
                if let r = try match(si + n, ep + 1) { return r }
                if stopped { return nil }
                pi = ep + 1
                continue
            case 0x2B: return try maxExpand(si + n, pi, ep)   // +
            case 0x2A: return try maxExpand(si, pi, ep)       // *
            case 0x2D: return try minExpand(si, pi, ep)       // -
            default:
                si += n; pi = ep
            }
        }
    }

    mutating func maxExpand(_ si: Int, _ pi: Int, _ ep: Int) throws(PatternError) -> Int? {
        var e = si
        while let n = single(e, pi, ep) {
            e += n
            if tick() { return nil }
        }
        while true {
            if let r = try match(e, ep + 1) { return r }
            if stopped || e == si { return nil }
            e = previous(e, floor: si)
        }
    }

    mutating func minExpand(_ si: Int, _ pi: Int, _ ep: Int) throws(PatternError) -> Int? {
        var si = si
        while true {
            if let r = try match(si, ep + 1) { return r }
            if stopped { return nil }
            guard let n = single(si, pi, ep) else { return nil }
            si += n
        }
    }

    mutating func startCapture(_ si: Int, _ pi: Int, _ what: Int) throws(PatternError) -> Int? {
        guard level < Self.maxCaptures else { throw PatternError(message: "too many captures") }
        capStart[level] = si; capLen[level] = what
        level += 1
        let r = try match(si, pi)
        if r == nil { level -= 1 }
        return r
    }

    mutating func endCapture(_ si: Int, _ pi: Int) throws(PatternError) -> Int? {
        var l = -1
        for k in stride(from: level - 1, through: 0, by: -1) where capLen[k] == Self.capUnfinished { l = k; break }
        guard l >= 0 else { throw PatternError(message: "invalid pattern capture") }
        capLen[l] = si - capStart[l]
        let r = try match(si, pi)
        if r == nil { capLen[l] = Self.capUnfinished }
        return r
    }

    mutating func matchBalance(_ si: Int, _ pi: Int) throws(PatternError) -> Int? {
        guard pi < p.count, pi + cp(p, pi).1 < p.count else {
            throw PatternError(message: "malformed pattern (missing arguments to '%b')")
        }
        let (open, n1) = cp(p, pi)
        let (close, _) = cp(p, pi + n1)
        guard si < s.count, cp(s, si).0 == open else { return nil }
        var cont = 1
        var i = si + cp(s, si).1
        while i < s.count {
            if tick() { return nil }
            let (u, n) = cp(s, i)
            if u == close { cont -= 1; if cont == 0 { return i + n } }
            else if u == open { cont += 1 }
            i += n
        }
        return nil
    }

    mutating func matchCapture(_ si: Int, _ l: Int) throws(PatternError) -> Int? {
        let k = l - 1
        guard k >= 0, k < level, capLen[k] != Self.capUnfinished else {
            throw PatternError(message: "invalid capture index %\(l)")
        }
        let len = capLen[k]
        guard len >= 0, s.count - si >= len else { return nil }   // a position capture never matches, as in Lua
        for j in 0..<len where s[capStart[k] + j] != s[si + j] { return nil }
        return si + len
    }
}

enum UnicodePattern {
    /// Whether a pattern has no special characters (then find is a plain search).
    static func isPlain(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        !p.contains(where: { "^$*+?.([%-".utf8.contains($0) })
    }

    struct Found {
        var start: Int, end: Int
        var captures: [(start: Int, len: Int)]   // len -2: a position capture
    }

    /// The first match at or after byte `from`, moving one code point at a time.
    /// Throws on a malformed pattern; nil when there is none or `stop` fired
    /// (then `stopped` is set).
    static func find(_ s: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>, from: Int,
                     notAt lastMatch: Int = -1, stopped: inout Bool, stop: @escaping () -> Bool) throws(PatternError) -> Found? {
        var pstart = 0
        let anchor = p.count > 0 && p[0] == 0x5E
        if anchor { pstart = 1 }
        let pat = UnsafeBufferPointer(rebasing: p[pstart...])
        var m = UnicodeMatcher(subject: s, pattern: pat, stop: stop)
        var si = from
        while true {
            m.level = 0
            if let e = try m.match(si, 0), e != lastMatch {
                var caps: [(Int, Int)] = []
                for k in 0..<m.level { caps.append((m.capStart[k], m.capLen[k])) }
                return Found(start: si, end: e, captures: caps)
            }
            if m.stopped { stopped = true; return nil }
            if anchor || si >= s.count { return nil }
            si += decodeUTF8(s, si).1
        }
    }
}
