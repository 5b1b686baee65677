// `language`: the page's declaration when it is a valid ISO 639-1 code, else
// a guess from the body. The guess runs on the first 500 words of the body
// (enough for function-word shares; it runs for every article parsed):
// Korean, Japanese, Chinese, Greek and Hebrew by their scripts; the others by
// which language's most frequent function words (LanguageData.functionWords)
// make up the body. It answers only when the body has at least 20 words, the
// winner's words are at least 10% of them, and the words that separate the
// winner from the runner-up favour it at least 2 to 1; else nil.
// Accuracy on the fixture corpora and benchmark pages: docs/LANGUAGE.md.

extension Article {
    /// ISO 639-1: declared, else detected from the body; nil when neither.
    public var language: String? {
        declaredLanguage ?? LanguageDetector.detect(sections.lazy.flatMap { $0.paragraphs.lazy.map(\.text) })
    }
}

public enum LanguageDetector {
    static let maxWords = 500
    static let minWords = 20
    static let minShare = 0.10
    static let minMargin = 2.0

    /// "en-US" -> "en", "pt_BR" -> "pt", "iw" -> "he", "nb" -> "no"; nil for
    /// anything that is not a known ISO 639-1 code ("x-default", "und", "eng").
    public static func normalizeDeclared(_ s: String) -> String? {
        let primary = s.trimmingWhiteSpace().prefix { $0 != "-" && $0 != "_" }.lowercased()
        guard primary.utf8.count == 2 else { return nil }
        let code = LanguageData.aliases[primary] ?? primary
        return LanguageData.iso639_1.contains(code) ? code : nil
    }

    /// The language of a text given in pieces (paragraphs), or nil. Works on
    /// UTF-8 bytes: it runs for every article `lectern parse` prints.
    public static func detect<S: Sequence>(_ pieces: S) -> String? where S.Element == String {
        let data = LanguageData.table
        var scan = Scanner(table: data)
        defer { scan.counts.deallocate() }
        for var p in pieces {
            if p.withUTF8({ scan.scan($0) }) { break }
        }
        let words = scan.words, script = scan.script
        let counts = scan.counts
        if let s = script.verdict(words: words) { return s }
        guard words >= minWords else { return nil }
        var totals = [Int](repeating: 0, count: data.languages.count)
        for (w, n) in counts.enumerated() where n > 0 { for l in data.words[w] { totals[l] += Int(n) } }
        // The first two by count, ties by code (a sort of all of them was ~1% of `parse`).
        func before(_ a: Int, _ b: Int) -> Bool {
            totals[a] != totals[b] ? totals[a] > totals[b] : data.languages[a] < data.languages[b]
        }
        var best = 0, second = 1
        if before(second, best) { swap(&best, &second) }
        for l in 2..<totals.count {
            if before(l, best) { second = best; best = l } else if before(l, second) { second = l }
        }
        guard totals[best] > 0, Double(totals[best]) >= minShare * Double(words) else { return nil }
        // Words of one list and not the other: what tells the two apart.
        var forBest = 0, forSecond = 0
        for (w, n) in counts.enumerated() where n > 0 {
            let ls = data.words[w]
            let b = ls.contains(best), s = ls.contains(second)
            if b && !s { forBest += Int(n) } else if s && !b { forSecond += Int(n) }
        }
        guard forBest >= 3, Double(forBest) >= minMargin * Double(forSecond) else { return nil }
        return data.languages[best]
    }

    /// The word scan of `detect`, its state in one struct that the loop
    /// keeps in registers (nested closures over locals made it spill every byte).
    struct Scanner {
        let table: LanguageData.Table
        let maxLength: Int
        let counts: UnsafeMutableBufferPointer<Int32>
        var words = 0
        var script = ScriptCounts()
        var low: UInt64 = 0, high: UInt64 = 0
        var len = 0

        init(table: LanguageData.Table) {
            self.table = table
            maxLength = min(16, table.maxLength)
            counts = .allocate(capacity: table.words.count)
            counts.initialize(repeating: 0)
        }

        @inline(__always) mutating func push(_ c: UInt8) {
            if len < 8 { low |= UInt64(c) << (8 * UInt64(len)) }
            else if len < 16 { high |= UInt64(c) << (8 * UInt64(len - 8)) }
            len += 1
        }

        @inline(__always) mutating func endWord() {
            guard len > 0 else { return }
            words += 1
            if len <= maxLength {
                var k = WordKey(); k.low = low; k.high = high
                if let i = table.find(k) { counts[i] += 1 }
            }
            low = 0; high = 0; len = 0
        }

        /// Scans one piece; true once `maxWords` words are read.
        mutating func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    let l = c | 0x20
                    if l &- 0x61 < 26 {
                        push(l); script.latin += 1
                    } else {
                        // An apostrophe inside a word ("l'homme" -> "l'", "homme") ends it, keeping it.
                        if c == 0x27 && len > 0 { push(c) }
                        endWord()
                        if words >= maxWords { return true }
                    }
                    i += 1
                    continue
                }
                let (v, k) = decode(b, i)
                i += k
                if script.add(v) { endWord(); continue }      // CJK: counted as characters
                if isLetter(v) {
                    let l = lower(v)
                    if l < 0x800 { push(UInt8(0xC0 | l >> 6)); push(UInt8(0x80 | l & 0x3F)) }
                    else if l < 0x10000 { push(UInt8(0xE0 | l >> 12)); push(UInt8(0x80 | l >> 6 & 0x3F)); push(UInt8(0x80 | l & 0x3F)) }
                    else { len += 4 }                              // never a function word
                } else {
                    if v == 0x2019 && len > 0 { push(0x27) }     // ’ as '
                    endWord()
                    if words >= maxWords { return true }
                }
            }
            endWord()
            return words >= maxWords
        }
    }

    /// A word of up to 16 UTF-8 bytes, packed (function words are all shorter).
    struct WordKey: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0
        init() {}
        init(_ s: String) {
            let u = Array(s.utf8)
            precondition(u.count <= 16, "function word over 16 bytes: \(s)")
            for (i, c) in u.enumerated() {
                if i < 8 { low |= UInt64(c) << (8 * UInt64(i)) } else { high |= UInt64(c) << (8 * UInt64(i - 8)) }
            }
        }
    }

    /// The scalar at `i` of valid UTF-8 and its length in bytes.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = UInt32(b[i]), n = b.count
        if c < 0xE0, i + 1 < n { return ((c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0, i + 2 < n { return ((c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        if i + 3 < n {
            return ((c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, n - i)
    }

    /// Letters and marks of words, as opposed to punctuation, symbols, digits
    /// and spaces (non-ASCII scalars; a table of what is not a letter).
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0xA9, 0xAB...0xB4, 0xB6...0xB9, 0xBB...0xBF, 0xD7, 0xF7: return false    // Latin-1 punctuation, NBSP, × ÷
        case 0x2000...0x2BFF, 0x3000...0x303F, 0xFE30...0xFE4F, 0xFF00...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return false
        case 0x060C, 0x061B, 0x061F, 0x0660...0x066D, 0x06D4, 0x06F0...0x06F9: return false                   // Arabic
        case 0x0964...0x096F: return false                                                                   // Devanagari danda, digits
        case 0x05BE, 0x05C0, 0x05C3, 0x05C6, 0x05F3, 0x05F4: return false                                    // Hebrew
        case 0xFFFD, 0x1F000...0x1FFFF: return false                                                         // emoji
        default: return true
        }
    }

    /// Lower case for the capitals function words can start with: Latin-1,
    /// Latin Extended-A, Romanian Ș Ț, Cyrillic.
    @inline(__always) static func lower(_ v: UInt32) -> UInt32 {
        switch v {
        case 0xC0...0xDE where v != 0xD7: return v + 0x20
        case 0x100...0x137, 0x14A...0x177, 0x218...0x21B, 0x490...0x4BF: return v | 1
        case 0x139...0x148, 0x179...0x17E: return v & 1 == 1 ? v + 1 : v
        case 0x410...0x42F: return v + 0x20
        case 0x400...0x40F: return v + 0x50
        default: return v
        }
    }

    /// Characters of scripts that name one language on their own (or nearly).
    struct ScriptCounts {
        var latin = 0, hangul = 0, kana = 0, han = 0, greek = 0, hebrew = 0, other = 0
        /// Counts `v`; true for CJK characters, which are words of their own.
        mutating func add(_ v: UInt32) -> Bool {
            switch v {
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1; return true
            case 0x3040...0x30FF: kana += 1; return true
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1; return true
            case 0x0370...0x03FF, 0x1F00...0x1FFF: greek += 1
            case 0x0590...0x05FF: hebrew += 1
            case 0x00C0...0x024F: latin += 1
            default: other += 1     // Cyrillic, Arabic, Devanagari, ... (and non-ASCII punctuation)
            }
            return false
        }

        /// A language the scripts settle, or nil to go on with the words.
        func verdict(words: Int) -> String? {
            let cjk = hangul + kana + han
            let letters = latin + greek + hebrew + cjk + other
            if cjk >= 30, cjk * 2 >= letters {
                if hangul * 2 >= cjk { return "ko" }
                if kana * 10 >= cjk { return "ja" }
                if han * 2 >= cjk { return "zh" }
            }
            if words >= LanguageDetector.minWords {
                if greek * 2 >= letters { return "el" }
                if hebrew * 2 >= letters { return "he" }
            }
            return nil
        }
    }
}
