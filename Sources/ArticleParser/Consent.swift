// Cookie and privacy consent notices on text pages: a banner's "We use cookies
// ... Accept", a consent panel's purposes under "Manage cookie consent", an
// embed's "Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung".
// Page dumps carry them as prose (long sentences full of function words), so
// density alone takes a panel for a story. One mechanism, by vocabulary: a
// unit that names what is consented to (a topic word: cookies, the privacy
// statement) and the consenting (an act word: accept, manage, zustimmen), and
// speaks to the reader or is short, is a notice; a
// short line of act words ("Zustimmung verwalten", "Alle akzeptieren") next
// to a notice is its buttons; what lies between a notice and its buttons
// close below is the panel's. The word lists are data (ParserRules.consentTopics,
// consentActs, consentReader in DefaultRules.swift).

extension Classifier {
    /// A notice's buttons lie at most this many units under it; the units between
    /// them are the panel's (its purposes).
    static let consentPanelGap = 10
    /// A notice without a word to the reader is one of at most this many words
    /// (a button or heading: "Cookie-Einstellungen", "Alle Cookies akzeptieren").
    static let consentShortWords = 8
    /// Buttons: a line of at most this many words, half of them act words.
    static let consentButtonWords = 10
    /// Buttons this many units above a notice are its own.
    static let consentButtonsAbove = 2

    /// Each unit's consent reason ("consent: ..."), nil for the rest.
    func findConsent() -> [String?] {
        let n = units.count
        var why = [String?](repeating: nil, count: n)
        // Only units that hold a topic word can be notices, and only units near a
        // notice can be its buttons: the word scan runs on those alone.
        let hits = topicHits()
        guard !hits.isEmpty else { return why }
        func holdsHit(_ s: Int, _ e: Int) -> Bool {
            var lo = 0, hi = hits.count
            while lo < hi { let m = (lo + hi) / 2; if hits[m] < s { lo = m + 1 } else { hi = m } }
            return lo < hits.count && hits[lo] < e
        }
        var notice = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let s = units[i].start, e = units[i].end
            guard e - s <= 2000, holdsHit(s, e) else { continue }
            let (topic, act, _, reader, words) = consentWords(s, e)
            if let t = topic, let a = act, reader || words <= Self.consentShortWords {
                why[i] = "consent: a cookie or privacy consent notice ('\(t)', '\(a)')"
                notice[i] = true
            }
        }
        guard notice.contains(true) else { return why }
        var members: [Int] = []
        for i in 0..<n {
            if notice[i] { members.append(i); continue }
            // Buttons: near a notice only (under it within the panel's gap, or just above it).
            guard (max(0, i - Self.consentPanelGap)..<min(n, i + Self.consentButtonsAbove + 1)).contains(where: { notice[$0] }) else { continue }
            let s = units[i].start, e = units[i].end
            guard e - s <= 200 else { continue }
            let (topic, _, acts, _, words) = consentWords(s, e)
            if topic == nil, acts > 0, words <= Self.consentButtonWords, acts * 2 >= words, !isTerminal(lastScalar(b, s, e).0) {
                members.append(i)
            }
        }
        // Panels: a consent panel's text (its purposes: "Die technische Speicherung
        // ...") lies between its notice and its buttons. Only there: between two
        // notices (an embed's, repeated down a story) lies the story.
        var lastNotice = -1
        for (m, i) in members.enumerated() {
            if notice[i] { lastNotice = i; continue }
            if lastNotice >= 0 && i - lastNotice <= Self.consentPanelGap {
                let line = units[lastNotice].line
                for k in (lastNotice + 1)..<i {
                    why[k] = "consent: inside the consent panel of the notice on line \(line)"
                }
                why[i] = "consent: the buttons of the consent notice on line \(line)"
            } else if let next = members[(m + 1)...].first(where: { notice[$0] }), next - i <= Self.consentButtonsAbove {
                // Buttons right above their notice ("Akzeptieren" over "Wir verwenden Cookies ...").
                why[i] = "consent: the buttons of the consent notice on line \(units[next].line)"
            }
        }
        return why
    }

    /// A cheap first look over the page's bytes: every topic word holds "ookie",
    /// "atenschutz" or "iasteczk" (ParserRules.consentTopics); the positions of
    /// their last letters, in order. Over the whole buffer: joined paragraphs'
    /// bytes lie after the page's.
    func topicHits() -> [Int] {
        let end = b.count
        func at(_ p: Int, _ needle: StaticString) -> Bool { p >= 0 && hasPrefixCI(b, p, end, needle) }
        var hits: [Int] = []
        var p = 0
        while p < end {
            let c = b[p] | 0x20
            if c == 0x6B {                                          // k
                if at(p - 2, "ookie") || at(p - 7, "iasteczk") { hits.append(p) }
            } else if c == 0x7A && at(p - 9, "atenschutz") {        // z
                hits.append(p)
            }
            p += 1
        }
        return hits
    }

    /// The first topic and act word of `b[s..<e]`, how many act words, whether a
    /// word speaks to the reader, and the word count.
    func consentWords(_ s: Int, _ e: Int) -> (String?, String?, Int, Bool, Int) {
        var topic: String? = nil, act: String? = nil
        var acts = 0, words = 0, reader = false
        var p = s
        func letter(_ c: UInt8) -> Bool { isLetterASCII(c) || c >= 0x80 }
        while p < e {
            guard letter(b[p]) else { p += 1; continue }
            var q = p + 1
            while q < e && letter(b[q]) { q += 1 }
            words += 1
            if let t = ParserRules.consentTerm(b, p, q) {
                switch t.kind {
                case .topic: if topic == nil { topic = string(p, q) }
                case .act:
                    acts += 1
                    if act == nil { act = string(p, q) }
                case .reader: reader = true
                }
            }
            p = q
        }
        return (topic, act, acts, reader, words)
    }
}

extension ParserRules {
    enum ConsentKind { case topic, act, reader }
    struct ConsentEntry {
        let bytes: [UInt8]
        /// A stem: matches the start of a word ("akzeptier" in "Akzeptieren").
        let stem: Bool
        /// Matches only as written (German "Sie", "Ihre" speak to the reader; "sie" does not).
        let caseSensitive: Bool
        let kind: ConsentKind
    }

    /// Entries by their first byte (lowercased).
    static let consentIndex: [[ConsentEntry]] = {
        var index = [[ConsentEntry]](repeating: [], count: 256)
        func add(_ list: String, _ kind: ConsentKind, caseSensitive: Bool = false) {
            for raw in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let stem = raw.hasSuffix("*")
                let w = stem ? String(raw.dropLast()) : String(raw)
                let bytes = Array(caseSensitive ? w.utf8 : w.lowercased().utf8)
                index[Int(lowerASCII(bytes[0]))].append(ConsentEntry(bytes: bytes, stem: stem, caseSensitive: caseSensitive, kind: kind))
            }
        }
        add(consentTopics, .topic)
        add(consentActs, .act)
        add(consentReader, .reader)
        add(consentReaderCased, .reader, caseSensitive: true)
        return index
    }()

    /// The consent entry the word `b[s..<e]` is, if any.
    static func consentTerm(_ b: Bytes, _ s: Int, _ e: Int) -> ConsentEntry? {
        let bucket = consentIndex[Int(lowerASCII(b[s]))]
        guard !bucket.isEmpty else { return nil }
        let n = e - s
        for t in bucket where t.stem ? n >= t.bytes.count : n == t.bytes.count {
            var ok = true
            for k in 0..<t.bytes.count where (t.caseSensitive ? b[s + k] : lowerASCII(b[s + k])) != t.bytes[k] { ok = false; break }
            if ok { return t }
        }
        return nil
    }
}
