// Does a dump's title say what its story is about? A headline's words come
// back in the story's first paragraphs; a menu's, a rubric's or a widget's
// line ("Folge uns", "Was möchtest du suchen?", "Impressum") shares none.
// Read at the end of a page's read (settleTitle, TextReader.swift).

extension Classifier {
    /// A word of four letters or more, as two hashes of its lowercased
    /// scalars: the first five (all four of a four-letter word) and the first four.
    struct Stem {
        let five: UInt64
        let four: UInt64
        let short: Bool
    }

    /// A word says another when their first five letters match, or their
    /// first four when either has only four ("year" / "years";
    /// "Batteriespeicher" / "Batteriespeichern").
    static func says(_ x: Stem, _ y: Stem) -> Bool {
        x.five == y.five || (x.short || y.short) && x.four == y.four
    }

    /// How many words a story needs before its title is judged by them.
    static let storyWordsNeeded = 20
    /// How many of the story's first paragraphs the title is compared with.
    static let storyParagraphs = 8

    /// A dump's title that shares no word (function words aside) with the
    /// story's first paragraphs is no headline. On trafilatura's no-bullets
    /// tuning pages it judged 61 titles: 57 were wrong, 4 right (stories that
    /// never name their headline's words). Not for CJK titles (no spaces between
    /// words), not for a Markdown page's "# " headings (marked as headlines),
    /// not over stories too short to say much.
    func unrelatedTitle(_ t: Int) -> Bool {
        guard region != nil, farTitle < 0, out[t].label == .title, mdHeadings[units[t].line] == nil,
              !wideShare(units[t].start, units[t].end) else { return false }
        let own = stems(t)
        guard !own.isEmpty else { return false }
        let (said, words) = storySays(own, after: t)
        return !said && words >= Self.storyWordsNeeded
    }

    /// Under a title that shares no word with the story, before its first
    /// paragraph: the first headline-shaped line (four to thirty words, or one
    /// to three right over the paragraph; no bare name, no credit, no byline
    /// or date) that does share one ("Meet and Play 2018" / ... / "Johannes"
    /// / the story).
    func relatedHeadline(under t: Int) -> Int? {
        guard let p = ((t + 1)..<out.count).first(where: { out[$0].label == .paragraph }) else { return nil }
        for k in (t + 1)..<p {
            switch out[k].label {
            case .byline, .date, .comment: continue
            default: break
            }
            // (One to three words only right over the paragraph: higher up they are rubrics.)
            if headlineShape(k, words: k == p - 1 ? 1...30 : 4...30), !isBareName(units[k].start, units[k].end), !creditLike(k),
               !isMetaUnit(k), storySays(stems(k), after: t).said { return k }
        }
        return nil
    }

    /// A headline over its standfirst (or over a line of the story's head), both
    /// headline-shaped: the search takes the lower line, the nearer one to the
    /// story with the byline or date under it, and the headline is the upper
    /// one. It is the upper when that line is headline-shaped (four to thirty
    /// words, no credit, no name, no byline or date, no rule's phrase), does not
    /// end with the lower line (a breadcrumb or a kicker run into the headline:
    /// "Home › Gesellschaft › <headline>") and says at least as large a share
    /// of its words in the story's first paragraphs as the lower line does
    /// (Stem, `says`). A rubric, a site's tagline or a menu over the headline
    /// says less ("Kolumne", "Gedanken und Kommentare zum Zeitgeschehen").
    /// Not for Markdown, which marks its headlines.
    func headlineOverTitle(_ t: Int) -> Int? {
        let u = t - 1
        guard region != nil, !isMarkdown, u >= 0, out[t].label == .title,
              isHeadlineShaped(u), !creditLike(u), !isMetaUnit(u), !isBareName(units[u].start, units[u].end),
              !wideShare(units[u].start, units[u].end) else { return nil }
        let us = units[u].start, ue = units[u].end, ts = units[t].start, te = units[t].end
        if ue - us > te - ts && equalCI(b, ue - (te - ts), ue, ts, te) { return nil }
        let upper = stems(u), lower = stems(t)
        guard !upper.isEmpty else { return nil }
        let story = storyStems(after: t)
        guard story.count >= Self.storyWordsNeeded else { return nil }
        func said(_ w: [Stem]) -> Int { w.filter { x in story.contains(where: { Self.says(x, $0) }) }.count }
        let su = said(upper)
        // su / |upper| >= sl / |lower|, in integers.
        guard su > 0, su * max(1, lower.count) >= said(lower) * upper.count else { return nil }
        return u
    }

    /// The story's first storyParagraphs paragraphs after `t`, the text a
    /// title is judged by.
    func storyUnits(after t: Int) -> some Sequence<Int> {
        ((t + 1)..<out.count).lazy.filter { out[$0].label == .paragraph }.prefix(Self.storyParagraphs)
    }

    /// A person's name whose last word the headline or the story's first
    /// paragraphs say (from the first body unit on, prose units only on a
    /// dump): the story's subject ("Marius Lindvik" over "Lindvik gewann ...",
    /// "Harold James Briggs" under "Harold Briggs Obituary"), not its writer,
    /// who seldom names themself. Read while the header is labelled, before the body is.
    func storyNamesPerson(_ s: Int, _ e: Int, besides m: Int) -> Bool {
        guard let last = MetaLines.tokens(b, s, e, limit: 6).last else { return false }
        let own = stems(last.0, last.1)
        guard !own.isEmpty else { return false }
        func says(_ k: Int) -> Bool { stems(k).contains { w in own.contains { Self.says($0, w) } } }
        if title >= 0 && says(title) { return true }
        var seen = 0
        for k in firstBody..<units.count where k != m && (region == nil || density[k] == .prose) {
            if says(k) { return true }
            seen += 1
            if seen == Self.storyParagraphs { break }
        }
        return false
    }

    /// The words of the story's first paragraphs after `t`.
    func storyStems(after t: Int) -> [Stem] {
        storyUnits(after: t).flatMap { stems($0) }
    }

    /// Whether the story's first paragraphs after `t` say one of `own`'s
    /// words (the scan stops at the first), and how many words they had up to there.
    func storySays(_ own: [Stem], after t: Int) -> (said: Bool, words: Int) {
        var words = 0
        for k in storyUnits(after: t) {
            for w in stems(k) {
                if own.contains(where: { Self.says($0, w) }) { return (true, words) }
                words += 1
            }
        }
        return (false, words)
    }

    /// A unit's words of four letters or more (letters and digits, at least
    /// one letter; not a function word), lowercased, as stems. Read on the
    /// bytes (`scalar`, Bytes.swift): ASCII directly, other scalars by their
    /// Unicode properties.
    func stems(_ k: Int) -> [Stem] { stems(units[k].start, units[k].end) }

    /// The words of `b[s..<e]` as stems (see `stems(_:)`).
    func stems(_ s: Int, _ e: Int) -> [Stem] {
        var words: [Stem] = []
        var p = s
        var n = 0, letter = false, h4: UInt64 = 0, h5: UInt64 = 0
        var packed: UInt64 = 0, asciiBytes = 0, ascii = true
        func close() {
            if n >= 4 && letter && !(ascii && asciiBytes <= 8 && Self.functionKeys.contains(packed)) {
                words.append(Stem(five: h5, four: h4, short: n == 4))
            }
            n = 0; letter = false; h4 = 0; h5 = 0; packed = 0; asciiBytes = 0; ascii = true
        }
        while p < e {
            var (scalar, len) = ArticleParser.scalar(b, p, e)
            var isLetter = false, isDigit = false
            if scalar < 0x80 {
                isLetter = isLetterASCII(UInt8(scalar))
                isDigit = ArticleParser.isDigit(UInt8(scalar))
                if isLetter { scalar |= 0x20 }
            } else if let u = Unicode.Scalar(scalar) {
                isLetter = u.properties.isAlphabetic
                isDigit = !isLetter && u.properties.numericType != nil
                if isLetter && u.properties.isUppercase, let l = u.properties.lowercaseMapping.unicodeScalars.first { scalar = l.value }
            }
            if isLetter || isDigit {
                n += 1
                if isLetter { letter = true }
                if n <= 5 { h5 = (h5 ^ UInt64(scalar)) &* 0x100000001B3 &+ 1 }
                if n == 4 { h4 = h5 }
                if scalar < 0x80 { packed = packed << 8 | UInt64(scalar); asciiBytes += 1 } else { ascii = false }
            } else {
                close()
            }
            p += len
        }
        close()
        return words
    }
}
