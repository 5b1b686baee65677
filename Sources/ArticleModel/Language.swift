// `language`: the page's declaration when it is a valid ISO 639-1 code, else
// a guess from the body. The guess runs on the first 2,000 words of the body:
// Korean, Japanese, Chinese, Greek and Hebrew by their scripts; the others by
// which language's most frequent function words (LanguageData.functionWords)
// make up the body. It answers only when the body has at least 20 words, the
// winner's words are at least 10% of them, and the words that separate the
// winner from the runner-up favour it at least 2 to 1; else nil.
// Accuracy on the fixture corpora and benchmark pages: docs/LANGUAGE.md.

extension Article {
    /// ISO 639-1: declared, else detected from the body; nil when neither.
    public var language: String? {
        declaredLanguage ?? LanguageDetector.detect(paragraphs.lazy.map(\.text))
    }
}

public enum LanguageDetector {
    static let maxWords = 2000
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

    /// The language of a text given in pieces (paragraphs), or nil.
    public static func detect<S: Sequence>(_ pieces: S) -> String? where S.Element == String {
        var counts: [String: Int] = [:]
        var words = 0
        var script = ScriptCounts()
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            words += 1
            if LanguageData.languagesOfWord[word] != nil { counts[word, default: 0] += 1 }
            word.removeAll(keepingCapacity: true)
        }
        outer: for p in pieces {
            for ch in p.unicodeScalars {
                let v = ch.value
                if v < 0x80 {
                    if v &- 0x41 < 26 { word.unicodeScalars.append(Unicode.Scalar(v | 0x20)!); script.latin += 1; continue }
                    if v &- 0x61 < 26 { word.unicodeScalars.append(ch); script.latin += 1; continue }
                    // An apostrophe inside a word ("l'homme" -> "l'", "homme") ends it, keeping it.
                    if v == 0x27 && !word.isEmpty { word.unicodeScalars.append(ch) }
                    endWord()
                    if words >= maxWords { break outer }
                    continue
                }
                if script.add(v) { endWord(); continue }       // CJK: counted as characters
                if ch.properties.isAlphabetic || ch.properties.generalCategory == .nonspacingMark
                    || ch.properties.generalCategory == .spacingMark {
                    for l in ch.properties.lowercaseMapping.unicodeScalars { word.unicodeScalars.append(l) }
                } else if v == 0x2019 && !word.isEmpty {
                    word.unicodeScalars.append("'")
                    endWord()
                } else {
                    endWord()
                    if words >= maxWords { break outer }
                }
            }
            endWord()
            if words >= maxWords { break }
        }
        if let s = script.verdict(words: words) { return s }
        guard words >= minWords else { return nil }
        var totals: [String: Int] = [:]
        for (w, n) in counts { for l in LanguageData.languagesOfWord[w]! { totals[l, default: 0] += n } }
        let ranked = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let best = ranked.first, Double(best.value) >= minShare * Double(words) else { return nil }
        guard ranked.count > 1 else { return best.key }
        let second = ranked[1].key
        // Words of one list and not the other: what tells the two apart.
        var forBest = 0, forSecond = 0
        for (w, n) in counts {
            let ls = LanguageData.languagesOfWord[w]!
            let b = ls.contains(best.key), s = ls.contains(second)
            if b && !s { forBest += n } else if s && !b { forSecond += n }
        }
        guard forBest >= 3, Double(forBest) >= minMargin * Double(forSecond) else { return nil }
        return best.key
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
