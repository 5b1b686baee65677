// Calendar dates as news pages write them -> "YYYY-MM-DD". Shared by the text
// and HTML readers. Works on UTF-8 bytes without Foundation: it runs on many
// candidate lines per page and must stay cheap.
//
// Recognised (first match in the string wins; surrounding words are allowed):
//   2024-03-14, 2024/03/14, 2024.03.14, 2024-03-14T10:00:00Z
//   March 14, 2024   Mar 14 2024   Sept. 5, 2019   March 14th, 2024   Mar 3, 2016, 10:12 am
//   14 March 2024    14th of March, 2024    Thu, 14 Mar 2024 10:00:00 +0000
//   03/14/2024 (US month first unless the first number is > 12; see Match.ambiguous),
//   14.03.2024 (day first)
//   2024年3月14日, 2024년 3월 14일
//   14 مارس 2024, 21 जून 2023 (Arabic and Hindi month names)
// A month and year without a day ("March 2024") is not a date here.

public enum DateNormalizer {
    /// Names of the days of the week (and their short forms) in the languages
    /// dates are read in: dateline words, and never a person's name.
    public static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "segunda", "terça", "quarta", "quinta", "sexta", "feira",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        "mandag", "tirsdag", "lørdag", "søndag",
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        "isnin", "khamis", "jumaat", "ahad",
    ]

    /// The first calendar date in `s` as "YYYY-MM-DD", or nil.
    public static func normalize(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { buf in find(in: buf).map { format($0.year, $0.month, $0.day) } }
    }

    /// A date found in UTF-8 bytes, with the byte range it spans.
    public struct Match: Sendable, Equatable {
        public var year: Int, month: Int, day: Int
        /// Written with numbers only and both could be the month ("04/05/2023"):
        /// read month first; a caller that knows the page is not American may swap.
        public var ambiguous = false
        /// Byte offsets of the date's first byte and one past its last byte.
        public var start: Int, end: Int
        public var iso: String { DateNormalizer.format(year, month, day) }
    }

    /// The first date in `bytes`, with its byte range (for readers that need to
    /// know what else the line holds).
    public static func find(in bytes: UnsafeBufferPointer<UInt8>) -> Match? {
        // Cheap rejection: a date needs at least 6 bytes and 4 digits in a row.
        guard bytes.count >= 6, hasFourDigits(bytes) else { return nil }
        let toks = tokenize(bytes)
        var i = 0
        while i < toks.count {
            if let m = match(toks, at: i) { return m }
            i += 1
        }
        return nil
    }

    /// "03.03.24" or "3/3/24": a numeric date with a two-digit year (20yy), day
    /// first unless `monthFirst`. Only the first such group; nil when the group
    /// runs on ("03.03.2024", "1.2.3.4") or does not make a calendar date.
    /// Callers use it only on lines a publication label vouches for.
    public static func shortYear(in b: UnsafeBufferPointer<UInt8>, monthFirst: Bool) -> Match? {
        let n = b.count
        var i = 0
        @inline(__always) func digits(_ p: Int) -> (Int, Int) {
            var v = 0, j = p
            while j < n, b[j] &- 0x30 < 10, j - p < 3 { v = v * 10 + Int(b[j] &- 0x30); j += 1 }
            return (v, j)
        }
        while i < n {
            guard b[i] &- 0x30 < 10, i == 0 || (b[i - 1] &- 0x30 >= 10 && b[i - 1] != 0x2E && b[i - 1] != 0x2F) else { i += 1; continue }
            let (a, e1) = digits(i)
            guard e1 - i <= 2, e1 < n, b[e1] == 0x2E || b[e1] == 0x2F || b[e1] == 0x2D else { i = e1; continue }
            let sep = b[e1]
            let (m, e2) = digits(e1 + 1)
            guard e2 > e1 + 1, e2 - e1 - 1 <= 2, e2 < n, b[e2] == sep else { i = e1; continue }
            let (y, e3) = digits(e2 + 1)
            guard e3 - e2 - 1 == 2, e3 == n || (b[e3] &- 0x30 >= 10 && !(b[e3] == sep && e3 + 1 < n && b[e3 + 1] &- 0x30 < 10)) else { i = e1; continue }
            let (d, mo) = monthFirst ? (m, a) : (a, m)
            guard mo >= 1, mo <= 12, d >= 1, d <= 31 else { i = e1; continue }
            return Match(year: 2000 + y, month: mo, day: d, start: i, end: e3)
        }
        return nil
    }

    public static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        var out = [UInt8](repeating: 0x30, count: 10)
        out[0] = UInt8(0x30 + (y / 1000) % 10); out[1] = UInt8(0x30 + (y / 100) % 10)
        out[2] = UInt8(0x30 + (y / 10) % 10); out[3] = UInt8(0x30 + y % 10)
        out[4] = 0x2D
        out[5] = UInt8(0x30 + m / 10); out[6] = UInt8(0x30 + m % 10)
        out[7] = 0x2D
        out[8] = UInt8(0x30 + d / 10); out[9] = UInt8(0x30 + d % 10)
        return String(decoding: out, as: UTF8.self)
    }

    /// 1...12 for a month name or abbreviation (English, French, German,
    /// Spanish, Italian, Portuguese, Dutch, Russian, Arabic, Hindi; any case), else 0.
    public static func monthNumber(_ w: some Collection<UInt8>) -> Int {
        monthTable[lowered(w)] ?? 0
    }

    // MARK: - internals

    /// Lowercase for ASCII, Latin-1 and Cyrillic capitals, byte for byte.
    static func lowered(_ w: some Collection<UInt8>) -> [UInt8] {
        var out = Array(w)
        var i = 0
        while i < out.count {
            let c = out[i]
            if c &- 0x41 < 26 { out[i] = c | 0x20 }
            else if c == 0xC3, i + 1 < out.count, out[i + 1] >= 0x80, out[i + 1] <= 0x9E, out[i + 1] != 0x97 {
                out[i + 1] += 0x20; i += 1
            } else if c == 0xD0, i + 1 < out.count {
                let n = out[i + 1]
                if n >= 0x90 && n <= 0x9F { out[i + 1] = n + 0x20 }
                else if n >= 0xA0 && n <= 0xAF { out[i] = 0xD1; out[i + 1] = n - 0x20 }
                else if n == 0x81 { out[i] = 0xD1; out[i + 1] = 0x91 }
                i += 1
            }
            i += 1
        }
        return out
    }

    private static let monthTable: [[UInt8]: Int] = {
        let names: [[String]] = [
            ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "gennaio", "gen",
             "janeiro", "januari", "январь", "января", "янв"],
            ["february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero", "febbraio",
             "fevereiro", "fev", "februari", "февраль", "февраля", "фев"],
            ["march", "mar", "mars", "märz", "maerz", "mär", "marzo", "março", "marco", "maart",
             "март", "марта", "мар"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei", "май", "мая"],
            ["june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "июнь", "июня", "июн"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "июль", "июля", "июл"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus", "август", "августа", "авг"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set",
             "setembro", "сентябрь", "сентября", "сен", "сент"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out",
             "октябрь", "октября", "окт"],
            ["november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя"],
            ["december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
             "dicembre", "dezembro", "декабрь", "декабря", "дек"],
        ]
        // Arabic (Egyptian/Gulf and Levantine names) and Hindi.
        let more: [[String]] = [
            ["يناير", "كانون الثاني", "जनवरी"],
            ["فبراير", "شباط", "फ़रवरी", "फरवरी"],
            ["مارس", "آذار", "मार्च"],
            ["أبريل", "إبريل", "ابريل", "نيسان", "अप्रैल", "अप्रेल"],
            ["مايو", "أيار", "ايار", "मई"],
            ["يونيو", "يونيه", "حزيران", "जून"],
            ["يوليو", "يوليه", "تموز", "जुलाई"],
            ["أغسطس", "اغسطس", "آب", "अगस्त"],
            ["سبتمبر", "أيلول", "ايلول", "सितंबर", "सितम्बर"],
            ["أكتوبر", "اكتوبر", "अक्टूबर", "अक्तूबर"],
            ["نوفمبر", "नवंबर", "नवम्बर"],
            ["ديسمبر", "दिसंबर", "दिसम्बर"],
        ]
        // Swedish, Norwegian, Danish, Indonesian/Malay, Ukrainian (genitive and nominative), Polish (genitive).
        let nordic: [[String]] = [
            ["januar", "jan", "tammikuuta", "січня", "січень", "stycznia", "ledna", "januára", "ianuarie"],
            ["februar", "feb", "helmikuuta", "лютого", "лютий", "lutego", "února", "februára", "februarie", "pebrero"],
            ["maret", "mars", "maaliskuuta", "березня", "березень", "marca", "března", "marca", "martie", "marso"],
            ["april", "huhtikuuta", "квітня", "квітень", "kwietnia", "dubna", "apríla", "aprilie"],
            ["maj", "mai", "mei", "toukokuuta", "травня", "травень", "maja", "května", "mája", "mai"],
            ["juni", "juni", "kesäkuuta", "червня", "червень", "czerwca", "června", "júna", "iunie"],
            ["juli", "heinäkuuta", "липня", "липень", "lipca", "července", "júla", "iulie"],
            ["augusti", "agustus", "ogos", "elokuuta", "серпня", "серпень", "sierpnia", "srpna", "augusta", "august"],
            ["september", "syyskuuta", "вересня", "вересень", "września", "září", "septembra", "septembrie"],
            ["oktober", "lokakuuta", "жовтня", "жовтень", "października", "října", "októbra", "octombrie"],
            ["november", "marraskuuta", "листопада", "листопад", "listopadu", "novembra", "noiembrie"],
            ["desember", "december", "disember", "joulukuuta", "грудня", "грудень", "grudnia", "prosince", "decembra", "decembrie"],
        ]
        // Catalan, Malay (where it differs from Indonesian), Greek (genitive and
        // nominative, capitalised and lower case: Greek is not folded here).
        let south: [[String]] = [
            ["gener", "januari", "Ιανουαρίου", "ιανουαρίου", "Ιανουάριος", "ιανουάριος", "Ιαν", "ιαν"],
            ["febrer", "februari", "Φεβρουαρίου", "φεβρουαρίου", "Φεβρουάριος", "φεβρουάριος", "Φεβ", "φεβ"],
            ["març", "mac", "Μαρτίου", "μαρτίου", "Μάρτιος", "μάρτιος", "Μαρ", "μαρ"],
            ["abril", "Απριλίου", "απριλίου", "Απρίλιος", "απρίλιος", "Απρ", "απρ"],
            ["maig", "Μαΐου", "μαΐου", "Μαΐος", "Μάιος", "μάιος", "Μαΐ", "Μαι", "μαι"],
            ["juny", "Ιουνίου", "ιουνίου", "Ιούνιος", "ιούνιος", "Ιουν", "ιουν"],
            ["juliol", "julai", "Ιουλίου", "ιουλίου", "Ιούλιος", "ιούλιος", "Ιουλ", "ιουλ"],
            ["agost", "Αυγούστου", "αυγούστου", "Αύγουστος", "αύγουστος", "Αυγ", "αυγ"],
            ["setembre", "Σεπτεμβρίου", "σεπτεμβρίου", "Σεπτέμβριος", "σεπτέμβριος", "Σεπ", "σεπ"],
            ["octubre", "Οκτωβρίου", "οκτωβρίου", "Οκτώβριος", "οκτώβριος", "Οκτ", "οκτ"],
            ["novembre", "Νοεμβρίου", "νοεμβρίου", "Νοέμβριος", "νοέμβριος", "Νοε", "νοε"],
            ["desembre", "Δεκεμβρίου", "δεκεμβρίου", "Δεκέμβριος", "δεκέμβριος", "Δεκ", "δεκ"],
        ]
        var t: [[UInt8]: Int] = [:]
        for (i, list) in south.enumerated() { for n in list { t[lowered(Array(n.utf8))] = i + 1 } }
        for (i, list) in nordic.enumerated() { for n in list { t[lowered(Array(n.utf8))] = i + 1 } }
        for (i, list) in names.enumerated() { for n in list { t[Array(n.utf8)] = i + 1 } }
        for (i, list) in more.enumerated() { for n in list where !n.contains(" ") { t[Array(n.utf8)] = i + 1 } }
        return t
    }()

    private enum Kind: UInt8 { case num, word, punct, year, month, day }   // year/month/day: 年 月 日

    private struct Tok {
        var kind: Kind
        var value: Int      // number value; words: month 1...12, -1 "of", -2 ordinal suffix, else 0; punct byte
        var len: Int        // digit count for numbers
        var start: Int, end: Int
    }

    /// A letter byte starting a character: ASCII, Latin-1/Latin Extended-A
    /// (lead bytes C3-C5) or Cyrillic (D0, D1).
    @inline(__always) private static func isWordByte(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        let c = b[i]
        if (c | 0x20) &- 0x61 < 26 { return true }
        if (c >= 0xC3 && c <= 0xC5 || c == 0xCE || c == 0xCF || c == 0xD0 || c == 0xD1 || c >= 0xD8 && c <= 0xDB) && i + 1 < n && b[i + 1] & 0xC0 == 0x80 {
            return true
        }
        // Devanagari (U+0900-097F): E0 A4 xx, E0 A5 xx.
        return c == 0xE0 && i + 2 < n && (b[i + 1] == 0xA4 || b[i + 1] == 0xA5) && b[i + 2] & 0xC0 == 0x80
    }

    /// Bytes of the character starting a word byte (see isWordByte).
    @inline(__always) private static func wordByteLength(_ c: UInt8) -> Int { c < 0x80 ? 1 : (c == 0xE0 ? 3 : 2) }

    private static func hasFourDigits(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        for c in b {
            if c &- 0x30 < 10 { run += 1; if run == 4 { return true } } else { run = 0 }
        }
        return false
    }

    private static func tokenize(_ b: UnsafeBufferPointer<UInt8>) -> [Tok] {
        var toks: [Tok] = []
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c &- 0x30 < 10 {
                var v = 0, j = i
                while j < n, b[j] &- 0x30 < 10 {
                    if j - i < 9 { v = v * 10 + Int(b[j] &- 0x30) }
                    j += 1
                }
                toks.append(Tok(kind: .num, value: v, len: j - i, start: i, end: j))
                i = j
            } else if isWordByte(b, i, n) {
                var j = i
                while j < n, isWordByte(b, j, n) { j += wordByteLength(b[j]) }
                j = min(j, n)
                let len = j - i
                var v = (len >= 3 && len <= 24) ? monthNumber(UnsafeBufferPointer(rebasing: b[i..<j])) : 0
                if len == 2 {
                    let w = (UInt16(b[i] | 0x20) << 8) | UInt16(b[i + 1] | 0x20)
                    switch w {
                    case 0x6F66, 0x6465: v = -1                          // "of", "de"
                    case 0x7374, 0x6E64, 0x7264, 0x7468, 0x6572: v = -2  // st nd rd th, "1er"
                    default: break
                    }
                } else if len == 3, (b[i] | 0x20) == 0x64, (b[i + 1] | 0x20) == 0x65, (b[i + 2] | 0x20) == 0x6C {
                    v = -1                                               // "del"
                } else if len == 1, (b[i] | 0x20) == 0x64, j < n, b[j] == 0x27 || (b[j] == 0xE2 && j + 2 < n && b[j + 1] == 0x80 && b[j + 2] == 0x99) {
                    v = -1                                               // Catalan/French elided "d’abril", "d'octobre"
                    j += b[j] == 0x27 ? 1 : 3
                }
                toks.append(Tok(kind: .word, value: v, len: len, start: i, end: j))
                i = j
            } else if c == 0x20 || c == 0x09 || c == 0x0A {
                i += 1
            } else if c == 0xE5 || c == 0xE6 || c == 0xEB || c == 0xEC, i + 2 < n {
                // 年 E5 B9 B4, 月 E6 9C 88, 日 E6 97 A5; Korean 년 EB 85 84, 월 EC 9B 94, 일 EC 9D BC
                let c1 = b[i + 1], c2 = b[i + 2]
                let k: Kind? = (c == 0xE5 && c1 == 0xB9 && c2 == 0xB4) || (c == 0xEB && c1 == 0x85 && c2 == 0x84) ? .year
                    : (c == 0xE6 && c1 == 0x9C && c2 == 0x88) || (c == 0xEC && c1 == 0x9B && c2 == 0x94) ? .month
                    : (c == 0xE6 && c1 == 0x97 && c2 == 0xA5) || (c == 0xEC && c1 == 0x9D && c2 == 0xBC) ? .day : nil
                toks.append(Tok(kind: k ?? .punct, value: Int(c), len: 3, start: i, end: i + 3))
                i += 3
            } else if c == 0xC2, i + 1 < n, b[i+1] == 0xA0 {
                i += 2      // non-breaking space is a space here
            } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x89 || b[i + 2] == 0xAF {
                i += 3      // so are the thin and the narrow no-break space ("4.&thinsp;2.&thinsp;2022")
            } else {
                toks.append(Tok(kind: .punct, value: Int(c), len: 1, start: i, end: i + 1))
                i += 1
            }
        }
        return toks
    }

    private static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard y >= 1000, y <= 2999, m >= 1, m <= 12, d >= 1 else { return false }
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        return d <= (m == 2 && leap ? 29 : days[m - 1])
    }

    private static func isOrdinal(_ t: Tok, after num: Tok) -> Bool {
        // "14th", "1st", "2nd", "3rd": the suffix touches the number.
        t.kind == .word && t.value == -2 && t.start == num.end
    }

    private static func match(_ t: [Tok], at i: Int) -> Match? {
        let a = t[i]
        func tok(_ k: Int) -> Tok? { k < t.count ? t[k] : nil }
        func isPunct(_ x: Tok?, _ c: UInt8) -> Bool { x?.kind == .punct && x?.value == Int(c) }
        func result(_ y: Int, _ m: Int, _ d: Int, _ end: Int) -> Match? {
            valid(y, m, d) ? Match(year: y, month: m, day: d, ambiguous: false, start: a.start, end: end) : nil
        }

        if a.kind == .num && a.len == 4 {
            // 2024-03-14, 2024/03/14, 2024.03.14
            if let s1 = tok(i + 1), s1.kind == .punct, s1.start == a.end,
               s1.value == 0x2D || s1.value == 0x2F || s1.value == 0x2E,
               let m = tok(i + 2), m.kind == .num, m.len <= 2, m.start == s1.end,
               isPunct(tok(i + 3), UInt8(s1.value)), let d = tok(i + 4), d.kind == .num, d.len <= 2,
               d.start == t[i + 3].end {
                return result(a.value, m.value, d.value, d.end)
            }
            // 2024年3月14日
            if tok(i + 1)?.kind == .year, let m = tok(i + 2), m.kind == .num, tok(i + 3)?.kind == .month,
               let d = tok(i + 4), d.kind == .num, let e = tok(i + 5), e.kind == .day {
                return result(a.value, m.value, d.value, e.end)
            }
            return nil
        }

        if a.kind == .word && a.value > 0 {
            // March 14, 2024 / Sept. 5, 2019 / Mar 14th 2024
            var k = i + 1
            if isPunct(tok(k), 0x2E) { k += 1 }
            guard let d = tok(k), d.kind == .num, d.len <= 2 else { return nil }
            k += 1
            if let o = tok(k), isOrdinal(o, after: d) { k += 1 }
            if isPunct(tok(k), 0x2C) { k += 1 }
            guard let y = tok(k), y.kind == .num, y.len == 4 else { return nil }
            return result(y.value, a.value, d.value, y.end)
        }

        if a.kind == .num && a.len <= 2 {
            // 14 March 2024 / 14th of March, 2024 / 14 Mar. 2024
            var k = i + 1
            if let o = tok(k), isOrdinal(o, after: a) { k += 1 }
            else if isPunct(tok(k), 0x2E), tok(k + 1)?.kind == .word { k += 1 }      // "12. April 2023"
            if let of = tok(k), of.kind == .word, of.value == -1 { k += 1 }       // "14 of March", "12 de abril"
            if let m = tok(k), m.kind == .word, m.value > 0 {
                k += 1
                if isPunct(tok(k), 0x2E) { k += 1 }
                if isPunct(tok(k), 0x2C) { k += 1 }
                if let of = tok(k), of.kind == .word, of.value == -1 { k += 1 }   // "abril de 2023"
                guard let y = tok(k), y.kind == .num, y.len == 4 else { return nil }
                return result(y.value, m.value, a.value, y.end)
            }
            // "4. 2. 2022": day and month each with its dot, one space after each (German
            // typesetting; often a thin space). Nothing but the space lies between tokens.
            if isPunct(tok(i + 1), 0x2E), t[i + 1].start == a.end, let b = tok(i + 2), b.kind == .num, b.len <= 2,
               (1...3).contains(b.start - t[i + 1].end), isPunct(tok(i + 3), 0x2E), t[i + 3].start == b.end,
               let y = tok(i + 4), y.kind == .num, y.len == 4, (1...3).contains(y.start - t[i + 3].end) {
                return result(y.value, b.value, a.value, y.end)
            }
            // 03/14/2024, 14/03/2024, 14.03.2024, 14-03-2024
            if let s1 = tok(i + 1), s1.kind == .punct, s1.start == a.end,
               s1.value == 0x2F || s1.value == 0x2E || s1.value == 0x2D,
               let b = tok(i + 2), b.kind == .num, b.len <= 2, b.start == s1.end,
               isPunct(tok(i + 3), UInt8(s1.value)), let y = tok(i + 4), y.kind == .num, y.len == 4,
               y.start == t[i + 3].end {
                let dayFirst = s1.value == 0x2E || a.value > 12
                // "28.09.1912:44" is "28.09.19" run into the time "12:44": a
                // year before 1990 touching ':' and two digits is two digits and an hour.
                var year = y.value, end = y.end
                if y.value < 1990, isPunct(tok(i + 5), 0x3A), t[i + 5].start == y.end, let mm = tok(i + 6),
                   mm.kind == .num, mm.len == 2, mm.start == t[i + 5].end, y.value % 100 < 24 {
                    year = 2000 + y.value / 100; end = y.start + 2
                }
                var r = dayFirst ? result(year, b.value, a.value, end)
                                 : result(year, a.value, b.value, end)
                r?.ambiguous = !dayFirst && b.value <= 12 && a.value != b.value
                return r
            }
        }
        return nil
    }
}
