// One strict UTF-8 check for both readers (text and HTML): no overlongs, no
// surrogates, nothing above U+10FFFF; ASCII runs are skipped 32 and 8 bytes
// at a time.

public enum UTF8Check {
    public static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            // ASCII fast path, 32 then 8 bytes at a time.
            if i + 32 <= n {
                let r = UnsafeRawPointer(b.baseAddress! + i)
                let w = r.loadUnaligned(as: UInt64.self) | r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | r.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | r.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 { i += 32; continue }
            }
            if i + 8 <= n {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minNext: UInt8 = 0x80, maxNext: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; minNext = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; maxNext = 0x9F
            case 0xF0: need = 3; minNext = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; maxNext = 0x8F
            default: return false
            }
            if i + need >= n { return false }
            let c1 = b[i + 1]
            if c1 < minNext || c1 > maxNext { return false }
            var k = 2
            while k <= need {
                if b[i + k] & 0xC0 != 0x80 { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }
}
