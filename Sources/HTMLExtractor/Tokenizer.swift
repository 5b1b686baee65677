// A byte-level HTML tokenizer over UTF-8 (after Charset's conversion), feeding
// TreeBuilder. Markup is found with memchr; text is handed on as pointers into
// the page (no copy) except decoded character references; tag and attribute
// names are ASCII-lowercased into reused buffers, so a tag costs no allocation.
// Tokenizing follows the HTML Standard where libxml2 and it differ in ways
// Page sees: `<!...>` and `<?...>` are comments (libxml2 printed conditional
// comments as text), character references use the HTML5 table (with the
// legacy forms without ';', and the windows-1252 reading of &#128;-&#159;),
// an unfinished tag at the end of the page is dropped. Text events are cut
// where libxml2 cut them (at '&', at a '<' that starts no tag, every 1,000
// bytes) and carry the line at their end, so chunk lines stay libxml2's.
// Lines count '\n' only (CRLF is one line; a lone CR none, as libxml2).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Tokenizer {
    let p: UnsafePointer<UInt8>
    let n: Int
    var pos = 0
    private var linePos = 0
    private var lineNo: Int32 = 1
    /// The byte that ends a line: LF, or CR in a file with no LF at all (old Mac files).
    private let newline: Int32
    var tb: TreeBuilder

    // Reused buffers: the tag name, attribute bytes (name\0value\0...), the
    // attribute pointer list, a decoded reference.
    private var nameBuf: UnsafeMutablePointer<UInt8>
    private var abuf: UnsafeMutablePointer<UInt8>
    private var acap = 4096
    private var alen = 0
    private var aoffs: [Int32] = []
    private var aptrs: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private var aptrCap = 64
    private var refBuf: UnsafeMutablePointer<UInt8>
    private var attrHashes: [Int] = []
    private var attrMap: [Int: Int] = [:]

    static let maxName = 100

    init(_ bytes: UnsafeBufferPointer<UInt8>, page: UnsafeMutablePointer<Page>) {
        p = UnsafePointer(bytes.baseAddress!)
        n = bytes.count
        newline = memchr(p, 0x0A, n) == nil && memchr(p, 0x0D, n) != nil ? 0x0D : 0x0A
        tb = TreeBuilder(page: page)
        nameBuf = .allocate(capacity: Self.maxName + 1)
        abuf = .allocate(capacity: acap)
        aptrs = .allocate(capacity: aptrCap)
        refBuf = .allocate(capacity: 16)
    }

    mutating func release() {
        nameBuf.deallocate(); abuf.deallocate(); aptrs.deallocate(); refBuf.deallocate()
    }

    /// Tests: the event stream of the own parser for UTF-8 bytes.
    static func trace(_ bytes: [UInt8]) -> String {
        var out = ""
        var page = Page()
        bytes.withUnsafeBufferPointer { b in
            guard b.count > 0 else { return }
            withUnsafeMutablePointer(to: &page) { pp in
                withUnsafeMutablePointer(to: &out) { o in
                    var t = Tokenizer(b, page: pp)
                    t.tb.trace = o
                    t.run()
                    t.release()
                }
            }
        }
        return out
    }

    /// Parses the whole input into `page`.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, into page: UnsafeMutablePointer<Page>) {
        guard bytes.baseAddress != nil, bytes.count > 0 else { return }
        var t = Tokenizer(bytes, page: page)
        t.run()
        t.release()
    }

    // MARK: - lines

    /// 1 + the newlines before byte `q` (CRLF counts once: by its LF). Calls move forward almost always.
    mutating func lineAt(_ q: Int) -> Int32 {
        if q >= linePos {
            var s = linePos
            while s < q, let hit = memchr(p + s, newline, q - s) {
                lineNo &+= 1
                s = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p + 1
            }
        } else {
            for i in q..<linePos where Int32(p[i]) == newline { lineNo &-= 1 }
        }
        linePos = q
        return lineNo
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C
    }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isLetter(c) || c >= 0x30 && c <= 0x39 }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    @inline(__always) private func find(_ c: UInt8, from s: Int, to e: Int) -> Int? {
        guard s < e, let hit = memchr(p + s, Int32(c), e - s) else { return nil }
        return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p
    }

    // MARK: - main loop

    mutating func run() {
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { pos = 3 }
        var textStart = pos
        while pos < n {
            guard let i = find(0x3C, from: pos, to: n) else { break }
            // A '<' or '</' at the very end is a tag cut off: dropped.
            if i + 1 >= n || i + 2 >= n && p[i + 1] == 0x2F {
                flushText(textStart, i)
                textStart = n
                break
            }
            let c = p[i + 1]
            if Tokenizer.isLetter(c) {
                flushText(textStart, i)
                pos = i + 1
                if !startTag() { pos = n; textStart = n; break }
            } else if c == 0x2F {  // '/'
                let d = p[i + 2]
                flushText(textStart, i)
                if Tokenizer.isLetter(d) {
                    pos = i + 2
                    if !endTag() { pos = n; textStart = n; break }
                } else if d == 0x3E {
                    pos = i + 3
                } else {
                    pos = pastGT(i + 2)
                }
            } else if c == 0x21 {  // '!'
                flushText(textStart, i)
                pos = commentEnd(i)
            } else if c == 0x3F {  // '?'
                flushText(textStart, i)
                pos = pastGT(i + 2)
            } else {
                // A '<' that starts nothing is text, an event of its own.
                flushText(textStart, i)
                tb.rawText(p + i, 1, line: lineAt(i))
                pos = i + 1
            }
            textStart = pos
        }
        if textStart < n { flushText(textStart, n) }
        tb.finish(lineAt(n))
    }

    /// Just past the first '>' from `s` (the end of the page when there is none):
    /// where `<?...>`, `<!...>` and `</ ...>` end.
    private func pastGT(_ s: Int) -> Int { (find(0x3E, from: s, to: n) ?? n - 1) + 1 }

    /// Where a `<!` construct ends: `<!--...-->` (or `--!>`), else at `>`.
    private func commentEnd(_ i: Int) -> Int {
        if i + 3 < n && p[i + 2] == 0x2D && p[i + 3] == 0x2D {
            var j = i + 4
            if j < n && p[j] == 0x3E { return j + 1 }
            if j + 1 < n && p[j] == 0x2D && p[j + 1] == 0x3E { return j + 2 }
            while let d = find(0x2D, from: j, to: n) {
                if d + 2 < n && p[d + 1] == 0x2D {
                    if p[d + 2] == 0x3E { return d + 3 }
                    if d + 3 < n && p[d + 2] == 0x21 && p[d + 3] == 0x3E { return d + 4 }
                }
                j = d + 1
            }
            return n
        }
        return pastGT(i + 2)
    }

    // MARK: - text

    /// Text of the data state, cut into libxml2's events.
    private mutating func flushText(_ s: Int, _ e: Int) {
        var a = s
        while a < e {
            let amp = find(0x26, from: a, to: e) ?? e
            if amp > a { pieces(a, amp, nextIsTag: amp == e) }
            if amp >= e { break }
            let (len, used) = decodeRef(amp, e, inAttr: false, into: refBuf)
            if used == 0 {
                tb.text(p + amp, 1, nextIsTag: false, line: lineAt(amp + 1))
                a = amp + 1
            } else {
                tb.text(refBuf, len, nextIsTag: false, line: lineAt(amp + used))
                a = amp + used
            }
        }
    }

    /// libxml2 hands text on in pieces of at least 1,000 bytes (ending on a
    /// character boundary), each with the line before its last character.
    private mutating func pieces(_ s: Int, _ e: Int, nextIsTag: Bool) {
        var a = s
        while e - a > 1000 {
            var b = a + 1000
            while b < e && p[b] & 0xC0 == 0x80 { b += 1 }
            if b >= e { break }
            tb.text(p + a, b - a, nextIsTag: false, line: lineAt(b - 1))
            a = b
        }
        tb.text(p + a, e - a, nextIsTag: nextIsTag, line: lineAt(e))
    }

    /// A character reference at `i` (an '&'), decoded as UTF-8 into `out`:
    /// (bytes written, bytes of input used); (0, 0) when it is no reference.
    private func decodeRef(_ i: Int, _ e: Int, inAttr: Bool, into out: UnsafeMutablePointer<UInt8>) -> (Int, Int) {
        var j = i + 1
        guard j < e else { return (0, 0) }
        if p[j] == 0x23 {  // '#'
            j += 1
            var hex = false
            if j < e && p[j] | 0x20 == 0x78 { hex = true; j += 1 }
            let ds = j
            var v: UInt32 = 0
            while j < e {
                let c = p[j]
                var d: UInt32
                if c >= 0x30 && c <= 0x39 { d = UInt32(c - 0x30) }
                else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { d = UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                v = min(v * (hex ? 16 : 10) + d, 0x110000)
                j += 1
            }
            if j == ds { return (0, 0) }
            if j < e && p[j] == 0x3B { j += 1 }
            return (Tokenizer.utf8(Tokenizer.numeric(v), out), j - i)
        }
        var k = j
        while k < e && k - j < 40 && Tokenizer.isAlnum(p[k]) { k += 1 }
        if k == j { return (0, 0) }
        // Built on the first named reference, not per process.
        let entities = EntityTable.shared
        if k < e && p[k] == 0x3B, let (a, b) = entities.find(p + j, k + 1 - j) {
            var w = Tokenizer.utf8(a, out)
            if b != 0 { w += Tokenizer.utf8(b, out + w) }
            return (w, k + 1 - i)
        }
        // Legacy names without ';': the longest that matches.
        var m = min(k - j, entities.maxLegacy)
        while m > 1 {
            if let (a, _) = entities.find(p + j, m) {
                if inAttr && j + m < e && (p[j + m] == 0x3D || Tokenizer.isAlnum(p[j + m])) { return (0, 0) }
                return (Tokenizer.utf8(a, out), j + m - i)
            }
            m -= 1
        }
        return (0, 0)
    }

    static let win1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// A numeric reference's value as HTML reads it.
    static func numeric(_ v: UInt32) -> UInt32 {
        if v == 0 || v > 0x10FFFF || v >= 0xD800 && v <= 0xDFFF { return 0xFFFD }
        if v >= 0x80 && v <= 0x9F { return win1252[Int(v - 0x80)] }
        return v
    }

    @inline(__always)
    static func utf8(_ v: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 { out[0] = UInt8(v); return 1 }
        if v < 0x800 { out[0] = UInt8(0xC0 | v >> 6); out[1] = UInt8(0x80 | v & 0x3F); return 2 }
        if v < 0x10000 {
            out[0] = UInt8(0xE0 | v >> 12); out[1] = UInt8(0x80 | v >> 6 & 0x3F); out[2] = UInt8(0x80 | v & 0x3F)
            return 3
        }
        out[0] = UInt8(0xF0 | v >> 18); out[1] = UInt8(0x80 | v >> 12 & 0x3F)
        out[2] = UInt8(0x80 | v >> 6 & 0x3F); out[3] = UInt8(0x80 | v & 0x3F)
        return 4
    }

    // MARK: - tags

    @inline(__always) private mutating func reserve(_ k: Int) {
        if alen + k > acap {
            while alen + k > acap { acap *= 2 }
            let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: acap)
            nb.update(from: abuf, count: alen)
            abuf.deallocate()
            abuf = nb
        }
    }

    /// Appends an attribute value, references decoded.
    private mutating func appendValue(_ s: Int, _ e: Int) {
        reserve(3 * (e - s) + 8)
        guard find(0x26, from: s, to: e) != nil || find(0, from: s, to: e) != nil else {
            (abuf + alen).update(from: p + s, count: e - s)
            alen += e - s
            return
        }
        var i = s
        while i < e {
            if p[i] == 0x26 {
                let (len, used) = decodeRef(i, e, inAttr: true, into: abuf + alen)
                if used > 0 { alen += len; i += used; continue }
            }
            if p[i] == 0 {
                // NUL would end the C string Page reads: U+FFFD, as HTML does.
                abuf[alen] = 0xEF; abuf[alen + 1] = 0xBF; abuf[alen + 2] = 0xBD; alen += 3; i += 1
                continue
            }
            abuf[alen] = p[i]; alen += 1; i += 1
        }
    }

    /// Reads a tag's name from `pos` into `nameBuf`, lowercased (NUL -> U+FFFD,
    /// cut at maxName bytes); returns its length. Shared by start and end tags.
    private mutating func readTagName() -> Int {
        var len = 0
        while pos < n {
            let c = p[pos]
            if Tokenizer.isSpace(c) || c == 0x2F || c == 0x3E { break }
            if c == 0 {
                if len + 3 <= Tokenizer.maxName { nameBuf[len] = 0xEF; nameBuf[len + 1] = 0xBF; nameBuf[len + 2] = 0xBD; len += 3 }
            } else if len < Tokenizer.maxName { nameBuf[len] = Tokenizer.lower(c); len += 1 }
            pos += 1
        }
        return len
    }

    /// A start tag; `pos` is at its name. False when the page ends inside it.
    private mutating func startTag() -> Bool {
        let len = readTagName()
        if pos >= n { return false }
        let nameLine = lineAt(pos)
        let id = tb.names.intern(nameBuf, len)
        alen = 0
        aoffs.removeAll(keepingCapacity: true)
        attrHashes.removeAll(keepingCapacity: true)
        if !attrMap.isEmpty { attrMap.removeAll(keepingCapacity: true) }
        var selfClosing = false
        while true {
            while pos < n && Tokenizer.isSpace(p[pos]) { pos += 1 }
            if pos >= n { return false }
            let c = p[pos]
            if c == 0x3E { pos += 1; break }
            if c == 0x2F {
                if pos + 1 < n && p[pos + 1] == 0x3E { selfClosing = true; pos += 2; break }
                pos += 1
                continue
            }
            // The name: anything up to space, '/', '>' or '=' (a first '=' included).
            let nOff = alen
            var h: UInt32 = 2166136261
            repeat {
                reserve(3)
                let b = Tokenizer.lower(p[pos])
                if b == 0 {
                    abuf[alen] = 0xEF; abuf[alen + 1] = 0xBF; abuf[alen + 2] = 0xBD; alen += 3
                } else {
                    abuf[alen] = b; alen += 1
                }
                h = (h ^ UInt32(b)) &* 16777619
                pos += 1
            } while pos < n && !Tokenizer.isSpace(p[pos]) && p[pos] != 0x2F && p[pos] != 0x3E && p[pos] != 0x3D
            let nLen = alen - nOff
            reserve(1); abuf[alen] = 0; alen += 1
            while pos < n && Tokenizer.isSpace(p[pos]) { pos += 1 }
            var vOff: Int32 = -1
            if pos < n && p[pos] == 0x3D {
                pos += 1
                while pos < n && Tokenizer.isSpace(p[pos]) { pos += 1 }
                if pos >= n { return false }
                let q = p[pos]
                vOff = Int32(alen)
                if q == 0x22 || q == 0x27 {
                    guard let close = find(q, from: pos + 1, to: n) else { return false }
                    appendValue(pos + 1, close)
                    pos = close + 1
                } else {
                    let vs = pos
                    while pos < n && !Tokenizer.isSpace(p[pos]) && p[pos] != 0x3E { pos += 1 }
                    appendValue(vs, pos)
                }
                reserve(1); abuf[alen] = 0; alen += 1
            }
            // Duplicates: the first wins. Many attributes: a set of name
            // hashes (to the first attribute with each), so a tag with 100,000 of them stays linear.
            var dup = false
            let many = attrHashes.count >= 32
            if many && attrMap.isEmpty {
                for (k, ah) in attrHashes.enumerated() where attrMap[ah] == nil { attrMap[ah] = k }
            }
            var scan = !many
            if many, let k = attrMap[Int(h)] {
                if memcmp(abuf + Int(aoffs[2 * k]), abuf + nOff, nLen + 1) == 0 { dup = true } else { scan = true }
            }
            if scan {
                for (k, ah) in attrHashes.enumerated() where ah == Int(h) {
                    let o = Int(aoffs[2 * k])
                    if memcmp(abuf + o, abuf + nOff, nLen + 1) == 0 { dup = true; break }
                }
            }
            if dup {
                alen = nOff
            } else {
                aoffs.append(Int32(nOff)); aoffs.append(vOff)
                if many && attrMap[Int(h)] == nil { attrMap[Int(h)] = attrHashes.count }
                attrHashes.append(Int(h))
            }
        }
        let line = lineAt(pos - 1)
        var atts: UnsafeMutablePointer<UnsafePointer<UInt8>?>? = nil
        let na = aoffs.count / 2
        if na > 0 {
            if 2 * na + 2 > aptrCap {
                aptrs.deallocate()
                aptrCap = 2 * na + 2
                aptrs = .allocate(capacity: aptrCap)
            }
            for k in 0..<na {
                aptrs[2 * k] = UnsafePointer(abuf + Int(aoffs[2 * k]))
                let v = aoffs[2 * k + 1]
                aptrs[2 * k + 1] = v < 0 ? nil : UnsafePointer(abuf + Int(v))
            }
            aptrs[2 * na] = nil; aptrs[2 * na + 1] = nil
            atts = aptrs
        }
        let raw = tb.start(id, atts, selfClosing: selfClosing, nameLine: nameLine, line: line)
        if raw != 0 { rawText(id, rcdata: raw == 2) }
        return true
    }

    /// The content of a raw-text element, up to `</name` followed by space,
    /// '/' or '>' (any case); the end tag itself is left for the main loop.
    private mutating func rawText(_ id: Int32, rcdata: Bool) {
        let name = tb.names.name(id)
        let len = tb.names.length(id)
        var s = pos
        var end = n
        while let i = find(0x3C, from: s, to: n) {
            if i + 2 + len < n && p[i + 1] == 0x2F {
                var k = 0
                while k < len && Tokenizer.lower(p[i + 2 + k]) == name[k] { k += 1 }
                if k == len {
                    let c = p[i + 2 + len]
                    if Tokenizer.isSpace(c) || c == 0x2F || c == 0x3E { end = i; break }
                }
            }
            s = i + 1
        }
        if end > pos {
            if rcdata {
                var a = pos
                while a < end {
                    let amp = find(0x26, from: a, to: end) ?? end
                    if amp > a { tb.rawText(p + a, amp - a, line: lineAt(amp)) }
                    if amp >= end { break }
                    let (l, used) = decodeRef(amp, end, inAttr: false, into: refBuf)
                    if used == 0 {
                        tb.rawText(p + amp, 1, line: lineAt(amp + 1)); a = amp + 1
                    } else {
                        tb.rawText(refBuf, l, line: lineAt(amp + used)); a = amp + used
                    }
                }
            } else {
                tb.rawText(p + pos, end - pos, line: lineAt(end))
            }
        }
        pos = end
    }

    /// An end tag; `pos` is at its name. False when the page ends inside it.
    private mutating func endTag() -> Bool {
        let len = readTagName()
        guard let gt = find(0x3E, from: pos, to: n) else { return false }
        let line = lineAt(gt)
        pos = gt + 1
        if let id = tb.names.lookup(nameBuf, len) { tb.end(id, line) }
        return true
    }
}
