// Terminal display width for --format table: East Asian wide and fullwidth
// characters (CJK, Hangul, kana, fullwidth forms) and emoji take two columns,
// combining marks and format characters none, so columns line up in a
// terminal. Counted per grapheme (Character): "e" + U+0301 is one column.
import Foundation

enum DisplayWidth {
    /// East_Asian_Width W and F blocks (UAX #11) outside the emoji, which
    /// Unicode's Emoji_Presentation property covers.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK compatibility
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut
        0x1B000...0x1B2FF,  // kana supplement and extensions, Nushu
        0x1F200...0x1F251,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B-F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G-H
    ]

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x1100 { return false }
        if u.properties.isEmojiPresentation { return true }
        var lo = 0, hi = wide.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < wide[mid].lowerBound { hi = mid - 1 } else if v > wide[mid].upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return (0x1160...0x11FF).contains(u.value)   // Hangul medial vowels and finals join the syllable
        }
    }

    static func of(_ c: Character) -> Int {
        if c.isASCII { return 1 }
        var width = 0
        for u in c.unicodeScalars {
            if u.value == 0xFE0F { return 2 }   // emoji presentation selector
            if isWide(u) { return 2 }
            if width == 0 && !isZeroWidth(u) { width = 1 }
        }
        return width
    }

    static func of(_ s: String) -> Int {
        // ASCII: one column a byte
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.count }
        return s.reduce(0) { $0 + of($1) }
    }

    /// `s` cut to at most `width` columns, ending in "…" when it was cut.
    static func truncate(_ s: String, to width: Int) -> String {
        if of(s) <= width { return s }
        guard width > 0 else { return "" }
        var out = "", used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// The terminal's width when standard output is one (COLUMNS first, as
    /// ls and column do), else nil: piped or redirected output is never cut.
    static func terminalColumns() -> Int? {
        guard isatty(1) != 0 else { return nil }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return nil
    }

    /// Column widths that fit `limit` columns (with two spaces between):
    /// the widest columns give way first, none below `floor`.
    static func fit(_ widths: [Int], limit: Int, floor: Int = 8) -> [Int] {
        var w = widths
        func total() -> Int { w.reduce(0, +) + 2 * max(0, w.count - 1) }
        while total() > limit {
            guard let i = w.indices.max(by: { w[$0] < w[$1] }), w[i] > floor else { break }
            let others = total() - w[i]
            w[i] = max(floor, min(w[i] - 1, limit - others))
        }
        return w
    }
}
