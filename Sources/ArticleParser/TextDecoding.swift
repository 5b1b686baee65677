// Page bytes -> text. Scraped pages arrive as UTF-8 (with or without a BOM),
// now and then as UTF-16 or as legacy Windows-1252; readers downstream only ever
// see UTF-8 with "\n" line ends. Soft hyphens (U+00AD) go, as in the HTML
// reader: invisible break hints that split words. Nothing else is normalised:
// non-breaking spaces, curly quotes and every script stay exactly as they were.

import ArticleModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum TextDecoding {
    /// Bytes -> normalised text: BOM removed, UTF-16 (with BOM) decoded, invalid
    /// UTF-8 decoded as Windows-1252 (with a warning), CRLF/CR -> LF.
    public static func decode(_ bytes: [UInt8]) -> (text: String, warning: String?) {
        bytes.withUnsafeBufferPointer { decode(buffer: $0) }
    }

    public static func decode(buffer b: UnsafeBufferPointer<UInt8>) -> (text: String, warning: String?) {
        let n = b.count
        if n >= 2 && b[0] == 0xFF && b[1] == 0xFE { return (utf16(b, from: 2, bigEndian: false), nil) }
        if n >= 2 && b[0] == 0xFE && b[1] == 0xFF { return (utf16(b, from: 2, bigEndian: true), nil) }
        if let bigEndian = looksLikeUTF16(b) {
            return (utf16(b, from: 0, bigEndian: bigEndian),
                    "no byte-order mark; decoded as UTF-16\(bigEndian ? "BE" : "LE")")
        }
        let start = (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) ? 3 : 0
        let body = UnsafeBufferPointer(rebasing: b[start...])
        if isValidUTF8(body) {
            return (newlinesToLF(body), nil)
        }
        return (windows1252(body), "not valid UTF-8; decoded as Windows-1252")
    }

    // MARK: - UTF-8

    /// Strict UTF-8 check (shared with the HTML reader).
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool { UTF8Check.isValid(b) }

    /// Valid UTF-8 bytes -> String with CRLF and lone CR turned into LF and
    /// soft hyphens dropped.
    static func newlinesToLF(_ b: UnsafeBufferPointer<UInt8>) -> String {
        // memchr: most pages have neither, and this scans every page.
        guard let base = b.baseAddress,
              memchr(base, 0x0D, b.count) != nil || hasSoftHyphen(b)
        else { return String(decoding: b, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x0D {
                out.append(0x0A)
                if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
            } else if c == 0xC2 && i + 1 < b.count && b[i + 1] == 0xAD {
                i += 1
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - UTF-16

    /// UTF-16 without a BOM: mostly-Latin text has a zero in every other byte.
    /// Nil when the bytes do not look like that (then they are read as UTF-8).
    static func looksLikeUTF16(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = min(b.count & ~1, 256)
        guard n >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenZero += 1 }
            if b[i + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        if oddZero * 10 >= pairs * 7 && evenZero * 10 < pairs { return false }
        if evenZero * 10 >= pairs * 7 && oddZero * 10 < pairs { return true }
        return nil
    }

    static func utf16(_ b: UnsafeBufferPointer<UInt8>, from start: Int, bigEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity((b.count - start) / 2)
        var i = start
        var lastCR = false
        while i + 1 < b.count {
            let u = bigEndian ? UInt16(b[i]) << 8 | UInt16(b[i + 1]) : UInt16(b[i + 1]) << 8 | UInt16(b[i])
            i += 2
            if u == 0x0D { units.append(0x0A); lastCR = true; continue }
            if u == 0x0A && lastCR { lastCR = false; continue }
            lastCR = false
            units.append(u)
        }
        return String(decoding: units, as: UTF16.self)
    }

    // MARK: - Windows-1252

    /// 0x80...0x9F of Windows-1252; the five unassigned bytes map to the C1
    /// control of the same value, as browsers do.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// U+00AD (C2 AD in UTF-8) somewhere in the bytes.
    static func hasSoftHyphen(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        var p = UnsafeRawPointer(base)
        let end = UnsafeRawPointer(base + b.count)
        while p < end, let q = memchr(p, 0xC2, end - p) {
            let r = UnsafeRawPointer(q)
            if r + 1 < end && r.load(fromByteOffset: 1, as: UInt8.self) == 0xAD { return true }
            p = r + 1
        }
        return false
    }

    static func windows1252(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(b.count + b.count / 8)
        var i = 0
        while i < b.count {
            let c = b[i]
            i += 1
            if c < 0x80 {
                if c == 0x0D {
                    out.append(0x0A)
                    if i < b.count && b[i] == 0x0A { i += 1 }
                } else {
                    out.append(c)
                }
                continue
            }
            if c == 0xAD { continue }   // soft hyphen
            let v: UInt32 = c < 0xA0 ? cp1252High[Int(c - 0x80)] : UInt32(c)
            if v < 0x800 {
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (v >> 12)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
