// Times of day next to a date -> "HH:MM[:SS][±HH:MM|Z]", for `published_time`.
// Like Dates.swift, UTF-8 bytes without Foundation.
//
// Recognised right after the date or right before it, with at most 12 bytes
// between that hold no digit, no sentence end and at most one word ("at",
// "um"): 10:12, 10:12:30 (10.12 is not a time); morning or afternoon as
// "10:12 am", "3:05 p.m.", "3:05 petang", "오후 3:20", "下午3:20"; an offset
// "Z", "+01:00", "+0100", "UTC", "GMT", "GMT+1", "UTC+05:30" or a zone
// abbreviation of the table below. Fractions of seconds are dropped.

extension DateNormalizer {
    /// Zone abbreviations with one meaning; "ET", "IST" and the like are
    /// ambiguous (daylight saving, several countries) and give no offset.
    static let zoneOffsets: [String: String] = [
        "z": "Z", "utc": "Z", "gmt": "Z",
        "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
        "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
        "bst": "+01:00", "cet": "+01:00", "cest": "+02:00", "mez": "+01:00", "mesz": "+02:00",
        "eet": "+02:00", "eest": "+03:00", "msk": "+03:00", "jst": "+09:00", "kst": "+09:00",
        "aest": "+10:00", "aedt": "+11:00", "nzst": "+12:00", "nzdt": "+13:00",
    ]

    /// Words after a time that say morning (false) or afternoon (true),
    /// besides am/pm: Malay and Indonesian.
    static let meridiemAfter: [String: Bool] = ["pagi": false, "petang": true, "sore": true]
    /// The same before the time: Korean, Chinese, Japanese.
    static let meridiemBefore: [([UInt8], Bool)] = [("오전", false), ("오후", true), ("上午", false), ("下午", true),
                                                     ("午前", false), ("午後", true)].map { (Array($0.0.utf8), $0.1) }

    /// "2024-03-14T10:00:00+01:00" for a string whose first date has a time of
    /// day next to it; nil without a date or without a time.
    public static func timestamp(_ s: String) -> String? {
        guard let d = normalize(s), let t = timeOfDay(in: s) else { return nil }
        return d + "T" + t
    }

    /// The time of day next to the first date in `s`, or nil.
    public static func timeOfDay(in s: String) -> String? {
        var s = s
        return s.withUTF8 { b -> String? in
            guard let m = find(in: b) else { return nil }
            let n = b.count
            // After the date: "2024-03-14T10:00Z", "March 3, 2016, 10:12 am".
            var p = m.end
            while p < n, p - m.end <= 12, b[p] &- 0x30 >= 10 { p += 1 }
            if p < n, gapJoins(b, m.end, p), let t = parseTime(b, p) { return t.text }
            // Before it: "10:12 BST 3 March 2016", "14:32, 3 March 2016".
            var best: String? = nil
            var q = max(0, m.start - 40)
            while q < m.start {
                if b[q] &- 0x30 < 10, q == 0 || b[q - 1] &- 0x30 >= 10, let t = parseTime(b, q), t.end <= m.start,
                   gapJoins(b, t.end, m.start) {
                    best = t.text
                }
                q += 1
            }
            return best
        }
    }

    /// Whether the bytes between a date and a time are a joint: short, no
    /// digit, no sentence end, at most one word.
    static func gapJoins(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s <= 12 else { return false }
        var words = 0
        var inWord = false
        for k in s..<e {
            let c = b[k]
            if c &- 0x30 < 10 || c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3B { return false }
            let letter = isLetter(c)
            if letter && !inWord { words += 1 }
            inWord = letter
        }
        return words <= 1
    }

    /// A time starting at `p` (the first digit of the hour).
    static func parseTime(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (text: String, end: Int)? {
        let n = b.count
        func num(_ i: Int, _ maxLen: Int) -> (Int, Int)? {
            var v = 0, j = i
            while j < n, j - i < maxLen, b[j] &- 0x30 < 10 { v = v * 10 + Int(b[j] &- 0x30); j += 1 }
            return j > i ? (v, j) : nil
        }
        guard let (h0, e1) = num(p, 2), e1 < n, b[e1] == 0x3A,
              let (mi, e2) = num(e1 + 1, 2), e2 == e1 + 3, mi < 60,
              e2 == n || b[e2] &- 0x30 >= 10 else { return nil }
        var h = h0
        var end = e2
        var sec: Int? = nil
        if end + 2 < n, b[end] == 0x3A, let (s, e3) = num(end + 1, 2), e3 == end + 3, s <= 60 {
            sec = s; end = e3
            if end + 1 < n, b[end] == 0x2E || b[end] == 0x2C, b[end + 1] &- 0x30 < 10 {
                end += 1
                while end < n, b[end] &- 0x30 < 10 { end += 1 }
            }
        }
        // Morning or afternoon: "10:12 am", "3:05 p.m.", "3:05 p. m.", "10:12PM",
        // "3:05 petang", "오후 3:20", "下午3:20".
        var k = end
        while k < n, b[k] == 0x20 { k += 1 }
        var pm: Bool? = nil
        if k < n, (b[k] | 0x20) == 0x61 || (b[k] | 0x20) == 0x70 {
            var j = k + 1
            if j < n, b[j] == 0x2E { j += 1; if j < n, b[j] == 0x20 { j += 1 } }
            if j < n, (b[j] | 0x20) == 0x6D, j + 1 == n || !isLetter(b[j + 1]) {
                j += 1
                if j < n, b[j] == 0x2E { j += 1 }
                pm = (b[k] | 0x20) == 0x70
                end = j
            }
        }
        if pm == nil {
            var j = k
            while j < n, (b[j] | 0x20) &- 0x61 < 26 { j += 1 }
            if j > k, j == n || !isLetter(b[j]),
               let v = meridiemAfter[String(decoding: UnsafeBufferPointer(rebasing: b[k..<j]), as: UTF8.self).lowercased()] {
                pm = v; end = j
            }
        }
        if pm == nil {
            var e = p
            while e > 0, b[e - 1] == 0x20 { e -= 1 }
            for (w, v) in meridiemBefore where e >= w.count && b[(e - w.count)..<e].elementsEqual(w) { pm = v; break }
        }
        if let pm {
            guard h >= 1, h <= 12 else { return nil }
            h = pm ? (h % 12) + 12 : h % 12
        }
        guard h < 24 else { return nil }
        var out = two(h) + ":" + two(mi)
        if let sec { out += ":" + two(sec) }
        if let (z, e) = offset(b, end) { out += z; end = e }
        return (out, end)
    }

    /// An offset at `p`, after optional spaces: "Z", "+01:00", "+0100", "-05",
    /// "UTC", "GMT+1", "UTC+05:30", "CEST", ...
    static func offset(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> (String, Int)? {
        let n = b.count
        var i = p
        if i < n, b[i] == 0x5A, i + 1 == n || !isLetter(b[i + 1]) { return ("Z", i + 1) }
        while i < n, b[i] == 0x20 { i += 1 }
        if let r = signed(b, i) { return r }
        var j = i
        while j < n, (b[j] | 0x20) &- 0x61 < 26 { j += 1 }
        guard j > i, j - i <= 4, j == n || !isLetter(b[j]) else { return nil }
        // Upper case only: "10:12 est" is more likely a word than a zone.
        guard b[i..<j].allSatisfy({ $0 &- 0x41 < 26 }) || j - i == 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self).lowercased()
        guard let z = zoneOffsets[name] else { return nil }
        if z == "Z", let r = signed(b, j) { return r }     // "GMT+1", "UTC+05:30"
        return (z, j)
    }

    /// "+01:00", "+0100", "+01", "+1" (the last two after a zone name only).
    static func signed(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (String, Int)? {
        let n = b.count
        guard i < n, b[i] == 0x2B || b[i] == 0x2D || (b[i] == 0xE2 && i + 2 < n && b[i + 1] == 0x88 && b[i + 2] == 0x92) else { return nil }
        let minus = b[i] != 0x2B
        var j = i + (b[i] == 0xE2 ? 3 : 1)
        let s = j
        while j < n, j - s < 2, b[j] &- 0x30 < 10 { j += 1 }
        guard j > s else { return nil }
        var h = 0
        for k in s..<j { h = h * 10 + Int(b[k] &- 0x30) }
        var m = 0
        if j + 2 < n, b[j] == 0x3A, b[j + 1] &- 0x30 < 10, b[j + 2] &- 0x30 < 10 {
            m = Int(b[j + 1] &- 0x30) * 10 + Int(b[j + 2] &- 0x30); j += 3
        } else if j - s == 2, j + 1 < n, b[j] &- 0x30 < 10, b[j + 1] &- 0x30 < 10 {
            m = Int(b[j] &- 0x30) * 10 + Int(b[j + 1] &- 0x30); j += 2
        }
        guard j == n || b[j] &- 0x30 >= 10, h <= 14, m < 60 else { return nil }
        return ((minus ? "-" : "+") + two(h) + ":" + two(m), j)
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c >= 0x80 }
    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
