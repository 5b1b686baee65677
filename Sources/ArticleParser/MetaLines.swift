// Recognisers for the short "meta" lines of a page: bylines, datelines, image
// credits, author bios, tag lists. Each works on a byte range and is cheap to
// reject, since most units are body paragraphs.

import ArticleModel

enum MetaLines {
    // MARK: - names

    /// Lowercase words allowed inside a personal name.
    static let particles: Set<String> = [
        "de", "da", "del", "della", "der", "den", "di", "du", "van", "von", "la", "le", "bin", "al",
        "el", "ibn", "st", "y", "dos", "das", "ter", "ten", "and", "&", "e",
    ]

    /// A capitalised word of a name: "Jane", "O'Brien", "Jean-Luc", "J.", "JANE", "Łukasz".
    static func isNameWord(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        guard e > s, e - s <= 30 else { return false }
        let (v, _) = scalar(b, s, e)
        if v < 0x80 { guard isUpperASCII(UInt8(v)) else { return false } }
        else if !isLetterLike(v) { return false }
        var i = s
        while i < e {
            let c = b[i]
            if isDigit(c) { return false }
            if c < 0x80 && !isLetterASCII(c) && c != 0x2E && c != 0x2D && c != 0x27 { return false }
            i += 1
        }
        return true
    }

    /// Non-ASCII letters (not punctuation, symbols or CJK ideographs, whose
    /// names we cannot judge by case).
    static func isLetterLike(_ v: UInt32) -> Bool {
        v >= 0xC0 && v != 0xD7 && v != 0xF7 && !(v >= 0x2000 && v <= 0x2BFF) && !(v >= 0x3000 && v <= 0x303F)
            && !(v >= 0xFF00 && v <= 0xFF65)
    }

    /// The range in lowercase (ASCII, Latin-1, Cyrillic), for set lookups.
    static func word(_ b: Bytes, _ s: Int, _ e: Int) -> String {
        var out = [UInt8]()
        out.reserveCapacity(e - s)
        for i in s..<e { out.append(foldedByte(b, i, e)) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Space-separated tokens of a range (at most `limit`).
    static func tokens(_ b: Bytes, _ s: Int, _ e: Int, limit: Int = 64) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var i = s
        while i < e && out.count < limit {
            while i < e, spaceLength(b, i, e) > 0 { i += spaceLength(b, i, e) }
            if i >= e { break }
            let st = i
            while i < e, spaceLength(b, i, e) == 0 { i += 1 }
            out.append((st, i))
        }
        return out
    }

    /// "Jane Doe", "Jane Doe and John Roe", "Jane Doe, John Roe and Ann Poe", "J. R. Doe".
    static func isName(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        guard e > s, e - s <= 100 else { return false }
        let toks = tokens(b, s, e, limit: 13)
        guard !toks.isEmpty, toks.count <= 12 else { return false }
        for (k, t) in toks.enumerated() {
            var te = t.1
            if b[te - 1] == 0x2C { te -= 1 }        // "Doe," in a list of names
            guard te > t.0 else { return false }
            if isNameWord(b, t.0, te) { continue }
            if k == 0 || k == toks.count - 1 { return false }
            if !particles.contains(word(b, t.0, te)) { return false }
        }
        return true
    }

    /// The name in a byline's text after "By": cut at a separator, an
    /// affiliation after a comma ("Jane Doe, Reuters") or a connector
    /// ("for The Times", "in Moscow", "on March 3", German "um 10:52"). Nil when no name is left.
    static func bylineName(_ b: Bytes, _ s0: Int, _ e0: Int, strict: Bool = true) -> (Int, Int)? {
        var (s, e) = trimmed(b, s0, e0)
        // "Von : Adrian Padeanu", "Par : Jean Dupont": the label's colon set apart
        // from it (French typography) is left to the name by a "von *" rule.
        if e > s && b[s] == 0x3A { (s, e) = trimmed(b, s + 1, e) }
        guard e > s else { return nil }
        for sep: StaticString in [" | ", " - ", " – ", " — ", " • ", " · ", " (", " / "] {
            if let at = findCI(b, s, e, sep) { e = at }
        }
        if let semi = b[s..<e].firstIndex(of: 0x3B) { e = semi }
        if let comma = b[s..<e].firstIndex(of: 0x2C) {
            let rest = (comma + 1, e)
            let list = findCI(b, rest.0, rest.1, " and ") != nil || findCI(b, rest.0, rest.1, " & ") != nil
            // One word, then running words: a heading's phrase ("Von Einheimischen,
            // Gästen und ganz viel Kühen"), not a name and its affiliation.
            if !list && tokens(b, s, comma, limit: 2).count == 1
                && tokens(b, rest.0, rest.1, limit: 14).filter({ isLowerASCII(b[$0.0]) && !particles.contains(word(b, $0.0, $0.1)) }).count >= 2 {
                return nil
            }
            if !list { e = comma }
        }
        for conn: StaticString in [" for ", " in ", " at ", " on ", " with ", " from ", " via ", " um "] {
            if let at = findRaw(b, s, e, conn) { e = at }
        }
        // A date ends the name ("Cooper am 25.08.2015 22:30"), and so does the next
        // field's label ("Andrea Kategorien: Allgemein"); lowercase words left
        // before such a cut tie the name to it ("am", "le", "op").
        let whole = e
        if let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])), m.start > 0 { e = s + m.start }
        if let label = tokens(b, s, e, limit: 14).dropFirst().dropLast().first(where: { b[$0.1 - 1] == 0x3A }) { e = label.0 }
        // A weekday after a lowercase word ends it too ("Isabella.DiBiase am
        // Samstag"; "Anna Sonntag" is a name).
        let toks = tokens(b, s, e, limit: 14)
        if let k = toks.indices.dropFirst(2).first(where: { isLowerASCII(b[toks[$0 - 1].0]) && DateNormalizer.weekdays.contains(word(b, toks[$0].0, toks[$0].1)) }) {
            e = toks[k].0
        }
        if e < whole {
            var toks = tokens(b, s, e, limit: 14)
            while toks.count > 1, let last = toks.last, isLowerASCII(b[last.0]) { e = last.0; toks.removeLast() }
        }
        (s, e) = trimmed(b, s, e)
        while e > s, b[e - 1] == 0x2C || b[e - 1] == 0x3A { e -= 1 }
        guard e > s else { return nil }
        if strict && !isName(b, s, e) { return nil }
        // A weekday alone is no name ("Di Dienstag 14.30 - 16.00 Uhr": opening hours, not Italian "di").
        if tokens(b, s, e, limit: 2).count == 1 && DateNormalizer.weekdays.contains(word(b, s, e)) { return nil }
        return (s, e)
    }

    /// "and" in other languages, between the names of a loose byline only (a
    /// capitalised "Von Stubenhockern und Glucken" is a heading's phrase).
    static let listWords: Set<String> = ["und", "et", "y", "e", "en", "og", "och"]

    /// The name a byline may hold though it is no capitalised name ("by jdoe",
    /// "Author: Bo2man"), nil for a phrase. A word without a letter, or a
    /// lowercase word (not a particle, not an "and") after a capitalised one,
    /// ends the name after two capitalised words ("Anna Schmidt mit dpa" ->
    /// "Anna Schmidt") and makes a phrase of the line before that: "Redação: 71
    /// 3203-1048" and "Posted by 6 years ago" are a phone number and a time; "Von
    /// Kopf bis Fuss", "Von Tunis nach Teheran", "By Course or Type" a
    /// heading's words ("Von Roland Brockmann und Sebastian Drescher" is two names).
    static func looseName(_ b: Bytes, _ s: Int, _ e: Int) -> (Int, Int)? {
        var capitalised = 0
        for t in tokens(b, s, e, limit: 13) {
            let (v, _) = scalar(b, t.0, t.1)
            let letters = (t.0..<t.1).contains(where: { isLetterASCII(b[$0]) || b[$0] >= 0xC3 })
            let lower = letters && v < 0x80 && isLowerASCII(UInt8(v)) && capitalised > 0
                && !particles.contains(word(b, t.0, t.1)) && !listWords.contains(word(b, t.0, t.1))
            if !letters || lower {
                guard capitalised >= 2 else { return nil }
                let (ts, te) = trimmed(b, s, t.0)
                return te > ts ? (ts, te) : nil
            }
            if v < 0x80 && isUpperASCII(UInt8(v)) { capitalised += 1 }
        }
        return (s, e)
    }

    /// A byline's name without what follows it: a date, or a word that starts
    /// with a digit, ends the name ("Alberto Ávila 27 de agosto 2019", "Jane Doe 3
    /// Kommentare"). Only the value is cut: whether the line is a byline
    /// (`bylineName`) is decided as before, so no line changes its label.
    static func nameBeforeDate(_ b: Bytes, _ s: Int, _ e0: Int) -> (Int, Int) {
        var e = e0
        if let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])), m.start > 0 { e = s + m.start }
        if let d = (s..<e).first(where: { b[$0] &- 0x30 < 10 && ($0 == s || b[$0 - 1] == 0x20) }), d > s { e = d }
        let (ts, te) = trimmed(b, s, e)
        return te > ts ? (ts, te) : (s, e0)
    }

    /// Case-sensitive search (connectors are lowercase; "In" in a name is not one).
    static func findRaw(_ b: Bytes, _ s: Int, _ e: Int, _ needle: StaticString) -> Int? {
        let n = needle.utf8CodeUnitCount
        let q = needle.utf8Start
        var i = s
        while i + n <= e {
            if b[i] == q[0] {
                var k = 1
                while k < n && b[i + k] == q[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    // MARK: - author bios

    static let bioVerbList: [StaticString] = [
        "is", "was", "writes", "covers", "reports", "has", "serves", "works", "teaches", "joined",
        "lives", "holds", "specializes", "specialises", "previously", "currently",
    ]
    static let particleList: [StaticString] = [
        "de", "da", "del", "della", "der", "den", "di", "du", "van", "von", "la", "le", "bin", "al",
        "el", "ibn", "st", "y", "dos", "das", "ter", "ten", "and", "e",
    ]

    /// The range equals one of `list` (lowercase ASCII), ignoring case.
    static func inList(_ b: Bytes, _ s: Int, _ e: Int, _ list: [StaticString]) -> Bool {
        for w in list where w.utf8CodeUnitCount == e - s {
            if hasPrefixCI(b, s, e, w) { return true }
        }
        return false
    }

    /// Words that make a name an organisation's ("Harvest Relief International",
    /// "Corvale Robotics Inc.", "The University").
    static let organisationWords: Set<String> = [
        "inc", "inc.", "ltd", "ltd.", "llc", "llp", "plc", "corp", "corp.", "corporation", "company", "co.",
        "international", "university", "universität", "université", "universidad", "college", "institute",
        "institut", "instituto", "foundation", "fondation", "stiftung", "association", "society", "council",
        "group", "network", "agency", "charity", "trust", "organisation", "organization", "committee",
        "ministry", "department", "fund", "news", "media", "center", "centre", "museum", "laboratory", "labs",
        "gmbh", "s.a.", "the", "project", "initiative", "alliance", "coalition", "federation", "partners",
        "holdings", "technologies", "robotics", "magazine", "journal", "gazette", "herald", "daily", "weekly",
    ]

    /// A name with an organisation's word in it (a surname such as "Church" or
    /// "Bank" is left out of the list on purpose).
    static func isOrganisationName(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        for t in tokens(b, s, e, limit: 8) {
            var te = t.1
            while te > t.0 && (b[te - 1] == 0x2C || b[te - 1] == 0x27) { te -= 1 }
            if organisationWords.contains(word(b, t.0, te)) { return true }
        }
        return false
    }

    static let bioVerbs: Set<String> = [
        "is", "was", "writes", "covers", "reports", "has", "serves", "works", "teaches", "joined",
        "lives", "holds", "specializes", "specialises", "previously", "currently",
    ]

    static let roles: [StaticString] = [
        "writer", "reporter", "journalist", "editor", "correspondent", "columnist", "contributor",
        "author", "freelance", "freelancer", "blogger", "analyst", "researcher", "consultant",
        "producer", "commentator", "novelist", "photographer", "photojournalist", "student",
        "professor", "fellow", "lecturer", "scholar", "economist", "historian", "strategist",
        "founder", "co-founder", "cofounder", "host", "anchor", "critic", "staff", "contributing",
        "intern", "writes", "covers", "reporting", "graduate", "teacher", "poet", "scientist",
        "lawyer", "attorney", "physician", "doctor", "engineer", "entrepreneur", "investor",
        "trader", "advisor", "adviser", "specialist", "podcaster", "filmmaker", "translator",
        "ceo", "expert", "editorial", "newsroom", "bureau", "chief", "reports", "specializes",
        "specialises", "degree", "master's", "master’s", "phd", "university",
    ]

    /// "Jane Doe is a writer ...": the name's range. With `needRole`, the
    /// first sentence must also name a writer's role, so that "Vladimir Putin
    /// is a former KGB officer" is not taken for a bio.
    static func bioName(_ b: Bytes, _ s0: Int, _ e: Int, needRole: Bool) -> (Int, Int)? {
        var s = s0
        // "*Jane Doe is ...*", "— Jane Doe is ...", "(Jane Doe is ...)"
        while s < e && s - s0 < 4, b[s] == 0x2A || b[s] == 0x5F || b[s] == 0x28 || b[s] == 0x20 || b[s] == 0xE2 {
            s += b[s] == 0xE2 ? min(3, e - s) : 1
        }
        guard e - s >= 12, isUpperASCII(b[s]) || b[s] >= 0x80 else { return nil }
        // Fast reject without allocating: in "Jane Doe is a ...", the first
        // lowercase word (after name particles) is the verb.
        var i = s, seen = 0
        let lim = min(e, s + 160)
        var verb = false
        while i < lim && seen < 9 && !verb {
            while i < lim && b[i] == 0x20 { i += 1 }
            let ts = i
            while i < lim && b[i] != 0x20 { i += 1 }
            if ts == i { break }
            seen += 1
            guard isLowerASCII(b[ts]) else { continue }
            if inList(b, ts, i, bioVerbList) { verb = true }
            else if !inList(b, ts, i, particleList) { return nil }
        }
        guard verb else { return nil }
        let toks = tokens(b, s, min(e, s + 400), limit: 40)
        var k = 0
        var nameEnd = s
        while k < toks.count && k < 6 {
            let t = toks[k]
            var te = t.1
            let comma = b[te - 1] == 0x2C
            if comma { te -= 1 }
            guard isNameWord(b, t.0, te) || (k > 0 && particles.contains(word(b, t.0, te))) else { break }
            nameEnd = te
            k += 1
            if comma { break }
        }
        guard k >= 1, k < toks.count else { return nil }
        // After a "Doe, PhD," style suffix, skip to the verb.
        var v = k
        while v < toks.count && v < k + 3 && !bioVerbs.contains(word(b, toks[v].0, toks[v].1)) { v += 1 }
        guard v < toks.count, bioVerbs.contains(word(b, toks[v].0, toks[v].1)) else { return nil }
        if v > k && b[toks[k - 1].1 - 1] != 0x2C { return nil }
        if needRole {
            var found = false
            var j = v + 1
            while j < toks.count && j < v + 30 {
                var (ts, te) = toks[j]
                while te > ts, !isLetterASCII(b[te - 1]) && b[te - 1] < 0x80 { te -= 1 }
                while ts < te, !isLetterASCII(b[ts]) && b[ts] < 0x80 { ts += 1 }
                if te > ts, inList(b, ts, te, roles) { found = true; break }
                if b[toks[j].1 - 1] == 0x2E, j > v + 3 { break }     // end of the first sentence
                j += 1
            }
            guard found else { return nil }
        }
        return (s, nameEnd)
    }

    // MARK: - datelines

    /// Words a dateline may hold besides the date: "Updated on", "Published:",
    /// weekdays (`DateNormalizer.weekdays`), times and time zones, in the
    /// languages DateNormalizer reads.
    static let dateWords: Set<String> = DateNormalizer.weekdays.union([
        // English
        "updated", "update", "published", "posted", "on", "last", "modified", "date", "dated",
        "created", "at", "first", "originally", "am", "pm", "a", "m", "p", "et", "est", "edt", "ct",
        "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "utc", "gmt", "bst", "cet", "cest",
        "ist", "jst", "aest", "aedt", "z", "t", "eastern", "pacific", "central", "mountain",
        "daylight", "standard", "time", "release", "released", "issued", "of", "hrs", "h",
        // French, Spanish, Portuguese, Italian, German, Dutch
        "publié", "publie", "le", "mis", "à", "jour", "modifié", "publicado", "publicada", "el", "actualizado",
        "actualizada",
        "de", "del", "las", "los", "hs", "em", "às", "as", "atualizado", "atualizada", "pubblicato",
        "aggiornato", "il", "alle", "ore", "veröffentlicht", "aktualisiert", "am", "um", "uhr",
        "stand", "gepubliceerd", "bijgewerkt", "op", "om",
        // Russian
        "опубликовано", "обновлено", "дата", "публикации", "г", "года", "год", "в", "от",
        // Arabic, Hindi
        "نشر", "نُشر", "في", "بتاريخ", "تاريخ", "النشر", "آخر", "تحديث", "تم", "الساعة", "ص", "م", "صباحا", "مساء", "صباحًا", "مساءً", "बजे",
        "प्रकाशित", "अपडेटेड", "अपडेट", "को", "तारीख", "दिनांक", "प्रकाशन", "तिथि",
        // Turkish ("Giriş: 14.05.2024 09:15 | Güncelleme: ..."), Polish, Dutch-less extras
        "giriş", "güncelleme", "güncellenme", "yayınlanma", "yayın", "tarihi", "son", "saat",
        "opublikowano", "aktualizacja", "data", "publikacji",
        // Swedish, Norwegian, Danish, Finnish ("Publicerad 3 mars 2024 kl. 10.12")
        "publicerad", "uppdaterad", "publisert", "oppdatert", "publiceret", "opdateret", "kl", "klo",
        "julkaistu", "päivitetty",
        // Indonesian / Malay ("Minggu, 3 Maret 2024 | 10:12 WIB")
        "wib", "wita", "wit", "pukul",
        "diperbarui", "dipublikasikan", "diterbitkan", "diunggah", "terbit",
        // Malay ("Rabu, 13 Mac 2024, 11:20 pagi", "Dikemaskini ...")
        "pagi", "petang", "tengah", "hari", "malam", "tengahari",
        "dikemaskini", "dikemas", "kini", "myt",
        // Ukrainian, Hebrew, English "First uploaded on"
        "опубліковано", "оновлено", "року", "р", "פורסם", "עודכן", "uploaded",
        // Weekdays cut short after a label ("Veröffentlicht am Fr, 24. Januar 2020"):
        // German, Dutch, French, Spanish, Italian
        "mo", "di", "mi", "do", "fr", "sa", "so", "ma", "wo", "vr", "za", "zo",
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "mié", "jue", "vie", "sáb", "dom", "gio", "sab",
    ]).union(germanDateLabels)

    /// Words that say a line gives a publication date ("Published", "פורסם"): with one,
    /// a two-digit year ("03.03.24") counts.
    static let publishWords: Set<String> = [
        "published", "posted", "publicado", "publicada", "publié", "publie", "pubblicato", "veröffentlicht",
        "gepubliceerd", "publicerad", "publisert", "publiceret", "julkaistu", "opublikowano", "опубликовано",
        "опубліковано", "diterbitkan", "dipublikasikan", "פורסם", "yayınlanma",
        "publicat", "δημοσιεύθηκε",
    ]

    /// Words that say a date is an update, not the publication ("Updated:", "עודכן").
    static let updateWords: Set<String> = [
        "updated", "update", "modified", "actualizado", "actualizada", "atualizado", "atualizada", "aggiornato",
        "aktualisiert", "bijgewerkt", "uppdaterad", "oppdatert", "opdateret", "päivitetty", "diperbarui",
        "обновлено", "оновлено", "עודכן", "güncelleme", "güncellenme", "aktualizacja", "stand",
        "actualitzat", "actualitzada", "dikemaskini", "ενημερώθηκε", "ενημέρωση",
    ]

    /// Chinese and Japanese words of a dateline ("发布时间：2023年4月12日").
    static let cjkDateWords: Set<String> = [
        "发布时间", "发布于", "发布日期", "更新时间", "更新于", "时间", "日期", "发布", "更新", "发表于", "发表时间",
        "發布時間", "更新時間", "日期：", "公開日", "更新日", "投稿日",
        // times: "17時20分", "10时05分"
        "時", "分", "时", "秒", "配信", "掲載",
        // weekdays "(月)", "星期一", "周一"; Korean "입력 2024.06.03 오후 5:20"
        "月", "火", "水", "木", "金", "土", "日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六",
        "星期日", "星期天", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "入力", "오전", "오후", "입력", "수정", "승인", "기사입력",
    ]

    /// A short line that is a date and nothing else ("Updated on March 3, 2016,
    /// 10:12 am"): the date as YYYY-MM-DD.
    static func dateLine(_ b: Bytes, _ s: Int, _ e: Int) -> DateNormalizer.Match? {
        guard e - s <= 120, e - s >= 6 else { return nil }
        guard let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])) ?? shortYearDate(b, s, e) else { return nil }
        let ms = s + m.start, me = s + m.end
        // "Publié le 12 avril 2023 - Mis à jour le 12 avril 2023": later dates count as date words too.
        var more: [(Int, Int)] = []
        var from = me
        while from < e, more.count < 3,
              let m2 = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[from..<e])) {
            more.append((from + m2.start, from + m2.end))
            from += m2.end
        }
        // "June 3, 1938 – January 9, 2024": a span of dates (a life, an event) is not a dateline.
        if let m2 = more.first {
            var p = me, dash = false
            while p < m2.0 {
                let (v, l) = scalar(b, p, e)
                if v == 0x2D || v == 0x2013 || v == 0x2014 { dash = true } else if v != 0x20 && v != 0xA0 && v != 0x2C { break }
                p += l
            }
            if p == m2.0 && dash { return nil }
        }
        var i = s
        // "Vic, 9 d’abril del 2024": a place name and a comma before the date
        // (Spanish, Catalan, Italian papers), one to three capitalised words.
        if ms - s >= 4, ms - s <= 32, b[ms - 1] == 0x20, b[ms - 2] == 0x2C, isUpperASCII(b[s]) || b[s] >= 0xC3 {
            var ok = true, words = 1
            for p in s..<(ms - 2) {
                let c = b[p]
                if c == 0x20 { words += 1; if p + 1 < ms - 2 && !(isUpperASCII(b[p + 1]) || b[p + 1] >= 0xC3) { ok = false; break } }
                else if !(isLetterASCII(c) || c >= 0x80 || c == 0x2D) { ok = false; break }
            }
            if ok && words <= 3 && !dateWords.contains(word(b, s, ms - 2)) { i = ms }
        }
        while i < e {
            if i == ms { i = me; continue }
            if let span = more.first(where: { $0.0 == i }) { i = span.1; continue }
            let (v, l) = scalar(b, i, e)
            if isCJK(v) && !(v >= 0xFF00 && v <= 0xFF65) {
                let st = i
                while i < e && i != ms && !more.contains(where: { $0.0 == i }), case let w = scalar(b, i, e).0, isCJK(w) && !(w >= 0xFF00 && w <= 0xFF65) {
                    i += scalar(b, i, e).1
                }
                if !cjkDateWords.contains(string(b, st, i)) { return nil }
                continue
            }
            if (v < 0x80 && isLetterASCII(UInt8(v))) || (v >= 0x80 && isLetterLike(v)) {
                let st = i
                while i < e && i != ms {
                    let (w, wl) = scalar(b, i, e)
                    guard (w < 0x80 && isLetterASCII(UInt8(w))) || (w >= 0x80 && isLetterLike(w) && !isCJK(w)) else { break }
                    i += wl
                }
                if !dateWords.contains(word(b, st, i)) { return nil }
                continue
            }
            i += l
        }
        var r = m
        r.start = ms; r.end = me
        if r.ambiguous && (!isEnglishLine(b, s, e) || dayFirstHint(b, s, e, ms, me)) { swap(&r.month, &r.day) }
        return r
    }

    /// An English line that still writes its numbers day first: "02-03-2024"
    /// with dashes (American pages use slashes), or a time zone of a day-first
    /// country ("21:45 IST", "10:12 WIB", "BST").
    static func dayFirstHint(_ b: Bytes, _ s: Int, _ e: Int, _ ms: Int, _ me: Int) -> Bool {
        var p = ms
        while p < me && isDigit(b[p]) { p += 1 }
        if p < me && b[p] == 0x2D { return true }
        var i = s
        while i < e {
            guard isLetterASCII(b[i]) else { i += 1; continue }
            let st = i
            while i < e && isLetterASCII(b[i]) { i += 1 }
            if inList(b, st, i, dayFirstZones) && isUpperASCII(b[st]) { return true }
        }
        return false
    }

    static let dayFirstZones: [StaticString] = [
        "ist", "bst", "gmt", "cet", "cest", "eet", "eest", "wat", "eat", "cat", "sast", "wib", "wita", "wit",
        "aest", "aedt", "acst", "awst", "nzst", "nzdt", "pkt", "msk",
    ]

    /// "פורסם: 03.03.24, 10:12": a two-digit year, on a line that opens with a
    /// publication word.
    static func shortYearDate(_ b: Bytes, _ s: Int, _ e: Int) -> DateNormalizer.Match? {
        guard e - s <= 60 else { return nil }
        // Cheap test first: "dd.mm.yy" needs six digits.
        var digits = 0
        for c in b[s..<e] where isDigit(c) { digits += 1 }
        guard digits >= 6 else { return nil }
        var p = s
        while p < e && (isLetterASCII(b[p]) || b[p] >= 0x80) { p += 1 }
        guard p > s, publishWords.contains(word(b, s, p)) else { return nil }
        return DateNormalizer.shortYear(in: UnsafeBufferPointer(rebasing: b[s..<e]), monthFirst: isEnglishLine(b, s, e))
    }

    /// The line's words say "published" ("First uploaded on", "Publicado").
    static func isPublishLine(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            guard isLetterASCII(b[i]) || b[i] >= 0x80 else { i += 1; continue }
            let st = i
            while i < e && (isLetterASCII(b[i]) || b[i] >= 0x80) { i += 1 }
            let w = word(b, st, i)
            if publishWords.contains(w) || w == "uploaded" { return true }
        }
        return false
    }

    /// The line's words say "updated" and not "published".
    static func isUpdateLine(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        var i = s, update = false
        while i < e {
            guard isLetterASCII(b[i]) || b[i] >= 0x80 else { i += 1; continue }
            let st = i
            while i < e && (isLetterASCII(b[i]) || b[i] >= 0x80) { i += 1 }
            let w = word(b, st, i)
            if publishWords.contains(w) || w == "uploaded" { return false }
            if updateWords.contains(w) { update = true }
        }
        return update
    }

    /// "Publicado: 04/05/2023" is the 4th of May: outside English, numbers run day first.
    static func isEnglishLine(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            guard isLetterASCII(b[i]) || b[i] >= 0x80 else { i += 1; continue }
            if b[i] >= 0x80, isLetterLike(scalar(b, i, e).0) { return false }
            let st = i
            while i < e && isLetterASCII(b[i]) { i += 1 }
            if i == st { i += 1; continue }
            if nonEnglishDateWords.contains(word(b, st, i)) { return false }
        }
        return true
    }

    static let nonEnglishDateWords: Set<String> = Set([
        "le", "mis", "jour", "publicado", "publicada", "el", "actualizado", "de", "del", "las", "em",
        "as", "atualizado", "pubblicato", "aggiornato", "il", "alle", "ore", "am", "um", "uhr",
        "stand", "gepubliceerd", "bijgewerkt", "op", "om", "aggiornamento", "ultimo",
    ]).union(germanDateLabels)

    /// German (and Dutch "datum") labels of a date line ("Datum 28.01.2022",
    /// "Erscheinungsdatum 21. Januar 2022", "Pressemitteilung vom ..."): date
    /// words, and words of a language other than English.
    static let germanDateLabels: Set<String> = [
        "datum", "erscheinungsdatum", "veröffentlichungsdatum", "publikationsdatum", "erstellt", "erschienen", "vom",
    ]

    /// A label's words, lowercased, without the colon and spaces after them ("By :" -> "by").
    static func labelWord(_ b: Bytes, _ s: Int, _ e: Int) -> String {
        var z = e
        while z > s && (b[z - 1] == 0x20 || b[z - 1] == 0x3A) { z -= 1 }
        return word(b, s, z)
    }

    static func string(_ b: Bytes, _ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }

    /// "By Jane Doe, Updated March 3, 2016": where the byline part ends and the
    /// date part starts, or nil when the line is not "text + dateline".
    static func dateSplit(_ b: Bytes, _ s: Int, _ e: Int) -> (preEnd: Int, dateStart: Int)? {
        dateSplit(b, s, e, loose: false).map { ($0.preEnd, $0.dateStart) }
    }

    /// `loose`: the date may be followed by other text; `dateEnd` is where the
    /// date (and a time touching it, "@09:14AM") ends.
    static func dateSplit(_ b: Bytes, _ s: Int, _ e: Int, loose: Bool) -> (preEnd: Int, dateStart: Int, dateEnd: Int)? {
        guard e - s <= 200, let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])) else { return nil }
        var de = e
        if loose {
            de = s + m.end
            // A time right after the date: " @09:14AM", ", 10:12 am".
            var p = de
            while p < e && (b[p] == 0x20 || b[p] == 0x2C || b[p] == 0x40) { p += 1 }
            if p < e && isDigit(b[p]) {
                while p < e && (isDigit(b[p]) || b[p] == 0x3A || isLetterASCII(b[p])) { p += 1 }
                de = p
            }
        }
        var ds = s + m.start
        // Take the date's own prefix words ("Updated on", "Published:") into the date part.
        while true {
            var p = ds
            while p > s && (b[p - 1] == 0x20 || b[p - 1] == 0x09) { p -= 1 }
            if p > s && b[p - 1] == 0x3A { p -= 1 }
            var w = p
            while w > s && (isLetterASCII(b[w - 1]) || b[w - 1] >= 0x80) { w -= 1 }
            guard w < p, dateWords.contains(word(b, w, p)) else { break }
            ds = w
        }
        if ds == s { return nil }      // the whole line is a dateline
        var pe = ds
        while pe > s {
            let c = b[pe - 1]
            if c == 0x20 || c == 0x2C || c == 0x7C || c == 0x2D || c == 0x3A || c == 0x09 { pe -= 1; continue }
            let p = previousScalarStart(b, pe, s)
            let v = scalar(b, p, pe).0
            if v == 0x2013 || v == 0x2014 || v == 0x2022 || v == 0xB7 || v == 0xA0 { pe = p; continue }
            break
        }
        guard pe > s, dateLine(b, ds, de) != nil else { return nil }
        return (pe, ds, de)
    }

    // MARK: - image credits

    /// "MaoNo / Pixabay", "John Smith/AP", "AP Photo/Evan Vucci": a short line of
    /// capitalised name parts around a slash, as credits under a lead image are.
    static func isSlashCredit(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        guard e - s <= 100, let slash = b[s..<e].firstIndex(of: 0x2F) else { return false }
        let (last, _) = lastScalar(b, s, e)
        if isTerminal(last) || last == 0x2C || last == 0x3A { return false }
        let toks = tokens(b, s, e, limit: 12)
        guard toks.count <= 10 else { return false }
        var upper = 0
        for t in toks {
            var i = t.0
            if b[i] == 0x2F { i += 1; if i == t.1 { continue } }
            if isUpperASCII(b[i]) || b[i] >= 0x80 { upper += 1; continue }
            // "via", "by", "and"; camel-case brands such as "iStock".
            if isLowerASCII(b[i]), t.1 - i <= 3 || b[i..<t.1].contains(where: isUpperASCII) { continue }
            return false
        }
        let (l0, l1) = trimmed(b, s, slash), (r0, r1) = trimmed(b, slash + 1, e)
        return upper >= 2 && l1 > l0 && r1 > r0
    }

    // MARK: - values

    /// A captured value without the punctuation that joins it to its label
    /// ("Previous article: X »" -> "X").
    static func trimValue(_ b: Bytes, _ s0: Int, _ e0: Int) -> (Int, Int) {
        var (s, e) = trimmed(b, s0, e0)
        func junk(_ v: UInt32) -> Bool {
            v == 0x3A || v == 0x2D || v == 0x7C || v == 0x2013 || v == 0x2014 || v == 0xAB || v == 0xBB
                || v == 0x2039 || v == 0x203A || v == 0x2190 || v == 0x2192 || v == 0x3C || v == 0x3E
                || v == 0x20 || v == 0x09 || v == 0xA0
        }
        while s < e { let (v, l) = scalar(b, s, e); if !junk(v) { break }; s += l }
        while e > s { let (v, p) = lastScalar(b, s, e); if !junk(v) { break }; e = p }
        return (s, e)
    }

    /// "a, b, c" (or ; | • · separated) -> ["a", "b", "c"].
    static func splitList(_ b: Bytes, _ s: Int, _ e: Int) -> [String] {
        var sep: UInt8 = 0x2C
        let wide = findCI(b, s, e, "\u{FF0C}") != nil || findCI(b, s, e, "\u{3001}") != nil || findCI(b, s, e, "\u{060C}") != nil
        if wide && b[s..<e].firstIndex(of: 0x2C) == nil { sep = 0 }
        else if b[s..<e].firstIndex(of: 0x2C) == nil {
            if b[s..<e].firstIndex(of: 0x3B) != nil { sep = 0x3B }
            else if b[s..<e].firstIndex(of: 0x7C) != nil { sep = 0x7C }
            else if findCI(b, s, e, "\u{2022}") != nil || findCI(b, s, e, "\u{00B7}") != nil { sep = 0 }
        }
        var out: [String] = []
        var i = s, st = s
        func emit(_ a: Int, _ z: Int) {
            let (x, y) = trimmed(b, a, z)
            if y > x { out.append(String(decoding: UnsafeBufferPointer(rebasing: b[x..<y]), as: UTF8.self)) }
        }
        while i < e {
            if sep != 0 && b[i] == sep { emit(st, i); i += 1; st = i; continue }
            if sep == 0, b[i] >= 0xC2 {
                let (v, l) = scalar(b, i, e)
                if v == 0x2022 || v == 0xB7 || v == 0xFF0C || v == 0x3001 || v == 0x060C { emit(st, i); i += l; st = i; continue }
            }
            i += 1
        }
        emit(st, e)
        return out
    }
}

// MARK: - glued dates

extension MetaLines {
    /// WordPress writes a post's published and updated dates as two `<time>`
    /// elements with nothing between them, and renderers that add no space
    /// glue them: "10. Februar 20199. Februar 2019", "19.11.202119.11.2021".
    /// The text with a space after such a year (nil when there is none): a
    /// date ending in a year (1900-2099) whose digits run on into a second
    /// date that starts right there.
    static func unglueDates(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { b -> String? in
            let n = b.count
            var cuts: [Int] = []
            var i = 0
            while i < n {
                guard isDigit(b[i]) else { i += 1; continue }
                var j = i
                while j < n && isDigit(b[j]) { j += 1 }
                // A run of 5 or 6 digits: a year, then a day.
                if j - i >= 5, j - i <= 6, b[i] == 0x31 && b[i + 1] == 0x39 || b[i] == 0x32 && b[i + 1] == 0x30,
                   i == 0 || b[i - 1] == 0x20 || b[i - 1] == 0x2E || b[i - 1] == 0x2F || b[i - 1] == 0x2D {
                    let y = i + 4
                    var ls = i
                    while ls > 0 && b[ls - 1] != 0x0A && i - ls < 40 { ls -= 1 }
                    if let first = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[ls..<y])), ls + first.end == y,
                       let second = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[y..<min(n, y + 40)])), second.start == 0 {
                        cuts.append(y)
                    }
                }
                i = j
            }
            guard !cuts.isEmpty else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(n + cuts.count)
            var from = 0
            for c in cuts {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<c]))
                out.append(0x20)
                from = c
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<n]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}

// MARK: - given names

extension MetaLines {
    /// Given names (GivenNames.swift, from the SSA's baby-name files), lowercased
    /// ASCII, sorted: the list's bytes and where each name starts. Built once by
    /// one scan of the literal and searched by halves; a Set of its 29,000 strings
    /// cost 110 M instructions at start-up, twice a one-page run.
    static let givenNames: (bytes: [UInt8], starts: [Int32]) = {
        let bytes = Array(GivenNameData.names.utf8)
        var starts: [Int32] = [0]
        for (i, c) in bytes.enumerated() where c == 0x0A { starts.append(Int32(i + 1)) }
        return (bytes, starts)
    }()

    /// Whether the sorted list holds `w` (lowercase ASCII), by binary search.
    static func listsGivenName(_ w: [UInt8]) -> Bool {
        let (bytes, starts) = givenNames
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let s = Int(starts[mid]), e = mid + 1 < starts.count ? Int(starts[mid + 1]) - 1 : bytes.count
            // Compare w with bytes[s..<e], byte by byte (the order the generator sorted in).
            var i = 0, order = 0
            while order == 0 {
                if i == w.count || s + i == e { order = (i == w.count ? 0 : 1) - (s + i == e ? 0 : 1); break }
                order = Int(w[i]) - Int(bytes[s + i])
                i += 1
            }
            if order == 0 { return true }
            if order < 0 { hi = mid } else { lo = mid + 1 }
        }
        return false
    }

    /// Latin letters with diacritics, by scalar, and their base letter ("ü" -> "u"):
    /// the list holds US spellings ("Jurgen", "Jose", "Nuno").
    static let latinBase: [UInt32: UInt8] = {
        var m: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ]
        for (letters, base) in groups {
            for ch in letters {
                for s in ch.unicodeScalars { m[s.value] = base.asciiValue! }
                for s in String(ch).uppercased().unicodeScalars where s.value >= 0x80 { m[s.value] = base.asciiValue! }
            }
        }
        return m
    }()

    /// The word `b[s..<e]` is a given name the list knows: letters only (a
    /// hyphen between two names: "Jean-Luc", "Hans-Peter" by its first part),
    /// lowercased, diacritics folded, not a function word ("Von", "Der", "Mehr"
    /// are names in the US lists too).
    static func isGivenName(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 3, e - s <= 40 else { return false }
        var out = [UInt8]()
        out.reserveCapacity(e - s)
        var p = s
        while p < e {
            let (v, len) = scalar(b, p, e)
            if v < 0x80 {
                let c = UInt8(v)
                if c == 0x2D && !out.isEmpty { break }
                guard isLetterASCII(c) else { return false }
                out.append(c | 0x20)
            } else if let base = latinBase[v] {
                out.append(base)
            } else {
                return false
            }
            p += len
        }
        guard out.count >= 3, listsGivenName(out) else { return false }
        return !ParserRules.functionWords.contains(String(decoding: out, as: UTF8.self))
    }
}
