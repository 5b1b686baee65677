// The reader's first pass over the units: split lines that hold two fields,
// ask the rules, spot datelines, numbering and heading shapes, and label the
// lines of share blocks and "Related" lists by their neighbours.

import ArticleModel

extension Classifier {
    // MARK: - units

    /// "By Jane Doe | March 14, 2024" and "By Jane Doe, Updated March 3, 2016"
    /// hold two fields: split them into a byline unit and a date unit.
    mutating func splitMetaLines() {
        var result: [Unit]? = nil      // built only once a line splits
        for (i, u) in units.enumerated() {
            guard u.lineCount == 1, u.end - u.start <= shortUnitLimit, let parts = metaParts(u.start, u.end) else {
                result?.append(u)
                continue
            }
            if result == nil { result = Array(units[..<i]) }
            // A date on the line makes its byline or bare name the story's writer
            // wherever the story's head ends (`Unit.datedName`).
            let isDate = parts.map { MetaLines.dateLine(b, $0.0, $0.1) != nil }
            let dated = parts.count <= 3 && isDate.contains(true)
            for (k, p) in parts.enumerated() {
                var v = u
                (v.start, v.end) = p
                if dated && k < 2 && !isDate[k] {
                    if isBylinePart(p.0, p.1) { v.datedName = true } else if isBareName(p.0, p.1) { v.datedName = true; v.bareName = true }
                }
                if k > 0 { v.opensBlock = false; v.blankBefore = 0; v.indent = 0 }
                if k < parts.count - 1 { v.closesBlock = false }
                // "A7 | THE COURIER | Thursday, October 10, 2024": the parts of a
                // three-field line that are neither byline nor date are meta too.
                if k == 2 || (parts.count >= 3 && !isMetaPart(p.0, p.1) && rules.match(b, p.0, p.1) == nil) { v.metaRest = true }
                result!.append(v)
            }
        }
        if let result { units = result }
    }

    /// A byline rule's hit on `b[s..<e]` whose name checks out, and the name's range.
    func bylineHit(_ s: Int, _ e: Int) -> (hit: ParserRules.Hit, name: (Int, Int))? {
        guard let h = rules.match(b, s, e), case .byline = rules.rules[h.rule].label,
              let name = MetaLines.bylineName(b, h.capStart, h.capEnd) else { return nil }
        return (h, name)
    }

    func isBylinePart(_ s: Int, _ e: Int) -> Bool {
        guard let (h, _) = bylineHit(s, e) else { return false }
        return rules.rules[h.rule].captureStar != nil
    }

    func isMetaPart(_ s: Int, _ e: Int) -> Bool { MetaLines.dateLine(b, s, e) != nil || isBylinePart(s, e) }

    func metaParts(_ s: Int, _ e: Int) -> [(Int, Int)]? {
        // Fields separated by " | ", " • ", " · " (or dashes, when every field is meta:
        // "March 14, 2024 — Officials said ..." is a paragraph).
        var cuts: [(Int, Int)] = []
        var dashes = false
        var i = s
        while i + 2 < e {
            // (A separator's first byte is 0x7C, 0xE2 or 0xC2: most spaces are followed by none.)
            if b[i] == 0x20, b[i + 1] == 0x7C || b[i + 1] == 0xE2 || b[i + 1] == 0xC2 {
                let (v, l) = scalar(b, i + 1, e)
                if (v == 0x7C || v == 0x2022 || v == 0xB7 || v == 0x2014 || v == 0x2013),
                   i + 1 + l < e, b[i + 1 + l] == 0x20 {
                    cuts.append((i, i + 2 + l))
                    dashes = dashes || v == 0x2014 || v == 0x2013
                    i += 2 + l
                    continue
                }
            }
            i += 1
        }
        if !cuts.isEmpty {
            var parts: [(Int, Int)] = []
            var st = s
            for c in cuts { parts.append(trimmed(b, st, c.0)); st = c.1 }
            parts.append(trimmed(b, st, e))
            parts.removeAll { $0.0 >= $0.1 }
            func isMeta(_ p: (Int, Int)) -> Bool { MetaLines.dateLine(b, p.0, p.1) != nil || isBylinePart(p.0, p.1) }
            if parts.count >= 2, parts.contains(where: isMeta),
               !(dashes && !parts.allSatisfy({ isMeta($0) || rules.match(b, $0.0, $0.1) != nil })),
               // "June 3, 1938 – January 9, 2024": a span of dates, not two fields.
               !(dashes && parts.count == 2 && parts.allSatisfy({ MetaLines.dateLine(b, $0.0, $0.1) != nil })) {
                // A byline part with its date in it ("von Tilman Weber 10.12.2022 07:00 |
                // Druckvorschau": the name ends at the date) splits there too.
                return parts.flatMap { p in MetaLines.dateLine(b, p.0, p.1) == nil ? datedByline(p.0, p.1) ?? [p] : [p] }
            }
            // (No field on its own: "Dezember 26, 2019 von Andrea | Kategorien" may still open
            // with a dated byline; the rest of the line stays one part of its own.)
            guard parts.count >= 2, let split = datedByline(parts[0].0, parts[0].1) else { return nil }
            return split + [(parts[1].0, e)]
        }
        if let p = datedByline(s, e) { return p }
        // "Posted by X on Tuesday March 05, 2024 @09:14AM from the ... dept.": byline, date, rest.
        if e - s >= 10, hasPrefixCI(b, s, e, "by ") || hasPrefixCI(b, s, e, "posted by ") || hasPrefixCI(b, s, e, "written by "),
           let sp = MetaLines.dateSplit(b, s, e, loose: true), isBylinePart(s, sp.preEnd) {
            let rest = trimmed(b, sp.dateEnd, e)
            return rest.0 < rest.1 ? [(s, sp.preEnd), (sp.dateStart, sp.dateEnd), rest] : [(s, sp.preEnd), (sp.dateStart, sp.dateEnd)]
        }
        return nil
    }

    /// A dateline and a byline in one line, in any language the byline rules
    /// know: "Posted on DATE by X", "Veröffentlicht am 3. Mai 2019 von Heiko",
    /// "By X on DATE", "Geschrieben von X am DATE". Nil without a date in it.
    func datedByline(_ s: Int, _ e: Int) -> [(Int, Int)]? {
        guard e - s >= 10, e - s <= 160, b[s..<e].contains(where: isDigit),
              let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])) else { return nil }
        // The byline after the date: the first word from which on a byline rule matches.
        var q = s + m.end
        while q + 3 < e {
            if b[q] == 0x20, isBylinePart(q + 1, e), MetaLines.dateLine(b, s, q) != nil {
                return [trimmed(b, s, q), (q + 1, e)]
            }
            q += 1
        }
        // The byline before it: everything up to the dateline that runs to the line's end.
        if m.start > 0, MetaLines.dateLine(b, s, e) == nil, let sp = MetaLines.dateSplit(b, s, e), isBylinePart(s, sp.preEnd) {
            return [(s, sp.preEnd), (sp.dateStart, e)]
        }
        // A bare name after the date, set apart from it by a separator or followed by a
        // count ("11.12.2019 - Amelie Loevenich", "September 17, 2019 Helmut Rubik 0").
        // Without either, the words are as often a rubric ("21.01.2022 Aktuelle Meldung").
        var p = s + m.end, apart = false
        while p < e {
            let (v, l) = scalar(b, p, e)
            if v == 0x7C || v == 0x2D || v == 0x2013 || v == 0x2014 || v == 0x2022 || v == 0xB7 { apart = true }
            else if !(v == 0x20 || v == 0xA0 || v == 0x2C) { break }
            p += l
        }
        var ne = e
        let toks = MetaLines.tokens(b, p, e, limit: 5)
        if let last = toks.last, toks.count >= 3, b[last.0..<last.1].allSatisfy(isDigit) {
            ne = trimmed(b, p, last.0).1
            apart = true
        }
        // ... or by a phrase a rule knows after it ("26. September 2019 Ulrike
        // Stockhausen Schreibe einen Kommentar").
        if !apart && toks.count >= 3 {
            for k in [3, 2] where k < toks.count && rules.match(b, toks[k].0, e) != nil && isBareName(p, toks[k - 1].1) {
                ne = toks[k - 1].1
                apart = true
                break
            }
        }
        // ... or by a given name first ("28. Jan. 2022 Paula Balov", "16. Mai 2019 Markus
        // Elsberger Netzwerk , Windows"): the name is it and the next word (and a third when
        // the second is a given name too: "Juan Carlos Muñoz"); what follows holds no
        // lowercase word, so is no sentence ("3. Mai 2022 Angela Merkel besucht Kiew").
        if !apart && toks.count >= 2 && MetaLines.isGivenName(b, toks[0].0, toks[0].1) && MetaLines.isNameWord(b, toks[1].0, toks[1].1) {
            var k = 2
            if toks.count >= 3 && MetaLines.isGivenName(b, toks[1].0, toks[1].1) && MetaLines.isNameWord(b, toks[2].0, toks[2].1)
                && !ParserRules.functionWords.contains(MetaLines.word(b, toks[2].0, toks[2].1)) { k = 3 }
            let rest = MetaLines.tokens(b, toks[k - 1].1, e)
            // (Said after a date on one line only: "October 28, 2020 Kate May" under each
            // of a list's teasers names the teasers' writer, and the list's dates are cards'.)
            if !rest.contains(where: { $0.1 - $0.0 >= 3 && isLowerASCII(b[$0.0]) }) && datedTimes(toks[0].0, toks[k - 1].1) == 1 {
                ne = toks[k - 1].1
                apart = true
            }
        }
        if apart, p < ne, isBareName(p, ne), MetaLines.dateLine(b, s, p) != nil {
            return ne < e ? [trimmed(b, s, p), (p, ne), trimmed(b, ne, e)] : [trimmed(b, s, p), (p, ne)]
        }
        // (Not a bare name before the date: "Maximilian Henning - 06.06.2019" is as often a
        // teaser card's line, and splitting those moved the prose region on a dump.)
        return nil
    }

    /// How many one-line units say `b[s..<e]` after a date ("October 28, 2020 Kate May").
    func datedTimes(_ s: Int, _ e: Int) -> Int {
        let name = b[s..<e]
        var n = 0
        for u in units where u.lineCount == 1 && u.end - u.start <= 160 && u.end - u.start > name.count {
            var q = u.start + 1
            while q + name.count <= u.end {
                if b[q] == name.first! && b[q..<(q + name.count)].elementsEqual(name) {
                    if DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[u.start..<q])) != nil { n += 1 }
                    break
                }
                q += 1
            }
        }
        return n
    }

    /// Two or three capitalised words (and a nobiliary particle among them) that
    /// no rule knows, no date, no organisation: a person's name standing bare
    /// beside a date.
    func isBareName(_ s: Int, _ e: Int) -> Bool {
        let toks = MetaLines.tokens(b, s, e, limit: 5)
        // (Name words only: not "Recht & Gesetz", "Naturschutz, BUND"; a
        // nobiliary particle inside: "Christoph von Eichhorn", not "Tag der Arbeit".)
        guard toks.count >= 2 && toks.count <= 4 && e - s <= 48,
              MetaLines.isNameWord(b, toks[0].0, toks[0].1), MetaLines.isNameWord(b, toks[toks.count - 1].0, toks[toks.count - 1].1) else { return false }
        var particles = 0
        for t in toks.dropFirst().dropLast() where !MetaLines.isNameWord(b, t.0, t.1) {
            guard Self.nameParticles.contains(MetaLines.word(b, t.0, t.1)) else { return false }
            particles += 1
        }
        return toks.count - particles <= 3
            && !MetaLines.isOrganisationName(b, s, e) && rules.match(b, s, e) == nil && MetaLines.dateLine(b, s, e) == nil
    }
    static let nameParticles: Set<String> = ["von", "van", "de", "da", "dos", "du", "di", "del", "della", "ter", "ten"]

    /// "* von Christoph Schulz": a byline as an item of the header's meta list
    /// (inscriptis and WET keep the page's bullets, and the rules match whole
    /// lines): the rule's hit behind the bullet, when it names someone in two
    /// words or more without a function word ("* By Invitation", "* By Method",
    /// "* par LES TEMPS QUI COURENT" are a menu's entries). A byline only in
    /// the story's head (labelNonPlain): under the story such a line is a
    /// teaser card's ("* By Staff Writer"), and no body text either.
    func bulletByline(_ i: Int) -> (hit: ParserRules.Hit, name: (Int, Int))? {
        let s = units[i].start, e = units[i].end
        // (A label and a name of two words: three words at least, which a menu's
        // entries mostly are not; the rules are asked only then.)
        guard units[i].lineCount == 1, e - s <= 100, let ts = bulletTextStart(s, e), !isTerminal(lastScalar(b, ts, e).0),
              b[ts..<e].lazy.filter({ $0 == 0x20 }).count >= 2,
              let (h, (ns, ne)) = bylineHit(ts, e),
              case let toks = MetaLines.tokens(b, ns, ne, limit: 6), toks.count >= 2,
              !toks.contains(where: { ParserRules.functionWords.contains(MetaLines.word(b, $0.0, $0.1)) }) else { return nil }
        return (h, (ns, ne))
    }

    /// Where the text of a bulleted line begins ("* ", "+ ", "- ", "• "), nil for other lines.
    func bulletTextStart(_ s: Int, _ e: Int) -> Int? {
        let c = b[s]
        var p = s
        if (c == 0x2A || c == 0x2B || c == 0x2D) && s + 1 < e && b[s + 1] == 0x20 { p = s + 2 }
        else if case let (v, l) = scalar(b, s, e), v == 0x2022 { p = s + l }
        else { return nil }
        while p < e && b[p] == 0x20 { p += 1 }
        return p < e ? p : nil
    }

    /// "Rural / By Jane Doe": one to three words, " / " or " | ", then a byline
    /// whose name checks out. The hit covers the byline part.
    func rubricByline(_ s: Int, _ e: Int) -> ParserRules.Hit? {
        var p = s
        while p + 3 < e && p - s <= 30 {
            if b[p] == 0x20, b[p + 1] == 0x2F || b[p + 1] == 0x7C, b[p + 2] == 0x20 {
                guard p > s, !b[s..<p].contains(where: isDigit), b[s..<p].filter({ $0 == 0x20 }).count <= 2,
                      let (h, _) = bylineHit(p + 3, e) else { return nil }
                return h
            }
            p += 1
        }
        return nil
    }

    /// Local facts about every unit: rules, datelines, numbering, shape.
    mutating func analyse() {
        let n = units.count
        info = Array(repeating: Info(), count: n)
        out = Array(repeating: Out(), count: n)
        for i in 0..<n {
            let u = units[i]
            let s = u.start, e = u.end
            var f = Info()
            // "Q: Why now?" is an interview's question, not a heading.
            // "[03:05] Maya Okonjo: And nobody noticed?" is a transcript's line, not a heading.
            f.headingLike = u.lineCount == 1 && headingShape(s, e) && speakerLabelEnd(s, e) == nil && !startsWithBracketedTime(s, e)
            if let h = rules.match(b, s, e) {
                f.hit = h
                // "By the end of the year, ..." is a sentence, not a byline.
                if case .byline = rules.rules[h.rule].label, !f.headingLike,
                   MetaLines.bylineName(b, h.capStart, h.capEnd) == nil {
                    f.hit = nil
                }
            }
            // "김서연 기자 seoyeon.kim@example.kr", "By Jane Doe jane@example.com": a byline
            // with the writer's e-mail address after it.
            if f.hit == nil, f.headingLike, e - s <= 100, let em = trailingEmailStart(s, e), let (h, _) = bylineHit(s, em) {
                f.hit = h
            }
            // "Rural / By Jane Doe", "Opinion | By Jane Doe": a rubric before the byline.
            if f.hit == nil, f.headingLike, e - s <= 100, let h = rubricByline(s, e) { f.hit = h }
            // "* von Christoph Schulz": a byline behind a bullet.
            if f.hit == nil, let (h, _) = bulletByline(i) {
                f.hit = h
                f.bulletByline = true
            }
            // "Data analysis by the council found ..." is a sentence, not a credit line:
            // a sentence-shaped "... by *" credit must name someone right after "by".
            if let h = f.hit, case .boilerplate("credits") = rules.rules[h.rule].label, !f.headingLike,
               rules.rules[h.rule].pattern.hasSuffix(" by *"), MetaLines.bylineName(b, h.capStart, h.capEnd) == nil {
                f.hit = nil
            }
            // "Presented by the mayor, the plan ..." is a sentence: a sponsor or
            // call-to-action phrase only labels a short line.
            if let h = f.hit, case .boilerplate(let k) = rules.rules[h.rule].label, k == "advert" || k == "cta",
               rules.rules[h.rule].captureStar != nil, !f.headingLike, e - s > 60 {
                f.hit = nil
            }
            // "© Provided by X Nintendo and Apple shocked the world ... love?": a photo
            // credit run into the story's first paragraph (30 words or more, with
            // sentences after it) is the paragraph.
            if let h = f.hit, case .boilerplate("credits") = rules.rules[h.rule].label, !f.headingLike, e - s > 160,
               isTerminal(lastScalar(b, s, e).0), MetaLines.tokens(b, s, e, limit: 31).count > 30, creditRunIn(s, e) {
                f.hit = nil
            }
            if f.hit == nil, u.lineCount == 1, let m = MetaLines.dateLine(b, s, e) { f.date = m.iso }
            if f.hit == nil, f.date == nil, u.lineCount == 1, let d = publisherDate(s, e) { f.date = d }
            if f.hit == nil && f.date == nil && f.headingLike && e - s <= 120 { f.runKind = runKind(s, e) }
            if u.metaRest || u.bareName {
                f.hit = nil
                f.date = nil
                f.contextKind = "meta"
                f.contextWhy = u.bareName ? "meta: a name beside a date, outside the story's head" : "meta: rest of a byline and date line"
            } else if f.hit == nil, let why = consent[i] {
                // (A rule's label comes first: "Ich akzeptiere die Datenschutzbestimmungen"
                // in a newsletter form is the form's, which ends the story.)
                f.date = nil
                f.runKind = nil
                f.contextKind = "consent"
                f.contextWhy = why
            } else if u.lineCount == 1 && isLeakedMarkup(s, e) {
                f.hit = nil
                f.date = nil
                f.contextKind = "markup"
                f.contextWhy = "markup: raw HTML that loads something (a noscript pixel, an embed code), not text"
            } else if f.hit == nil && f.date == nil && f.runKind == nil && u.lineCount == 1,
                      e - s <= 120 && (e - s <= 40 || f.headingLike || !b[s..<e].contains(0x20)), let k = shapeKind(s, e, headingLike: f.headingLike) {
                f.contextKind = k.kind
                f.contextWhy = k.why
            }
            if let (num, ts) = UnitSplitter.numberMarker(b, s, e) {
                f.number = num
                f.numberTextStart = ts
                f.parenNumber = b[s..<ts].contains(0x29)
            }
            info[i] = f
        }
        // "Full-page index / Comments / Share": on a dump, a comments label touching
        // short lines above and below is a link in a toolbar, not the comments' start.
        // Markdown writes each link of a toolbar as a block of its own and drops
        // the images between them: there, a label that is no heading, with more
        // of the region's prose under it than above it (comments follow a story).
        func storyBelow(_ i: Int) -> Bool {
            guard isMarkdown, mdHeadings[units[i].line] == nil, let r = region else { return false }
            var above = 0, below = 0
            for k in r where density[k] == .prose && regionWeight[k] > 0 {
                if k < i { above += regionWeight[k] } else { below += regionWeight[k] }
            }
            return below > above
        }
        for i in 1..<max(1, n - 1) where region != nil && isCommentsHeader(i)
            && toolbarLine(i - 1) && toolbarLine(i) && toolbarLine(i + 1)
            && (units[i].blankBefore == 0 && units[i + 1].blankBefore == 0 || storyBelow(i)) {
            info[i].hit = nil
            info[i].contextKind = "nav"
            info[i].contextWhy = "nav: comments link in a toolbar of short lines"
        }
    }

    /// s..<e opens with "©" and holds two sentence ends or more (". ", "? ", "! ", and its end).
    func creditRunIn(_ s: Int, _ e: Int) -> Bool {
        guard e - s > 2, b[s] == 0xC2, b[s + 1] == 0xA9 else { return false }
        var ends = 0, p = s
        while p + 1 < e {
            if (b[p] == 0x2E || b[p] == 0x3F || b[p] == 0x21) && b[p + 1] == 0x20 { ends += 1 }
            p += 1
        }
        return ends >= 1
    }

    /// A short line without a sentence end (at most 3 words).
    func toolbarLine(_ i: Int) -> Bool {
        let s = units[i].start, e = units[i].end
        return units[i].lineCount == 1 && e - s <= 40 && !isTerminal(lastScalar(b, s, e).0) && MetaLines.tokens(b, s, e, limit: 5).count <= 4
    }

    /// Where a last token that is an e-mail address starts (after trimming the space before it).
    func trailingEmailStart(_ s: Int, _ e: Int) -> Int? {
        var t = e
        while t > s && b[t - 1] != 0x20 { t -= 1 }
        guard t > s, b[t..<e].contains(0x40), b[t..<e].contains(0x2E), b[t] != 0x40 else { return nil }
        let (_, pe) = trimmed(b, s, t)
        return pe > s ? pe : nil
    }

    /// "[03:05] Speaker: ...", "(1:02:41) ...": a bracketed time with text after it on the line.
    func startsWithBracketedTime(_ s: Int, _ e: Int) -> Bool {
        guard e - s > 6, b[s] == 0x5B || b[s] == 0x28, isDigit(b[s + 1]) else { return false }
        var i = s + 1, colons = 0
        while i < e && i - s <= 10 && (isDigit(b[i]) || b[i] == 0x3A) { if b[i] == 0x3A { colons += 1 }; i += 1 }
        guard colons >= 1, i < e, b[i] == 0x5D || b[i] == 0x29 else { return false }
        let (ts, te) = trimmed(b, i + 1, e)
        return te > ts
    }

    /// "Published by The Harlow Gazette on Jan. 12, 2024.": a publisher (not a
    /// writer) and the date of publication.
    func publisherDate(_ s: Int, _ e: Int) -> String? {
        guard e - s <= 160 else { return nil }
        var p = s
        for pre: StaticString in ["published by ", "published in ", "posted by ", "publié par ", "publicado por ", "veröffentlicht von "] where hasPrefixCI(b, s, e, pre) {
            p = s + pre.utf8CodeUnitCount
        }
        guard p > s else { return nil }
        for conn: StaticString in [" on ", " le ", " el ", " am "] {
            if let at = MetaLines.findRaw(b, p, e, conn), let m = MetaLines.dateLine(b, at + 1, e) { return m.iso }
        }
        return nil
    }

    /// Kinds whose lines come in blocks and lists: a share bar's header names
    /// the block, and "Related" or "Most Read" heads a list of short titles.
    static let listKinds: Set<String> = ["share", "related", "widget", "newsletter", "form"]

    func boilerplateKind(_ i: Int) -> String? {
        if let k = info[i].runKind { return k }
        guard let h = info[i].hit, case .boilerplate(let k) = rules.rules[h.rule].label else { return nil }
        return k
    }

    /// A Markdown line with this much of its letters link text is a link card.
    static let linkCardShare = 0.9

    /// Short plain lines right under a share (related, widget ...) line take
    /// its kind ("Share\nВКонтакте\nОдноклассники"), unless a paragraph follows
    /// directly (then the line is a heading); a "Related" or "Most Read" header
    /// standing alone also takes the blocks of titles (and their dates) after it.
    mutating func labelLists() {
        let n = units.count
        var kind: String? = nil
        var header = ""
        for i in 0..<n {
            if i == 0 || units[i].blankBefore > 0 { kind = nil }
            if let k = boilerplateKind(i) {
                kind = Self.listKinds.contains(k) ? k : nil
                header = text(i)
                continue
            }
            // A line with a paragraph right under it is a heading, except a
            // one-to-three-word name at the end of a share bar ("QQ空间").
            let headingBelow = i + 1 < n && units[i + 1].blankBefore == 0 && info[i + 1].plain && paraLike(i + 1)
                && (kind != "share" || MetaLines.tokens(b, units[i].start, units[i].end, limit: 4).count > 3)
            if let k = kind, info[i].plain, info[i].headingLike, units[i].end - units[i].start <= 160, !headingBelow {
                info[i].contextKind = k
                info[i].contextWhy = "\(k): line under '\(header.prefix(40))'"
            } else {
                kind = nil
            }
        }
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && !units[j].opensBlock { j += 1 }
            defer { i = j }
            guard let k = boilerplateKind(i) else { continue }
            let header = text(i)
            // A lone list header ("Related", "Most Read"): the next block, if it is all short titles and dates.
            // (A rule with a star alone counts when the star took nothing: "Mehr zum
            // Thema" by "mehr zum thema*", not "Mehr zum Thema: Busspuren ...".)
            guard j == i + 1, k == "related", let h = info[i].hit, !rules.rules[h.rule].suffixOnly, j < n else { continue }
            let (cs, ce) = MetaLines.trimValue(b, h.capStart, h.capEnd)
            guard rules.rules[h.rule].captureStar == nil || ce <= cs else { continue }
            // Blocks of titles (and their dates) follow, up to a heading with its paragraph.
            var first = j
            while first < n {
                var l = first + 1
                while l < n && !units[l].opensBlock { l += 1 }
                let items = first..<l
                // (In Markdown a line that is all link text is a teaser's card,
                // "[ ![alt](src) Headline ](url)", also with a paragraph under it;
                // not a heading: a headline that is a link opens its story; a
                // headline's words, not a logo's.)
                func card(_ m: Int) -> Bool {
                    info[m].plain && units[m].lineCount == 1 && mdHeadings[units[m].line] == nil
                        && (mdLinkShare[units[m].line] ?? 0) >= Self.linkCardShare
                        && MetaLines.tokens(b, units[m].start, units[m].end, limit: 4).count >= 4
                }
                guard items.count <= 6,
                      items.allSatisfy({ (info[$0].plain && info[$0].headingLike) || info[$0].date != nil || boilerplateKind($0) != nil || card($0) }),
                      l >= n || !(info[l].plain && paraLike(l)) || items.count > 1 || card(first) else { break }
                for m in items where info[m].plain || info[m].date != nil {
                    info[m].date = nil
                    info[m].contextKind = k
                    info[m].contextWhy = "\(k): item of the '\(header.prefix(40))' list above"
                }
                first = l
            }
            j = max(j, first)       // the list's blocks are done: never walk them twice
        }
    }

    /// Short, no sentence end, not a list item, not starting in lowercase.
    func headingShape(_ s: Int, _ e: Int) -> Bool {
        let len = e - s
        guard len >= 2, len <= 200 else { return false }
        let first = b[s]
        if isLowerASCII(first) { return false }
        if first == 0x2D || first == 0x2A || first == 0x2B || first == 0x3E { return false }
        let (fv, _) = scalar(b, s, e)
        if fv == 0x2022 || fv == 0xB7 || fv == 0x2013 || fv == 0x2014 { return false }
        var words = 1, chars = 0, cjk = 0
        var i = s
        while i < e {
            let c = b[i]
            if c == 0x20 { words += 1 }
            if !isContinuation(c) { chars += 1 }
            if c >= 0xE2 && c <= 0xEF && isCJK(scalar(b, i, e).0) { cjk += 1 }
            i += 1
        }
        if words > 16 || chars > 120 || (cjk > 0 && chars > 40) { return false }
        var (last, at) = lastScalar(b, s, e)
        // "… for a year.[2]": a footnote marker after the sentence's end.
        if last == 0x5D {
            var p = at
            while p > s && isDigit(b[p - 1]) { p -= 1 }
            if p < at && p - 1 > s && b[p - 1] == 0x5B && at - p <= 3 {
                let (v, _) = lastScalar(b, s, p - 1)
                if isTerminal(v) || isCloser(v) { (last, at) = lastScalar(b, s, p - 1) }
            }
        }
        if isCloser(last) && at > s { (last, at) = lastScalar(b, s, at) }
        if last == 0x3F { return words <= 14 }     // "What Comes Next?"
        return !(isTerminal(last) || last == 0x2C || last == 0x3B || last == 0x3A || last == 0xFF0C)
    }

    /// "Facebook Twitter WhatsApp Email" or "Share | Tweet | Email": every part
    /// is a phrase of one boilerplate kind.
    func runKind(_ s: Int, _ e: Int) -> String? {
        // Split at | , / • · when the line has them, else at spaces.
        let bySymbols = b[s..<e].contains(where: { $0 == 0x7C || $0 == 0x2C || $0 == 0x2F })
            || findCI(b, s, e, "\u{2022}") != nil || findCI(b, s, e, "\u{00B7}") != nil
        func isSep(_ c: UInt8) -> Bool { bySymbols ? (c == 0x7C || c == 0x2C || c == 0x2F) : (c == 0x20 || c == 0x09) }
        var kind: String?
        var parts = 0
        var i = s, st = s
        while i <= e {
            var cut = i == e
            var l = 1
            if !cut {
                if isSep(b[i]) { cut = true }
                else if b[i] == 0xE2 || b[i] == 0xC2 {
                    let (v, ln) = scalar(b, i, e)
                    if v == 0x2022 || v == 0xB7 { cut = true; l = ln }
                }
            }
            if cut {
                let (ps, pe) = trimmed(b, st, i)
                if pe > ps {
                    guard let h = rules.match(b, ps, pe), case .boilerplate(let k) = rules.rules[h.rule].label else { return nil }
                    if let kind, kind != k { return nil }
                    kind = k
                    parts += 1
                    if parts > 10 { return nil }
                }
                st = i + l
                i += l
                continue
            }
            i += 1
        }
        return parts >= 2 ? kind : nil
    }

    // MARK: - line shapes

    /// Furniture told by its shape, in any language: a line without letters
    /// ("* * *", "·", "31", "3:42"), a menu of short items between separators
    /// ("Home | News | Sport", "412 points · 186 comments"), a price ticker
    /// ("NVDA -4.3%", "S&P 500 5,117.09 -0.65%").
    func shapeKind(_ s: Int, _ e: Int, headingLike: Bool) -> (kind: String, why: String)? {
        guard e - s <= 160 else { return nil }
        var letters = 0, digits = 0
        var i = s
        while i < e && e - s <= 40 {
            let c = b[i]
            if c < 0x80 {
                if isLetterASCII(c) { letters += 1 } else if isDigit(c) { digits += 1 }
                i += 1
            } else {
                let (v, l) = scalar(b, i, e)
                if MetaLines.isLetterLike(v) { letters += 1 }
                i += l
            }
        }
        if e - s <= 40 && letters == 0 {
            // "###" ends a press release: the rules say so; other letterless lines are furniture.
            if b[s] == 0x23 { return nil }
            return ("widget", "widget: line without words")
        }
        if e - s <= 8 && letters <= 1 && digits > 0 { return ("widget", "widget: a count ('1.4K')") }
        if isAddressLine(s, e) { return ("link", "link: a web address on its own") }
        guard headingLike else { return nil }
        if isMenuLine(s, e) { return ("menu", "menu: short items between separators") }
        if isTickerLine(s, e) { return ("ticker", "ticker: symbol and price change") }
        return nil
    }

    /// "civictech.example.org", "www.example.com/news", "https://...": one token, a host name.
    func isAddressLine(_ s: Int, _ e: Int) -> Bool {
        guard e - s <= 120, e - s >= 5 else { return false }
        if hasPrefixCI(b, s, e, "http://") || hasPrefixCI(b, s, e, "https://") || hasPrefixCI(b, s, e, "www.") {
            return !b[s..<e].contains(0x20)
        }
        var dots = 0, lastDot = -1
        for i in s..<e {
            let c = b[i]
            if c == 0x2E { dots += 1; lastDot = i; continue }
            if !(isLowerASCII(c) || isDigit(c) || c == 0x2D || c == 0x2F) { return false }
        }
        guard dots > 0, lastDot > s else { return false }
        // A top-level domain of letters: "org", "com", "co.uk".
        var tld = lastDot + 1
        while tld < e && isLowerASCII(b[tld]) { tld += 1 }
        return tld - lastDot - 1 >= 2 && (tld == e || b[tld] == 0x2F)
    }

    /// Two or more items of at most four words each, between " | ", " · " or " • ".
    func isMenuLine(_ s: Int, _ e: Int) -> Bool {
        var parts = 0
        var st = s
        var i = s
        var ok = true
        func item(_ a: Int, _ z: Int) {
            let (x, y) = trimmed(b, a, z)
            guard y > x else { return }
            parts += 1
            let words = MetaLines.tokens(b, x, y, limit: 6).count
            let (last, _) = lastScalar(b, x, y)
            if words > 4 || y - x > 40 || isTerminal(last) && last != 0x2E { ok = false }
        }
        var seps = 0
        while i + 2 < e {
            // (A separator's first byte is 0x7C, 0xE2 or 0xC2: most spaces are followed by none.)
            if b[i] == 0x20, b[i + 1] == 0x7C || b[i + 1] == 0xE2 || b[i + 1] == 0xC2 {
                let (v, l) = scalar(b, i + 1, e)
                if v == 0x7C || v == 0xB7 || v == 0x2022, i + 1 + l < e, b[i + 1 + l] == 0x20 {
                    item(st, i)
                    seps += 1
                    st = i + 1 + l
                    i = st
                    continue
                }
            }
            i += 1
        }
        guard seps > 0 else { return false }
        item(st, e)
        return ok && parts >= 2
    }

    /// "NVDA -4.3%", "DJIA 38,722.69 -0.43%", "EUR/USD 1.0891": a few tokens, the
    /// last a signed, decimal or percent number, and no sentence.
    func isTickerLine(_ s: Int, _ e: Int) -> Bool {
        guard e - s <= 60 else { return false }
        let toks = MetaLines.tokens(b, s, e, limit: 8)
        guard toks.count >= 2, toks.count <= 6 else { return false }
        var k = toks.count - 1
        // A trailing arrow ("▼") may follow the change.
        if toks[k].1 - toks[k].0 <= 3, b[toks[k].0] >= 0xE2, !MetaLines.isLetterLike(scalar(b, toks[k].0, toks[k].1).0) { k -= 1 }
        guard k >= 1 else { return false }
        // The symbol: capitals, digits, "&", "/" ("S&P", "EUR/USD", "LME").
        var caps = 0
        for c in b[toks[0].0..<toks[0].1] {
            if isUpperASCII(c) { caps += 1 } else if !(isDigit(c) || c == 0x26 || c == 0x2F || c == 0x2E) { return false }
        }
        guard caps >= 2 else { return false }
        let (ts, te) = toks[k]
        var j = ts
        var signed = false
        if b[j] == 0x2B || b[j] == 0x2D { signed = true; j += 1 }
        else if b[j] == 0xE2, scalar(b, j, te).0 == 0x2212 { signed = true; j += 3 }
        var digits = 0, point = false, percent = false
        while j < te {
            let c = b[j]
            if isDigit(c) { digits += 1 } else if c == 0x2E || c == 0x2C { point = true }
            else if c == 0x25 && j == te - 1 { percent = true }
            else { return false }
            j += 1
        }
        return digits > 0 && (signed || percent || point)
    }
}
