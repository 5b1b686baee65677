// Plain-text pages -> labelled blocks -> Article. The reader splits the page
// into units (Units.swift), asks the rules about each short one (Rules.swift)
// and notes datelines, numbering and shapes (Analysis.swift), reads blocks of
// short lines as a whole (Blocks.swift: boxes of "Label: value" lines, sponsor,
// appeal and gallery blocks, print jump lines and indexes), then reads the
// page the way news pages are built (Zones.swift):
//
//   [furniture] title [repeated headline, credit, byline, date]   header
//   paragraphs and headings, with widgets, adverts and promos       body
//   bio, navigation, tags, related links, forms, agency credits      tail
//   numbered or indented comments, "Comments are closed."           comments
//
// The body ends at the first tail marker (navigation, tags, a comment form or
// header, an "About the author", agency credits, a confirmed author bio) that
// is not followed by more body text. Every block carries the rule that decided
// it, for `lectern parse --explain`.

import ArticleModel

public struct TextReader: Sendable {
    public let rules: ParserRules
    public init(rules: ParserRules = .defaults()) { self.rules = rules }

    /// Every block of the page, labelled, with the rule that decided.
    /// `markdown`: true for a page known to be Markdown (a `.md` file), nil to tell by content.
    public func blocks(from text: String, markdown: Bool? = nil) -> [Block] {
        // Markdown is rewritten to plain text line for line; what its markup said rides along.
        let md = markdown ?? MarkdownPage.looksLikeMarkdown(text) ? MarkdownPage(text) : nil
        var text = md?.text ?? text
        if let t = MetaLines.unglueDates(text) { text = t }
        var blocks = text.withUTF8 { src -> [Block] in
            var extra: [UInt8] = []
            let units = UnitSplitter.split(src, extra: &extra)
            if extra.isEmpty {
                var c = Classifier(b: src, units: units, rules: rules, markdown: md)
                return c.run()
            }
            // Joined paragraphs live after the page's own bytes.
            var storage = [UInt8]()
            storage.reserveCapacity(src.count + extra.count)
            storage.append(contentsOf: src)
            storage.append(contentsOf: extra)
            return storage.withUnsafeBufferPointer { b in
                var c = Classifier(b: b, units: units, rules: rules, markdown: md)
                return c.run()
            }
        }
        Self.dayFirstByLanguage(&blocks)
        if let md { Self.addHeaderFields(md, to: &blocks) }
        return blocks
    }

    /// "03/05/2022 20:36" alone on its line reads month first, as an English line
    /// would; on a page written in another language (its paragraphs tell) it is
    /// the 3rd of May. Only dates whose numbers could be either, read month first.
    static func dayFirstByLanguage(_ blocks: inout [Block]) {
        var english: Bool? = nil
        for k in blocks.indices where blocks[k].label == .date {
            guard let v = blocks[k].value else { continue }
            var text = blocks[k].text
            guard let m = text.withUTF8({ DateNormalizer.find(in: $0) }), m.ambiguous, v == m.iso else { continue }
            if english == nil {
                let lang = LanguageDetector.detect(blocks.lazy.filter { $0.label == .paragraph }.map(\.text))
                english = lang == nil || lang == "en"
            }
            if english == true { return }
            blocks[k].value = DateNormalizer.format(m.year, m.day, m.month)
        }
    }

    /// The URL a Markdown reader header or front matter gives ("URL Source:"), if any.
    public static func headerURL(_ blocks: [Block]) -> String? {
        blocks.first(where: { $0.label == .ignored && $0.rule.hasPrefix(urlRule) })?.value
    }

    static let urlRule = "ignored: URL from the Markdown header"

    /// A header's date and URL as blocks of their own (line 1, before the page's
    /// blocks): the date wins over dates in the text, the URL is for headerURL.
    static func addHeaderFields(_ md: MarkdownPage, to blocks: inout [Block]) {
        var extra: [Block] = []
        if let d = md.published {
            extra.append(Block(index: 0, line: 1, text: d, label: .date, rule: "date: from the Markdown header", value: d))
        }
        if let u = md.url {
            extra.append(Block(index: 0, line: 1, text: u, label: .ignored, rule: urlRule, value: u))
        }
        guard !extra.isEmpty else { return }
        if md.published != nil {
            // One published date: the header's.
            for k in blocks.indices where blocks[k].label == .date {
                blocks[k].label = .boilerplate("meta")
                blocks[k].rule = "meta: a date line (the Markdown header gives the date)"
            }
        }
        blocks.insert(contentsOf: extra, at: 0)
        for k in blocks.indices { blocks[k].index = k }
    }

    public func parse(text: String, source: String) -> Article {
        let bs = blocks(from: text)
        return ArticleBuilder.build(source: source, format: "text", url: Self.headerURL(bs), blocks: bs)
    }

    /// Bytes as read from a file: decoded (TextDecoding), then parsed. The
    /// decoding warning, if any, is returned for the caller to report.
    public func parse(bytes: [UInt8], source: String) -> (article: Article, warning: String?) {
        let (text, warning) = TextDecoding.decode(bytes)
        return (parse(text: text, source: source), warning)
    }
}

/// One page's units and the decisions about them.
struct Classifier {
    let b: Bytes
    var units: [Unit]
    let rules: ParserRules

    struct Info {
        var hit: ParserRules.Hit?
        /// The hit is a byline behind a bullet (Analysis.swift, bulletByline): the header's only.
        var bulletByline = false
        /// The unit is a run of rule phrases of one kind ("Facebook Twitter Email").
        var runKind: String?
        var date: String?
        /// Short, no sentence end, not a list item: could be a heading.
        var headingLike = false
        var number: Int?
        var numberTextStart = 0
        /// Numbered "1)" rather than "1.": how blogs number comments.
        var parenNumber = false
        /// Labelled by its neighbours: a line of a share block, an item of a "Related" list.
        var contextKind: String?
        var contextWhy = ""
        var plain: Bool { hit == nil && runKind == nil && date == nil && contextKind == nil }
    }

    struct Out {
        var label: BlockLabel = .paragraph
        var why: String = ""
        var value: String?
        var values: [String] = []
        var number: Int?
        /// Replaces the unit's text (comments: without the number, merged).
        var text: String?
        var decided = false
        /// Merged into an earlier block.
        var skip = false
        /// A byline with its date after it on the line ("Tanja Karrasch -
        /// 3.11.2023"): where the date part starts, and its value. Emitted as two
        /// blocks, so the prose region (found on whole lines) is not moved.
        var dateAt = -1
        var dateValue: String?
    }

    var info: [Info] = []
    var out: [Out] = []
    var title = -1
    /// A headline-shaped line under the headline, longer than it (Region.swift, headlineAnchor).
    var standfirst = -1
    /// A Markdown page's only "# " heading far above the prose region, over the
    /// line the page is read from: the title (headlineAnchor), -1 for none.
    var farTitle = -1
    var firstBody = 0
    /// The unit the header is read from: the title, or its repeat below the site's furniture.
    var headStart = 0
    /// End of the header: the first paragraph, or the second when the first is a
    /// dek with the byline, date or credit under it.
    var headerEnd = 0
    var bodyEnd = 0
    /// The story's margin: comments are indented past it (Zones.swift, storyIndent).
    var bodyIndent = 0
    var commentStart = -1
    var byline: String?

    /// Page dumps (Region.swift): the main prose region and each unit's density class.
    var region: Range<Int>?
    var density: [Density] = []
    /// Units of teaser lists (Region.swift, teaserItems).
    var teaser: [Bool] = []
    /// Each unit's weight in the region's run (Region.swift).
    var regionWeight: [Int] = []
    /// Inside the region, an insert between the story's opening and its rest (a
    /// newsletter box): its lines are no part of the body (cutRegionAtEnds).
    var insert: Range<Int>? = nil
    /// What a Markdown page's markup said, by 1-based line (Markdown.swift).
    var mdHeadings: [Int: Int] = [:]
    var mdLinkShare: [Int: Double] = [:]
    var mdTitleLine = 0
    var mdTableRows: Set<Int> = []
    var mdLinkedHeadings: Set<Int> = []
    /// A Markdown page (its headlines are marked).
    var isMarkdown = false
    /// Cookie and privacy consent notices and their panels: each unit's reason, nil
    /// for the rest (Consent.swift).
    var consent: [String?] = []

    init(b: Bytes, units: [Unit], rules: ParserRules, markdown: MarkdownPage? = nil) {
        self.b = b
        self.units = units
        self.rules = rules
        if let md = markdown {
            isMarkdown = true
            mdHeadings = md.headings
            mdLinkShare = md.linkShare
            mdTitleLine = md.titleLine
            mdTableRows = md.tableRows
            mdLinkedHeadings = md.linkedHeadings
        }
    }

    mutating func run() -> [Block] {
        splitMetaLines()
        consent = findConsent()
        findProseRegion()
        analyse()
        anchorOnHeadline()
        cutRegionAtEnds()
        labelLists()
        // A page that opens with a paragraph of several sentences has no headline line: all of it is text.
        let first = firstTitleCandidate()
        let mdTitle = region == nil ? markdownHeadline(after: first) : nil
        guard let t0 = headlineAnchor() ?? mdTitle ?? first, !isOpeningParagraph(t0) else { return emitAll() }
        let t1 = t0 == first ? headlineUnderSiteName(t0) ?? t0 : t0
        let overCaption = region != nil ? headlineOverCaption(t1) : nil
        let t = overCaption ?? t1
        title = t
        // The title fell back to the page's first line: no headline was found.
        let firstLine = t == t0 && t != mdTitle && overCaption == nil && !(region != nil && t > 0)
        labelBlocks()
        endLabelBlocks()
        decide(t, .title, overCaption != nil ? "title: headline over the photo's caption or credit (line \(units[t1].line))"
               : t != t0 ? "title: headline over the story's byline or date, under the site's name (line \(units[t0].line))"
               : region != nil && t > 0 ? "title: headline above the main prose region"
               : t == mdTitle ? "title: the page's one Markdown '# ' heading, under short lines only" : "title: first unit")
        if overCaption != nil && !out[t1].decided {
            decide(t1, .boilerplate("caption"), "caption: a photo's caption or credit under the headline")
        }
        if standfirst > t {
            decide(standfirst, .boilerplate("standfirst"), "standfirst: a longer headline-shaped line under the headline")
        }
        for i in 0..<t { labelFurniture(i) }
        headStart = t
        if let r = titleRepeat() {
            // Scraped pages open with the document title; the site's furniture
            // (skip links, cookie notices, menus, rubrics) sits above the headline's repeat.
            for i in (t + 1)..<r where !out[i].decided { labelFurniture(i, aboveRepeat: true) }
            decide(r, .ignored, "ignored: repeated headline")
            headStart = r
        }
        if let r = restartedTitle() {
            for i in (headStart + 1)..<r where !out[i].decided { labelFurniture(i, aboveRepeat: true) }
            decide(r, .ignored, "ignored: headline repeated again above its byline")
            headStart = r
        }
        let dup = duplicatedArticle()
        findFirstBody()
        labelHeader()
        if let d = dup { labelDuplicate(d) }
        findBodyEnd()
        if let d = dup, d < bodyEnd { bodyEnd = d }
        labelHits()
        labelBody()
        labelTail()
        labelComments()
        if byline == nil { creditAuthor() }
        if byline == nil { copyrightAuthor() }
        settleDates()
        if !out.contains(where: { $0.label == .date || $0.dateAt >= 0 }) { looseHeadDate() }
        applyRegion()
        dropRepeatedParagraphs()
        dropTrailingIslands()
        dropClosingBio()
        keepLoneProse()
        settleTitle(firstLine: firstLine)
        return emitAll()
    }

    /// The title's last word, once the page is read (the header and the body
    /// were read from `title`, and stay so): the heading the story opens with
    /// under a first line that was no headline; no title rather than a menu's
    /// first line, a photo's caption, a far headline without its byline or
    /// date, a line sharing no word with the story or a label standing five
    /// times on the page; the headline over its standfirst (StoryWords.swift);
    /// a Markdown page's only "# " heading far above the region over the search's line.
    mutating func settleTitle(firstLine: Bool) {
        let t = title
        if firstLine, let h = openingHeading(after: t) {
            decide(t, .boilerplate("other"), "other: the page's first line, over the heading the story opens with (line \(units[h].line))")
            decide(h, .title, "title: the heading the story opens with, under the page's first line (line \(units[t].line))")
        } else if firstLine, region != nil, headStart == t, density[t] == .linkLike {
            // No headline found, and the first line is a menu's: no title rather than a wrong one.
            decide(t, .boilerplate("nav"), "nav: the page's first line, link-like; no headline found, so no title")
        } else if firstLine, headStart == t, firstOfShortLines(t) {
            // ... or the first of a block of short lines ("Suche" / "Fotostream" /
            // "Anmelden", "Themen Newsletter ... Shop" / "Abo Suche"): a menu's.
            decide(t, .boilerplate("nav"), "nav: the page's first line, over a short line with no blank line between (a menu's); no headline found, so no title")
        } else if region != nil, out[t].label == .title, mdHeadings[units[t].line] == nil, creditLike(t) {
            // The search's line is a photo's caption or credit and no headline
            // stands over it (headlineOverCaption): no title rather than the caption.
            decide(t, .boilerplate("caption"), "caption: a photo's caption or credit taken for the headline, with no headline over it; no title")
        } else if let gap = farHeadlineGap(t) {
            decide(t, .boilerplate("other"), "other: the headline search's line, \(gap) units above the story with no byline or date under it; no title")
        } else if let n = longTitleAlone(t) {
            decide(t, .boilerplate("other"), "other: the line taken for the headline has \(n) words and no byline or date beside it (a sentence, not a headline); no title")
        } else if unrelatedTitle(t) {
            if let k = relatedHeadline(under: t) {
                decide(t, .boilerplate("other"), "other: shares no word with the story; the headline is line \(units[k].line)")
                decide(k, .title, "title: the first headline-shaped line under the line taken for the headline (\(units[t].line)) that shares a word with the story")
            } else {
                decide(t, .boilerplate("other"), "other: the line taken for the headline shares no word with the story; no title")
            }
        } else if !firstLine, let u = headlineOverTitle(t) {
            decide(t, .boilerplate("standfirst"), "standfirst: under the headline (line \(units[u].line)), which says as much of the story")
            decide(u, .title, "title: the headline-shaped line right over the line taken for the headline (\(units[t].line)), saying as large a share of its words in the story")
        }
        if farTitle >= 0 && out[farTitle].label != .title {
            if out[title].label == .title {
                decide(title, .boilerplate("other"), "other: the line the headline search took under the page's only '# ' heading (line \(units[farTitle].line))")
            }
            decide(farTitle, .title, "title: the page's only Markdown '# ' heading, far above the main prose region")
        }
        // A headline stands on its page a few times at most (the document
        // title, the headline, a breadcrumb, a share text); a line standing
        // more often is a button's or a list's label, whichever rule took it.
        if region != nil, let k = out.firstIndex(where: { $0.label == .title }), mdHeadings[units[k].line] == nil,
           case let n = timesOnPage(k), n >= Self.labelRepeats {
            decide(k, .boilerplate("other"), "other: the line taken for the headline stands \(n) times on the page (a button's or a list's label); no title")
        }
    }

    /// The unit right under `t` touches it (no blank line between) and is short
    /// (`shortMenuLine` bytes at most) and no byline, date or meta line: `t` heads
    /// a block of short lines. A headline stands apart from what follows it, or
    /// has its byline or date right under it. On trafilatura's no-bullets tuning
    /// pages, of the 31 titles that fell back to the page's first line, 8 were
    /// such lines, all wrong, and none of the 6 right ones was.
    func firstOfShortLines(_ t: Int) -> Bool {
        let k = t + 1
        // (Only on a page that sets its blocks apart with blank lines: WET has none.)
        guard k < units.count, units[k].blankBefore == 0, units[k].end - units[k].start <= Self.shortMenuLine,
              units[k...].contains(where: { $0.blankBefore > 0 }) else { return false }
        switch out[k].label {
        case .byline, .date, .imageCredit: return false
        case .boilerplate(let kind) where kind == "meta": return false
        default: return true
        }
    }
    static let shortMenuLine = 60

    /// How many units of the page read as `t` does, byte for byte ("Mehr
    /// erfahren" under each of a list's teasers, "Antworten" under each post).
    func timesOnPage(_ t: Int) -> Int {
        let own = b[units[t].start..<units[t].end]
        return units.reduce(0) { $1.end - $1.start == own.count && b[$1.start..<$1.end].elementsEqual(own) ? $0 + 1 : $0 }
    }
    /// On trafilatura's no-bullets tuning pages the titles that stood five
    /// times or more on their page were all wrong (5 pages); four times, 4
    /// right and 5 wrong.
    static let labelRepeats = 5

    /// A plain dump's headline taken by the search over the region that stands
    /// far above the story's first paragraph (farHeadlineUnits or more) with no
    /// byline or date under it: on trafilatura's tuning pages such a title was
    /// right on 3-6 pages and wrong on 34-46 per plain form (a teaser's, a
    /// menu's, a sidebar's line). No title rather than a wrong one; Markdown
    /// marks its headlines, and there such titles are right half the time.
    func farHeadlineGap(_ t: Int) -> Int? {
        guard region != nil, !isMarkdown, t > 0, out[t].label == .title,
              let p = ((t + 1)..<out.count).first(where: { out[$0].label == .paragraph }),
              p - t >= Self.farHeadlineUnits,
              !((t + 1)..<min(out.count, t + 4)).contains(where: isBylineOrDate)
        else { return nil }
        return p - t
    }
    static let farHeadlineUnits = 9

    /// A title of `longTitleWords` words or more with no byline or date beside
    /// it (three units over it, four under it): a teaser's or a caption's
    /// sentence, a browser notice, a line of code ("With this setting tuned
    /// on, VOLTA Trax will play in all game modes. ..."), not a headline;
    /// headlines that long stand with their byline or date. On trafilatura's
    /// no-bullets tuning pages the rule took 14 wrong titles and 1 right one.
    /// Not a Markdown page's "# " heading (marked as a headline), nor a title
    /// the page repeats over the story. Its word count, nil for the rest.
    func longTitleAlone(_ t: Int) -> Int? {
        // (A title repeated below, the document title over its headline, is a headline.)
        guard out[t].label == .title, headStart == t, mdHeadings[units[t].line] == nil else { return nil }
        let n = MetaLines.tokens(b, units[t].start, units[t].end).count
        guard n >= Self.longTitleWords else { return nil }
        let near = max(0, t - 3)..<min(out.count, t + 5)
        guard !near.contains(where: { $0 != t && isBylineOrDate($0) }) else { return nil }
        return n
    }
    static let longTitleWords = 15

    /// A dump whose body would be empty but for headings in its prose region
    /// (a post of one short line, "„Ich weiß ich bin betrunken ...“", taken for
    /// a heading over lines the region then set out): the prose there is the
    /// text, and a heading with no paragraph under it would be dropped.
    mutating func keepLoneProse() {
        guard let r = region, !out.contains(where: { $0.label == .paragraph }) else { return }
        for i in r where out[i].label == .heading && density[i] == .prose {
            decide(i, .paragraph, "paragraph: the prose region's text, with no paragraph under it")
        }
    }

    /// A story does not open with a section's heading: when the title fell
    /// back to the page's first line (a site's name, a menu's first entry) and
    /// the body's first block is a heading with a paragraph right under it
    /// ("Strangemachines" / "Challenges" / "Articles" / "Performant Python" /
    /// the story), with furniture between, that heading is the headline. Not
    /// when the first line is shaped like a headline itself or stands right
    /// over the heading (a text file's title over its first section), when it
    /// is said again over the story (the document title: its repeat is the
    /// headline), or when the heading is a sentence or a label.
    func openingHeading(after t: Int) -> Int? {
        guard headStart == t, !headlineShape(t, words: 4...30) else { return nil }
        guard let k = ((t + 1)..<out.count).first(where: { out[$0].label == .heading || out[$0].label == .paragraph }),
              k > t + 1, out[k].label == .heading, k + 1 < out.count, out[k + 1].label == .paragraph,
              headlineShape(k, words: 1...30), hasLetters(k) else { return nil }
        return k
    }

    /// A line with a letter in it (not an icon font's glyphs, not numbers only).
    func hasLetters(_ k: Int) -> Bool {
        String(decoding: b[units[k].start..<units[k].end], as: UTF8.self).unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The first title candidate; past a menu's list items ("* Home", taken when
    /// the search over the region finds no headline) the first line that is no
    /// list item, when it is no sentence or label (a paragraph there is the
    /// text's start) and, on a dump, no bare name (a byline's).
    func firstTitleCandidate() -> Int? {
        guard let any = units.indices.first(where: isTitleCandidate) else { return nil }
        func listItem(_ k: Int) -> Bool { UnitSplitter.startsListItem(b, units[k].start, units[k].end) }
        guard listItem(any), let k = ((any + 1)..<units.count).first(where: { isTitleCandidate($0) && !listItem($0) }) else { return any }
        let last = lastScalar(b, units[k].start, units[k].end).0
        return isTerminal(last) || last == 0x3A || region != nil && isBareName(units[k].start, units[k].end) ? any : k
    }

    /// A date more than this many units above a dump's headline is the site's date bar.
    static let dateBarGap = 3
    /// A Markdown page's one "# " heading is its headline within this many units
    /// of the top, when no line above it is a sentence of this many words.
    static let markdownHeadSpan = 12
    static let markdownHeadWords = 12

    /// The published date is the first date of publication: a date bar above the
    /// repeated headline, or well above a dump's headline (the day of the scrape),
    /// gives way to a date in the article's header, and an "Updated:" date to a
    /// publication date anywhere.
    mutating func settleDates() {
        dropCardDates()
        let dates = (0..<units.count).filter { out[$0].label == .date && !out[$0].skip }
        guard dates.count >= 2 else { return }
        var first = dates[0]
        if first < headStart, headStart > title, let later = dates.first(where: { $0 > headStart && $0 < max(bodyEnd, headerEnd) }) {
            decide(first, .boilerplate("meta"), "meta: date bar above the repeated headline (the site's, not the article's)")
            first = later
        } else if region != nil, first + Self.dateBarGap < title, let later = dates.first(where: { $0 > title && $0 <= title + 4 && $0 < max(bodyEnd, headerEnd) }) {
            // On a dump, a date well above the headline is the site's header bar
            // (the day of the scrape: "Mittwoch, 9. Februar 2022"); the story's
            // own date stands in its head.
            decide(first, .boilerplate("meta"), "meta: date bar well above the headline (the site's, not the article's)")
            first = later
        }
        if MetaLines.isUpdateLine(b, units[first].start, units[first].end),
           let pub = dates.first(where: { $0 > first && out[$0].label == .date && !MetaLines.isUpdateLine(b, units[$0].start, units[$0].end)
                                          && ($0 < bodyEnd || MetaLines.isPublishLine(b, units[$0].start, units[$0].end)) }) {
            out[first].why += " (an update; the publication date is on line \(units[pub].line))"
            decide(first, .boilerplate("meta"), out[first].why)
        }
    }

    /// Units either side of a date under the story searched for the other dates of a list of cards.
    static let cardDateSpan = 6

    /// Under the story, a date line with two more dated lines within six units
    /// of it (a teaser list's cards, "Meistgelesen" / title / "01.02.2022" / title /
    /// "30.01.2022", a comment thread's stamps, an events box) dates those items,
    /// not the story: taking the first of them as the published date was right
    /// about as often as wrong. A post footer has one date, or two (published,
    /// updated); a line that says it is the publication date ("Veröffentlicht
    /// 23.06.2016") or labels its date ("Erscheinungsdatum: 07.02.2022") stays the story's.
    mutating func dropCardDates() {
        // (On a dump the story ends with its prose region: applyRegion, later, makes the rest furniture.)
        let start = max(region.map { min(bodyEnd, $0.upperBound) } ?? bodyEnd, firstBody + 1)
        guard start < units.count else { return }
        func dated(_ j: Int) -> Bool {
            if out[j].label == .date { return !out[j].skip }
            let s = units[j].start, e = units[j].end
            return !out[j].skip && units[j].lineCount == 1 && e - s <= 120
                && DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])) != nil
        }
        func same(_ j: Int, _ k: Int) -> Bool {
            b[units[j].start..<units[j].end].elementsEqual(b[units[k].start..<units[k].end])
        }
        var cards: [(Int, Int)] = []
        func labelled(_ i: Int) -> Bool {
            let s = units[i].start, e = units[i].end
            if MetaLines.isPublishLine(b, s, e) { return true }
            guard let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])) else { return false }
            var p = s + m.start
            while p > s && (b[p - 1] == 0x20 || b[p - 1] == 0x09) { p -= 1 }
            return p > s && b[p - 1] == 0x3A
        }
        for i in start..<units.count where out[i].label == .date && !out[i].skip && !labelled(i) {
            let lo = max(start, i - Self.cardDateSpan), hi = min(units.count - 1, i + Self.cardDateSpan)
            // (A line said again with the line under it is one footer printed
            // twice, "Date 23.05.2011" / "Imprimer" in two layouts; cards of one
            // day have each their own headline.)
            let others = (lo...hi).filter { $0 != i && dated($0) && !(same($0, i) && $0 + 1 < units.count && i + 1 < units.count && same($0 + 1, i + 1)) }
            // Two bare date lines (a comment thread of two) are items too: a post's
            // second date says what it is ("Aktualisiert: ...").
            let bare = others.filter { out[$0].label == .date && !labelled($0)
                && !MetaLines.isUpdateLine(b, units[$0].start, units[$0].end) }
            if others.count >= 2 || !bare.isEmpty { cards.append((i, others[0])) }
        }
        for (i, j) in cards {
            decide(i, .boilerplate("meta"), "meta: a date in a list of dated items under the story (another on line \(units[j].line)), not the story's")
        }
        // Under the comments' header a date is a comment's.
        if let c = (start..<units.count).first(where: { out[$0].label == .comment || out[$0].label == .boilerplate("comments") }) {
            for i in (c + 1)..<units.count where out[i].label == .date && !out[i].skip {
                decide(i, .boilerplate("meta"), "meta: a comment's date (under the comments on line \(units[c].line))")
            }
        }
    }

    /// No date anywhere: the date after the name on the byline's line, else a
    /// short line in the story's head (between the headline and the first
    /// paragraph, else one of the two units right above the headline, else one
    /// of the three under the first paragraph that is no paragraph) that holds a date among rubric words ("31.01.2016
    /// Hardware", "Mittwoch, 01. November 2023 - Handel", "Pressemitteilung Aktuell
    /// 02. November 2021": at most five words beside the date besides date
    /// words, not a numbered item) is the story's date line; the words stay in
    /// its text.
    mutating func looseHeadDate() {
        // The byline's own line first: "Von Christian Thiele, 07 Dezember, 2022",
        // "Author: Bo2man am 29.12.2010, 13:36 Uhr" (the rule took the name, the
        // date after it rides along): split at output into the byline and the date.
        if let i = out.indices.first(where: { out[$0].label == .byline && !out[$0].skip }), out[i].dateAt < 0,
           units[i].lineCount == 1, let name = out[i].value {
            let s = units[i].start, e = units[i].end
            let nb = Array(name.utf8)
            var at = s
            while at + nb.count <= e && !b[at..<(at + nb.count)].elementsEqual(nb) { at += 1 }
            if at + nb.count <= e, let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[(at + nb.count)..<e])) {
                out[i].dateAt = at + nb.count + m.start
                out[i].dateValue = m.iso
                return
            }
        }
        guard title >= 0 else { return }
        // The head between the headline and the first paragraph, then the two
        // units right above the headline ("21.01.2022 Presse-Mitteilung" / the
        // headline: where pages set their dateline over it; a date further up is
        // the site's date bar), then up to three units under the first paragraph
        // inside the body that are no paragraph ("Pressemitteilung vom ..." under a lead).
        // (A bulleted meta item taken as the first paragraph, "* Post date March 5, 2014", is the head's too.)
        let bulletFirst = firstBody > title && firstBody < units.count && bulletTextStart(units[firstBody].start, units[firstBody].end) != nil
        let head = (firstBody > title + 1 ? Array((title + 1)..<max(title + 1, min(units.count, firstBody))) : []) + (bulletFirst ? [firstBody] : [])
        let under = firstBody > title ? Array((firstBody + 1)..<max(firstBody + 1, min(units.count, bodyEnd, firstBody + 4))) : []
        for i in head + [title - 1, title - 2] + under where i >= 0 && !out[i].skip && units[i].lineCount == 1
                && !(i > firstBody && out[i].label == .paragraph) {
            let l = out[i].label
            guard l == .boilerplate("other") || l == .boilerplate("meta") || l == .heading || l == .paragraph || !out[i].decided else { continue }
            let s = units[i].start, e = units[i].end
            guard e - s <= 100, !isTerminal(lastScalar(b, s, e).0),
                  let m = DateNormalizer.find(in: UnsafeBufferPointer(rebasing: b[s..<e])),
                  // (Not a numbered item that holds a date: "1. Abnahme des Protokolls vom 5.8.2019".)
                  info[i].number == nil || m.start == 0 else { continue }
            // A few rubric words, not a subtitle that holds a date ("Bern, 17.08.2007 - Rede von ...").
            let words = (MetaLines.tokens(b, s, s + m.start) + MetaLines.tokens(b, s + m.end, e)).filter { t in
                (t.0..<t.1).contains { isLetterASCII(b[$0]) || b[$0] >= 0xC3 }
                    && !MetaLines.dateWords.contains(MetaLines.word(b, t.0, t.1))
                    && DateNormalizer.monthNumber(UnsafeBufferPointer(rebasing: b[t.0..<t.1])) == 0 }
            guard words.count <= 5 else { continue }
            let place = i < title ? "right above the headline" : i > firstBody ? "under the first paragraph" : "in the story's head"
            decide(i, .date, "date: a date among rubric words \(place) (no other date on the page)", value: m.iso)
            return
        }
    }

    /// No byline: a name alone on a line right above the header's date (a
    /// newsletter post's header: "Tom Ashby" / "Mar 3, 2024") is the byline when the
    /// page's footer backs it up with "© 2024 Tom Ashby". A site's name there has
    /// no personal-name shape or no such footer.
    mutating func copyrightAuthor() {
        let lim = min(units.count, max(headerEnd, firstBody + 1))
        guard title + 1 < lim else { return }
        for i in (title + 1)..<lim where i + 1 < units.count && out[i + 1].label == .date && out[i].label == .boilerplate("meta") {
            let s = units[i].start, e = units[i].end
            guard units[i].lineCount == 1, e - s <= 60, MetaLines.isName(b, s, e), !MetaLines.isOrganisationName(b, s, e),
                  MetaLines.tokens(b, s, e, limit: 6).count >= 2, MetaLines.tokens(b, s, e, limit: 6).count <= 4 else { continue }
            var k = units.count - 1
            while k > max(bodyEnd, i + 1) - 1 {
                defer { k -= 1 }
                let ks = units[k].start, ke = units[k].end
                guard ke - ks <= 120, let c = findCI(b, ks, ke, "©") ?? findCI(b, ks, ke, "(c) ") ?? findCI(b, ks, ke, "copyright ") else { continue }
                let len = e - s
                var p = c
                while p + len <= ke && !equalCI(b, p, p + len, s, e) { p += 1 }
                if p + len <= ke {
                    decide(i, .byline, "byline: a name alone above the date, backed by the '© \(string(s, e))' footer (line \(units[k].line))",
                           value: string(s, e))
                    byline = string(s, e)
                    return
                }
            }
        }
    }

    // MARK: - helpers

    func text(_ i: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[units[i].start..<units[i].end]), as: UTF8.self)
    }

    func string(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }

    mutating func decide(_ i: Int, _ label: BlockLabel, _ why: String, value: String? = nil) {
        out[i].label = label
        out[i].why = why
        out[i].value = value
        out[i].decided = true
    }

    func isPlainOpen(_ i: Int) -> Bool { info[i].plain && !out[i].decided }

    /// Not heading-like: long, or ends like a sentence.
    func paraLike(_ i: Int) -> Bool { !info[i].headingLike }

    func isMarker(_ i: Int) -> Bool {
        if let h = info[i].hit {
            switch rules.rules[h.rule].label {
            case .navPrevious, .navNext, .tags, .commentsClosed: return true
            case .boilerplate(let k): return k == "form" || k == "comments" || k == "author" || k == "credits" || k == "disclaimer"
            default: return false
            }
        }
        return false
    }

    /// "Comments are closed.", a comment form or header: comments may sit above it.
    func closesComments(_ i: Int) -> Bool {
        guard let h = info[i].hit else { return false }
        switch rules.rules[h.rule].label {
        case .commentsClosed: return true
        case .boilerplate(let k): return k == "form" || k == "comments"
        default: return false
        }
    }

    /// A Markdown page that is no dump (few link lines) with its one "# "
    /// heading near the top under short lines only ("[Blog](/blog/)" /
    /// "Insights" / the headline / "Published on: ..." / "# " the headline):
    /// html2text writes the page's <h1> so, and it is the headline; the lines
    /// above it are the site's (the first of them was the title).
    func markdownHeadline(after first: Int?) -> Int? {
        guard isMarkdown, let f = first, let h = onlyTopHeading(0..<units.count), h > f,
              h - f <= Self.markdownHeadSpan else { return nil }
        // Nothing above it reads as the story: no sentence of a dozen words.
        guard !(0..<h).contains(where: { endsSentence($0) && wordCount($0) >= Self.markdownHeadWords }) else { return nil }
        return h
    }

    /// The page's first unit is 300 bytes or more and holds two sentences or more.
    func isOpeningParagraph(_ i: Int) -> Bool {
        guard i == 0 else { return false }
        let s = units[i].start, e = units[i].end
        guard e - s >= 300, isTerminal(lastScalar(b, s, e).0) else { return false }
        var p = s
        while p + 1 < e - 1 {
            if (b[p] == 0x2E || b[p] == 0x3F || b[p] == 0x21) && b[p + 1] == 0x20 { return true }
            p += 1
        }
        return false
    }

    func isCommentsHeader(_ i: Int) -> Bool {
        if let h = info[i].hit, case .boilerplate("comments") = rules.rules[h.rule].label { return true }
        return false
    }

    func hitLabel(_ i: Int) -> BlockLabel? { info[i].hit.map { rules.rules[$0.rule].label } }

    // MARK: - output

    mutating func emitAll() -> [Block] {
        var blocks: [Block] = []
        blocks.reserveCapacity(units.count)
        for i in 0..<units.count where !out[i].skip {
            var o = out[i]
            if !o.decided {
                // Anything left (a page of furniture only) is body text.
                o.label = .paragraph
                o.why = "paragraph: sentence text"
            }
            if o.dateAt > units[i].start, o.dateAt < units[i].end, let name = o.value {
                // The byline's text is its name, without the separator before the date.
                blocks.append(Block(index: blocks.count, line: units[i].line, text: name, label: o.label, rule: o.why, value: name))
                blocks.append(Block(index: blocks.count, line: units[i].line, text: string(o.dateAt, units[i].end), label: .date,
                                    rule: "date: dateline after the name on its line", value: o.dateValue))
                continue
            }
            blocks.append(Block(index: blocks.count, line: units[i].line, text: o.text ?? text(i),
                                label: o.label, rule: o.why, value: o.value, values: o.values, number: o.number))
        }
        return blocks
    }
}
