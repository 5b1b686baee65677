// The reader's second pass: where the title, header, body, tail and comments
// of the page are, and what each unit is within them (see TextReader.swift).

import ArticleModel

extension Classifier {
    // MARK: - title and header

    func isTitleCandidate(_ i: Int) -> Bool {
        let f = info[i]
        if f.date != nil || f.runKind != nil || f.contextKind != nil { return false }
        if let h = f.hit, case .boilerplate = rules.rules[h.rule].label { return false }
        return !isBreadcrumb(i)
    }

    /// "Home » World » Asia" above the headline.
    func isBreadcrumb(_ i: Int) -> Bool {
        let s = units[i].start, e = units[i].end
        guard e - s <= 150 else { return false }
        var seps = 0
        for sep: StaticString in [" » ", " › ", " > ", " / "] {
            var p = s
            while let at = findCI(b, p, e, sep) { seps += 1; p = at + 3 }
        }
        return seps >= 2 && MetaLines.tokens(b, s, e, limit: 30).count <= 3 * (seps + 1) + seps
    }

    mutating func labelFurniture(_ i: Int, aboveRepeat: Bool = false) {
        if info[i].plain && isBreadcrumb(i) {
            decide(i, .boilerplate("breadcrumb"), "breadcrumb: 'A » B » C' above the title")
        } else if info[i].plain || !labelNonPlain(i, zone: .header) {
            decide(i, .boilerplate("other"), aboveRepeat ? "other: site furniture above the repeated headline"
                   : "other: text above the title")
        }
    }

    func isRepeatedTitle(_ i: Int) -> Bool {
        equalCI(b, units[title].start, units[title].end, units[i].start, units[i].end)
    }

    /// The headline again, as the document title carries it ("Headline | Site" too).
    func isTitleRepeat(_ i: Int) -> Bool {
        if isRepeatedTitle(i) { return true }
        let ts = units[title].start, te = units[title].end, s = units[i].start, e = units[i].end
        let len = e - s
        guard len >= 12, te - ts > len + 2 else { return false }
        let seps: [StaticString] = [" | ", " - ", " – ", " — ", " :: ", " · "]
        if equalCI(b, ts, ts + len, s, e) {
            for sep in seps where hasPrefixCI(b, ts + len, te, sep) { return true }
        }
        // "Site Name | Headline".
        if equalCI(b, te - len, te, s, e) {
            for sep in seps where hasSuffixCI(b, ts, te - len, sep) { return true }
        }
        return false
    }

    /// Where the headline is repeated under the site's header, with paragraphs after it.
    func titleRepeat() -> Int? {
        let n = units.count
        let lim = min(n, title + 60)
        var i = title + 1
        while i < lim {
            if !out[i].decided && isTitleRepeat(i) {
                guard articleFollows(i) else { return nil }
                // Never furniture: a run of prose paragraphs above the repeat is an
                // article, and the repeat starts its second copy or another story.
                return proseRun(title + 1, i) ? nil : i
            }
            i += 1
        }
        return nil
    }

    /// Only when the article follows a repeated headline: a paragraph after it
    /// (on a dump, inside the main prose region: a footer's blurb under a
    /// one-paragraph story and the headline's repeat in a list is none).
    func articleFollows(_ i: Int) -> Bool {
        var j = i + 1
        while j < units.count && !(info[j].plain && paraLike(j)) { j += 1 }
        return j < units.count && (region.map { j < $0.upperBound } ?? true)
    }

    /// Two or more sentence-shaped paragraphs (160 bytes or more in all) in
    /// title+1..<end: real text, which no structural rule may take for furniture.
    func proseRun(_ from: Int, _ end: Int) -> Bool {
        var count = 0, bytes = 0
        for k in from..<max(from, end) where info[k].plain && paraLike(k) && units[k].end - units[k].start >= 60
            && captionCredit(units[k].start, units[k].end) == nil {
            count += 1
            bytes += units[k].end - units[k].start
        }
        return count >= 2 && bytes >= 160
    }

    /// Letters and digits of a unit, without punctuation, quotes or dashes, up to
    /// `limit` bytes: "Kelby’s" and "Kelby's" read the same.
    func letterKey(_ i: Int, limit: Int = 80) -> [UInt8] {
        var key: [UInt8] = []
        var p = units[i].start
        let e = units[i].end
        while p < e && key.count < limit {
            let c = b[p]
            if c < 0x80 {
                if isLetterASCII(c) || isDigit(c) { key.append(c | 0x20) }
                p += 1
            } else if c == 0xE2 && p + 2 < e && b[p + 1] == 0x80 {
                p += 3          // U+2000-U+203F: quotes, dashes, spaces
            } else if c == 0xC2 && p + 1 < e && (b[p + 1] == 0xAB || b[p + 1] == 0xBB || b[p + 1] == 0xA0) {
                p += 2          // « » and no-break space
            } else {
                key.append(c); p += 1
            }
        }
        return key
    }

    /// The whole article again after itself (a scrape that saved the page and its
    /// print copy): the headline comes back after a run of prose, and the first
    /// paragraph after it reads like the first paragraph after the title. Returns
    /// the repeat's index.
    func duplicatedArticle() -> Int? {
        let n = units.count
        guard title + 3 < n else { return nil }
        var firstPara = -1
        for k in (title + 1)..<n where info[k].plain && paraLike(k) && units[k].end - units[k].start >= 60 { firstPara = k; break }
        guard firstPara > 0 else { return nil }
        let key = letterKey(firstPara)
        guard key.count >= 30 else { return nil }
        // The prose run above each unit, counted as we go (the page stays linear).
        var count = 0, bytes = 0, tries = 0
        var i = title + 1
        while i < n {
            if i > firstPara && !out[i].decided && count >= 2 && bytes >= 160 && isTitleRepeat(i) {
                var j = i + 1
                while j < n && j <= i + 16 && !(info[j].plain && paraLike(j) && units[j].end - units[j].start >= 60) { j += 1 }
                if j < n && j <= i + 16 && letterKey(j) == key { return i }
                tries += 1
                if tries >= 8 { return nil }
            }
            if info[i].plain && paraLike(i) && units[i].end - units[i].start >= 60 {
                count += 1
                bytes += units[i].end - units[i].start
            }
            i += 1
        }
        return nil
    }

    /// Labels the second copy of a duplicated article: as many units as the first
    /// copy has, from its repeated headline on.
    mutating func labelDuplicate(_ r: Int) {
        let len = r - title
        for k in r..<min(units.count, r + len) where !out[k].decided || k == r {
            decide(k, .boilerplate("duplicate"), k == r ? "duplicate: the headline again after the article: a second copy of it"
                   : "duplicate: line of the article's second copy")
        }
    }

    /// The headline once more below its repeat, with a byline or date right under
    /// it ("Article text for anyone who hits the paywall:" / headline / "By X"): a
    /// discussion post quoting the article, or a page that restarts the story. The
    /// article starts at this last repeat; the few short lines before it are the
    /// post's furniture. Nil when a long paragraph stands between.
    func restartedTitle() -> Int? {
        let n = units.count
        var i = headStart + 1
        while i < n && i <= headStart + 8 {
            if units[i].end - units[i].start > 200 || units[i].lineCount > 1 { return nil }
            if !out[i].decided && isRepeatedTitle(i) && i + 1 < n {
                // (Never over a run of prose: that is the article, and this its second copy.)
                if proseRun(headStart + 1, i) || !articleFollows(i) { return nil }
                if info[i + 1].date != nil { return i }
                if let l = hitLabel(i + 1), l == .byline || l == .date { return i }
                return nil
            }
            i += 1
        }
        return nil
    }

    /// The first unit that reads like body text: a plain unit shaped like a paragraph.
    mutating func findFirstBody() {
        let n = units.count
        var i = headStart + 1
        while i < n {
            if info[i].plain && paraLike(i) && !isRepeatedTitle(i) && captionCredit(units[i].start, units[i].end) == nil { break }
            if let l = hitLabel(i), l == .paragraph { break }
            i += 1
        }
        if i == n {
            // A page of short lines only: the first plain one starts the body.
            i = headStart + 1
            while i < n && !(info[i].plain && !isRepeatedTitle(i) && !MetaLines.isSlashCredit(b, units[i].start, units[i].end)) { i += 1 }
        }
        firstBody = i
        headerEnd = i
        // A dek: a short first paragraph right under the headline, with the byline,
        // date or credit under it.
        guard i < n, i <= headStart + 2, units[i].end - units[i].start <= 400 else { return }
        var j = i + 1
        var meta = false
        while j < n && j < i + 16 && !(info[j].plain && paraLike(j) && captionCredit(units[j].start, units[j].end) == nil) {
            // (A comments link after the byline or date lines does not end the head.)
            if isMarker(j) && !(meta && isCommentsHeader(j)) || isEndMarker(j) { return }
            if info[j].date != nil { meta = true }
            if let l = hitLabel(j), l == .byline || l == .imageCredit || l == .date { meta = true }
            j += 1
        }
        if meta && j < n && j < i + 16 { headerEnd = j }
    }

    /// A short line just above the first paragraph, in a block of its own: the
    /// body's first heading ("Key takeaways"), not header furniture.
    func isLeadHeading(_ i: Int) -> Bool {
        let next = i + 1 == firstBody ? firstBody : (i + 1 == headerEnd ? headerEnd : -1)
        return next >= 0 && next < units.count && info[i].headingLike && units[i].opensBlock && units[i].closesBlock && units[next].opensBlock
    }

    /// Between the title and the first paragraph: the repeated headline, the
    /// image credit, the byline and the date.
    mutating func labelHeader() {
        var i = title + 1
        while i < headerEnd {
            defer { i += 1 }
            if out[i].decided || i == firstBody { continue }
            let s = units[i].start, e = units[i].end
            if info[i].plain && isRepeatedTitle(i) {
                decide(i, .ignored, "ignored: repeated headline")
            } else if !info[i].plain {
                if !labelNonPlain(i, zone: .header) { info[i].hit = nil }
            } else if i <= title + 4, MetaLines.isSlashCredit(b, s, e) {
                decide(i, .imageCredit, "image_credit: 'Name / Agency' under the headline", value: text(i))
            } else if let v = captionCredit(s, e) {
                decide(i, .imageCredit, "image_credit: caption ending in a '(Photo ...)' credit", value: v)
            } else if let v = agencyCredit(s, e) {
                decide(i, .imageCredit, "image_credit: caption ending in '— Agency' (above the first paragraph)", value: v)
            }
        }
        // The story's head for the name rules below: a little under the lead paragraph.
        let underLead = min(units.count - 1, max(headerEnd, firstBody + 3))
        // "von" / "auto-motor.at Redaktion", "By :" / "Joe S.": a byline rule's
        // words alone on a line, the name on the next (up to just under the lead paragraph);
        // also after a word or two ("Tipps von" / "Marie Jaster", "Disko Von" / "Ernst Lohoff").
        if byline == nil, underLead > title + 1 {
            for m in (title + 1)..<underLead where !out[m].decided && !out[m + 1].decided {
                // (Both may be items of the header's meta list: "* Von" / "* Claus Boelen-Theile".)
                let e = units[m].end, s = bulletTextStart(units[m].start, e) ?? units[m].start
                let ne1 = units[m + 1].end, ns1 = bulletTextStart(units[m + 1].start, ne1) ?? units[m + 1].start
                guard e - s <= 24, isBylineLabelLine(s, e),
                      info[m + 1].plain, let (ns, ne) = MetaLines.bylineName(b, ns1, ne1), ne - ns <= 60,
                      isPlainName(ns, ne) else { continue }
                decide(m, .boilerplate("meta"), "meta: a byline's label alone on its line")
                decide(m + 1, .byline, "byline: the name under the label '\(text(m))'", value: string(ns, ne))
                byline = out[m + 1].value
                break
            }
        }
        // "Leena Simon" / "Veröffentlicht am 3. Mai 2019", "Heiko Sauer" / "Do 9 Apr
        // 2020": a bare name alone on its line right over or under the story's date
        // line is its writer: on a dump up to just under the lead paragraph, on a
        // page written for the reader only above the first paragraph (under one it
        // needs more: `Holdout4RuleTests.testBareNameAboveDateBackedByCopyrightFooter`).
        // (For both rules below: on a dump under the lead paragraph, else above it.)
        let headHi = region == nil ? min(units.count - 1, firstBody) : underLead
        // ... or in the date line's block, a role, a handle or a comma between them
        // ("Andrew Woodcock" / "Political Editor" / "@andywoodcock" / the date).
        func inDateBlock(_ m: Int) -> Bool {
            if out[m + 1].label == .date || m - 1 > title && out[m - 1].label == .date { return true }
            for d in max(title + 1, m - Self.nameUnderDate)...min(units.count - 1, m + Self.nameOverDate) where out[d].label == .date && d != m {
                let lo = min(d, m), hi = max(d, m)
                if ((lo + 1)...hi).allSatisfy({ !units[$0].opensBlock })
                    && ((lo + 1)..<hi).allSatisfy({ info[$0].plain && info[$0].headingLike && MetaLines.tokens(b, units[$0].start, units[$0].end, limit: 4).count <= 3 }) {
                    return true
                }
            }
            return false
        }
        if byline == nil, headHi > title + 1 {
            for m in (title + 1)..<headHi where !out[m].decided && info[m].plain && m != firstBody && inDateBlock(m) {
                // (An item of the header's meta list too: "* 25. Juli 2019" / "* Isabella Beyer".)
                let e = units[m].end, s = bulletTextStart(units[m].start, e) ?? units[m].start
                guard isHeadName(s, e), !saidTwice(m) else { continue }
                decide(m, .byline, "byline: a name alone over or under the date line", value: string(s, e))
                byline = out[m].value
                break
            }
        }
        // "Tanja Karrasch - 3.11.2023", "Julia Steinhoff / Oktober 25 2023": a bare
        // name before the date on one line, in the story's head. (Split here, after
        // the prose region is found: split before, teaser cards' "Name - DATE" lines
        // moved a region.)
        if byline == nil, headHi > title + 1 {
            for m in (title + 1)..<headHi where m != firstBody && units[m].lineCount == 1 {
                // (Also a line the date rules took whole, "Christian Kahle , 03.11.2023
                // 15:32 Uhr", when the name's first word is a given name.)
                let dated = out[m].label == .date && out[m].dateAt < 0 && !out[m].skip
                guard dated || !out[m].decided && info[m].plain else { continue }
                let s = units[m].start, e = units[m].end
                // ("Julia Steinhoff / Oktober 25 2023": the slash too.)
                guard e - s <= 80, let sp = MetaLines.dateSplit(b, s, e), sp.preEnd > s, let d = MetaLines.dateLine(b, sp.dateStart, e),
                      case let (ns, ne) = trimmed(b, s, b[sp.preEnd - 1] == 0x2F ? sp.preEnd - 1 : sp.preEnd), ne > ns,
                      isHeadName(ns, ne) else { continue }
                // Set apart from the date: without a separator the words are as often
                // a rubric ("Aktuelle Meldung 21.01.2022"), unless the first is a
                // given name ("Tanja Karrasch 3.11.2023").
                let given = opensWithGivenName(ns, ne) && !storyNamesPerson(ns, ne, besides: m)
                guard given || !dated && b[ne..<sp.dateStart].contains(where: { $0 != 0x20 }) else { continue }
                decide(m, .byline, "byline: a name before the date on its line", value: string(ns, ne))
                out[m].dateAt = sp.dateStart
                out[m].dateValue = d.iso
                byline = out[m].value
                break
            }
        }
        // "Gunter Frank", "Nuño Domínguez": a bare name alone in the story's head,
        // away from the date, is its writer when its first word is a given name
        // (GivenNames.swift; without one it is as often a rubric or a tag: "Neue
        // Seminare", "Open Future") and the story does not say its last word (a
        // name the story says is its subject: "Marius Lindvik", "Amanda Knox").
        if byline == nil, headHi > title + 1 {
            // (Not one of a block of names or name-shaped items, a menu's or a list's:
            // "Opinión" / "Juan Cristobal Soruco" / "Oscar Díaz Arnau", "ATP Halle" /
            // "Mercedes Cup Stuttgart"; a role or a date beside it is fine.)
            func listed(_ m: Int) -> Bool {
                (m - 1 > title && units[m].blankBefore == 0 && isBareName(units[m - 1].start, units[m - 1].end))
                    || (m + 1 < units.count && units[m + 1].blankBefore == 0 && isBareName(units[m + 1].start, units[m + 1].end))
            }
            for m in (title + 1)..<headHi where !out[m].decided && info[m].plain && m != firstBody && units[m].lineCount == 1 && !listed(m) {
                let e = units[m].end, s = bulletTextStart(units[m].start, e) ?? units[m].start
                guard isHeadName(s, e), opensWithGivenName(s, e), !storyNamesPerson(s, e, besides: m), !saidTwice(m) else { continue }
                decide(m, .byline, "byline: a name alone in the story's head, its first word a given name", value: string(s, e))
                byline = out[m].value
                break
            }
        }
        // "By Jane Doe\nBBC News, Washington": other short lines in the block of
        // a byline or date are more of the same (desk, role, place).
        i = title + 1
        while i < headerEnd {
            var j = i + 1
            while j < headerEnd && !units[j].opensBlock { j += 1 }
            if (i..<j).contains(where: { out[$0].label == .byline || out[$0].label == .date }) {
                for m in i..<j where isPlainOpen(m) && info[m].headingLike && m != firstBody {
                    decide(m, .boilerplate("meta"), "meta: line in the block of the byline or date")
                }
            }
            i = j
        }
        // Other short lines of the header (rubrics, kickers, "Download PDF",
        // a station's name) are furniture, except the body's first heading.
        for m in (title + 1)..<max(title + 1, headerEnd) where isPlainOpen(m) && m != firstBody && !isLeadHeading(m) {
            decide(m, .boilerplate("other"), "other: short line in the header, above the first paragraph")
        }
    }

    /// A byline rule's label words alone on a line ("von", "Geschrieben von:"),
    /// or one or two words and then such a label ("Tipps von").
    func isBylineLabelLine(_ s: Int, _ e: Int) -> Bool {
        if rules.bylineLabels.contains(MetaLines.labelWord(b, s, e)) { return true }
        let toks = MetaLines.tokens(b, s, e, limit: 4)
        guard toks.count >= 2 && toks.count <= 3, let last = toks.last else { return false }
        return rules.bylineLabels.contains(MetaLines.labelWord(b, last.0, last.1))
    }

    /// How far a bare name may stand over (under) the date line in its block.
    static let nameOverDate = 3
    static let nameUnderDate = 2

    /// Unit `m` reads as the unit over it (under the title) or the one under
    /// it: a rubric said twice ("Open Future" / "Open Future"), no name.
    func saidTwice(_ m: Int) -> Bool {
        let s = units[m].start, e = units[m].end
        return (m - 1 > title && equalCI(b, units[m - 1].start, units[m - 1].end, s, e))
            || (m + 1 < units.count && equalCI(b, units[m + 1].start, units[m + 1].end, s, e))
    }

    /// The range's first word is a given name the list knows (MetaLines.isGivenName).
    func opensWithGivenName(_ s: Int, _ e: Int) -> Bool {
        guard let t = MetaLines.tokens(b, s, e, limit: 1).first else { return false }
        return MetaLines.isGivenName(b, t.0, t.1)
    }

    /// A bare name as it stands alone in the story's head, by the date: plain,
    /// no acronym in a word ("Neue DJV-Online-Seminare").
    func isHeadName(_ s: Int, _ e: Int) -> Bool { isBareName(s, e) && isPlainName(s, e) && !hasAcronym(s, e) }

    /// Two capitals in a row in a line that is not all capitals ("DJV-Online"): no name's word.
    func hasAcronym(_ s: Int, _ e: Int) -> Bool {
        var pairs = false, lower = false
        for p in s..<e {
            if isLowerASCII(b[p]) { lower = true }
            if p + 1 < e && isUpperASCII(b[p]) && isUpperASCII(b[p + 1]) { pairs = true }
        }
        return pairs && lower
    }

    /// A name as it stands alone: no word twice, no "..." after it ("Suche Erweiterte Suche..." is a menu).
    func isPlainName(_ s: Int, _ e: Int) -> Bool {
        guard e - s >= 2, !(b[e - 1] == 0x2E && b[e - 2] == 0x2E), lastScalar(b, s, e).0 != 0x2026 else { return false }
        let ws = MetaLines.tokens(b, s, e, limit: 8).map { MetaLines.word(b, $0.0, $0.1) }
        return Set(ws).count == ws.count
    }

    /// "Caption text. (Photo by Jane Doe/Getty Images)": the credit inside.
    func captionCredit(_ s: Int, _ e: Int) -> String? {
        guard e - s <= 400 else { return nil }
        if b[e - 1] != 0x29 {
            // "Barges at the port — Photo: Jane Doe/Agency": a labelled credit after the last dash or bar.
            var cut = -1
            let from = max(s, e - 110)
            for sep: StaticString in [" — ", " – ", " - ", " | "] {
                var p = from
                while let at = findCI(b, p, e, sep) { cut = max(cut, at + sep.utf8CodeUnitCount); p = at + 1 }
            }
            if cut > s, e - cut <= 100, let h = rules.match(b, cut, e), case .imageCredit = rules.rules[h.rule].label,
               rules.rules[h.rule].captureStar != nil {
                let (vs, ve) = MetaLines.trimValue(b, h.capStart, h.capEnd)
                return ve > vs ? string(vs, ve) : nil
            }
            // "Lee Elder at the Masters. | © Augusta National/Getty Images": an unlabelled
            // 'Name / Agency' credit (as under a lead image) after the caption's sentence.
            if cut > s, e - cut <= 60, isTerminal(lastScalar(b, s, beforeSeparator(s, cut)).0), let v = slashCreditAt(cut, e) { return v }
            // Malay/Indonesian "Caption sentence. - Foto Faizal Rahman": no colon, a name after "Foto".
            if cut > s, e - cut <= 60, hasPrefixCI(b, cut, e, "foto "), isTerminal(lastScalar(b, s, beforeSeparator(s, cut)).0),
               let (ns, ne) = MetaLines.bylineName(b, cut + 5, e), ne == e {
                return string(ns, ne)
            }
            // "Caption sentence. Credit: Jane Doe / Agency": a labelled credit after the caption's last sentence.
            var p = from
            while let at = findCI(b, p, e, ". ") {
                p = at + 2
                // "Caption sentence. © Agency / Jane Doe": a copyright credit after the
                // caption's last sentence (no sentence in it: no period).
                if e - p <= 60, p - s >= 20, hasPrefixCI(b, p, e, "© "), !b[(p + 3)..<e].contains(0x2E) {
                    let (vs, ve) = MetaLines.trimValue(b, p + 3, e)
                    if ve > vs { return string(vs, ve) }
                }
                // Cheap test first: a label ("Credit:", "Photo:") within a few words.
                guard e - p <= 100, p - s >= 12, b[p..<min(e, p + 24)].contains(where: { $0 == 0x3A || $0 == 0x3D })
                        || hasPrefixCI(b, p, e, "photo by ") || hasPrefixCI(b, p, e, "photos by ") || hasPrefixCI(b, p, e, "image by ")
                        || hasPrefixCI(b, p, e, "picture by ") || hasPrefixCI(b, p, e, "photograph by "), let h = rules.match(b, p, e), case .imageCredit = rules.rules[h.rule].label,
                      rules.rules[h.rule].captureStar != nil else {
                    // "Protesters outside the party's offices. Ezra Acayan / Getty Images": an
                    // unlabelled 'Name / Agency' credit after the caption's last sentence.
                    if e - p <= 60, p - s >= 20, let v = slashCreditAt(p, e) { return v }
                    continue
                }
                let (vs, ve) = MetaLines.trimValue(b, h.capStart, h.capEnd)
                return ve > vs ? string(vs, ve) : nil
            }
            // "A hunter ate a rabbit Credit: Getty - Contributor": a capitalised label
            // glued to a caption without a sentence end (a tabloid's captions).
            // The line's first colon (a list of labels, with colons before, is no caption).
            if let c = b[s..<e].firstIndex(of: 0x3A), c >= from, c + 1 < e, b[c + 1] == 0x20 {
                var w = c
                while w > s && b[w - 1] != 0x20 { w -= 1 }
                // html2text glues a caption's credit span to it ("... ate a rabbitCredit: Getty").
                for label: StaticString in ["credit", "picture", "photo"] where c - w > label.utf8CodeUnitCount {
                    let l = c - label.utf8CodeUnitCount
                    if b[l - 1] >= 0x61 && b[l - 1] <= 0x7A && hasPrefixCI(b, l, c, label) && b[l] >= 0x41 && b[l] <= 0x5A { w = l }
                }
                if w - s >= 20, b[w] >= 0x41 && b[w] <= 0x5A,
                   hasPrefixCI(b, w, c, "credit") && c - w == 6 || hasPrefixCI(b, w, c, "picture") && c - w == 7
                    || hasPrefixCI(b, w, c, "photo") && c - w == 5 {
                    let (vs, ve) = MetaLines.trimValue(b, c + 2, e)
                    if ve > vs && ve - vs <= 60 { return string(vs, ve) }
                }
            }
            return nil
        }
        guard let open = b[s..<e].lastIndex(of: 0x28) else { return nil }
        guard let h = rules.match(b, open, e), case .imageCredit = rules.rules[h.rule].label,
              rules.rules[h.rule].captureStar != nil else {
            // "Caption sentence. (Huaxin/Li Wenbo)": an unlabelled 'Agency/Photographer' in
            // brackets after a caption's sentence (wire and state-media captions).
            let (is0, ie) = trimmed(b, open + 1, e - 1)
            guard open - s >= 30, ie - is0 >= 5, ie - is0 <= 60,
                  MetaLines.isSlashCredit(b, is0, ie) || isOutletColonName(is0, ie) else { return nil }
            var q = open
            while q > s && (b[q - 1] == 0x20 || b[q - 1] == 0x09) { q -= 1 }
            guard q > s, isTerminal(lastScalar(b, s, q).0) else { return nil }
            // Only names around the slash ("AP/Jane Doe"), not "1/2" or "and/or".
            guard !b[is0..<ie].contains(where: isDigit) else { return nil }
            return string(is0, ie)
        }
        let (vs, ve) = MetaLines.trimValue(b, h.capStart, h.capEnd)
        return ve > vs ? string(vs, ve) : nil
    }

    /// "Ezra Acayan / Getty Images", "© Augusta National/Getty Images" from `p` to the
    /// unit's end: a slash credit (MetaLines.isSlashCredit) with no digit, period or
    /// colon (a label's credit is the labelled rules' own).
    func slashCreditAt(_ p: Int, _ e: Int) -> String? {
        let c = hasPrefixCI(b, p, e, "© ") ? p + 3 : p
        guard c < e, b[c..<e].firstIndex(of: 0x2F) != nil, !b[c..<e].contains(where: { isDigit($0) || $0 == 0x2E || $0 == 0x3A }),
              MetaLines.isSlashCredit(b, c, e) else { return nil }
        return string(c, e)
    }

    /// "Southern Cross News: Ellie Tran": capitalised words, one colon, capitalised
    /// words (a broadcaster's caption credit), no digits.
    func isOutletColonName(_ s: Int, _ e: Int) -> Bool {
        guard let c = b[s..<e].firstIndex(of: 0x3A), c > s, c + 2 < e, b[c + 1] == 0x20,
              !b[s..<e].contains(where: isDigit), b[(c + 1)..<e].firstIndex(of: 0x3A) == nil else { return false }
        func capitalised(_ x: Int, _ y: Int) -> Bool {
            var words = 0, p = x
            while p < y {
                while p < y && b[p] == 0x20 { p += 1 }
                guard p < y else { break }
                if !(isUpperASCII(b[p]) || b[p] >= 0xC3) { return false }
                words += 1
                while p < y && b[p] != 0x20 { p += 1 }
            }
            return words >= 1 && words <= 4
        }
        return capitalised(s, c) && capitalised(c + 2, e)
    }

    /// The end of the text before a " - " / " — " / " | " separator ending at `cut`.
    func beforeSeparator(_ s: Int, _ cut: Int) -> Int {
        var q = cut
        while q > s {
            let (v, at) = lastScalar(b, s, q)
            guard v == 0x20 || v == 0x2D || v == 0x7C || v == 0x2013 || v == 0x2014 else { break }
            q = at
        }
        return q
    }

    /// News agencies that South Asian dailies put after a caption's dash.
    static let captionAgencies: Set<String> = [
        "afp", "ap", "reuters", "app", "online", "inp", "ppi", "nni", "white star", "file", "file photo", "pti", "ani",
        "ians", "xinhua", "anadolu", "epa", "dpa", "efe", "ansa", "bss", "unb",
    ]

    /// "Farmers harvest wheat near Multan. — Online": a caption sentence, then
    /// a dash and an agency's name (only in the head, where no paragraph ends so).
    func agencyCredit(_ s: Int, _ e: Int) -> String? {
        guard e - s <= 250 else { return nil }
        var cut = -1, dash = -1
        for sep: StaticString in [" — ", " – ", " - "] {
            if let at = findCI(b, max(s, e - 24), e, sep) { cut = at + sep.utf8CodeUnitCount; dash = at }
        }
        guard cut > s, dash - s >= 20, isTerminal(lastScalar(b, s, dash).0),
              Self.captionAgencies.contains(MetaLines.word(b, cut, e)) else { return nil }
        return string(cut, e)
    }

    // MARK: - where the body ends

    /// Body text that is not a comment: plain paragraph-shaped units.
    func isBodyText(_ i: Int) -> Bool { info[i].plain && paraLike(i) && !out[i].decided }

    /// The story's margin: the first body unit's indentation, or the one the
    /// next three paragraphs share when it is deeper (a dek at the page's
    /// margin over a story the page's layout indents, as inscriptis renders it).
    func storyIndent() -> Int {
        let base = units[firstBody].indent
        var seen = 0, indent = -1, i = firstBody + 1
        while i < units.count && seen < 3 {
            if isBodyText(i) && units[i].opensBlock {
                if indent >= 0 && units[i].indent != indent { return base }
                indent = units[i].indent
                seen += 1
            }
            i += 1
        }
        return seen == 3 && indent > base ? indent : base
    }

    func isCommentStart(_ i: Int, base: Int) -> Bool {
        info[i].plain && !out[i].decided && (info[i].number != nil || units[i].indent > base)
    }

    mutating func findBodyEnd() {
        let n = units.count
        bodyEnd = n
        guard firstBody < n else { return }
        bodyIndent = storyIndent()
        // There indentation is layout, not a comment's depth (as on a dump, findProseRegion).
        if storySetIn(base: bodyIndent) {
            for k in 0..<n { units[k].indent = 0 }
            bodyIndent = 0
        }
        let base = bodyIndent
        // Paragraphs after each unit, up to the next comment boundary: a marker
        // followed by two or more of them sits inside the body.
        // (An author bio is not body text here: "About the author" and its bio end the body.)
        var paraAfter = [Int](repeating: 0, count: n + 1)
        var i = n - 1
        while i >= 0 {
            if isCommentsHeader(i) || isCommentStart(i, base: base) { paraAfter[i] = 0 }
            else {
                // (Only the last few matter: the tests below look for fewer than 2.)
                let body = isBodyText(i) && (paraAfter[i + 1] >= 3 || !isRoleBio(i))
                paraAfter[i] = paraAfter[i + 1] + (body ? 1 : 0)
            }
            i -= 1
        }
        i = firstBody + 1
        while i < n {
            if isEndMarker(i) || isAboutSection(i) || isSecondStory(i) { bodyEnd = i; break }
            if let end = footnotes(i), paraAfter[end] < 2 {
                for k in i..<end where !out[k].decided {
                    decide(k, .boilerplate("notes"), k == i && !noteNumberAt(i, 1) ? "notes: heading of the numbered notes after the story"
                           : "notes: numbered note '[n] ...' after the story (its markers stand in the body)")
                }
                bodyEnd = i
                break
            }
            if isMarker(i), isCommentsHeader(i) || paraAfter[i + 1] < 2 {
                // "Join the conversation" among the byline and date lines, with the story
                // still to come: a link to the comments, not their start.
                if isCommentsHeader(i) && isHeadCommentsLink(i) && paraAfter[i + 1] >= 3 { i += 1; continue }
                bodyEnd = i; break
            }
            if info[i].plain, !out[i].decided, confirmedTailBio(i, base: base) || paraAfter[i + 1] == 0 && isRoleBio(i) {
                decide(i, .authorBio, "author_bio: 'X is a writer ...' after the body",
                       value: bioValue(i, needRole: true))
                if paraAfter[i + 1] < 2 { bodyEnd = i; break }
            }
            i += 1
        }
        // Comments with no marker before them: an indented run at the end of
        // the page, or one numbered from 1 that is closed by a comment form or
        // numbered "1)" the way blogs number comments.
        if let c = trailingComments(base: base), c < bodyEnd { bodyEnd = c }
        // The body ends with its last paragraph: a sentence-shaped unit in a block
        // of its own. The short lines after it (link lists, counters, credits,
        // footers) are the page's tail.
        // A line inside a block counts when every line of its block is a sentence
        // (paragraphs on single lines) or it is a list item; a sentence among label
        // lines ("Written by X / 2.3K Followers / Staff engineer at ...") does not.
        var last = -1
        i = min(bodyEnd, n) - 1
        while i > firstBody && last < 0 {
            var bs = i
            while bs > firstBody && !units[bs].opensBlock { bs -= 1 }
            let multi = bs < i || !units[i].closesBlock
            var allProse = true
            if multi {
                var k = bs
                while k < n && (k == bs || !units[k].opensBlock) { if !isBodyText(k) { allProse = false; break }; k += 1 }
            }
            var k = i
            while k >= bs {
                if isBodyText(k) && (!multi || allProse || units[k].lineCount > 1
                                     || UnitSplitter.startsListItem(b, units[k].start, units[k].end)) { last = k; break }
                k -= 1
            }
            i = bs - 1
        }
        if last >= 0, last + 1 < bodyEnd { bodyEnd = last + 1 }
    }

    /// A comments header in the story's head: a byline or date line within the
    /// three units above it (or above the share bar's short lines right over
    /// it) and at most two paragraphs (a dek) before it.
    func isHeadCommentsLink(_ i: Int) -> Bool {
        // (A share bar's short lines between the header and the label count for
        // nothing: "Published: ..." / "845 shares" / "560" / "View" / "comments";
        // nor do the bullet points of a summary over the byline.)
        guard (firstBody..<i).filter({ !toolbarLine($0) }).count <= 8 else { return false }
        var paras = 0
        for k in firstBody..<i where isBodyText(k) && hitLabel(k) == nil
            && !UnitSplitter.startsListItem(b, units[k].start, units[k].end) { paras += 1 }
        guard paras <= 2 else { return false }
        var top = i - 1
        while top >= firstBody && !isBylineOrDate(top) && toolbarLine(top) { top -= 1 }
        return (max(firstBody, min(top, i - 3))..<i).contains(where: isBylineOrDate)
    }

    /// The unit opens with the note number "[n]".
    func noteNumberAt(_ i: Int, _ n: Int) -> Bool {
        let s = units[i].start, e = units[i].end
        guard e - s >= 4, b[s] == 0x5B else { return false }
        var p = s + 1, v = 0
        while p < e && isDigit(b[p]) && p - s <= 3 { v = v * 10 + Int(b[p] - 0x30); p += 1 }
        return p > s + 1 && p < e && b[p] == 0x5D && v == n
    }

    static let notesHeadings: [StaticString] = [
        "notes", "footnotes", "endnotes", "references", "sources", "notas", "referencias", "anmerkungen", "fußnoten",
        "quellen", "remarques", "références", "note", "fonti", "noter", "fotnoter", "källor", "catatan", "referensi",
        "примечания", "источники", "примітки", "джерела", "przypisy", "poznámky", "notları", "kaynaklar", "eindnoten",
    ]

    /// Footnotes after the story: an optional "Notes" line, then "[1] ...", "[2] ..."
    /// lines, when the body cites "[1]" in its text. The end of the run, or nil.
    /// (Numbered notes with no marker in the body could be a list of the story's own.)
    func footnotes(_ i: Int) -> Int? {
        let n = units.count
        guard i > firstBody, info[i].plain || noteNumberAt(i, 1) else { return nil }
        var k = i
        if !noteNumberAt(i, 1) {
            let s = units[i].start, e = units[i].end
            var te = e
            while te > s && (b[te - 1] == 0x3A || b[te - 1] == 0x20) { te -= 1 }
            guard info[i].headingLike, MetaLines.inList(b, s, te, Self.notesHeadings), i + 1 < n, noteNumberAt(i + 1, 1) else { return nil }
            k = i + 1
        }
        // The body cites note 1.
        var cited = false
        for j in firstBody..<i where findCI(b, units[j].start + 1, units[j].end, "[1]") != nil { cited = true; break }
        guard cited else { return nil }
        var num = 1
        while k < n && noteNumberAt(k, num) { k += 1; num += 1 }
        return k
    }

    /// "About Corvale Robotics Inc." over a paragraph that starts "Corvale ...":
    /// a press release's boilerplate about the company, after the release.
    func isAboutSection(_ i: Int) -> Bool {
        guard i > firstBody + 1, info[i].plain, !out[i].decided, units[i].opensBlock, units[i].closesBlock,
              units[i].end - units[i].start <= 100, i + 1 < units.count, info[i + 1].plain else { return false }
        let s = units[i].start, e = units[i].end
        var p = -1
        for pre: StaticString in ["about ", "à propos de ", "a propos de ", "über ", "acerca de ", "sobre ", "informazioni su ", "over "]
            where hasPrefixCI(b, s, e, pre) {
            p = s + pre.utf8CodeUnitCount
        }
        guard p > s, isUpperASCII(b[s]) || b[s] >= 0x80 else { return false }
        // A release's "About" section follows the release: two paragraphs at least
        // above it (an "About Python" box over a tutorial's first lines is no end).
        guard (firstBody..<i).lazy.filter({ self.isBodyText($0) && self.endsSentence($0) }).prefix(2).count == 2 else { return false }
        let toks = MetaLines.tokens(b, p, e, limit: 9)
        guard !toks.isEmpty, toks.count <= 8 else { return false }
        for (k, t) in toks.enumerated() {
            var te = t.1
            while te > t.0 && (b[te - 1] == 0x2C || b[te - 1] == 0x3A) { te -= 1 }
            guard MetaLines.isNameWord(b, t.0, te) || (k > 0 && (MetaLines.particles.contains(MetaLines.word(b, t.0, te)) || b[t.0] == 0x26)) else { return false }
        }
        // The paragraph under it names the company early ("Corvale Robotics designs ...",
        // "Founded in 1998, Corvale ...").
        let first = toks[0]
        var fe = first.1
        while fe > first.0, !isLetterASCII(b[fe - 1]) && b[fe - 1] < 0x80 { fe -= 1 }
        guard fe - first.0 >= 2 else { return false }
        let ns = units[i + 1].start, ne = min(units[i + 1].end, units[i + 1].start + 200)
        var p2 = ns
        while p2 + (fe - first.0) <= ne {
            if equalCI(b, first.0, fe, p2, p2 + (fe - first.0)) { return true }
            p2 += 1
            while p2 < ne && b[p2 - 1] != 0x20 { p2 += 1 }      // word starts only
        }
        return false
    }

    /// A second story's header on a dump has at most this many units of the
    /// main prose region under it.
    static let secondStoryTail = 6
    /// ... and its own header (headline, byline, date, share bar) at most this many units above the region.
    static let ownHeaderGap = 8
    /// A post footer's byline stands within this many units under the story's last paragraph.
    static let footerGap = 6

    /// A headline with a byline under it, after the article's paragraphs: the
    /// next story on the page (a print page's other story, a "next story" teaser).
    func isSecondStory(_ i: Int) -> Bool {
        guard i > max(firstBody + 2, headerEnd), i + 1 < units.count, info[i].plain, !out[i].decided, info[i].headingLike,
              units[i].opensBlock, let h = info[i + 1].hit, case .byline = rules.rules[h.rule].label,
              rules.rules[h.rule].captureStar != nil, MetaLines.bylineName(b, h.capStart, h.capEnd) != nil else { return false }
        // On a dump, a headline and byline well inside the main prose region are
        // a teaser card set into the story or a correspondent's section of it:
        // the story goes on under them.
        if let r = region, r.contains(i), r.upperBound - i > Self.secondStoryTail { return false }
        // A headline and byline right above the main prose region head the story itself
        // (the title was taken from the furniture above): a second story follows the prose.
        if abovePlainRegion(i) { return false }
        // The byline directly under the headline, or as the next block.
        return units[i].closesBlock ? units[i + 1].opensBlock && units[i + 1].blankBefore <= 2 : true
    }

    /// The main prose region starts within `ownHeaderGap` units under i: i is in the story's own header.
    func abovePlainRegion(_ i: Int) -> Bool {
        guard let r = region else { return false }
        return r.lowerBound > i && r.lowerBound - i <= Self.ownHeaderGap
    }

    /// A few units into a dump's region, under its lead ("Por Luciana Bertoia"
    /// under the dek and a quote, the story's date under it; "Von Jule Radeck"
    /// under a lead whose page put a promo line, taken as the first paragraph,
    /// above the region): the story's own byline.
    func atRegionTop(_ i: Int) -> Bool {
        // (A line of its own: "By Aaron Humes: The Americas cannot ignore ..." opens the story.)
        guard let r = region, info[i].headingLike else { return false }
        return i > r.lowerBound && i - r.lowerBound <= Self.regionBylineSpan
    }
    static let regionBylineSpan = 4

    /// Under the story's last paragraph on a dump (in the prose region or just
    /// under it): where a blog's post footer puts its byline ("Posted by T. V.
    /// Raman at 2:33 PM", "Eingestellt von X um 10:52"). No prose after it in
    /// the region; a byline under the next story's paragraphs is that story's.
    func underStory(_ i: Int) -> Bool {
        guard let r = region, i > r.lowerBound else { return false }
        var k = i - 1
        while k >= r.lowerBound && density[k] != .prose { k -= 1 }
        return k >= r.lowerBound && k < r.upperBound && i - k <= Self.footerGap
            && !((i + 1)..<max(i + 1, r.upperBound)).contains { density[$0] == .prose }
    }

    /// "###", "ENDS", "-30-": the end of a press release or wire story.
    func isEndMarker(_ i: Int) -> Bool {
        if let h = info[i].hit, case .boilerplate("end") = rules.rules[h.rule].label { return true }
        return false
    }

    /// "Jane Doe is a senior fellow ...": a full name (two words or more, not a
    /// sentence's "It is" or "The council is"), a verb and a writer's role.
    func isRoleBio(_ i: Int) -> Bool {
        guard paraLike(i), let (ns, ne) = MetaLines.bioName(b, units[i].start, units[i].end, needRole: true) else { return false }
        let toks = MetaLines.tokens(b, ns, ne, limit: 3)
        guard toks.count >= 2, !MetaLines.isOrganisationName(b, ns, ne) else { return false }
        return !MetaLines.inList(b, toks[0].0, toks[0].1, Self.sentenceStarts)
    }

    static let sentenceStarts: [StaticString] = [
        "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "our", "his", "her",
        "their", "a", "an", "in", "on", "at", "for", "one", "each", "every", "some", "many", "most", "no",
    ]

    /// A bio after the body names a person: the byline's author, or a full
    /// personal name with a writer's role. "ClaimCheck is a signatory ...",
    /// "The University is a registered charity ..." describe an organisation.
    func personalBioValue(_ i: Int) -> String? {
        guard let (ns, ne) = MetaLines.bioName(b, units[i].start, units[i].end, needRole: false) else { return nil }
        let v = string(ns, ne)
        if let by = byline, v.lowercased() == by.lowercased() { return v }
        guard !MetaLines.isOrganisationName(b, ns, ne), isRoleBio(i) else { return nil }
        return v
    }

    func bioValue(_ i: Int, needRole: Bool) -> String? {
        MetaLines.bioName(b, units[i].start, units[i].end, needRole: needRole).map { string($0.0, $0.1) }
    }

    /// A bio ("Jane Doe is a writer ...") followed only by tail material.
    func confirmedTailBio(_ i: Int, base: Int) -> Bool {
        guard paraLike(i) else { return false }
        // What follows first (cheap), then the bio's shape.
        var j = i + 1
        while j < units.count {
            if isMarker(j) || isCommentStart(j, base: base) { break }
            if info[j].plain { return false }
            j += 1
        }
        return MetaLines.bioName(b, units[i].start, units[i].end, needRole: true) != nil
    }

    func trailingComments(base: Int) -> Int? {
        var j = units.count - 1
        var closed = false
        var expect: Int? = nil
        var indented: Int? = nil
        var allParen = true
        var loose = 0
        while j > firstBody {
            defer { j -= 1 }
            if !info[j].plain {
                if closesComments(j) { closed = true }
                continue
            }
            if out[j].decided { break }
            if units[j].indent > base { indented = j; continue }
            if indented != nil { break }
            if let k = info[j].number {
                // "1. Go to bed early" above its paragraph is a listicle heading.
                if info[j].headingLike, j + 1 < units.count, info[j + 1].plain, info[j + 1].number == nil { break }
                // Numbered from the end down: n, n-1, ..., 1.
                guard expect == nil || k == expect! else { break }
                allParen = allParen && info[j].parenNumber
                if k == 1 { return closed || allParen ? j : nil }
                expect = k - 1
                continue
            }
            if info[j].headingLike { break }
            // Unclosed, the last paragraphs are the body's unless a "1)" comment
            // they continue turns up within three.
            if expect == nil && !closed {
                loose += 1
                if loose > 3 { break }
            }
        }
        return indented
    }

    /// How many times the body text at the story's margin the text set in
    /// deeper outweighs when the layout sets the story in.
    static let setInShare = 3

    /// A story the page's layout sets in under a short head ("Join my mailing
    /// list" at the margin, the post indented under it, as inscriptis renders
    /// layout): more than `setInShare` times the body text at the margin lies
    /// deeper.
    func storySetIn(base: Int) -> Bool {
        var margin = 0, deeper = 0
        for k in firstBody..<units.count where isBodyText(k) {
            if units[k].indent > base { deeper += units[k].end - units[k].start } else { margin += units[k].end - units[k].start }
        }
        return deeper > Self.setInShare * margin
    }

    // MARK: - rules

    enum Zone { case header, body, tail }

    mutating func labelHits() {
        for i in stride(from: title + 1, to: units.count, by: 1) where !out[i].decided && !info[i].plain {
            let zone: Zone = i < headerEnd && i != firstBody ? .header : (i < bodyEnd ? .body : .tail)
            if !labelNonPlain(i, zone: zone) { info[i].hit = nil }
        }
    }

    /// Labels a unit that a rule, a dateline or a run matched. False when the
    /// match does not hold here (a byline-shaped heading inside the body).
    mutating func labelNonPlain(_ i: Int, zone: Zone) -> Bool {
        if let d = info[i].date {
            decide(i, .date, "date: dateline", value: d)
            return true
        }
        if let k = info[i].runKind {
            decide(i, .boilerplate(k), "rules:\(k) run of \(k) phrases")
            return true
        }
        // A name beside a date in the story's head is its byline ("30. Oktober 2023 - Carola Pönisch").
        if units[i].bareName, zone != .tail, byline == nil, i <= max(firstBody + 2, headerEnd) {
            decide(i, .byline, "byline: a name set apart beside the date on its line", value: text(i))
            byline = out[i].value
            return true
        }
        if let k = info[i].contextKind {
            decide(i, .boilerplate(k), info[i].contextWhy)
            return true
        }
        guard let h = info[i].hit else { return false }
        let r = rules.rules[h.rule]
        let hasCapture = r.captureStar != nil
        let cap = MetaLines.trimValue(b, h.capStart, h.capEnd)
        let capText: String? = hasCapture && cap.1 > cap.0 ? string(cap.0, cap.1) : nil
        switch r.label {
        case .byline:
            if info[i].bulletByline && zone != .header { return false }
            if zone == .body && i > max(firstBody + 1, headerEnd) && !(units[i].datedName && i <= firstBody + 4) && !abovePlainRegion(i)
                && !(byline == nil && (underStory(i) || atRegionTop(i))) {
                return false
            }
            if let (s, e) = MetaLines.bylineName(b, h.capStart, h.capEnd) {
                let (vs, ve) = MetaLines.nameBeforeDate(b, s, e)
                decide(i, .byline, r.explanation, value: string(vs, ve))
            } else if zone == .header, let (s, e) = MetaLines.bylineName(b, h.capStart, h.capEnd, strict: false),
                      case let (ns, ne) = MetaLines.nameBeforeDate(b, s, e), let (vs, ve) = MetaLines.looseName(b, ns, ne),
                      // (Not a gendered noun's ending after the label's colon: "Autor:innen".)
                      !(s > units[i].start && b[s - 1] == 0x3A && isLowerASCII(b[s])) {
                decide(i, .byline, r.explanation + " (name not capitalised)", value: string(vs, ve))
            } else {
                return false
            }
            if byline == nil { byline = out[i].value }
        case .navPrevious, .navNext:
            if let v = capText {
                decide(i, r.label, r.explanation, value: v)
            } else if i + 1 < units.count, info[i + 1].plain, !out[i + 1].decided, info[i + 1].headingLike {
                decide(i, r.label, r.explanation + " + title on the next line", value: text(i + 1))
                decide(i + 1, .ignored, "ignored: title of the navigation line above")
            } else {
                decide(i, .boilerplate("nav"), r.explanation + " (no title)")
            }
        case .tags:
            decide(i, .tags, r.explanation)
            if capText != nil {
                out[i].values = MetaLines.splitList(b, cap.0, cap.1)
            } else {
                // "Tags" alone: the tags are the short lines after it, in its
                // block or, when it stands alone, in the next block.
                var j = i + 1
                let alone = units[i].closesBlock
                while j < units.count, info[j].plain, !out[j].decided,
                      units[j].end - units[j].start <= 200, !isTerminal(lastScalar(b, units[j].start, units[j].end).0) {
                    if j > i + 1 && units[j].opensBlock { break }
                    if j == i + 1 && units[j].opensBlock && !alone { break }
                    out[i].values += MetaLines.splitList(b, units[j].start, units[j].end)
                    decide(j, .ignored, "ignored: tags of the 'Tags' line above")
                    j += 1
                }
                if j > i + 1 { out[i].why += " + tags on the lines below" }
            }
        case .imageCredit:
            if zone == .tail {
                // "© Jane Doe" under the story is not the lead image's credit.
                decide(i, .boilerplate("credits"), r.explanation + " (after the body)")
            } else {
                decide(i, .imageCredit, r.explanation, value: capText ?? text(i))
            }
        case .date:
            if let d = DateNormalizer.normalize(capText ?? text(i)) {
                decide(i, .date, r.explanation, value: d)
            } else {
                decide(i, .boilerplate("meta"), r.explanation + " (no date)")
            }
        default:
            decide(i, r.label, r.explanation)
        }
        return true
    }

    // MARK: - body

    /// Headings, paragraphs and promo teasers between the title and the tail.
    mutating func labelBody() {
        let end = min(bodyEnd, units.count)
        guard title + 1 < end else { return }
        // Bios that name the byline's author, wherever they stand.
        if let by = byline {
            for i in (title + 1)..<end where isPlainOpen(i) {
                if let v = bioValue(i, needRole: false), v.lowercased() == by.lowercased() {
                    decide(i, .authorBio, "author_bio: 'X is ...' names the byline's author", value: v)
                }
            }
        }
        // A promo is a teaser heading and a paragraph ending in "Read More", or a
        // heading, a paragraph and a "Read more" line of its own.
        for p in (title + 1)..<end {
            guard let l = hitLabel(p), case .boilerplate("promo") = l, out[p].label == .boilerplate("promo") else { continue }
            var k = p - 1
            // A bare "Read more" between two paragraphs of the story (a stray
            // link button) makes no teaser of the paragraph above it.
            func storyParagraph(_ j: Int) -> Bool { j > title && j < end && isPlainOpen(j) && paraLike(j) && !info[j].headingLike }
            if units[p].end - units[p].start <= 40, storyParagraph(k - 1) && storyParagraph(p + 1) { continue }
            // A paragraph right under the story's paragraphs is the story's last
            // one shown ("... Kostenlos registrieren und weiterlesen": a paywall, a
            // "continue reading" button); a teaser follows its own headline.
            if units[p].end - units[p].start <= 40, storyParagraph(k), storyParagraph(k - 1) { continue }
            if units[p].end - units[p].start <= 40, k > title, isPlainOpen(k), paraLike(k) {
                decide(k, .boilerplate("promo"), "promo: teaser paragraph above a 'Read more' line")
                k -= 1
            }
            if k > title, isPlainOpen(k), info[k].headingLike {
                decide(k, .boilerplate("promo"), "promo: teaser heading above a 'Read More' paragraph")
            }
        }
        // The next open body unit after each unit, for the heading test.
        var next = [Int](repeating: -1, count: end + 1)
        var k = end - 1
        var upcoming = -1
        while k > title {
            next[k] = upcoming
            if isPlainOpen(k) { upcoming = k }
            k -= 1
        }
        for i in (title + 1)..<end where isPlainOpen(i) {
            let u = units[i]
            if i >= firstBody, captionCredit(u.start, u.end) != nil {
                decide(i, .boilerplate("caption"), "caption: text ending in a '(Photo ...)' credit")
                continue
            }
            if i >= firstBody, isPullQuote(i, end) {
                decide(i, .boilerplate("pullquote"), "pullquote: a quoted line repeating a sentence of the body")
                continue
            }
            if info[i].headingLike, endsWithCount(u.start, u.end), next[i] >= 0, info[next[i]].headingLike {
                decide(i, .boilerplate("widget"), "widget: short label with a count ('Popular Quizzes 6') above a heading")
                continue
            }
            guard info[i].headingLike, u.opensBlock, u.closesBlock else {
                decide(i, .paragraph, u.lineCount > 1 ? "paragraph: hard-wrapped lines joined"
                       : (info[i].headingLike ? "paragraph: short line inside a block" : "paragraph: sentence text"))
                continue
            }
            let j = next[i]
            if j >= 0 && paraLike(j) {
                decide(i, .heading, "heading: short line, no end punctuation, followed by paragraph")
            } else if j >= 0, next[j] >= 0, paraLike(next[j]) {
                decide(i, .heading, "heading: short line, no end punctuation, followed by a subheading")
            } else {
                decide(i, .paragraph, "paragraph: short line not followed by a paragraph")
            }
        }
    }

    /// A pull quote: a line of its own wholly in quotation marks (“…”, "…", «…», „…“),
    /// whose words stand again inside another paragraph of the body. A quote
    /// that is not repeated elsewhere is body.
    func isPullQuote(_ i: Int, _ end: Int) -> Bool {
        let u = units[i]
        guard u.lineCount == 1, u.opensBlock, u.closesBlock, u.end - u.start >= 24, u.end - u.start <= 400 else { return false }
        let (open, ol) = scalar(b, u.start, u.end)
        guard open == 0x201C || open == 0x22 || open == 0xAB || open == 0x201E else { return false }
        var (close, ce) = lastScalar(b, u.start, u.end)
        // A credit may follow the quote: "“…” — Jane Doe" is not handled; the quote must end the line.
        guard close == 0x201D || close == 0x22 || close == 0xBB || close == 0x201C else { return false }
        var qs = u.start + ol
        // The inner text without the closing sentence mark, so that "… promises." matches "… promises," too.
        var qe = ce
        (close, ce) = lastScalar(b, qs, qe)
        if close == 0x2E || close == 0x2C || close == 0x21 || close == 0x3F { qe = ce }
        (qs, qe) = trimmed(b, qs, qe)
        guard qe - qs >= 20 else { return false }
        let n = qe - qs
        // (Nearby paragraphs only, so that a page of many quoted lines stays linear.)
        for j in max(title + 1, i - 40)..<min(end, i + 40) where j != i && units[j].end - units[j].start > n {
            let s = units[j].start, e = units[j].end
            var p = s
            while p + n <= e {
                let f = foldedByte(b, qs, qe)
                guard let at = b[p..<(e - n + 1)].firstIndex(where: { $0 == b[qs] || $0 | 0x20 == f }) else { break }
                if equalCI(b, at, at + n, qs, qe) { return true }
                p = at + 1
            }
        }
        return false
    }

    /// "Popular Quizzes 6": two to four words, the last a small number.
    func endsWithCount(_ s: Int, _ e: Int) -> Bool {
        var i = e
        while i > s && isDigit(b[i - 1]) { i -= 1 }
        guard i < e, e - i <= 3, i > s, b[i - 1] == 0x20 else { return false }
        let words = MetaLines.tokens(b, s, e, limit: 6).count
        return words >= 2 && words <= 4
    }

    // MARK: - tail and comments

    mutating func labelTail() {
        let n = units.count
        guard bodyEnd < n else { return }
        let base = bodyIndent
        var i = bodyEnd
        var afterHeader = false
        while i < n {
            if isCommentsHeader(i) { afterHeader = true }
            if isPlainOpen(i) {
                if afterHeader || isCommentStart(i, base: base) && !isHeadlineListItem(i, base: base) { commentStart = i; return }
                if let v = personalBioValue(i) {
                    decide(i, .authorBio, "author_bio: 'X is ...' after the body", value: v)
                } else {
                    decide(i, .boilerplate("other"), "other: text after the article body")
                }
            }
            i += 1
        }
    }

    /// "1. Highway 17 reopens after overnight closure": a numbered headline at the
    /// margin (no end punctuation) with no comments header above it is a link list
    /// ("Trending", "Most Popular" under a heading no rule knows), not a comment.
    func isHeadlineListItem(_ i: Int, base: Int) -> Bool {
        guard info[i].number != nil, units[i].indent <= base, info[i].headingLike else { return false }
        return !isTerminal(lastScalar(b, units[i].start, units[i].end).0)
    }

    /// How a comment's author line ends ("Jane says:", WordPress's German "Jane
    /// sagt:" and "Jane schreibt:", French "Jane dit :", Spanish "Jane dice:").
    static let commentAuthorEnds: [StaticString] = [" says:", " said:", " wrote:", " sagt:", " schreibt:", " meint:",
                                                    " dit :", " dit:", " a écrit :", " dice:", " escribió:", " disse:",
                                                    " scrive:", " zegt:", " schreef:"]

    /// Numbered ("1." / "1)") or indented comments; unnumbered paragraphs after
    /// a numbered comment continue it.
    mutating func labelComments() {
        guard commentStart >= 0 else { return }
        let numbered = info[commentStart].number != nil
        // When some comments are indented, the lines at the page's margin between
        // them are the thread's furniture (user names, "Sort by", "Load more").
        let base = bodyIndent
        let indentedOnly = !numbered && (commentStart..<units.count).contains { isPlainOpen($0) && units[$0].indent > base }
        var current = -1
        var sawHeader = false
        var merged = 0
        // On a dump, the length of the run of link-like units each unit is in (a
        // comment's salutation, "Liebe Claudia,", is no link).
        var linkRun = [Int](repeating: 0, count: units.count)
        if region != nil {
            func link(_ k: Int) -> Bool { density[k] == .linkLike && lastScalar(b, units[k].start, units[k].end).0 != 0x2C }
            var i = commentStart
            while i < units.count {
                var j = i
                while j < units.count && link(j) { j += 1 }
                for k in i..<j { linkRun[k] = j - i }
                i = max(j, i + 1)
            }
        }
        for i in commentStart..<units.count {
            if out[i].label == .date || (!out[i].decided && info[i].date != nil) {
                // A comment's date is not the article's, and it heads a comment.
                decide(i, .boilerplate("meta"), "meta: date line in the comments")
                sawHeader = true
                current = -1
                continue
            }
            if out[i].decided || !info[i].plain {
                // Furniture between comments ("Reply") ends the one before.
                if !out[i].decided { _ = labelNonPlain(i, zone: .tail) }
                current = -1
                continue
            }
            let s = units[i].start, e = units[i].end
            // A long run of short link lines under the comments is the page's
            // menus, footer and teaser lists ("* World & Nation" / "Court: Florida
            // can't bar felons ..." / "* About us"), not a comment nor a comment's
            // next paragraphs: one line each, no sentence.
            if linkRun[i] >= Self.innerRun && units[i].lineCount == 1 && !endsSentence(i) {
                decide(i, .boilerplate("nav"), "nav: run of \(linkRun[i]) short link-like lines under the comments (the page's, no comment)")
                current = -1
                continue
            }
            // ... and the short label over such a run ("Related Terms", "Community").
            if i + 1 < units.count && linkRun[i + 1] >= Self.innerRun && units[i].lineCount == 1 && info[i].headingLike
                && !endsSentence(i) && wordCount(i) <= 4 {
                decide(i, .boilerplate("nav"), "nav: label over a run of \(linkRun[i + 1]) short link-like lines under the comments")
                current = -1
                continue
            }
            if indentedOnly && units[i].indent <= base && info[i].number == nil {
                decide(i, .boilerplate("meta"), "meta: line at the margin of an indented comment thread")
                current = -1
                sawHeader = true
                continue
            }
            let beforeDate = i + 1 < units.count && (info[i + 1].date != nil || hitLabel(i + 1) == .boilerplate("meta"))
                && info[i].headingLike && e - s <= 80
            if beforeDate || e - s <= 80 && Self.commentAuthorEnds.contains(where: { hasSuffixCI(b, s, e, $0) }) {
                decide(i, .boilerplate("meta"), "meta: comment author line")
                current = -1
                sawHeader = true
                continue
            }
            if let num = info[i].number, numbered || current < 0 {
                decide(i, .comment, "comment: numbered '\(num)\(info[i].parenNumber ? ")" : ".")'")
                out[i].number = num
                out[i].text = string(info[i].numberTextStart, e)
                current = i
                merged = 0
            } else if current >= 0 && (numbered || sawHeader) && !nextIndentedLine(i, indentedOnly: indentedOnly, base: base) {
                out[current].text! += units[i].opensBlock ? "\n\n" : "\n"
                out[current].text! += text(i)
                merged += 1
                out[current].why = (info[current].number.map { "comment: numbered '\($0)\(info[current].parenNumber ? ")" : ".")'" } ?? "comment: unnumbered")
                    + " + \(merged) continuation paragraph\(merged == 1 ? "" : "s")"
                out[i].skip = true
                out[i].decided = true
            } else if units[i].indent <= base && info[i].headingLike && !(units[i].opensBlock && units[i].closesBlock) {
                // "Help\nStatus\nAbout": a column of footer links, not a reader's comment.
                decide(i, .boilerplate("other"), "other: short line in a block of links after the comments")
                current = -1
            } else {
                decide(i, .comment, units[i].indent > 0 ? "comment: indented" : "comment: after the comments header")
                out[i].text = text(i)
                current = i
                merged = 0
            }
        }
    }

    /// In a thread of indented comments, an indented line right under a finished
    /// one (same block, the line above ends a sentence, this one starts with a
    /// capital) is the next comment: "    Good step ...\n    Centres should ...".
    func nextIndentedLine(_ i: Int, indentedOnly: Bool, base: Int) -> Bool {
        guard indentedOnly, i > 0, !units[i].opensBlock, units[i].indent > base, units[i - 1].indent == units[i].indent,
              out[i - 1].label == .comment || out[i - 1].skip else { return false }
        let ps = units[i - 1].start, pe = units[i - 1].end
        let c = b[units[i].start]
        return isTerminal(lastScalar(b, ps, pe).0) && (isUpperASCII(c) || c >= 0xC3 || c == 0x22 || c == 0xE2)
    }

    /// No byline above the story: the end credit "— Reporting by Jane Doe in
    /// Accra; editing by ..." names the writer (the line stays boilerplate).
    mutating func creditAuthor() {
        var i = units.count - 1
        while i > title {
            defer { i -= 1 }
            guard out[i].label == .boilerplate("credits") else { continue }
            let s = units[i].start, e = units[i].end
            guard let at = findCI(b, s, e, "reporting by ") else { continue }
            // "additional reporting by" names a helper, not the writer.
            if at - s >= 11, hasSuffixCI(b, s, at, "additional ") { continue }
            if let (ns, ne) = MetaLines.bylineName(b, at + 13, e) {
                byline = string(ns, ne)
                decide(i, .byline, "byline: end credit 'Reporting by X' (no byline above)", value: byline)
                return
            }
        }
    }
}
