// Real page dumps (a browser's innerText, Common Crawl WET, html2text Markdown)
// carry the whole page: menus, tickers, link lists, footers around the story.
// Every unit gets a density class the way jusText sees paragraphs (long lines
// with many function words and sentence punctuation are prose; short lines,
// list items and link text are not), and the main prose region is the run of
// units with the highest total weight (BTE's idea: prose counts for its
// words, everything else against). A page counts as a dump only when enough
// link-like lines lie outside that region; then the headline is anchored just
// above the region, and what the other rules would have kept as body outside
// it, or in long link-like runs inside it, goes out with the reason.

import ArticleModel

extension Classifier {
    enum Density: UInt8 { case prose, neutral, linkLike }

    /// Thresholds of the density classes; tuned on the tuning part of the
    /// benchmark renderings only (docs/TEXT.md).
    static let proseWords = 10
    static let proseFunctionShare = 0.18
    static let linkShareOut = 0.5
    static let shortWords = 3
    static let listItemWords = 12
    /// A line this long without a sentence end in it is no prose.
    static let runOnWords = 40
    /// On a dump, list items without a sentence end up to this long are links.
    static let dumpListItemWords = 20
    /// On a dump, this many headline-shaped lines in a row (no sentence end,
    /// at most headlineRunWords words) are a list of links.
    static let headlineRun = 5
    static let headlineRunWords = 16
    static let headlineRunMinWords = 3
    /// ... and this many inside the first run, a third of them with numbers at most.
    static let longHeadlineRun = 8
    /// Link-like units outside the region that make a page a dump.
    static let dumpLinkLines = 8
    /// A run of this many link-like units inside the region is furniture too.
    static let innerRun = 4
    /// ... and a run of this many, not numbered and not announced by a colon above its block.
    static let shortInnerRun = 3
    /// Prose units set apart by blank lines that make a page "spaced".
    static let loneParagraphs = 3
    /// A run of this many Markdown link lines splits the best run.
    static let breakRun = 8
    /// Teaser lists: this many items or more, each at most this many bytes.
    static let teaserItems = 4
    static let teaserBytes = 400
    /// Parts between story-end lines: the first that weighs this much and at least
    /// 1/endPartShare of the heaviest is the story.
    static let endPartWeight = 30
    static let endPartShare = 4
    /// ... and a later part's run starts at most this many units under its break.
    static let endPartGap = 8
    /// How far into a story's run its header's byline or date may lie.
    static let headerMetaSpan = 12
    /// A region under the first comment form or header moves above it to a run of this weight
    /// (any run of positive weight: a recipe of short lines above a form whose lines won; was 10).
    static let aboveCommentsWeight = 1
    static let formSpan = 6
    /// A comments label or share line at most headToolbarSpan units into the
    /// region, at most headCommentsSpan under a date or byline, is a link in
    /// the story's header.
    static let headCommentsSpan = 8
    static let headToolbarSpan = 16
    /// A share bar's lines ("e-mail", "845 shares", "View"): at most this many bytes.
    static let shareBarBytes = 24
    /// Markdown's one `# ` headline anchors the region: a run of this weight
    /// starting at most anchorSpan units under it.
    static let anchorWeight = 20
    static let anchorSpan = 8
    /// ... and at least storyShareNum/storyShareDen of its run's units are sentence paragraphs.
    static let storyShareNum = 1
    static let storyShareDen = 3
    /// Touching prose on a spaced page counts this much less.
    static let touchingDivisor = 6
    /// A body unit of this many word 4-grams or more, the rest from this many units
    /// above but three at each join and 1/joinedNewShare of them, is the body's paragraphs again as one.
    static let joinedMinGrams = 40
    static let joinedNewShare = 20
    static let joinedUnits = 3
    /// Body after the story, set apart from it by this many furniture lines, that
    /// weighs under 1/islandShare of the story and at most islandWords words.
    static let islandGap = 3
    static let islandShare = 4
    static let islandWords = 200
    /// A closing bio: at most this many words, under a line of at most bioHeadWords
    /// words, its self-introduction starting within its first bioIntroStart + 1 words.
    static let bioWords = 150
    static let bioHeadWords = 8
    static let bioIntroStart = 3
    /// At most this many lines under the region's last paragraph ending in a colon join it.
    static let announcedUnits = 12
    /// A headline at most this many units over the region with a lead paragraph
    /// right over it is the story's first heading (headlineAnchor).
    static let leadTitleGap = 2
    /// A Markdown "# " heading more than this many units over the region is
    /// the headline only when no line nearer the region looks like one, or,
    /// when one does, with the lines between no body text (headlineAnchor).
    static let farHeadline = 10
    /// A headline under the site's name stands within this many units of the
    /// page's first line, over the first paragraph.
    static let siteNameSpan = 16

    /// ParserRules.functionWords packed the way density() packs a word.
    static let functionKeys: Set<UInt64> = Set(ParserRules.functionWords.compactMap { w in
        w.utf8.count <= 8 ? w.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } : nil
    })

    /// Ends like a sentence; in a list item a closer only after a sentence end
    /// ("* Teaser (145)" is no sentence).
    func endsSentence(_ i: Int, list: Bool = true) -> Bool {
        let s = units[i].start, e = units[i].end
        let (last, at) = lastScalar(b, s, e)
        return isTerminal(last) || (isCloser(last) && (!list || at > s && isTerminal(lastScalar(b, s, at).0)))
    }

    func density(_ i: Int) -> (Density, Int) {
        let s = units[i].start, e = units[i].end
        // Raw HTML in the text (a noscript pixel) weighs against the region, whatever its length.
        if isLeakedMarkup(s, e) { return (.linkLike, 1) }
        let list = UnitSplitter.startsListItem(b, s, e)
        let terminal = endsSentence(i, list: list)
        // Long paragraphs ending like sentences (most of a page's bytes): prose, about 6 bytes a word.
        if terminal && e - s >= 400 && (mdLinkShare.isEmpty || mdLinkShare[units[i].line] == nil)
            && (isTerminal(lastScalar(b, s, e).0) || hasSentenceEnd(s, e)) { return (.prose, (e - s) / 6) }
        var words = 0, inWord = false
        for p in s..<e {
            let c = b[p]
            if c == 0x20 || c == 0x09 || c == 0x0A { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        if !mdLinkShare.isEmpty, let share = mdLinkShare[units[i].line], share >= Self.linkShareOut { return (.linkLike, words) }
        // Scripts without spaces between words (CJK): long units and sentences of 20 characters or more are prose;
        // so is a line of 20 such characters or more, spaces or not, that is no list item (a photo blog's captions).
        if words <= 2 && (e - s >= 150 || terminal && e - s >= 60) { return (.prose, (e - s) / 3) }
        if e - s >= 60 && !list && wideShare(s, e) { return (.prose, (e - s) / 3) }
        // A long line without one sentence in it is a list of names ("Change
        // language: Argentina (español) België (Nederlands) ..."), not prose.
        if words >= Self.runOnWords && !isTerminal(lastScalar(b, s, e).0) && !hasSentenceEnd(s, e) { return (.neutral, words) }
        if words >= Self.proseWords && !(list && !terminal && words <= Self.listItemWords)
            && (terminal || Double(functionWords(s, e)) >= Self.proseFunctionShare * Double(words)) {
            return (.prose, words)
        }
        // (In Markdown a list item with no link in it is the story's own list: a table of teams, steps.)
        if list && !terminal && words <= Self.listItemWords && !plainMarkdownItem(i) { return (.linkLike, words) }
        // (A CJK line of 10 characters or more is a headline or a caption, not a menu's word.)
        if words <= Self.shortWords && !terminal && (mdHeadings.isEmpty || mdHeadings[units[i].line] == nil)
            && !(e - s >= 30 && !list && wideShare(s, e)) { return (.linkLike, words) }
        return (.neutral, words)
    }

    /// A line of code: a call (`name(`), an assignment or comparison (`=`), braces,
    /// `->` or `::`, a trailing `;`, an option (` -g`, ` --flag`) or a snake_case name.
    func codeShaped(_ i: Int) -> Bool {
        let s = units[i].start, e = units[i].end
        guard e - s >= 4 && e - s <= 400 else { return false }
        // Links carry `=` and `_` in their addresses: a Markdown link line or a URL is no code.
        if !mdLinkShare.isEmpty && mdLinkShare[units[i].line] != nil { return false }
        if findCI(b, s, e, "://") != nil { return false }
        func word(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A || c >= 0x41 && c <= 0x5A || c >= 0x30 && c <= 0x39 || c == 0x5F }
        func letter(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A || c >= 0x41 && c <= 0x5A }
        var p = s
        while p < e {
            let c = b[p]
            switch c {
            case 0x3D, 0x7B, 0x7D: return true  // = { }
            case 0x28: if p > s && word(b[p - 1]) && (p + 1..<e).contains(where: { b[$0] == 0x29 }) { return true }
            case 0x3B: if p + 1 == e || b[p + 1] == 0x0A { return true }
            case 0x3E: if p > s && b[p - 1] == 0x2D { return true }  // ->
            case 0x3A: if p + 1 < e && b[p + 1] == 0x3A && p > s && word(b[p - 1]) { return true }  // ::
            case 0x2D:
                if p > s && b[p - 1] == 0x20 && p + 1 < e
                    && (letter(b[p + 1]) && (p + 2 == e || b[p + 2] == 0x20) || b[p + 1] == 0x2D && p + 2 < e && letter(b[p + 2])) { return true }
            case 0x5F: if p > s && p + 1 < e && letter(b[p - 1]) && letter(b[p + 1]) { return true }
            default: break
            }
            p += 1
        }
        return false
    }

    /// A Markdown list item of more than shortWords words without link text.
    func plainMarkdownItem(_ i: Int) -> Bool {
        guard !mdLinkShare.isEmpty, mdLinkShare[units[i].line] == nil else { return false }
        return MetaLines.tokens(b, units[i].start, units[i].end, limit: Self.shortWords + 2).count > Self.shortWords + 1
    }

    /// ". ", "? " or "! " somewhere in s..<e.
    func hasSentenceEnd(_ s: Int, _ e: Int) -> Bool {
        var p = s
        while p + 1 < e {
            if (b[p] == 0x2E || b[p] == 0x3F || b[p] == 0x21) && b[p + 1] == 0x20 { return true }
            p += 1
        }
        return false
    }

    /// Raw HTML that loads something (`<img src=...>`, `<iframe src=...>`,
    /// `<a href=...>`) with little text outside its tags: a noscript tracking
    /// pixel or an embed code that the renderer wrote out as text (Common
    /// Crawl's WET keeps noscript content). A code sample without such an
    /// attribute (`<html lang="en">`) stays text.
    func isLeakedMarkup(_ s: Int, _ e: Int) -> Bool {
        guard e - s >= 12, b[s] == 0x3C, s + 1 < e, isLetterASCII(b[s + 1]) else { return false }
        guard findCI(b, s, e, " src=") != nil || findCI(b, s, e, " href=") != nil else { return false }
        var inTag = false, outside = 0
        for p in s..<e {
            let c = b[p]
            if c == 0x3C { inTag = true } else if c == 0x3E { inTag = false } else if !inTag && c != 0x20 { outside += 1 }
        }
        return outside * 4 < e - s
    }

    /// Most of s..<e's bytes are three-byte characters of U+3000-U+9FFF (CJK).
    func wideShare(_ s: Int, _ e: Int) -> Bool {
        var wide = 0, p = s
        while p < e {
            let c = b[p]
            if c >= 0xE3 && c <= 0xE9 { wide += 3; p += 3 } else { p += 1 }
        }
        return wide * 2 >= e - s
    }

    /// How many words of s..<e are function words (ParserRules.functionWords).
    func functionWords(_ s: Int, _ e: Int) -> Int {
        var function = 0, wordStart = -1
        for p in s...e {
            let c: UInt8 = p < e ? b[p] : 0x20
            if c == 0x20 || c == 0x09 || c == 0x0A {
                if wordStart >= 0 && p - wordStart <= 8 {
                    // The word's bytes, ASCII lowercased, punctuation off, as one integer.
                    var key: UInt64 = 0
                    for q in wordStart..<p {
                        let x = b[q]
                        if x == 0x2C || x == 0x2E || x == 0x3B || x == 0x3A || x == 0x22 { continue }
                        key = key << 8 | UInt64(x >= 0x41 && x <= 0x5A ? x | 0x20 : x)
                    }
                    if Self.functionKeys.contains(key) { function += 1 }
                }
                wordStart = -1
            } else if wordStart < 0 { wordStart = p }
        }
        return function
    }

    /// The main prose region, when the page is a dump (nil otherwise).
    mutating func findProseRegion() {
        let n = units.count
        guard n >= Self.dumpLinkLines + 2 else { return }
        // Cheap first look: a dump has many short lines or list items.
        var short = 0
        for u in units where u.end - u.start <= 60 || UnitSplitter.startsListItem(b, u.start, u.end) { short += 1 }
        guard short >= Self.dumpLinkLines else { return }
        var cls = [Density](repeating: .neutral, count: n)
        var words = [Int](repeating: 0, count: n)
        // Touching lines: no blank line between a unit and the one above.
        func touches(_ i: Int) -> Bool { i > 0 && i < n && units[i].blankBefore == 0 }
        var lone = 0
        for i in 0..<n {
            let (d, w) = density(i)
            cls[i] = d
            words[i] = w
            if d == .prose && !touches(i) && !touches(i + 1) { lone += 1 }
        }
        // A block of code (touching lines, a third of them shaped like code) is
        // the story's own, not a menu: it weighs nothing and the region's widening
        // crosses it (a post cut at its first code block lost the prose under it).
        var code = [Bool](repeating: false, count: n)
        var ci = 0
        while ci < n {
            var cj = ci + 1
            while cj < n && touches(cj) { cj += 1 }
            var shaped = 0
            for k in ci..<cj where cls[k] != .prose && codeShaped(k) { shaped += 1 }
            if shaped > 0 && shaped * 3 >= cj - ci {
                for k in ci..<cj where cls[k] != .prose { code[k] = true }
            }
            ci = cj
        }
        // A page that sets its paragraphs apart with blank lines sets out its
        // teaser lists ("Headline" + summary, one per line) as touching lines:
        // there, touching prose counts only a sixth of its words.
        let spaced = lone >= Self.loneParagraphs
        // Markdown: a paragraph written twice in a row is a gallery's caption (its
        // alt text and its caption, each set apart by html2text, where inscriptis's
        // touching lines weigh as teasers): both weigh like teasers.
        var twice = [Bool](repeating: false, count: n)
        if !mdHeadings.isEmpty || !mdLinkShare.isEmpty {
            for i in 1..<max(1, n) where cls[i] == .prose && cls[i - 1] == .prose
                && units[i].end - units[i].start == units[i - 1].end - units[i - 1].start
                && b[units[i].start..<units[i].end].elementsEqual(b[units[i - 1].start..<units[i - 1].end]) {
                twice[i] = true
                twice[i - 1] = true
            }
        }
        let anyConsent = consent.contains { $0 != nil }
        var listed: [Bool] = []
        var bestS = 0, bestE = 0
        var weight: [Int] = [], best = 0, run = 0..<0
        // Two passes: the first tells a dump; on a dump, longer list items
        // without a sentence end are links too (headlines in link lists) when
        // their list reaches outside the first run.
        for pass in 0..<2 {
            if pass == 1 {
                // Only lists not wholly inside the first pass's run: the story's own
                // bullet points ("• Revenue of $48.2 million, up 31%") stay.
                var changed = false, i = 0
                let s0 = bestS, e0 = bestE
                while i < n {
                    guard UnitSplitter.startsListItem(b, units[i].start, units[i].end) else { i += 1; continue }
                    var j = i + 1
                    while j < n && UnitSplitter.startsListItem(b, units[j].start, units[j].end) { j += 1 }
                    if i <= s0 || j >= e0 {
                        for k in i..<j where cls[k] == .prose && words[k] <= Self.dumpListItemWords && !endsSentence(k) && !plainMarkdownItem(k) {
                            cls[k] = .linkLike
                            changed = true
                        }
                    }
                    i = j
                }
                // Runs of headline-shaped lines (a "Must watch" playlist, a list of
                // headlines without bullets): no line ends like a sentence or holds
                // a number (a tour's dates, a recipe's amounts).
                i = 0
                while i < n {
                    func headlineLine(_ k: Int) -> Bool {
                        cls[k] != .linkLike && words[k] >= Self.headlineRunMinWords && words[k] <= Self.headlineRunWords && !endsSentence(k)
                            && (mdHeadings.isEmpty || mdHeadings[units[k].line] == nil)
                            && !(units[k].start..<units[k].end).contains { isDigit(b[$0]) }
                    }
                    guard headlineLine(i) else { i += 1; continue }
                    var j = i + 1
                    while j < n && headlineLine(j) { j += 1 }
                    if j - i >= Self.headlineRun && (i <= s0 || j >= e0) {
                        for k in i..<j { cls[k] = .linkLike }
                        changed = true
                    }
                    i = j
                }
                // A long run of headline-shaped lines, each set apart by a blank line,
                // is a list of links even inside the first run (a "Must watch" playlist
                // between the story's head and its text), numbers or not, when most of
                // its lines hold none. The story's own lists touch (a list of teams,
                // the points of an interview announced by a colon).
                i = 0
                while i < n {
                    func listLine(_ k: Int) -> Bool {
                        cls[k] != .linkLike && words[k] >= Self.headlineRunMinWords && words[k] <= Self.headlineRunWords && !endsSentence(k)
                            && (mdHeadings.isEmpty || mdHeadings[units[k].line] == nil)
                            && !UnitSplitter.startsListItem(b, units[k].start, units[k].end)
                    }
                    guard listLine(i) else { i += 1; continue }
                    var j = i + 1
                    while j < n && !touches(j) && listLine(j) { j += 1 }
                    let numbered = (i..<j).filter { k in (units[k].start..<units[k].end).contains { isDigit(b[$0]) } }.count
                    if j - i >= Self.longHeadlineRun && numbered * 3 <= j - i {
                        for k in i..<j { cls[k] = .linkLike }
                        changed = true
                    }
                    i = j
                }
                guard changed else { break }
            }
            listed = teaserItems(cls)
            weight = words
            for i in 0..<n {
                if code[i] { weight[i] = 0; continue }
                switch cls[i] {
                case .prose: if listed[i] || twice[i] || spaced && (touches(i) || touches(i + 1)) { weight[i] = weight[i] / Self.touchingDivisor - 1 }
                case .neutral: weight[i] = -2
                case .linkLike: weight[i] = -4
                }
            }
            // A consent notice or panel weighs like a link, however much it reads like
            // prose; but it still tells a dump: a short post under a long cookie banner
            // is a dump whose region is the post (not the banner, nor the whole page).
            var dumpWeight = 0
            if anyConsent {
                dumpWeight = Self.heaviestRun(weight, 0..<n).0
                for i in 0..<n where consent[i] != nil && !code[i] { weight[i] = -4 }
            }
            (best, run) = Self.heaviestRun(weight, 0..<n)
            bestS = run.lowerBound; bestE = run.upperBound
            guard max(best, dumpWeight) >= 30 && best >= Self.proseWords else { return }
            splitAtBreaks(cls, weight, &bestS, &bestE)
            var outside = 0
            for i in 0..<n where (i < bestS || i >= bestE) && cls[i] == .linkLike { outside += 1 }
            guard outside >= Self.dumpLinkLines else { return }
        }
        // jusText's context: lines next to the region that are not link-like
        // (a short last paragraph, a heading, the byline) belong to it.
        for i in 0..<n where code[i] { cls[i] = .neutral }
        while bestS > 0 && cls[bestS - 1] != .linkLike && !listed[bestS - 1] && consent[bestS - 1] == nil { bestS -= 1 }
        while bestE < n && cls[bestE] != .linkLike && !listed[bestE] && consent[bestE] == nil { bestE += 1 }
        // The region's last paragraph ends in a colon: it announces what follows (steps,
        // a list, a command): the block of touching lines under it belongs to it (up to
        // announcedUnits, not prose, not Markdown links), and the widening goes on from there.
        if bestE < n && cls[bestE - 1] == .prose && lastScalar(b, units[bestE - 1].start, units[bestE - 1].end).0 == 0x3A {
            let e0 = bestE
            while bestE < n && bestE < e0 + Self.announcedUnits && (bestE == e0 || touches(bestE)) && cls[bestE] != .prose && !listed[bestE]
                    && (mdLinkShare[units[bestE].line] ?? 0) < Self.linkShareOut { cls[bestE] = .neutral; bestE += 1 }
            while bestE < n && cls[bestE] != .linkLike && !listed[bestE] { bestE += 1 }
        }
        region = bestS..<bestE
        density = cls
        teaser = listed
        regionWeight = weight
        // A dump whose story itself is indented (inscriptis renders the page's
        // layout as indentation) indents by layout, not by comment depth.
        if let p = region!.first(where: { cls[$0] == .prose }), units[p].indent > 0 {
            for i in 0..<n { units[i].indent = 0 }
        }
    }

    /// Lines that only end a story (a comment form, "Sign up for our newsletter",
    /// "Tags:", a share bar, "Next article") are strong breaks in the region: the
    /// story is the first part of weight between them, and a part further down
    /// joins it only when it earns its place; prose after it (the next story's
    /// teasers, a comment policy) no longer rides on the story's weight.
    mutating func cutRegionAtEnds() {
        guard let r0 = region else { return }
        func ends(_ k: Int) -> Bool {
            if headToolbar(k, r0) { return false }
            switch hitLabel(k) {
            case .commentsClosed?, .tags?, .navPrevious?, .navNext?: return true
            case .boilerplate(let kind)?:
                return ParserRules.storyEndKinds.contains(kind)
            default: return false
            }
        }
        // Comments come after the story, however much they weigh.
        func opensComments(_ k: Int) -> Bool {
            switch hitLabel(k) {
            case .commentsClosed?, .boilerplate("comments")?, .boilerplate("form")?: return true
            default: return false
            }
        }
        // Comments and their forms come after the story: a region under the
        // first of them (a short post above a long comment thread or sidebar)
        // moves to the heaviest run above it when that holds a paragraph.
        var r = r0
        // A comment form, not a lone label: two such lines close together.
        func commentForm(_ k: Int) -> Bool {
            opensComments(k) && (k + 1..<min(k + 1 + Self.formSpan, units.count)).contains(where: opensComments)
        }
        if let k0 = (0..<r.lowerBound).first(where: commentForm) {
            let (w, run) = Self.heaviestRun(regionWeight, 0..<k0)
            if w >= Self.aboveCommentsWeight {
                var s = run.lowerBound, e = run.upperBound
                while s > 0 && density[s - 1] != .linkLike && !teaser[s - 1] { s -= 1 }
                while e < k0 && density[e] != .linkLike && !teaser[e] { e += 1 }
                r = s..<e
                region = r
            }
        }
        var parts: [(range: Range<Int>, comments: Bool)] = []
        var s = r.lowerBound, comments = false
        for k in r where ends(k) {
            if k > s { parts.append((s..<k, comments)) }
            s = k + 1
            comments = comments || opensComments(k)
        }
        guard !parts.isEmpty || s > r.lowerBound else { return }
        if s < r.upperBound { parts.append((s..<r.upperBound, comments)) }
        // Each part's own best run, a part under a date line (the story's header) counting double.
        var runs: [(w: Int, raw: Int, run: Range<Int>, part: Range<Int>, comments: Bool)] = []
        for p in parts {
            let (best, run) = Self.heaviestRun(regionWeight, p.range)
            var w = best
            if !run.isEmpty {
                for k in max(0, run.lowerBound - 4)..<min(run.upperBound, run.lowerBound + 4) where density[k] != .prose
                    && MetaLines.dateLine(b, units[k].start, units[k].end) != nil { w *= 2; break }
            }
            runs.append((w, best, run, p.range, p.comments))
        }
        if runs.contains(where: { !$0.comments && $0.w >= Self.endPartWeight }) { runs.removeAll(where: \.comments) }
        // The story: the first part that weighs something beside the heaviest
        // (a dek above a share bar does not; the story under it does).
        let top = runs.map(\.w).max() ?? 0
        let enough = max(Self.endPartWeight, top / Self.endPartShare)
        guard var first = runs.firstIndex(where: { $0.w >= enough }) else { return }
        // A later part joins it, with all between (a "Donate now" box, a
        // "Related" box inside the story), when it earns its place: its sentences
        // weigh enough (a "Most read" list of headlines weighs but ends no line like one),
        func sentences(_ p: Range<Int>) -> Int {
            p.reduce(0) { $0 + (density[$1] == .prose && regionWeight[$1] > 0 && endsSentence($1) ? regionWeight[$1] : 0) }
        }
        // paragraphs follow paragraphs (a teaser list gives every summary its
        // headline, kicker and source),
        func storyLike(_ p: Range<Int>) -> Bool {
            let paragraphs = p.filter { density[$0] == .prose && endsSentence($0) }.count
            return paragraphs * Self.storyShareDen >= p.count * Self.storyShareNum
        }
        // The story's opening, under its dated header, cut from the rest by an
        // insert (a newsletter box, a "Related" link): a part above the first is
        // the story's start when its paragraphs run up to the break, only light
        // parts lie between, and the first part's run starts right under them.
        if first > 0, let pi = runs.indices.last(where: { $0 < first && runs[$0].raw >= Self.endPartWeight }),
           !runs[(pi + 1)..<first].contains(where: { $0.raw >= Self.endPartWeight }) {
            let p = runs[pi], q = runs[first]
            let head = max(0, p.run.lowerBound - 4)..<min(p.run.upperBound, p.run.lowerBound + Self.headerMetaSpan)
            if !p.comments, head.contains(where: isMetaUnit), sentences(p.run) >= Self.endPartWeight, storyLike(p.run),
               p.part.upperBound - p.run.upperBound <= Self.endPartGap, q.run.lowerBound - q.part.lowerBound <= Self.endPartGap,
               q.run.lowerBound - p.run.upperBound <= 2 * Self.endPartGap {
                first = pi
                insert = p.run.upperBound..<q.run.lowerBound
            }
        }
        // and right under its break: a heavy run far below (another story's text
        // under a teaser list) does not carry the list. (Its weight is measured
        // against the parts' own weights: the dated header's doubling picks the
        // story's part, it does not make the story's continuation twice as hard to join.)
        let joins = max(Self.endPartWeight, (runs.map(\.raw).max() ?? 0) / Self.endPartShare)
        let last = runs.indices.last(where: { $0 > first && runs[$0].run.lowerBound - runs[$0].part.lowerBound <= Self.endPartGap
            && sentences(runs[$0].run) >= joins && storyLike(runs[$0].run) }) ?? first
        let pick = runs[first]
        // Within the part the region's own verdict stands: the break cuts it, no more.
        var bestE = runs[last].part.upperBound
        while bestE > runs[last].run.upperBound && regionWeight[bestE - 1] <= 0 { bestE -= 1 }
        while bestE < runs[last].part.upperBound && density[bestE] != .linkLike && !teaser[bestE] { bestE += 1 }
        // The start moves only past parts of weight (other stories' teasers
        // above); a light part before (a dek, a caption, the dated header)
        // stays with the header.
        var bestS = r.lowerBound
        if runs.contains(where: { $0.part.lowerBound < pick.part.lowerBound && $0.raw >= Self.endPartWeight && $0.raw == $0.w }) {
            bestS = pick.run.lowerBound
            while bestS > pick.part.lowerBound && density[bestS - 1] != .linkLike && !teaser[bestS - 1] { bestS -= 1 }
        }
        guard bestS > r.lowerBound || bestE < r.upperBound else { return }
        region = bestS..<bestE
    }

    /// Markdown: html2text writes the page's <h1> as its one `# ` heading, the
    /// story's headline on an article page. When the main prose region lies
    /// below it, apart (a cookie panel, a sidebar's blurbs or the comments
    /// outweigh a short story: html2text sets every block apart, so nothing there
    /// touches), the region reaches up to the heaviest run starting right under
    /// the headline when that weighs something; the story ends (cutRegionAtEnds)
    /// then cut what follows the story. Moving the region there instead lost
    /// stories under a dek.
    mutating func anchorOnHeadline() {
        guard let r = region, !mdHeadings.isEmpty else { return }
        var h = -1
        for i in units.indices where mdHeadings[units[i].line] == 1 {
            guard h < 0 else { return }
            h = i
        }
        guard h >= 0, h + 1 < r.lowerBound, isTitleCandidate(h), density[h] != .linkLike else { return }
        let (w, run) = Self.heaviestRun(regionWeight, h + 1..<r.lowerBound)
        guard w >= Self.anchorWeight, run.lowerBound - h <= Self.anchorSpan else { return }
        var s = run.lowerBound
        while s > h + 1 && density[s - 1] != .linkLike && !teaser[s - 1] { s -= 1 }
        region = s..<r.upperBound
    }

    /// "44 Kommentare" or a share bar's "e-mail" under the byline and date, the
    /// story still to come: a link to the comments, not their start, and the
    /// header's toolbar, not the story's end (inscriptis sets such a toolbar out
    /// as touching lines, html2text with blank lines between). The byline or
    /// date stands within three units above it, or further up with only the
    /// toolbar's short lines between ("Published: ..." / "e-mail" / "845
    /// shares" / "560" / "View" / "comments"); before it at most two sentences
    /// (the deks of a headline stack are no sentences), after it the story.
    func headToolbar(_ k: Int, _ r: Range<Int>) -> Bool {
        // (k may lie outside r: cutRegionAtEnds moves the region above a comment form.)
        guard r.contains(k), isCommentsHeader(k) || hitLabel(k) == .boilerplate("share"), k - r.lowerBound <= Self.headToolbarSpan else { return false }
        let next = (k + 1..<min(k + 1 + Self.formSpan, units.count))
        let share = !isCommentsHeader(k)
        if next.contains(where: { !share && isCommentsHeader($0) || hitLabel($0) == .boilerplate("form") || hitLabel($0) == .commentsClosed }) { return false }
        if !(max(r.lowerBound, k - 3)..<k).contains(where: isMetaUnit) {
            guard let m = (max(r.lowerBound, k - Self.headCommentsSpan)..<k).last(where: isMetaUnit),
                  ((m + 1)..<k).allSatisfy({ density[$0] != .prose && units[$0].end - units[$0].start <= Self.shareBarBytes }) else { return false }
        }
        let before = (r.lowerBound..<k).filter { density[$0] == .prose && endsSentence($0) }.count
        let after = (k + 1..<r.upperBound).lazy.filter { self.density[$0] == .prose && self.endsSentence($0) }.prefix(3).count
        return before <= 2 && after >= 3
    }

    /// Kadane's maximum-sum run of `weight` within `r`: its sum and its units
    /// (empty at `r`'s start when no run sums above 0).
    static func heaviestRun(_ weight: [Int], _ r: Range<Int>) -> (sum: Int, run: Range<Int>) {
        var best = 0, bS = r.lowerBound, bE = r.lowerBound, cur = 0, cS = r.lowerBound
        for k in r {
            if cur <= 0 { cur = 0; cS = k }
            cur += weight[k]
            if cur > best { best = cur; bS = cS; bE = k + 1 }
        }
        return (best, bS..<bE)
    }

    /// A long run of Markdown link lines inside the best run is a strong break
    /// (a menu, a section's link list between two blocks of teasers): the run
    /// is cut there and the heaviest part kept, a part under a date line
    /// (the story's header) counting double.
    func splitAtBreaks(_ cls: [Density], _ weight: [Int], _ bestS: inout Int, _ bestE: inout Int) {
        // Links for sure: Markdown lines of link text. Short lines and list
        // items may be the story's own (a recipe's steps, a plan's items).
        guard !mdLinkShare.isEmpty else { return }
        func link(_ k: Int) -> Bool { (mdLinkShare[units[k].line] ?? 0) >= Self.linkShareOut }
        var parts: [Range<Int>] = []
        var s = bestS, i = bestS
        while i < bestE {
            guard link(i) else { i += 1; continue }
            var j = i
            while j < bestE && link(j) { j += 1 }
            if j - i >= Self.breakRun {
                if i > s { parts.append(s..<i) }
                s = j
            }
            i = j
        }
        guard !parts.isEmpty else { return }
        if s < bestE { parts.append(s..<bestE) }
        var top = Int.min
        for p in parts {
            // The part's own best run.
            let (best, run) = Self.heaviestRun(weight, p)
            let bS = run.lowerBound, bE = run.upperBound
            guard bE > bS else { continue }
            var w = best
            for k in max(0, bS - 4)..<min(bE, bS + 4) where cls[k] != .prose
                && MetaLines.dateLine(b, units[k].start, units[k].end) != nil { w *= 2; break }
            if w > top { top = w; bestS = bS; bestE = bE }
        }
    }

    /// Units of teaser lists, told by repetition: at least `teaserItems`
    /// short items (a run of units that are not link-like: a headline and its
    /// summary) of the same number of units, the same number of link-like
    /// units apart ("Headline" / summary / "2H ago", over and over). Articles
    /// vary their paragraphs and sections; teaser lists do not.
    func teaserItems(_ cls: [Density]) -> [Bool] {
        let n = cls.count
        var listed = [Bool](repeating: false, count: n)
        // Items: maximal runs of units that are not link-like (a headline and its summary).
        var items: [Range<Int>] = []
        var i = 0
        while i < n {
            guard cls[i] != .linkLike else { i += 1; continue }
            var j = i + 1
            while j < n && cls[j] != .linkLike { j += 1 }
            items.append(i..<j)
            i = j
        }
        guard items.count >= Self.teaserItems else { return listed }
        // An item's length and the link-like units up to the next item, as one number (0: too far apart).
        func pattern(_ k: Int) -> Int {
            let a = items[k], z = items[k + 1].lowerBound
            guard a.count <= 3 && z - a.upperBound <= 4 else { return 0 }
            return a.count * 8 + (z - a.upperBound)
        }
        // (Unit by unit: a joined paragraph's bytes live after the page's.)
        func short(_ k: Int) -> Bool { items[k].reduce(0) { $0 + units[$1].end - units[$1].start } <= Self.teaserBytes }
        var k = 0
        while k + 1 < items.count {
            let p = pattern(k)
            var j = k + 1
            while p != 0 && j + 1 < items.count && pattern(j) == p { j += 1 }
            // Items k...j, the same distance apart; the last one as long as the others
            // (what follows it is something else).
            if p != 0 && j - k + 1 >= Self.teaserItems && (k..<j).allSatisfy(short) {
                for u in items[k].lowerBound..<min(items[j].upperBound, items[j].lowerBound + items[k].count) { listed[u] = true }
            }
            k = max(j, k + 1)
        }
        return listed
    }

    /// The line the page is read from on a dump: the headline near the region
    /// (nearHeadline). When that search took a line under a Markdown page's
    /// only "# " heading far above the region, the heading is the title
    /// (farTitle, swapped in at the end of run): the line taken was a photo's
    /// caption, a section's heading or a teaser more often than not (html2text
    /// writes the page's <h1> so). The page is still read from that line, as
    /// before: the lines between give no body text (a gallery's captions).
    mutating func headlineAnchor() -> Int? {
        let t = nearHeadline()
        if let t, let r = region, let h = onlyTopHeading(r), h + Self.farHeadline < r.lowerBound, t > h {
            farTitle = h
        }
        return t
    }

    /// The headline of a dump (nil: the first line stays the title): a
    /// Markdown page's only "# " heading near the prose region, else the
    /// reader header's title, else the headline-shaped line just above the
    /// region with a byline or date under it, else the nearest such line; when
    /// there is none, the far "# " heading, else a shorter line right over the
    /// region or over the story's byline or date.
    mutating func nearHeadline() -> Int? {
        guard let r = region else { return nil }
        // A Markdown page's only "# " heading (html2text writes the page's <h1>
        // so) is its headline wherever it stands in the story's part of the page.
        // Far above the region it waits for the search below: the lines between
        // would join the story's header (a photo gallery's captions).
        let h1 = onlyTopHeading(r)
        if let h = h1, h + Self.farHeadline >= r.lowerBound { return h }
        // A first line that is not link-like and is repeated above the region
        // (the document title over the headline) stays the title; not over such
        // a "# " heading (html2text writes no document title: there the line is
        // a logo's alt text over the site's tagline).
        if let t = (0..<units.count).first(where: isTitleCandidate), density[t] != .linkLike {
            if t + 3 >= r.lowerBound { return nil }
            title = t
            defer { title = -1 }
            let ts = units[t].start, te = units[t].end
            for k in (t + 1)..<min(units.count, r.lowerBound + 2) {
                if isTitleRepeat(k) {
                    // ... unless the repeat has no byline or date of its own right under
                    // it and a longer headline with them stands between it and the story:
                    // then the repeated line is the site's (a search box's "Please enter
                    // a search term." over a caption and the headline). A document title
                    // is the headline, with the site's name at most: never shorter.
                    let own = ((k + 1)..<min(units.count, k + 3)).contains(where: isMetaUnit)
                    let between = (k + 1)..<max(k + 1, min(units.count, r.lowerBound + 1))
                    let words = wordCount(k)
                    if !own, between.contains(where: { e in wordCount(e) > words && isHeadlineShaped(e)
                        && ((e + 1)..<min(units.count, e + 5)).contains(where: isMetaUnit) }) { break }
                    return nil
                }
                // "Jane Doe" under "Jane Doe Obituary": the headline, shorter.
                let ks = units[k].start, ke = units[k].end
                if ke - ks >= 12 && ke - ks < te - ts && equalCI(b, ts, ts + (ke - ks), ks, ke) { return nil }
            }
        }
        if mdTitleLine > 0, let t = units.firstIndex(where: { $0.line == mdTitleLine }), isTitleCandidate(t) { return t }
        // Upwards from the region over at most 8 units that are not link-like
        // (share bars and split meta lines do not count): the headline is the
        // one with a byline or date under it, else the nearest.
        var eligible: [Int] = []
        var seen = 0
        var i = min(units.count - 1, r.lowerBound + 1)
        while i >= 0 && seen < 8 && r.lowerBound - i < 40 {
            if mdHeadings[units[i].line] == 1 && isTitleCandidate(i) { return i }
            if density[i] != .linkLike { seen += 1 }
            // (Not the region's last prose: a post of one line is its own text.)
            if isHeadlineShaped(i) && !(i >= r.lowerBound && !((i + 1)..<r.upperBound).contains { density[$0] == .prose }) { eligible.append(i) }
            i -= 1
        }
        func pick(_ es: [Int]) -> Int? {
            for e in es {
                for k in (e + 1)..<min(units.count, e + 5) where isMetaUnit(k) { return e }
            }
            return es.first
        }
        var c = pick(eligible)
        // No headline-shaped line near the region: the far "# " heading, else
        // a short line right over the region ("Batteriespeicher" / the story),
        // else the line right over the story's byline or date ("Nummer zwei:
        // Leo" / "3. August 2015 · Filed under ..."). Headlines of one to three
        // words are common; the window above does not take them, since a menu's
        // last entries and rubrics look the same unless the story touches them.
        // A short line over a region that opens with an asking headline is the
        // rubric over it (askingHeadline).
        if c == nil, let h = h1 ?? shortHeadline(over: r.lowerBound).map({ askingHeadline(r.lowerBound) ?? $0 }) ?? headlineOverMeta(r) { return h }
        // A headline with its standfirst under it, both headline-shaped (the
        // nearest line to the story is then the standfirst): the upper line is
        // the headline when the lower is a long one (90 bytes or more, half as
        // long again); a kicker over a headline ("Seascape: the state of our
        // oceans") is shorter than that. The standfirst stays out of the body
        // as it did as the title.
        if let t = c, let up = eligible.first(where: { $0 < t && $0 >= t - 2 }),
           (up + 1..<t).allSatisfy({ !isTitleCandidate($0) || density[$0] == .linkLike || units[$0].end - units[$0].start < 40 }),
           case let lower = units[t].end - units[t].start, lower >= 90, (units[up].end - units[up].start) * 3 < lower * 2 {
            c = up
            standfirst = t
        }
        // A lead paragraph between the headline and the story ("Raubfisch-Rute
        // im Test" / date / "Von dem Bassmaster ... wurde eine Rutenserie ..." /
        // a subheading or caption / the story): the line right over the region
        // with a sentence paragraph right over it is the story's first heading,
        // not its headline, when another headline-shaped line stands above the
        // paragraph; the paragraph joins the region (it was "text above the title").
        if let t = c, t >= 1, r.lowerBound - t <= Self.leadTitleGap {
            let p = t - 1
            if density[p] == .prose && endsSentence(p) && info[p].hit == nil, let u = pick(eligible.filter { $0 < p }) {
                region = min(p, r.lowerBound)..<r.upperBound
                standfirst = -1
                return u
            }
        }
        return c
    }

    /// A headline's shape: `words` words (4 to 30 in the search window), not
    /// mostly numbers, not a list item, no rule's phrase, no sentence end. A
    /// headline may end in "?", "!" or "…" when no sentence ends inside it
    /// ("Heulage: Besser als ihr Ruf?"), except in Markdown, which marks its
    /// headlines (there such lines are a forum's questions, an FAQ's entries).
    func headlineShape(_ i: Int, words: ClosedRange<Int>) -> Bool {
        guard isTitleCandidate(i), info[i].hit == nil else { return false }
        let s = units[i].start, e = units[i].end
        let toks = MetaLines.tokens(b, s, e, limit: 40)
        // Words, not a line of dates and numbers ("June 3, 1938 – January 9, 2024").
        let numeric = toks.filter { t in (t.0..<t.1).contains { isDigit(b[$0]) } }.count
        // (CJK headlines: 10 to 60 characters, whatever their spaces.)
        let cjk = toks.count < 4 && e - s >= 30 && e - s <= 180 && wideShare(s, e)
        guard cjk || words.contains(toks.count) && numeric * 3 < toks.count,
              !UnitSplitter.startsListItem(b, s, e) else { return false }
        // "Blog, Ernährung, Umweltschutz, Vegan": a list of categories or tags.
        if isShortItemList(s, e) { return false }
        // "Tanja Karrasch - 3.11.2023": a name and a date, the story's byline line.
        if let sp = MetaLines.dateSplit(b, s, e), sp.preEnd > s, case let (ns, ne) = trimmed(b, s, sp.preEnd), ne > ns,
           isBareName(ns, ne) { return false }
        if datedLine(s, e) { return false }
        let (last, at) = lastScalar(b, s, e)
        if isTerminal(last) {
            let asks = last == 0x3F || last == 0x21 || last == 0x2026
            if isMarkdown || !asks || hasSentenceEnd(s, at) { return false }
            // In the story itself such a line is a section's heading ("Wann ist
            // die Vorsorge eine gute Sache?"), unless the story's byline or date follows.
            if region.map({ i >= $0.lowerBound }) ?? true, !((i + 1)..<min(units.count, i + 5)).contains(where: isMetaUnit) { return false }
        }
        // "Next post's title →": a link to another page, not this one's headline; "Label:".
        return last != 0x2192 && last != 0x3A && !hasSuffixCI(b, s, e, "->")
    }

    /// A full date opening or closing a line of at most datedLineWords words
    /// ("27.01.2020 Soziales & Gesundheit", "Evgenia Karp Zuletzt geändert am
    /// 06.11.2023", "September 15, 2020 by Jane Post a Comment"): the story's
    /// meta line, not its headline (a headline naming a date says it inside:
    /// "Bericht zur Coronalage vom 22.04.2020 – worauf wartet die Politik?").
    func datedLine(_ s: Int, _ e: Int) -> Bool {
        guard e - s <= 160, let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])) else { return false }
        guard MetaLines.tokens(b, s, e, limit: Self.datedLineWords + 1).count <= Self.datedLineWords else { return false }
        let (ts, te) = trimmed(b, s, e)
        var after = s + m.end
        while after < te && (b[after] == 0x20 || b[after] == 0x2E || b[after] == 0x2C || b[after] == 0x29) { after += 1 }
        return s + m.start <= ts || after >= te
    }
    static let datedLineWords = 10

    /// Three or more items of one or two words each, set apart by commas
    /// ("Blog, Ernährung, Umweltschutz, Vegan"): a category or tag list.
    func isShortItemList(_ s: Int, _ e: Int) -> Bool {
        var items = 1, words = 0, p = s
        var inWord = false
        while p < e {
            let c = b[p]
            if c == 0x2C {
                if words == 0 || words > 2 { return false }
                items += 1; words = 0; inWord = false
            } else if c == 0x20 { inWord = false }
            else if !inWord { inWord = true; words += 1 }
            p += 1
        }
        return items >= 3 && words >= 1 && words <= 2
    }

    /// What the search window over the region takes: a headline's shape of
    /// 4 to 30 words, not link-like.
    func isHeadlineShaped(_ i: Int) -> Bool {
        density[i] != .linkLike && headlineShape(i, words: 4...30)
    }

    /// The photo's caption or credit over the story is no headline ("Weniger
    /// Miete, mehr zum Leben! Bild: Photo by ...", "Fotocredit: X © 2021 ...",
    /// "... Rosengarten © Südtirol Wein / X"): the headline-shaped line within
    /// `captionHeadGap` units above it (over dates and bylines) is the title.
    func headlineOverCaption(_ t: Int) -> Int? {
        guard t > 0, creditLike(t) else { return nil }
        var k = t - 1
        while k >= 0 && t - k <= Self.captionHeadGap {
            if isHeadlineShaped(k) && !creditLike(k) { return k }
            guard isMetaUnit(k) || !info[k].plain || creditLike(k) else { return nil }
            k -= 1
        }
        return nil
    }

    /// How far above a caption taken for the title its headline may stand.
    static let captionHeadGap = 4

    /// A caption with its credit, or a credit line: a caption's credit
    /// (`captionCredit`), a "©", or an image credit's label ("Bild:",
    /// "Fotocredit:") at the line's start, after a sentence's end, a comma or a
    /// bar ("Eine der Windkraftanlagen im Steinheimer Becken, Foto: EnBW").
    func creditLike(_ i: Int) -> Bool {
        let s = units[i].start, e = units[i].end
        guard units[i].lineCount == 1, e - s <= 300 else { return false }
        if captionCredit(s, e) != nil || findCI(b, s, e, "©") != nil { return true }
        if let h = info[i].hit, case .imageCredit = rules.rules[h.rule].label { return true }
        var p = s
        while p < e {
            if p == s || (p >= s + 2 && b[p - 1] == 0x20 && (b[p - 2] == 0x2E || b[p - 2] == 0x21 || b[p - 2] == 0x3F || b[p - 2] == 0x2C || b[p - 2] == 0x7C)),
               let h = rules.match(b, p, e), case .imageCredit = rules.rules[h.rule].label, rules.rules[h.rule].captureStar != nil {
                return true
            }
            p += 1
        }
        return false
    }

    /// A unit the header rules read as a date or a byline.
    func isMetaUnit(_ k: Int) -> Bool { info[k].date != nil || hitLabel(k) == .byline }

    /// A unit labelled byline or date, or one the header rules read so: the
    /// story's meta beside a headline (a byline with its date on the line is
    /// labelled byline).
    func isBylineOrDate(_ k: Int) -> Bool { out[k].label == .byline || out[k].label == .date || isMetaUnit(k) }

    /// The page's only Markdown "# " heading, not a link (a site's logo) and
    /// not under the prose region.
    func onlyTopHeading(_ r: Range<Int>) -> Int? {
        guard !mdHeadings.isEmpty else { return nil }
        var found: Int? = nil
        for k in 0..<units.count where mdHeadings[units[k].line] == 1 {
            if found != nil { return nil }
            found = k
        }
        guard let h = found, h < r.upperBound, isTitleCandidate(h), info[h].hit == nil,
              !mdLinkedHeadings.contains(units[h].line) else { return nil }
        return h
    }

    /// The region's first unit as the headline when it asks or exclaims
    /// ("Auto leasen, finanzieren oder kaufen – was ist günstiger?") over the
    /// story's first paragraph, no headline-shaped line stands above it, and
    /// the line right over it is short (shortHeadline): that line is then a
    /// rubric ("Kredit"; a date and "Botschaft"). Inside a story such a line is
    /// a section's heading (headlineShape); under a credit line or a comment's
    /// avatar letter the region may have started inside the story, and the
    /// search stays as it was.
    func askingHeadline(_ k: Int) -> Int? {
        guard !isMarkdown, k + 1 < units.count, isTitleCandidate(k), info[k].hit == nil,
              density[k + 1] == .prose, endsSentence(k + 1) else { return nil }
        let s = units[k].start, e = units[k].end
        let (last, at) = lastScalar(b, s, e)
        guard last == 0x3F || last == 0x21, !hasSentenceEnd(s, at),
              (4...20).contains(MetaLines.tokens(b, s, e, limit: 21).count),
              !UnitSplitter.startsListItem(b, s, e), !datedLine(s, e) else { return nil }
        return k
    }

    /// One to three words right over the region, not a name (a byline's).
    func shortHeadline(over k: Int) -> Int? {
        let h = k - 1
        // (Not an avatar's letter: "A" over a comment.)
        guard h >= 0, units[h].end - units[h].start >= 4, headlineShape(h, words: 1...3),
              !isBareName(units[h].start, units[h].end) else { return nil }
        return h
    }

    /// The line right over the story's head meta (the byline or date line
    /// nearest over the region, or just inside it), the meta lines under it
    /// skipped: up to 30 words, no name.
    func headlineOverMeta(_ r: Range<Int>) -> Int? {
        let lo = max(0, r.lowerBound - 8)
        var m = min(units.count - 1, r.lowerBound + 2)
        while m >= lo && !isMetaUnit(m) { m -= 1 }
        guard m >= lo else { return nil }
        var k = m - 1
        while k >= 0 && m - k <= 3 && isMetaUnit(k) { k -= 1 }
        guard k >= 0, headlineShape(k, words: 1...30), !isBareName(units[k].start, units[k].end) else { return nil }
        return k
    }

    /// When the title would be the page's first line (no dump, or the search
    /// above the prose region came back to it), that line may be the site's
    /// name over the story's own head. The headline is then the headline-shaped
    /// line (no sentence inside, no caption's credit, no bare name) over the
    /// first paragraph with the story's byline or date right under it ("Würde
    /// des Lebens – ein Projekt" / "Veröffentlicht am 13. März 2019 von ..."),
    /// or right under that date with only furniture between it and the
    /// paragraph ("22.12.2019" / "Firefox – Weniger Werbung ..." / the story).
    /// The first line stays the title when a byline or date follows it within
    /// three units (a story's own header, as a text file writes it; not when
    /// the first line is a rubric over a headline and its date), and when it is
    /// said again further down (the document title over the headline).
    mutating func headlineUnderSiteName(_ t: Int) -> Int? {
        let n = units.count
        guard let p = ((t + 1)..<min(n, t + Self.siteNameSpan)).first(where: { info[$0].plain && paraLike($0) }) else { return nil }
        // A byline or date within three units is the first line's own, unless
        // that line is a rubric of one to three words and a headline-shaped line
        // stands between ("Nachruf" / "Elder: Aus dem Ghetto nach Augusta" / date).
        if let m = ((t + 1)..<min(n, t + 4)).first(where: isMetaUnit),
           headlineShape(t, words: 4...30) || !((t + 1)..<m).contains(where: { headlineShape($0, words: 4...30) }) { return nil }
        // A first line said again further down is the document title over the headline.
        let saved = title
        title = t
        defer { title = saved }
        if ((t + 1)..<min(n, t + 60)).contains(where: isTitleRepeat) { return nil }
        // A rubric of one to three words ("Nasional" over "Oleh ...") does not
        // beat a first line shaped like a headline itself.
        let words = headlineShape(t, words: 4...30) ? 4...30 : 1...30
        var k = p - 1
        while k > t {
            if headlineShape(k, words: words), !isBareName(units[k].start, units[k].end),
               captionCredit(units[k].start, units[k].end) == nil, !hasSentenceEnd(units[k].start, units[k].end),
               ((k + 1)..<min(p, k + 3)).contains(where: isMetaUnit)
                || (max(t + 1, k - 2)..<k).contains(where: isMetaUnit) && ((k + 1)..<p).allSatisfy({ !info[$0].plain }) {
                return k
            }
            k -= 1
        }
        return nil
    }

    /// A dump without blank lines (Common Crawl WET) does not show where the
    /// block under a label ("More:", "TRENDING:") ends, and the label's kind
    /// runs on over the story. In the prose region such a block ends at the
    /// first prose unit after link-like lines (the list under the label), or
    /// at a prose unit with prose under it (the story's paragraphs).
    mutating func endLabelBlocks() {
        guard let r = region, !units.dropFirst().contains(where: { $0.blankBefore > 0 }) else { return }
        var why = "", list = false, cut = false
        let n = units.count
        for i in 0..<n {
            guard info[i].contextKind != nil, info[i].contextWhy.contains(": line under the label '") else { continue }
            if info[i].contextWhy != why {
                why = info[i].contextWhy
                list = false
                cut = false
            }
            // (Also right under the label: "Advertisement:" over the story's next
            // paragraphs, the ad itself no text.)
            if r.contains(i) && density[i] == .prose && (list || i + 1 < n && density[i + 1] == .prose) { cut = true }
            if density[i] == .linkLike { list = true }
            if cut && r.contains(i) {
                info[i].contextKind = nil
                info[i].contextWhy = ""
            }
        }
    }

    /// After the other rules: body text outside the prose region, or in a long
    /// link-like run inside it, is page furniture; Markdown headings are headings.
    mutating func applyRegion() {
        // A duplicated article can end the body above firstBody: an empty range then.
        let lo = max(0, firstBody)
        for i in lo..<max(lo, min(units.count, bodyEnd)) where mdTableRows.contains(units[i].line) && !out[i].skip {
            // Shape rules take rows of short cells for menus; in Markdown they are a table.
            if out[i].label == .boilerplate("menu") || out[i].label == .boilerplate("widget") || out[i].label == .boilerplate("table") {
                out[i].label = .paragraph
                out[i].why = "paragraph: Markdown table row"
            }
        }
        if !mdHeadings.isEmpty {
            for i in 0..<units.count where (out[i].label == .paragraph || out[i].label == .heading) && !out[i].skip
                && mdHeadings[units[i].line] != nil && i != title {
                if let r = region, !r.contains(i) { continue }
                // A heading that is one link to another page is a teaser set into
                // the story ("## [Bus fares to rise](https://...)"), not a section.
                if mdLinkedHeadings.contains(units[i].line) {
                    out[i].label = .boilerplate("related")
                    out[i].why = "related: a Markdown heading that is one link to another page (a teaser in the story)"
                    continue
                }
                out[i].label = .heading
                out[i].why = "heading: Markdown '\(String(repeating: "#", count: mdHeadings[units[i].line]!)) ' heading"
            }
        }
        guard let r = region else { return }
        // The insert between the story's opening and its rest; a heading right
        // over the rest is the story's.
        if let g = insert {
            for k in g where !out[k].skip && (out[k].label == .paragraph || (out[k].label == .heading && k + 1 < g.upperBound)) {
                out[k].label = .boilerplate("other")
                out[k].why = "other: an insert between the story's opening and its rest (lines \(units[g.lowerBound].line)-\(units[g.upperBound - 1].line))"
                out[k].decided = true
            }
        }
        let n = units.count
        var i = 0
        while i < n {
            // One run of units of the same side of the region with the same density class.
            let outsideI = !r.contains(i)
            var j = i + 1
            while j < n && !r.contains(j) == outsideI && (density[j] == .linkLike) == (density[i] == .linkLike) { j += 1 }
            let linkRun = density[i] == .linkLike
            // Between the headline and the region the header rules have read the
            // byline, date, dek and credits: only long link-like runs go there.
            let tail = i >= r.upperBound
            // A shorter run is furniture too (three "Related" headlines set into the story),
            // unless it is the story's own list: numbered, the tail of a list whose items
            // above it touch it ("• Revenue of $48.2 million, up 31% ..." over "• Gross
            // margin of 41.5%"), or announced by a colon ("This post will discuss the
            // following:") above its block.
            var shortRun = linkRun && j - i >= Self.shortInnerRun && j - i < Self.innerRun
            if shortRun && (i..<j).contains(where: { isDigit(b[units[$0].start]) }) { shortRun = false }
            if shortRun && i > 0 && units[i].blankBefore == 0 && UnitSplitter.startsListItem(b, units[i - 1].start, units[i - 1].end) { shortRun = false }
            // A colon above announces the list; a longer one only a paragraph's
            // right above a list of items ("Follow these six tips ... :" over six
            // "* ..."), not a label's ("Mehr zum Thema:" over links).
            var colon = -1
            if linkRun && j - i >= Self.shortInnerRun {
                var f = i
                while f > 0 && f > i - Self.announcedUnits && units[f].blankBefore == 0 { f -= 1 }
                colon = (max(0, f - 1)..<i).last(where: { lastScalar(b, units[$0].start, units[$0].end).0 == 0x3A }) ?? -1
            }
            if colon >= 0 { shortRun = false }
            let announced = colon >= 0 && colon == i - 1 && !outsideI && density[colon] == .prose
                && (i..<j).allSatisfy { UnitSplitter.startsListItem(b, units[$0].start, units[$0].end) }
            if tail || (outsideI && i < title) || (linkRun && j - i >= Self.innerRun && !announced) || shortRun {
                let teaserWhy = "outside the main prose region (lines \(units[r.lowerBound].line)-\(units[r.upperBound - 1].line)): item of a teaser list (items alike)"
                let what = linkRun ? "short link-like line" : "line"
                let count = j - i
                let why = (outsideI ? "outside the main prose region (lines \(units[r.lowerBound].line)-\(units[r.upperBound - 1].line))"
                           : "inside the prose region but") + ": run of \(count) \(what)\(count == 1 ? "" : "s")"
                for k in i..<j where k != title && !out[k].skip && !(k > title && k < r.lowerBound && out[k].label == .heading) {
                    switch out[k].label {
                    // Body lines go out; a line already "other" only above the title (relabelled with the reason).
                    case .paragraph, .heading:
                        fallthrough
                    case .boilerplate("other") where k < title:
                        out[k].label = .boilerplate(linkRun ? "nav" : "other")
                        out[k].why = (linkRun ? "nav: " : "other: ") + (teaser[k] && outsideI ? teaserWhy : why)
                        out[k].decided = true
                    default: break
                    }
                }
            }
            i = j
        }
    }

    /// On a dump, a body unit that is the body's paragraphs above joined into one
    /// line (html2text writes a hidden copy of the story, a "print" block, as one
    /// paragraph) is a second copy: it opens as a paragraph above opens, most of its
    /// word 4-grams are in three or more units above, the new ones are where they
    /// were joined. (Single repeats, a gallery's caption again, are left: truths
    /// keep some and a meal plan's days repeat lines; dropping them lost more than
    /// it won, docs/TEXT.md.)
    mutating func dropRepeatedParagraphs() {
        guard region != nil else { return }
        // The body's units so far; their 4-grams (-> the unit each was first in) are
        // indexed only when a unit opens as one of them opened (most pages: never).
        var kept: [Int] = [], opens = Set<UInt64>()
        var seen: [UInt64: Int] = [:], indexed = 0
        var words: [UInt64] = [], grams: [UInt64] = []
        for i in 0..<units.count where !out[i].skip && (out[i].label == .paragraph || out[i].label == .heading) {
            shingles(units[i].start, units[i].end, &words, &grams, first: true)
            guard let open = grams.first else { kept.append(i); continue }
            if opens.contains(open) {
                shingles(units[i].start, units[i].end, &words, &grams)
                if grams.count >= Self.joinedMinGrams {
                    while indexed < kept.count {
                        let k = kept[indexed]
                        var w: [UInt64] = [], g: [UInt64] = []
                        shingles(units[k].start, units[k].end, &w, &g)
                        for x in g where seen[x] == nil { seen[x] = k }
                        indexed += 1
                    }
                    var fresh = 0, first = Int.max
                    var sources = Set<Int>()
                    for g in grams {
                        if let u = seen[g] { sources.insert(u); first = min(first, u) } else { fresh += 1 }
                    }
                    // New 4-grams only where the paragraphs meet (three at each join)
                    // and a few more (a number, a word changed).
                    if sources.count >= Self.joinedUnits && fresh <= 3 * sources.count + grams.count / Self.joinedNewShare {
                        decide(i, .boilerplate("duplicate"), "duplicate: paragraphs of the body above joined into one (from line \(units[first].line))")
                        continue
                    }
                }
            }
            opens.insert(open)
            kept.append(i)
        }
    }

    /// On a dump, body after the story that three or more furniture lines set
    /// apart from it (an author's bio under a share bar and a "Related" list, a
    /// licence line under the footer's menu) is no part of it when it weighs little
    /// against the story: the HTML reader never reaches it, as the story's
    /// container ends above. The story is the heaviest such island of body.
    mutating func dropTrailingIslands() {
        guard let r = region else { return }
        var islands: [(units: [Int], words: Int)] = []
        var cur: [Int] = [], words = 0, gap = 0
        for i in 0..<units.count where !out[i].skip {
            switch out[i].label {
            case .paragraph, .heading:
                if !cur.isEmpty && gap >= Self.islandGap {
                    islands.append((cur, words))
                    cur = []
                    words = 0
                }
                cur.append(i)
                words += wordCount(i)
                gap = 0
            // A gallery, an ad or a call to action sits inside stories: no gap.
            case .boilerplate("widget"), .boilerplate("cta"), .boilerplate("advert"): break
            case .boilerplate, .comment: gap += 1
            default: break
            }
        }
        if !cur.isEmpty { islands.append((cur, words)) }
        guard islands.count >= 2 else { return }
        var m = 0
        for k in 1..<islands.count where islands[k].words > islands[m].words { m = k }
        // All that follows it together weighs little (an RFC's sections between
        // code blocks are each small, not together).
        let after = islands[(m + 1)...].reduce(0) { $0 + $1.words }
        // The story is in the prose region (else the heaviest island is a sidebar's).
        guard islands[m].units.contains(where: { r.contains($0) }) else { return }
        guard m + 1 < islands.count, after * Self.islandShare < islands[m].words, after <= Self.islandWords else { return }
        for k in (m + 1)..<islands.count {
            for i in islands[k].units {
                decide(i, .boilerplate("other"), "other: after the story, apart from it (\(after) words against its \(islands[m].words))")
            }
        }
    }

    /// On a dump, the body's last paragraph, right under a short line (the author's
    /// name, "Über Steffi", "About the Author - Florina Ionescu"), that opens with a
    /// first-person self-introduction ("Ich bin Steffi, ...", "Hi! My name is ...",
    /// `ParserRules.selfIntroductions`) is the author's box under the story, not its
    /// last paragraph: it and the line above go (the HTML reader's story container
    /// ends above it). A story's own first-person ending ("Fazit" / "Ich bin mit der
    /// Rute zufrieden") goes on in lowercase and stays.
    mutating func dropClosingBio() {
        guard region != nil,
              let l = units.indices.last(where: { !out[$0].skip && (out[$0].label == .paragraph || out[$0].label == .heading) }),
              out[l].label == .paragraph, l > 0, wordCount(l) <= Self.bioWords else { return }
        var k = l - 1
        while k > 0 && out[k].skip { k -= 1 }
        let ks = units[k].start, ke = units[k].end
        guard MetaLines.tokens(b, ks, ke, limit: Self.bioHeadWords + 1).count <= Self.bioHeadWords,
              !isTerminal(lastScalar(b, ks, ke).0), !UnitSplitter.startsListItem(b, ks, ke) else { return }
        // The paragraph's first words, ASCII lowercased, punctuation off its ends.
        let toks = MetaLines.tokens(b, units[l].start, units[l].end, limit: 8)
        func word(_ t: (Int, Int)) -> String {
            var s = t.0, e = t.1
            func punct(_ c: UInt8) -> Bool { c < 0x80 && !(c >= 0x30 && c <= 0x39 || c | 0x20 >= 0x61 && c | 0x20 <= 0x7A || c == 0x27) }
            while s < e && punct(b[s]) { s += 1 }
            while e > s && punct(b[e - 1]) { e -= 1 }
            return String(decoding: b[s..<e].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        let words = toks.map(word)
        var intro = false
        for start in 0..<min(Self.bioIntroStart + 1, words.count) where !intro {
            for p in ParserRules.selfIntroductions where start + p.count < words.count && Array(words[start..<start + p.count]) == p {
                let next = toks[start + p.count]
                let c = b[next.0]
                if c >= 0x41 && c <= 0x5A || ParserRules.introArticles.contains(words[start + p.count]) { intro = true; break }
            }
        }
        guard intro else { return }
        let why = "author: a first-person bio under the story (line \(units[l].line))"
        if out[k].label == .paragraph || out[k].label == .heading { decide(k, .boilerplate("author"), why) }
        decide(l, .boilerplate("author"), why)
    }

    func wordCount(_ i: Int) -> Int {
        var n = 0, inWord = false
        for p in units[i].start..<units[i].end {
            let space = b[p] == 0x20 || b[p] == 0x0A || b[p] == 0x09
            if !space && !inWord { n += 1 }
            inWord = !space
        }
        return n
    }

    /// Word 4-grams of s..<e as hashes, into `grams` (`words` is scratch; `first`:
    /// the first 4-gram only): words are runs of ASCII letters and digits or
    /// non-ASCII bytes, ASCII lowercased (markup and punctuation between them do not count).
    func shingles(_ s: Int, _ e: Int, _ words: inout [UInt64], _ grams: inout [UInt64], first: Bool = false) {
        words.removeAll(keepingCapacity: true)
        grams.removeAll(keepingCapacity: true)
        var h: UInt64 = 0xcbf29ce484222325, inWord = false
        for p in s...e {
            let c: UInt8 = p < e ? b[p] : 0x20
            let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            if (lower >= 0x61 && lower <= 0x7A) || (c >= 0x30 && c <= 0x39) || c >= 0x80 {
                h = (h ^ UInt64(lower)) &* 0x100000001b3
                inWord = true
            } else if inWord {
                words.append(h)
                h = 0xcbf29ce484222325
                inWord = false
                if first && words.count == 4 { break }
            }
        }
        guard words.count >= 4 else { return }
        for k in 0...(words.count - 4) {
            grams.append(words[k] &* 0x9E3779B97F4A7C15 ^ (words[k + 1] &* 31) ^ (words[k + 2] &* 961 &+ 7) ^ (words[k + 3] &* 29791 &+ 13))
        }
    }
}
