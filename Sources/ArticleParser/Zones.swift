// The reader's second pass: where the title, header, body, tail and comments
// of the page are, and what each unit is within them (see TextReader.swift).

import ArticleModel

extension Classifier {
    // MARK: - title and header

    func isTitleCandidate(_ i: Int) -> Bool {
        let f = info[i]
        if f.date != nil || f.runKind != nil { return false }
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

    mutating func labelFurniture(_ i: Int) {
        if info[i].plain && isBreadcrumb(i) {
            decide(i, .boilerplate("breadcrumb"), "breadcrumb: 'A » B » C' above the title")
        } else if info[i].plain || !labelNonPlain(i, zone: .header) {
            decide(i, .boilerplate("other"), "other: text above the title")
        }
    }

    func isRepeatedTitle(_ i: Int) -> Bool {
        equalCI(b, units[title].start, units[title].end, units[i].start, units[i].end)
    }

    /// The first unit that reads like body text: a plain unit shaped like a paragraph.
    mutating func findFirstBody() {
        let n = units.count
        var i = title + 1
        while i < n {
            if info[i].plain && paraLike(i) && !isRepeatedTitle(i) { break }
            if let l = hitLabel(i), l == .paragraph { break }
            i += 1
        }
        if i == n {
            // A page of short lines only: the first plain one starts the body.
            i = title + 1
            while i < n && !(info[i].plain && !isRepeatedTitle(i) && !MetaLines.isSlashCredit(b, units[i].start, units[i].end)) { i += 1 }
        }
        firstBody = i
    }

    /// Between the title and the first paragraph: the repeated headline, the
    /// image credit, the byline and the date.
    mutating func labelHeader() {
        var i = title + 1
        while i < firstBody {
            defer { i += 1 }
            if out[i].decided { continue }
            let s = units[i].start, e = units[i].end
            if info[i].plain && isRepeatedTitle(i) {
                decide(i, .ignored, "ignored: repeated headline")
            } else if !info[i].plain {
                if !labelNonPlain(i, zone: .header) { info[i].hit = nil }
            } else if i <= title + 4, MetaLines.isSlashCredit(b, s, e) {
                decide(i, .imageCredit, "image_credit: 'Name / Agency' under the headline", value: text(i))
            } else if let v = captionCredit(s, e) {
                decide(i, .imageCredit, "image_credit: caption ending in a '(Photo ...)' credit", value: v)
            }
        }
        // "By Jane Doe\nBBC News, Washington": other short lines in the block of
        // a byline or date are more of the same (desk, role, place).
        i = title + 1
        while i < firstBody {
            var j = i + 1
            while j < firstBody && !units[j].opensBlock { j += 1 }
            if (i..<j).contains(where: { out[$0].label == .byline || out[$0].label == .date }) {
                for m in i..<j where isPlainOpen(m) && info[m].headingLike {
                    decide(m, .boilerplate("meta"), "meta: line in the block of the byline or date")
                }
            }
            i = j
        }
    }

    /// "Caption text. (Photo by Jane Doe/Getty Images)": the credit inside.
    func captionCredit(_ s: Int, _ e: Int) -> String? {
        guard e - s <= 400, b[e - 1] == 0x29, let open = b[s..<e].lastIndex(of: 0x28) else { return nil }
        guard let h = rules.match(b, open, e), case .imageCredit = rules.rules[h.rule].label,
              rules.rules[h.rule].captureStar != nil else { return nil }
        let (vs, ve) = MetaLines.trimValue(b, h.capStart, h.capEnd)
        return ve > vs ? string(vs, ve) : nil
    }

    // MARK: - where the body ends

    /// Body text that is not a comment: plain paragraph-shaped units.
    func isBodyText(_ i: Int) -> Bool { info[i].plain && paraLike(i) && !out[i].decided }

    func isCommentStart(_ i: Int, base: Int) -> Bool {
        info[i].plain && !out[i].decided && (info[i].number != nil || units[i].indent > base)
    }

    mutating func findBodyEnd() {
        let n = units.count
        bodyEnd = n
        guard firstBody < n else { return }
        let base = units[firstBody].indent
        // Paragraphs after each unit, up to the next comment boundary: a marker
        // followed by two or more of them sits inside the body.
        var paraAfter = [Int](repeating: 0, count: n + 1)
        var i = n - 1
        while i >= 0 {
            if isCommentsHeader(i) || isCommentStart(i, base: base) { paraAfter[i] = 0 }
            else { paraAfter[i] = paraAfter[i + 1] + (isBodyText(i) ? 1 : 0) }
            i -= 1
        }
        i = firstBody + 1
        while i < n {
            if isMarker(i), isCommentsHeader(i) || paraAfter[i + 1] < 2 { bodyEnd = i; break }
            if info[i].plain, !out[i].decided, confirmedTailBio(i, base: base) {
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

    // MARK: - rules

    enum Zone { case header, body, tail }

    mutating func labelHits() {
        for i in stride(from: title + 1, to: units.count, by: 1) where !out[i].decided && !info[i].plain {
            let zone: Zone = i < firstBody ? .header : (i < bodyEnd ? .body : .tail)
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
            if zone == .body && i > firstBody + 1 { return false }
            if let (s, e) = MetaLines.bylineName(b, h.capStart, h.capEnd) {
                decide(i, .byline, r.explanation, value: string(s, e))
            } else if zone == .header, let (s, e) = MetaLines.bylineName(b, h.capStart, h.capEnd, strict: false) {
                decide(i, .byline, r.explanation + " (name not capitalised)", value: string(s, e))
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
        let base = firstBody < n ? units[firstBody].indent : 0
        var i = bodyEnd
        var afterHeader = false
        while i < n {
            if isCommentsHeader(i) { afterHeader = true }
            if isPlainOpen(i) {
                if afterHeader || isCommentStart(i, base: base) { commentStart = i; return }
                if let v = bioValue(i, needRole: false) {
                    decide(i, .authorBio, "author_bio: 'X is ...' after the body", value: v)
                } else {
                    decide(i, .boilerplate("other"), "other: text after the article body")
                }
            }
            i += 1
        }
    }

    /// Numbered ("1." / "1)") or indented comments; unnumbered paragraphs after
    /// a numbered comment continue it.
    mutating func labelComments() {
        guard commentStart >= 0 else { return }
        let numbered = info[commentStart].number != nil
        var current = -1
        var sawHeader = false
        var merged = 0
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
            let beforeDate = i + 1 < units.count && info[i + 1].date != nil && info[i].headingLike && e - s <= 80
            if beforeDate || e - s <= 80 && (hasSuffixCI(b, s, e, " says:") || hasSuffixCI(b, s, e, " said:") || hasSuffixCI(b, s, e, " wrote:")) {
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
            } else if current >= 0 && (numbered || sawHeader) {
                out[current].text! += units[i].opensBlock ? "\n\n" : "\n"
                out[current].text! += text(i)
                merged += 1
                out[current].why = (info[current].number.map { "comment: numbered '\($0)\(info[current].parenNumber ? ")" : ".")'" } ?? "comment: unnumbered")
                    + " + \(merged) continuation paragraph\(merged == 1 ? "" : "s")"
                out[i].skip = true
                out[i].decided = true
            } else {
                decide(i, .comment, units[i].indent > 0 ? "comment: indented" : "comment: after the comments header")
                out[i].text = text(i)
                current = i
                merged = 0
            }
        }
    }
}
