// Which encoding to hand libxml2. Declared charsets are often wrong, so bytes
// that are valid UTF-8 are read as UTF-8 whatever the page says; otherwise the
// declared charset (a byte scan of the first 4 KB, like a browser's prescan),
// else windows-1252.

import ArticleModel

/// The charset decisions of the reader, for callers that read other text.
public enum HTMLCharset {
    /// The encoding the reader hands libxml2 for these bytes.
    public static func choose(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { Charset.choose($0) } }
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { Charset.isValidUTF8($0) } }
    /// The charset a `<meta>` in the first 4 KB declares, lowercased.
    public static func declared(_ bytes: [UInt8]) -> String? { bytes.withUnsafeBufferPointer { Charset.declared($0) } }
}

enum Charset {
    /// Bytes that are not text at all (NUL bytes or many control characters
    /// near the start, and no UTF-16 byte-order mark): not read as HTML.
    static func looksBinary(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if b.count >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) { return false }
        let n = min(b.count, 8192)
        var controls = 0
        for i in 0..<n {
            let c = b[i]
            if c == 0 { return true }
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C { controls += 1 }
        }
        return controls * 20 > n
    }

    static func choose(_ b: UnsafeBufferPointer<UInt8>) -> String {
        if b.count >= 2 {
            if b[0] == 0xFF && b[1] == 0xFE { return "UTF-16LE" }
            if b[0] == 0xFE && b[1] == 0xFF { return "UTF-16BE" }
        }
        if isValidUTF8(b) { return "UTF-8" }
        if let d = declared(b) {
            switch d {
            case "utf-8", "utf8", "unicode-1-1-utf-8", "iso-8859-1", "latin1", "iso8859-1", "us-ascii",
                 "ascii", "iso_8859-1", "l1", "cp1252", "windows-1252", "x-cp1252":
                // Invalid UTF-8 declared as UTF-8 is mostly windows-1252; browsers
                // read latin-1 and ASCII labels as windows-1252 too.
                return "windows-1252"
            default:
                if LibXML.supportsEncoding(d) { return d }
            }
        }
        return "windows-1252"
    }

    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool { UTF8Check.isValid(b) }

    /// The charset named in `<meta charset=...>` or `content="...; charset=..."`
    /// within the first 4 KB, lowercased.
    static func declared(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = min(b.count, 4096)
        let key: [UInt8] = Array("charset".utf8)
        var i = 0
        while i + key.count < n {
            var k = 0
            while k < key.count, b[i + k] | 0x20 == key[k] { k += 1 }
            if k == key.count {
                var j = i + k
                while j < n, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
                if j < n, b[j] == 0x3D {  // '='
                    j += 1
                    while j < n, b[j] == 0x20 || b[j] == 0x22 || b[j] == 0x27 { j += 1 }
                    var name: [UInt8] = []
                    while j < n, name.count < 40 {
                        let c = b[j]
                        let ok = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x30 && c <= 0x39
                            || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
                        if !ok { break }
                        name.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                        j += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
            }
            i += 1
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Charset {
    /// The page as UTF-8 for the tokenizer. windows-1252 is converted here
    /// (bytes it leaves undefined become U+0081 etc., as browsers read them);
    /// other encodings with iconv, where a sequence iconv cannot convert
    /// becomes U+FFFD and reading goes on at the next byte. An encoding iconv
    /// does not know is read as windows-1252. The output is valid UTF-8.
    static func toUTF8(_ b: UnsafeBufferPointer<UInt8>, from encoding: String) -> [UInt8] {
        let e = encoding.lowercased()
        if e == "windows-1252" || e == "cp1252" { return fromWindows1252(b) }
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return fromWindows1252(b) }
        defer { iconv_close(cd) }
        var out = [UInt8](repeating: 0, count: b.count * 2 + 16)
        var used = 0
        var inPos = 0
        while inPos < b.count {
            var inLeft = b.count - inPos
            var outLeft = out.count - used
            let r: Int = out.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: b.baseAddress! + inPos)
                    .assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress! + used)
                    .assumingMemoryBound(to: CChar.self)
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
            let err = errno
            inPos = b.count - inLeft
            used = out.count - outLeft
            if r != -1 { break }
            if err == E2BIG {
                out += [UInt8](repeating: 0, count: out.count)
            } else {
                // EILSEQ, or EINVAL (a sequence cut at the end): U+FFFD, next byte.
                if out.count - used < 3 { out += [UInt8](repeating: 0, count: out.count) }
                out[used] = 0xEF; out[used + 1] = 0xBF; out[used + 2] = 0xBD
                used += 3
                inPos += 1
                _ = iconv(cd, nil, nil, nil, nil)
            }
        }
        out.removeSubrange(used...)
        return out
    }

    static func fromWindows1252(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count + b.count / 8)
        var tmp: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        for c in b {
            if c < 0x80 { out.append(c); continue }
            let v: UInt32 = c < 0xA0 ? Tokenizer.win1252[Int(c - 0x80)] : UInt32(c)
            let k = withUnsafeMutableBytes(of: &tmp) { Tokenizer.utf8(v, $0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
            withUnsafeBytes(of: &tmp) { out.append(contentsOf: $0.prefix(k)) }
        }
        return out
    }
}
