// text.words: UAX #29 word segments that hold a letter or a digit, plus what
// analysts count as one token although the standard splits it (URLs, e-mail
// addresses, hyphenated words), each behind an option.

struct TokenOptions {
    var numbers = true    // keep tokens without letters ("4,100,000", "5.2")
    var urls = false      // "https://example.com/a?b=c" and "www.example.com" whole
    var emails = false    // "name@example.com" whole
    var hyphens = false   // "Sino-Russian" whole (UAX #29 splits at the hyphen)
}

enum Tokenizer {
    /// Swift memory `tokens` may use for `n` input bytes, for --memory checks:
    /// 5 bytes a byte for the scalar run, and at most one 16-byte range per
    /// two bytes ("a a a ...").
    static func workBytes(_ n: Int) -> Int { n * 13 }

    /// Byte ranges of the tokens of `b`. `stop` is polled now and then on long
    /// inputs; when it returns true the result is incomplete and nil is returned.
    static func tokens(_ b: UnsafeBufferPointer<UInt8>, _ opt: TokenOptions = TokenOptions(),
                       stop: () -> Bool = { false }) -> [Range<Int>]? {
        let run = ScalarRun(b)
        let v = run.values, off = run.offsets
        let n = run.count
        var out: [Range<Int>] = []
        out.reserveCapacity(b.count / 6)
        var segStart = 0
        var hasWord = false, hasLetter = false
        var i = 0, nextPoll = 1 << 16
        while i <= n {
            if i >= nextPoll {
                nextPoll = i + (1 << 16)
                if stop() { return nil }
            }
            if i == n || (i > 0 && WordBreak.isBoundary(v, i)) {
                if i > segStart, hasWord, opt.numbers || hasLetter {
                    out.append(Int(off[segStart])..<Int(off[i]))
                }
                if i == n { break }
                segStart = i
                hasWord = false
                hasLetter = false
            }
            let x = v[i]
            if WordBreak.isWordValue(x) {
                hasWord = true
                if x & 0x1F != WB.numeric { hasLetter = true }
            }
            i += 1
        }
        if opt.hyphens { out = joinHyphens(b, out) }
        if opt.urls || opt.emails {
            var spans: [Range<Int>] = []
            if opt.urls { spans += urlSpans(b) }
            if opt.emails { spans += emailSpans(b) }
            if !spans.isEmpty { out = cover(out, with: spans) }
        }
        return out
    }

    /// Joins tokens separated by exactly one hyphen (-, U+2010, U+2011).
    static func joinHyphens(_ b: UnsafeBufferPointer<UInt8>, _ toks: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(toks.count)
        for t in toks {
            if let last = out.last, isHyphen(b, last.upperBound..<t.lowerBound) {
                out[out.count - 1] = last.lowerBound..<t.upperBound
            } else {
                out.append(t)
            }
        }
        return out
    }

    static func isHyphen(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if r.count == 1 { return b[r.lowerBound] == 0x2D }
        return r.count == 3 && b[r.lowerBound] == 0xE2 && b[r.lowerBound + 1] == 0x80
            && (b[r.lowerBound + 2] == 0x90 || b[r.lowerBound + 2] == 0x91)
    }

    /// Replaces the tokens that overlap a span by the span itself (once).
    static func cover(_ toks: [Range<Int>], with spans: [Range<Int>]) -> [Range<Int>] {
        let spans = spans.sorted { $0.lowerBound < $1.lowerBound }
        var out: [Range<Int>] = []
        out.reserveCapacity(toks.count)
        var s = 0
        for t in toks {
            while s < spans.count, spans[s].upperBound <= t.lowerBound { s += 1 }
            if s < spans.count, spans[s].overlaps(t) {
                let span = spans[s]
                if out.last.map({ $0.overlaps(span) }) != true { out.append(span) }
                else if out[out.count - 1].upperBound < span.upperBound {
                    out[out.count - 1] = out[out.count - 1].lowerBound..<span.upperBound
                }
            } else {
                out.append(t)
            }
        }
        return out
    }

    @inline(__always) static func isASCIIAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A)
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let q = p.utf8Start
        for k in 0..<n where b[i + k] | 0x20 != q[k] | 0x20 { return false }
        return true
    }

    /// Characters that end a URL: white space, ASCII quotes and angle brackets,
    /// and the curly quotes and guillemets that surround URLs in news text.
    static func endsURL(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c <= 0x20 || c == 0x22 || c == 0x3C || c == 0x3E || c == 0x7F { return true }
        if c < 0x80 { return false }
        let (u, _) = decodeUTF8(b, i)
        return u == 0xA0 || u == 0xAB || u == 0xBB || (u >= 0x2000 && u <= 0x206F) || (u >= 0x3000 && u <= 0x303F)
            || (u >= 0xFF01 && u <= 0xFF0F)
    }

    /// http://..., https://..., www.... up to white space, without trailing
    /// punctuation (a closing parenthesis stays when the URL opened one).
    static func urlSpans(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < b.count {
            let c = b[i] | 0x20
            guard c == 0x68 || c == 0x77, i == 0 || !isASCIIAlnum(b[i - 1]),   // h, w
                  hasPrefix(b, i, "http://") || hasPrefix(b, i, "https://") || hasPrefix(b, i, "www.") else { i += 1; continue }
            var e = i
            while e < b.count, !endsURL(b, e) { e += 1 }
            var opens = 0, closes = 0
            for k in i..<e { if b[k] == 0x28 { opens += 1 } else if b[k] == 0x29 { closes += 1 } }
            while e > i {
                let last = b[e - 1]
                if last == 0x29, closes > opens { closes -= 1; e -= 1; continue }
                if ".,;:!?'])}*".utf8.contains(last) && last != 0x29 { e -= 1; continue }
                break
            }
            let hostStart = i + (hasPrefix(b, i, "www.") ? 4 : (hasPrefix(b, i, "https://") ? 8 : 7))
            if e > hostStart { out.append(i..<e) }
            i = max(e, i + 1)
        }
        return out
    }

    /// local@domain.tld with ASCII local parts and domains.
    static func emailSpans(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        func isLocal(_ c: UInt8) -> Bool { isASCIIAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D }
        func isDomain(_ c: UInt8) -> Bool { isASCIIAlnum(c) || c == 0x2E || c == 0x2D }
        var lastEnd = 0
        for at in 0..<b.count where b[at] == 0x40 && at >= lastEnd {
            var s = at
            while s > lastEnd, isLocal(b[s - 1]) { s -= 1 }
            while s < at, b[s] == 0x2E { s += 1 }   // a sentence's dot is not part of the name
            var e = at + 1
            while e < b.count, isDomain(b[e]) { e += 1 }
            while e > at + 1, b[e - 1] == 0x2E || b[e - 1] == 0x2D { e -= 1 }
            guard s < at, e > at + 1 else { continue }
            let domain = b[(at + 1)..<e]
            guard let dot = domain.lastIndex(of: 0x2E), dot > at + 1, e - dot > 2,
                  domain[(dot + 1)...].allSatisfy({ $0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A }) else { continue }
            out.append(s..<e)
            lastEnd = e
        }
        return out
    }
}
