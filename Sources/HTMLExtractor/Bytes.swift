// Byte-level string search (the standard library's generic substring search
// showed up in profiles; these run on UTF-8 bytes, where ASCII lowercasing
// keeps every offset).

enum Bytes {
    /// FNV-1a over `n` bytes: the hash of the reader's open-addressing tables
    /// (element names, entity names, class words).
    @inline(__always)
    static func fnv1a(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        var h: UInt32 = 2166136261
        for i in 0..<n { h = (h ^ UInt32(p[i])) &* 16777619 }
        return h
    }

    static func find<H: RandomAccessCollection, N: RandomAccessCollection>(
        _ hay: H, _ needle: N, from start: Int = 0
    ) -> Int? where H.Element == UInt8, N.Element == UInt8, H.Index == Int, N.Index == Int {
        let n = needle.count
        guard n > 0 else { return start }
        let h0 = hay.startIndex, n0 = needle.startIndex
        let last = hay.count - n
        guard start <= last else { return nil }
        let f = needle[n0]
        var i = start
        while i <= last {
            if hay[h0 + i] == f {
                var k = 1
                while k < n && hay[h0 + i + k] == needle[n0 + k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    static func findLast<H: RandomAccessCollection, N: RandomAccessCollection>(
        _ hay: H, _ needle: N
    ) -> Int? where H.Element == UInt8, N.Element == UInt8, H.Index == Int, N.Index == Int {
        let n = needle.count
        guard n > 0, hay.count >= n else { return nil }
        let h0 = hay.startIndex, n0 = needle.startIndex
        var i = hay.count - n
        while i >= 0 {
            var k = 0
            while k < n && hay[h0 + i + k] == needle[n0 + k] { k += 1 }
            if k == n { return i }
            i -= 1
        }
        return nil
    }

    static func lower(_ s: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        return out
    }
}

extension String {
    /// Byte offset of `needle` in the UTF-8 of the string.
    func byteOffset(of needle: String, from: Int = 0) -> Int? {
        Bytes.find(Array(utf8), Array(needle.utf8), from: from)
    }

    func hasBytes(_ needle: String) -> Bool {
        var me = self
        return me.withUTF8 { h in
            var n = needle
            return n.withUTF8 { Bytes.find(h, $0) != nil }
        }
    }

    /// The string split at each occurrence of `sep` (empty pieces kept).
    func splitBytes(_ sep: String) -> [String] {
        let h = Array(utf8), n = Array(sep.utf8)
        var out: [String] = []
        var start = 0
        while let k = Bytes.find(h, n, from: start) {
            out.append(String(decoding: h[start..<k], as: UTF8.self))
            start = k + n.count
        }
        out.append(String(decoding: h[start...], as: UTF8.self))
        return out
    }

    /// The UTF-8 bytes from `offset` on, as a string.
    func fromByte(_ offset: Int) -> String {
        String(decoding: Array(utf8)[min(offset, utf8.count)...], as: UTF8.self)
    }

    func toByte(_ offset: Int) -> String {
        String(decoding: Array(utf8)[..<min(offset, utf8.count)], as: UTF8.self)
    }
}
