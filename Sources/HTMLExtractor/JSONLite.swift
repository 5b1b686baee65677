// A small JSON reader for JSON-LD blocks (this target avoids Foundation).
// Bounded: nesting deeper than 64 or input over 4 MB is refused, and a bad
// document yields nil rather than a partial value.

indirect enum JSONValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    subscript(key: String) -> JSONValue? {
        if case .object(let kv) = self {
            for (k, v) in kv where k == key { return v }
        }
        return nil
    }

    /// A string value, its HTML character references decoded (JSON-LD sits in
    /// a <script>, where nothing decodes them, and sites write them there).
    var string: String? {
        switch self {
        case .string(let s): return decodingReferences(s)
        case .number(let n): return n
        default: return nil
        }
    }

    var array: [JSONValue] {
        if case .array(let a) = self { return a }
        return [self]
    }
}

struct JSONLite {
    private let b: [UInt8]
    private var i = 0
    private var depth = 0

    static func parse(_ s: String) -> JSONValue? {
        let bytes = Array(s.utf8)
        guard bytes.count <= 4 << 20 else { return nil }
        var p = JSONLite(b: bytes)
        p.skipSpace()
        guard let v = p.value() else { return nil }
        return v
    }

    private init(b: [UInt8]) { self.b = b }

    private mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1; continue }
            // HTML comment markers and CDATA wrappers sometimes surround JSON-LD.
            if c == 0x3C || c == 0x2D || c == 0x3E || c == 0x21 || c == 0x5B && b.count - i > 8 && b[i + 1] == 0x43 {
                if c == 0x5B { i += 9; continue }  // <![CDATA[
                if c == 0x3C || c == 0x21 || c == 0x3E { i += 1; continue }
                if c == 0x2D, i + 1 < b.count, b[i + 1] == 0x2D { i += 2; continue }
            }
            break
        }
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        guard i < b.count else { return nil }
        switch b[i] {
        case 0x7B: return object()
        case 0x5B: return array()
        case 0x22: return str().map { .string($0) }
        case 0x74: return literal("true", .bool(true))
        case 0x66: return literal("false", .bool(false))
        case 0x6E: return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ w: StaticString, _ v: JSONValue) -> JSONValue? {
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count else { return nil }
        for k in 0..<n where b[i + k] != w.utf8Start[k] { return nil }
        i += n
        return v
    }

    private mutating func number() -> JSONValue? {
        let s = i
        while i < b.count {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 { i += 1 } else { break }
        }
        guard i > s else { return nil }
        return .number(String(decoding: b[s..<i], as: UTF8.self))
    }

    private mutating func object() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 64 else { return nil }
        i += 1
        var kv: [(String, JSONValue)] = []
        skipSpace()
        if i < b.count, b[i] == 0x7D { i += 1; return .object(kv) }
        while i < b.count {
            skipSpace()
            guard i < b.count, b[i] == 0x22, let k = str() else { return nil }
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { return nil }
            i += 1
            guard let v = value() else { return nil }
            kv.append((k, v))
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; return .object(kv) }
            return nil
        }
        return nil
    }

    private mutating func array() -> JSONValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 64 else { return nil }
        i += 1
        var a: [JSONValue] = []
        skipSpace()
        if i < b.count, b[i] == 0x5D { i += 1; return .array(a) }
        while i < b.count {
            guard let v = value() else { return nil }
            a.append(v)
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == 0x2C { i += 1; skipSpace(); if i < b.count, b[i] == 0x5D { i += 1; return .array(a) }; continue }
            if b[i] == 0x5D { i += 1; return .array(a) }
            return nil
        }
        return nil
    }

    private mutating func str() -> String? {
        i += 1
        var out: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if c == 0x5C {
                guard i + 1 < b.count else { return nil }
                let e = b[i + 1]
                i += 2
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: break  // no carriage returns in the model
                case 0x62, 0x66: break
                case 0x75:
                    guard var u = hex4() else { return nil }
                    if u >= 0xD800 && u < 0xDC00, i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                        i += 2
                        guard let lo = hex4() else { return nil }
                        if lo >= 0xDC00 && lo < 0xE000 {
                            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                        } else { u = 0xFFFD }
                    } else if u >= 0xD800 && u < 0xE000 {
                        u = 0xFFFD
                    }
                    let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: out.append(e)
                }
                continue
            }
            out.append(c == 0x0D ? 0x20 : c)
            i += 1
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}
