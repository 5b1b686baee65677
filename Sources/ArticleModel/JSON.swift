// Hand-written JSON output: key order fixed by CONTRACT.md, no Foundation, and
// fast enough to write millions of records.

public struct JSONWriter {
    public private(set) var out: String = ""
    let pretty: Bool
    var depth = 0
    var needsComma: [Bool] = []

    public init(pretty: Bool = false) {
        self.pretty = pretty
        out.reserveCapacity(4096)
    }

    public static func escape(_ s: String, into out: inout String) {
        out.append("\"")
        // Scans the bytes through a pointer (UTF8View indexing per byte was
        // a tenth of `lectern parse`) and appends the runs between escapes
        // as slices of `s` (escapes are ASCII, so every cut is a scalar boundary).
        var copy = s
        let u = s.utf8
        copy.withUTF8 { b in
            var start = 0
            let n = b.count
            var i = 0
            let base = UnsafeRawPointer(b.baseAddress)
            while i < n {
                // Eight bytes at a time while none needs escaping.
                if let base, i + 8 <= n, !JSONWriter.mayNeedEscape(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let c = b[i]
                i += 1
                guard c < 0x20 || c == 0x22 || c == 0x5C || c == 0xE2 else { continue }
                // U+2028 and U+2029 are valid in JSON strings, but line readers
                // (Python's splitlines, older JavaScript) end a JSONL record there.
                var sep: UInt8 = 0
                if c == 0xE2 {
                    guard i + 1 < n, b[i] == 0x80, b[i + 1] == 0xA8 || b[i + 1] == 0xA9 else { continue }
                    sep = b[i + 1]
                    i += 2
                }
                let at = sep == 0 ? i - 1 : i - 3
                if start < at {
                    out.append(contentsOf: s[u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: at)])
                }
                switch c {
                case 0xE2: out.append(sep == 0xA8 ? "\\u2028" : "\\u2029")
                case 0x22: out.append("\\\"")
                case 0x5C: out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append("\\u00")
                    out.append(Character(Unicode.Scalar(hex.utf8Start[Int(c >> 4)])))
                    out.append(Character(Unicode.Scalar(hex.utf8Start[Int(c & 15)])))
                }
                start = i
            }
            if start == 0 {
                out.append(s)
            } else if start < b.count {
                out.append(contentsOf: s[u.index(u.startIndex, offsetBy: start)..<u.endIndex])
            }
        }
        out.append("\"")
    }

    /// True when one of the eight bytes may be a control character, '"',
    /// '\\' or 0xE2 (the lead byte of U+2028/U+2029) (exact for "none": the
    /// zero-byte test has no false negatives).
    @inline(__always) static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & high != 0 }
        // A byte < 0x20: (byte - 0x20) borrows into its high bit when the byte's own high bit is clear.
        let control = (x &- 0x2020_2020_2020_2020) & ~x & high != 0
        return control || hasZero(x ^ 0x2222_2222_2222_2222) || hasZero(x ^ 0x5C5C_5C5C_5C5C_5C5C)
            || hasZero(x ^ 0xE2E2_E2E2_E2E2_E2E2)
    }

    mutating func separator() {
        if let last = needsComma.last {
            if last { out.append(",") }
            needsComma[needsComma.count - 1] = true
            if pretty {
                out.append("\n")
                out.append(String(repeating: "  ", count: depth))
            }
        }
    }

    public mutating func beginObject() { valuePrefix(); out.append("{"); depth += 1; needsComma.append(false) }
    public mutating func endObject() { close("}") }
    public mutating func beginArray() { valuePrefix(); out.append("["); depth += 1; needsComma.append(false) }
    public mutating func endArray() { close("]") }

    mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        depth -= 1
        if pretty && hadItems {
            out.append("\n")
            out.append(String(repeating: "  ", count: depth))
        }
        out.append(bracket)
    }

    public mutating func key(_ k: String) {
        separator()
        JSONWriter.escape(k, into: &out)
        out.append(pretty ? ": " : ":")
        // The value that follows must not add another separator.
        valuePending = true
    }
    var valuePending = false

    mutating func valuePrefix() {
        if valuePending {
            valuePending = false
        } else {
            separator()
        }
    }

    public mutating func string(_ s: String?) {
        valuePrefix()
        if let s { JSONWriter.escape(s, into: &out) } else { out.append("null") }
    }
    public mutating func int(_ n: Int?) {
        valuePrefix()
        if let n { out.append(String(n)) } else { out.append("null") }
    }
    public mutating func double(_ d: Double) {
        valuePrefix()
        out.append(JSONWriter.format(d))
    }
    public mutating func bool(_ b: Bool) { valuePrefix(); out.append(b ? "true" : "false") }
    public mutating func null() { valuePrefix(); out.append("null") }
    public mutating func raw(_ s: String) { valuePrefix(); out.append(s) }


    /// Numbers as JSON: integral values without a fraction, others in the
    /// shortest form that reads back the same; NaN and infinities as null.
    public static func format(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }
}

extension Article {
    /// The article as one JSON object, keys in CONTRACT.md order.
    public func json(pretty: Bool = false, indentLevel: Int = 0) -> String {
        var w = JSONWriter(pretty: pretty)
        w.depth = indentLevel
        w.beginObject()
        w.key("source"); w.string(source)
        w.key("format"); w.string(format)
        w.key("url"); w.string(url)
        w.key("site"); w.string(site)
        w.key("id"); w.string(id)
        w.key("language"); w.string(language)
        w.key("title"); w.string(title)
        w.key("author"); w.string(author)
        w.key("authors"); w.beginArray()
        for n in authors { w.string(n) }
        w.endArray()
        w.key("author_role"); w.string(authorRole)
        w.key("author_bio"); w.string(authorBio)
        w.key("published"); w.string(published)
        w.key("published_time"); w.string(publishedTime)
        w.key("image_credit"); w.string(imageCredit)
        w.key("sections"); w.beginArray()
        for s in sections {
            w.beginObject()
            w.key("heading"); w.string(s.heading)
            w.key("paragraphs"); w.beginArray()
            for p in s.paragraphs {
                w.beginObject(); w.key("text"); w.string(p.text); w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("boilerplate"); w.beginArray()
        for b in boilerplate {
            w.beginObject(); w.key("kind"); w.string(b.kind); w.key("text"); w.string(b.text); w.endObject()
        }
        w.endArray()
        w.key("navigation"); w.beginObject()
        w.key("previous"); w.string(navigation.previous)
        w.key("next"); w.string(navigation.next)
        w.endObject()
        w.key("tags"); w.beginArray()
        for t in tags { w.string(t) }
        w.endArray()
        w.key("comments"); w.beginArray()
        for c in comments {
            w.beginObject(); w.key("number"); w.int(c.number); w.key("text"); w.string(c.text); w.endObject()
        }
        w.endArray()
        w.key("comments_closed"); w.bool(commentsClosed)
        w.key("fetched"); w.string(fetched)
        w.key("record_id"); w.string(recordID)
        w.endObject()
        return w.out
    }

    /// Every JSON key the model has, nested keys as "sections[].heading". Tests
    /// check the Lua annotation file against this list.
    public static let jsonFieldPaths: [String] = [
        "source", "format", "url", "site", "id", "language", "title", "author", "authors", "author_role", "author_bio",
        "published", "published_time", "image_credit",
        "sections", "sections[].heading", "sections[].paragraphs", "sections[].paragraphs[].text",
        "boilerplate", "boilerplate[].kind", "boilerplate[].text",
        "navigation", "navigation.previous", "navigation.next",
        "tags", "comments", "comments[].number", "comments[].text", "comments_closed",
        "fetched", "record_id",
    ]
}
