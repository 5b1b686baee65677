// Named character references: the generated list (Entities.swift) parsed once
// into a flat byte blob with an open-addressing hash, so a lookup allocates
// nothing.

struct EntityTable: Sendable {
    /// Names, back to back (with their ';' when they have one).
    let blob: [UInt8]
    /// Per entry: offset and length in `blob`, then two code points (0 = none).
    let entries: [(off: Int32, len: Int32, a: UInt32, b: UInt32)]
    let slots: [Int32]
    let mask: Int
    /// Longest name without ';' (the legacy forms).
    let maxLegacy: Int

    static let shared = EntityTable()

    init() {
        var blob: [UInt8] = []
        var entries: [(off: Int32, len: Int32, a: UInt32, b: UInt32)] = []
        blob.reserveCapacity(16_384)
        entries.reserveCapacity(EntityData.count)
        var maxLegacy = 0
        // One pass over "name HEX[ HEX]\n" lines.
        var text = EntityData.text
        text.withUTF8 { t in
            var i = 0
            let n = t.count
            while i < n {
                let off = blob.count
                while i < n && t[i] != 0x20 { blob.append(t[i]); i += 1 }
                let len = blob.count - off
                var cps: (UInt32, UInt32) = (0, 0)
                var which = 0
                while i < n && t[i] != 0x0A {
                    if t[i] == 0x20 { which += 1; i += 1; continue }
                    let c = t[i]
                    let d = UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
                    if which == 1 { cps.0 = cps.0 * 16 + d } else { cps.1 = cps.1 * 16 + d }
                    i += 1
                }
                i += 1
                if len == 0 { continue }
                entries.append((Int32(off), Int32(len), cps.0, cps.1))
                if blob[off + len - 1] != 0x3B { maxLegacy = max(maxLegacy, len) }
            }
        }
        var size = 1
        while size < entries.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        for (k, e) in entries.enumerated() {
            var h = EntityTable.hash(blob, Int(e.off), Int(e.len))
            while slots[h & (size - 1)] >= 0 { h &+= 1 }
            slots[h & (size - 1)] = Int32(k)
        }
        self.blob = blob
        self.entries = entries
        self.slots = slots
        self.mask = size - 1
        self.maxLegacy = maxLegacy
    }

    static func hash(_ b: UnsafePointer<UInt8>, _ n: Int) -> Int { Int(Bytes.fnv1a(b, n)) }

    static func hash(_ b: [UInt8], _ off: Int, _ n: Int) -> Int {
        b.withUnsafeBufferPointer { hash($0.baseAddress! + off, n) }
    }

    /// The code points of the entity named by exactly `n` bytes at `p`.
    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt32, UInt32)? {
        var h = EntityTable.hash(p, n)
        return blob.withUnsafeBufferPointer { bb -> (UInt32, UInt32)? in
            while true {
                let k = slots[h & mask]
                if k < 0 { return nil }
                let e = entries[Int(k)]
                if Int(e.len) == n && memcmp(bb.baseAddress! + Int(e.off), p, n) == 0 { return (e.a, e.b) }
                h &+= 1
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
