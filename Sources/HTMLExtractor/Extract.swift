// Finds the article in a walked page and labels every chunk of text.
//
// 1. Score: every paragraph-like chunk (25+ characters) gives points (1 + commas
//    + length/100, at most 3 for length) to the elements above it: its
//    container in full, the next one half, then a third, ... (Readability's
//    scheme). Each scored element starts from its tag and class/id words
//    (article/content/story +25, related/share/comment... -25) and ends scaled
//    by (1 - its link density).
// 2. The best element, widened to an ancestor when the next-best candidates
//    share it or when its parent scores higher, plus siblings that score
//    close to it, is the content region. A JSON-LD articleBody the region
//    misses can move it (LDEvidence, checkRootAgainstArticleBody).
// 3. Inside the region, text is body unless an element between the region's
//    root and the text is boilerplate by tag or class words (aside, figure,
//    share, related, advert, newsletter ...) and not mostly prose, is mostly links, or is a known
//    boilerplate line ("Advertisement", "Read more: ..."), or is boilerplate
//    by structure, without class words: text repeated three times, teaser
//    cards at the end, short div lines before the body, credit lines, bare
//    addresses (and, before scoring, runs of dated items are comments).
//    Outside, text is boilerplate of the kind of its nearest marked
//    container, or a comment, byline, date, navigation link or tag list.
// 4. Safety net: a root that gives next to no body while there is three times
//    as much prose outside it was the wrong element; that prose is the body.
import ArticleModel

struct Extraction {
    var blocks: [Block] = []
    var url: String?
    var language: String?
    /// The page's JSON-LD articleBody and its evidence (built once, by the
    /// Extractor), when its article's headline (if it gives one) is the
    /// page's title: `preferArticleBody()`'s material.
    var ldArticleBody: String?
    var ld: LDEvidence?
    /// Bytes of the body's paragraphs.
    var bodyChars: Int { blocks.reduce(0) { $0 + ($1.label == .paragraph ? $1.text.utf8.count : 0) } }
}

final class Extractor {
    let page: Page
    let meta: PageMeta
    private let cp: [Int32]   // prefix sums of chunk chars
    private let lp: [Int32]   // of link chars
    /// Region roots: subtrees whose text is the article.
    private(set) var roots: [Int32] = []
    /// Per chunk: index of the region root holding it, or -1.
    private var region: [Int32] = []
    private var regionChars: Int32 = 0
    private var rootRule = ""
    private var titleText: String?
    private var titleRule = ""
    private var titleNode: Int32 = -1
    /// JSON-LD articleBody evidence, with per-chunk prefix sums of its 3-gram
    /// hits, 3-grams and words (empty when the page has none).
    private var ld: LDEvidence?
    private var ldHit: [Int32] = []
    private var ldGram: [Int32] = []
    private var ldWord: [Int32] = []

    /// Set when class words were dropped as layout (`layoutWords(_:)`), or
    /// the page was read again another way; added to the root's rule.
    private var layoutNote = ""

    init(page: Page, layout: Hint = [], note: String = "") {
        var page = page
        self.meta = PageMeta(page)
        Extractor.markRelatedSections(&page)
        Extractor.markCommentRuns(&page)
        if !layout.isEmpty {
            for i in page.nodes.indices where !page.nodes[i].hint.isDisjoint(with: layout) { page.nodes[i].hint.subtract(layout) }
            layoutNote = "; class words taken as layout: " + Extractor.layoutWords.filter { layout.contains($0.0) }.map(\.1).joined(separator: ", ")
        }
        layoutNote += note
        var cp: [Int32] = [0], lp: [Int32] = [0]
        cp.reserveCapacity(page.chunks.count + 1)
        lp.reserveCapacity(page.chunks.count + 1)
        for c in page.chunks {
            cp.append(cp.last! + c.chars)
            lp.append(lp.last! + c.linkChars)
        }
        self.page = page
        self.cp = cp
        self.lp = lp
        if let b = meta.ldArticleBody, let e = LDEvidence(b) {
            ld = e
            ldHit = [0]; ldGram = [0]; ldWord = [0]
            for c in page.chunks {
                let m = e.match(page.text(c))
                ldHit.append(ldHit.last! + m.hits)
                ldGram.append(ldGram.last! + m.grams)
                ldWord.append(ldWord.last! + m.words)
            }
        }
    }

    /// A node's articleBody 3-gram hits, 3-grams and words.
    func ldCounts(_ n: Int32) -> (hits: Int32, grams: Int32, words: Int32) {
        let x = page.nodes[Int(n)]
        let a = Int(x.chunkStart), b = Int(x.chunkEnd)
        return (ldHit[b] - ldHit[a], ldGram[b] - ldGram[a], ldWord[b] - ldWord[a])
    }

    /// A chunk of 5+ words whose 3-grams are (almost) all in the articleBody.
    func inArticleBody(_ ci: Int) -> Bool {
        guard ld != nil else { return false }
        let h = ldHit[ci + 1] - ldHit[ci], g = ldGram[ci + 1] - ldGram[ci]
        return g >= 3 && h * 10 >= g * 9
    }

    /// The region's 3-grams, built on first use (pages with an articleBody only).
    private var regionGrams: Set<UInt64>?

    /// A chunk outside the region that repeats the region's own text (a
    /// summary that is the first sentence again, a pull quote): the
    /// articleBody having it says nothing about whether it is a second copy.
    func repeatsRegion(_ ci: Int) -> Bool {
        if regionGrams == nil {
            var g = Set<UInt64>()
            for (k, c) in page.chunks.enumerated() where region[k] >= 0 { g.formUnion(LDEvidence.grams(page.text(c))) }
            regionGrams = g
        }
        let mine = LDEvidence.grams(page.text(page.chunks[ci]))
        return mine.filter { regionGrams!.contains($0) }.count * 2 > mine.count
    }

    @inline(__always) func chars(_ n: Int32) -> Int32 {
        let x = page.nodes[Int(n)]
        return cp[Int(x.chunkEnd)] - cp[Int(x.chunkStart)]
    }

    @inline(__always) func linkChars(_ n: Int32) -> Int32 {
        let x = page.nodes[Int(n)]
        return lp[Int(x.chunkEnd)] - lp[Int(x.chunkStart)]
    }

    /// A prose chunk: 150+ characters not counting spaces (about two lines of
    /// a column), under a fifth links, ending like a sentence.
    static func isProse(_ c: Chunk, _ text: @autoclosure () -> String) -> Bool {
        c.chars >= 150 && c.linkChars * 5 < c.chars && endsLikeSentence(text())
    }

    /// Prefix sums of the characters of prose chunks, built on first use.
    private var pp: [Int32]?

    func proseChars(_ n: Int32) -> Int32 {
        if pp == nil {
            var a: [Int32] = [0]
            a.reserveCapacity(page.chunks.count + 1)
            for c in page.chunks {
                a.append(a.last! + (Extractor.isProse(c, page.text(c)) ? c.chars : 0))
            }
            pp = a
        }
        let x = page.nodes[Int(n)]
        return pp![Int(x.chunkEnd)] - pp![Int(x.chunkStart)]
    }

    /// Kinds whose class words still hold inside the content however much
    /// prose the container has (a comment or a bio is prose too).
    static let proseProofKinds: Set<String> = ["comment", "comment-meta", "comment-form", "bio", "caption", "popup"]

    /// A marked container inside the content that is mostly prose (300+
    /// characters, 60% of its text in sentence paragraphs) is the article's
    /// own text whatever its class says: sites name their story's wrappers
    /// "widget", "related-content", "header" or "toolbar" too.
    func isProseContainer(_ n: Int32, kind: String) -> Bool {
        guard !Extractor.proseProofKinds.contains(kind) else { return false }
        let p = proseChars(n)
        // A "teaser" with no link points nowhere: a lead paragraph ("teaser-text").
        let least: Int32 = kind == "related" && linkChars(n) == 0 ? 150 : 300
        return p >= least && p * 10 >= chars(n) * 6
    }

    private var kinMemo: [Int32: Bool] = [:]
    /// A container whose sibling of the same class is a prose container is
    /// the story's markup too (a "intext-links" div around each run of
    /// paragraphs between embeds), when 100+ characters and 40% of its own
    /// text are prose: the runs are short, a quote or a subheading in one
    /// is enough to miss the 300 / 60% of a container on its own.
    func kinIsProse(_ n: Int32, kind: String) -> Bool {
        guard !Extractor.proseProofKinds.contains(kind) else { return false }
        let node = page.nodes[Int(n)]
        guard node.cls.len > 0, node.parent >= 0 else { return false }
        let p = proseChars(n)
        guard p >= 100, p * 10 >= chars(n) * 4 else { return false }
        if let m = kinMemo[n] { return m }
        var found = false
        let parent = page.nodes[Int(node.parent)]
        var i = node.parent + 1
        while i < parent.end {
            if i != n, sameClass(i, n), isProseContainer(i, kind: kind) { found = true; break }
            i = page.nodes[Int(i)].end
        }
        kinMemo[n] = found
        return found
    }

    func linkDensity(_ n: Int32) -> Float {
        let c = chars(n)
        return c == 0 ? 0 : Float(linkChars(n)) / Float(c)
    }

    // MARK: - 1. scoring

    private func tagBase(_ t: Tag) -> Float {
        switch t {
        case .div, .article, .main, .section, .custom: return 5
        case .pre, .td, .blockquote: return 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
        default: return 0
        }
    }

    func classWeight(_ n: Int32) -> Float {
        let node = page.nodes[Int(n)]
        let h = node.hint
        var w: Float = 0
        if h.contains(.articleBody) { w += 50 }
        if h.contains(.positive) { w += 25 }
        if h.contains(.mainRole) || node.tag == .main || node.tag == .article { w += 10 }
        if !h.isDisjoint(with: [.nav, .footer, .aside, .share, .related, .advert, .promo, .newsletter,
                                .comment, .commentList, .commentForm, .popup, .form, .hidden, .bio,
                                .breadcrumb, .paywall]) { w -= 25 }
        if !h.isDisjoint(with: [.weakNegative, .meta, .caption, .toolbar, .tags, .header]) { w -= 10 }
        switch node.tag {
        case .nav, .footer, .aside, .form, .header, .figure, .dialog: w -= 25
        default: break
        }
        return w
    }


    func isHeadingChunk(_ c: Chunk) -> Bool { page.nodes[Int(c.owner)].tag.isHeading }

    /// Class words that may name a page's layout rather than its furniture.
    static let layoutWords: [(Hint, String)] = [(.aside, "aside"), (.weakNegative, "widget"), (.related, "related"),
        (.share, "share"), (.promo, "promo"), (.advert, "advert"), (.newsletter, "newsletter"), (.nav, "nav"),
        (.footer, "footer"), (.header, "header"), (.toolbar, "toolbar"), (.tags, "tags"),
        (.breadcrumb, "breadcrumb"), (.form, "form"), (.paywall, "paywall"), (.caption, "caption"), (.comment, "comment")]
    /// The hints of the elements `layoutWords(_:)` weighs: exactly the words above.
    static let layoutable: Hint = layoutWords.reduce(into: []) { $0.formUnion($1.0) }

    /// The class words whose elements hold much of the page's text (500+
    /// characters of lines under a third links, and over a third of them:
    /// teasers and comments may hold the rest): on a
    /// page whose content root gave next to nothing, such a word names the
    /// page's layout, not its furniture (a page builder's "elementor-widget"
    /// around every paragraph, a "for_sidebar" section around story and
    /// sidebar alike; a gallery's "caption" and "comment" around every
    /// picture's text; a forum's "comment" around every post). `HTMLReader`
    /// then reads the page again without them.
    static func layoutWords(_ page: Page) -> Hint {
        var total: Int32 = 0
        var text = [Int32](repeating: 0, count: page.chunks.count + 1)
        for (k, c) in page.chunks.enumerated() {
            if c.chars >= 40 && c.linkChars * 3 < c.chars { total += c.chars }
            text[k + 1] = total
        }
        guard total >= 500 else { return [] }
        var covered = [Int32](repeating: 0, count: layoutWords.count), held = covered
        for node in page.nodes where !node.hint.isDisjoint(with: Extractor.layoutable) {
            for (w, word) in layoutWords.enumerated() where node.hint.contains(word.0) && node.chunkStart >= covered[w] {
                held[w] += text[Int(node.chunkEnd)] - text[Int(node.chunkStart)]
                covered[w] = node.chunkEnd
            }
        }
        var drop: Hint = []
        for (w, word) in layoutWords.enumerated() where held[w] >= 500 && held[w] * 3 > total { drop.insert(word.0) }
        return drop
    }

    /// The first bytes (ASCII lowered) of the phrases `markRelatedSections` looks for.
    static let relatedFirstBytes: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for p in relatedHeadings.map({ $0.asciiLowered }) + ["popular ", "most ", "you ", "recommended ", "more ", "related "] {
            if let b = p.utf8.first { t[Int(b)] = true }
        }
        return t
    }()

    /// A heading that introduces related links ("You may also like", or a
    /// heading marked related) makes its following siblings related too.
    static func markRelatedSections(_ page: inout Page) {
        for (ci, c) in page.chunks.enumerated() where c.chars <= 40 {
            let owner = Int(c.owner)
            let node = page.nodes[owner]
            guard node.parent >= 0, node.chunkStart == Int32(ci) else { continue }
            let headingLike = node.tag.isHeading || node.hint.contains(.title)
            var related = headingLike && node.hint.contains(.related)
            if !related {
                // Most short lines start with a letter no phrase starts with: no string built.
                let b0 = page.arena[Int(c.start)]
                guard relatedFirstBytes[Int(b0 >= 0x41 && b0 <= 0x5A ? b0 | 0x20 : b0)] else { continue }
                var t = page.text(c).asciiLowered
                while let l = t.last, l == ":" || l == "." || l == "…" || l == " " { t.removeLast() }
                related = relatedHeadings.contains(t) || t.hasPrefix("popular ") || t.hasPrefix("most popular")
                    || t.hasPrefix("most read") || t.hasPrefix("most viewed") || t.hasPrefix("most shared")
                    || t.hasPrefix("you may also") || t.hasPrefix("you might also") || t.hasPrefix("recommended ")
                if !related, t.hasPrefix("more "), t.utf8.count <= 40,
                   ["stories", "articles", "news", "reads", "videos", "posts", "headlines", "coverage"].contains(where: { t.hasSuffix($0) }) {
                    related = true
                }
                if headingLike && !related {
                    related = t.hasPrefix("more from ") || t.hasPrefix("more in ") || t.hasPrefix("more on ")
                        || t.hasPrefix("related ") || t.hasPrefix("more stories")
                }
            }
            guard related else { continue }
            let alone = node.chunkEnd - node.chunkStart <= 1
            let end = page.nodes[Int(node.parent)].end
            // A paragraph of prose without a link is the story going on, not a
            // related link: a heading it follows opens a section of the story
            // ("Popular varieties"), and a run of links ends where it starts.
            func prose(_ j: Int32) -> Bool {
                let sib = page.nodes[Int(j)]
                guard sib.chunkEnd > sib.chunkStart else { return false }
                let c = page.chunks[Int(sib.chunkStart)]
                return c.linkChars == 0 && Extractor.isProse(c, page.text(c))
            }
            if alone, !node.hint.contains(.related), node.end < end, prose(node.end) { continue }
            page.nodes[owner].hint.insert(.related)
            if !alone { continue }   // the phrase opens its container
            // A heading alone: its following siblings are the related links.
            var j = node.end
            while j < end {
                let sib = page.nodes[Int(j)]
                if sib.tag == node.tag && sib.tag.isHeading { break }
                if prose(j) { break }
                page.nodes[Int(j)].hint.insert(.related)
                j = sib.end
            }
        }
    }

    /// Readers' comments without class words: three or more sibling elements
    /// of one tag (li, article, div, section) that each open with a short
    /// line holding a date (the "Name on May 2, 2018 at 4:47 pm said:" line,
    /// among the item's first three chunks) followed by text of 80+
    /// characters. The parent becomes a comment list, each item a comment,
    /// the date line its metadata. Not where the page marks them as content.
    static func markCommentRuns(_ page: inout Page) {
        for (p, items) in commentRuns(page) {
            page.nodes[Int(p)].hint.insert(.commentList)
            for (item, meta) in items {
                page.nodes[Int(item)].hint.insert(.comment)
                if meta != item { page.nodes[Int(meta)].hint.insert(.commentMeta) }
            }
        }
    }

    /// The runs `markCommentRuns` marks: (parent, [(item, its date line's element)]).
    /// Read from a borrowed page: `siblingRuns` called on the inout page with
    /// a closure that reads it copied the whole page for every parent.
    private static func commentRuns(_ pg: Page) -> [(Int32, [(Int32, Int32)])] {
        func dated(_ item: Int32) -> Int32? {
            let node = pg.nodes[Int(item)]
            var k = Int(node.chunkStart)
            let stop = min(Int(node.chunkEnd), k + 3)
            var meta: Int32? = nil
            while k < stop {
                let c = pg.chunks[k]
                if c.chars >= 80 { return meta }
                if meta == nil, c.chars < 100, DateNormalizer.normalize(pg.text(c)) != nil { meta = c.owner }
                k += 1
            }
            guard let m = meta, k < Int(node.chunkEnd), pg.chunks[k...].prefix(Int(node.chunkEnd) - k)
                .contains(where: { $0.chars >= 80 }) else { return nil }
            return m
        }
        let itemTags: Set<Tag> = [.li, .article, .div, .section]
        let own: Hint = [.positive, .articleBody, .mainRole]
        var runs: [(Int32, [(Int32, Int32)])] = []
        for p in pg.nodes.indices {
            let parent = pg.nodes[p]
            guard parent.end - Int32(p) > 3, parent.chunkEnd - parent.chunkStart >= 6, parent.hint.isDisjoint(with: own)
            else { continue }
            for run in pg.siblingRuns(of: Int32(p), { j in
                let child = pg.nodes[Int(j)]
                return itemTags.contains(child.tag) && child.hint.isDisjoint(with: own) ? dated(j) : nil
            }) {
                runs.append((Int32(p), run))
            }
        }
        return runs
    }

    /// Strong boilerplate hints: text under such an element scores little.
    static let strongNegative: Hint = [.comment, .commentList, .commentForm, .related, .aside, .nav, .footer,
                                       .share, .advert, .promo, .newsletter, .popup, .hidden]

    /// Per node: some ancestor-or-self (below body) is strongly boilerplate.
    private func negativeContext() -> [Bool] {
        var neg = [Bool](repeating: false, count: page.nodes.count)
        for i in page.nodes.indices {
            let node = page.nodes[i]
            if node.tag == .body || node.tag == .html { continue }
            if node.parent >= 0 && neg[Int(node.parent)] { neg[i] = true; continue }
            let h = node.hint
            let strong = !h.isDisjoint(with: Extractor.strongNegative) || node.tag == .nav || node.tag == .aside
                || node.tag == .footer
            if strong && h.isDisjoint(with: [.positive, .articleBody, .mainRole]) { neg[i] = true }
        }
        return neg
    }

    private func findRegion() {
        let n = page.nodes.count
        var score = [Float](repeating: 0, count: n)
        var scored = [Bool](repeating: false, count: n)
        func addScore(_ n: Int32, _ s: Float) {
            let i = Int(n)
            if !scored[i] {
                scored[i] = true
                score[i] = tagBase(page.nodes[i].tag) + classWeight(n)
            }
            score[i] += s
        }
        let neg = negativeContext()
        for c in page.chunks {
            guard c.chars >= 25 else { continue }
            let owner = page.nodes[Int(c.owner)]
            if owner.tag.isHeading || owner.tag == .body || owner.tag == .html { continue }
            var s: Float = 1 + Float(min(c.commas, 20)) + Float(min(c.chars / 100, 3))
            if c.linkChars * 2 > c.chars { s *= 0.2 }
            if neg[Int(c.owner)] { s *= 0.2 }
            var a = c.whole ? owner.parent : c.owner
            var level = 0
            while a >= 0 && level < 5 {
                let div: Float = level == 0 ? 1 : level == 1 ? 2 : Float(level * 3)
                addScore(a, s / div)
                a = page.nodes[Int(a)].parent
                level += 1
            }
        }
        var cands: [(Int32, Float)] = []
        for i in 0..<n where scored[i] {
            let t = page.nodes[i].tag
            if t == .html || t == .body { continue }
            score[i] *= (1 - linkDensity(Int32(i)))
            cands.append((Int32(i), score[i]))
        }
        cands.sort { $0.1 > $1.1 }
        guard var top = cands.first?.0 else {
            if let b = page.nodes.firstIndex(where: { $0.tag == .body }) {
                roots = [Int32(b)]
                rootRule = "no scored element; whole body"
            }
            return
        }
        let topScore = score[Int(top)]
        var how = "best score"

        // Several near-best candidates under one ancestor: take the ancestor.
        var alt: [[Int32]] = []
        for (c, s) in cands.dropFirst().prefix(4) where s >= topScore * 0.75 { alt.append(ancestors(c)) }
        if alt.count >= 3 {
            var p = page.nodes[Int(top)].parent
            while p >= 0 && !isBodyOrHTML(p) {
                if alt.filter({ $0.contains(p) }).count >= 3 {
                    top = p
                    how = "common ancestor of near-best candidates"
                    break
                }
                p = page.nodes[Int(p)].parent
            }
        }
        // Climb while the parent scores higher.
        do {
            var p = page.nodes[Int(top)].parent
            var last = score[Int(top)]
            let threshold = last / 3
            while p >= 0 && !isBodyOrHTML(p) {
                if !scored[Int(p)] { p = page.nodes[Int(p)].parent; continue }
                let ps = score[Int(p)]
                if ps < threshold { break }
                if ps > last { top = p; how = "parent scores higher"; break }
                last = ps
                p = page.nodes[Int(p)].parent
            }
        }
        // An only child stands for its parent.
        while true {
            let p = page.nodes[Int(top)].parent
            if p < 0 || isBodyOrHTML(p) { break }
            if elementChildren(p).count != 1 { break }
            top = p
        }
        // Widen to an ancestor that adds mostly good paragraphs (articles cut
        // into several containers with adverts between them).
        do {
            // good: paragraph text; junk: links, teasers, boilerplate; list
            // items that are neither count as neutral.
            var gp: [Int32] = [0], np: [Int32] = [0]
            gp.reserveCapacity(page.chunks.count + 1)
            np.reserveCapacity(page.chunks.count + 1)
            for (i, c) in page.chunks.enumerated() {
                let owner = page.nodes[Int(c.owner)]
                let teaser = isTeaser(i)
                let good = c.chars >= 40 && c.linkChars * 3 < c.chars && !neg[Int(c.owner)]
                    && !owner.tag.isHeading && !teaser && owner.tag != .li
                let neutral = !good && owner.tag == .li && !teaser && c.linkChars * 3 < c.chars && !neg[Int(c.owner)]
                gp.append(gp.last! + (good ? c.chars : 0))
                np.append(np.last! + (neutral ? c.chars : 0))
            }
            func good(_ n: Int32) -> Int32 {
                let x = page.nodes[Int(n)]
                return gp[Int(x.chunkEnd)] - gp[Int(x.chunkStart)]
            }
            func junk(_ n: Int32) -> Int32 {
                let x = page.nodes[Int(n)]
                return chars(n) - good(n) - (np[Int(x.chunkEnd)] - np[Int(x.chunkStart)])
            }
            var a = page.nodes[Int(top)].parent
            var levels = 0
            while a >= 0 && !isBodyOrHTML(a) && levels < 6 {
                let gain = good(a) - good(top)
                let junk = junk(a) - junk(top)
                if gain > 0 && gain * 10 >= good(top) && junk * 2 <= gain {
                    top = a
                    how = "widened to \(describe(a)): more paragraphs"
                }
                a = page.nodes[Int(a)].parent
                levels += 1
            }
        }
        // Siblings that look like more of the article.
        let topFinal = score[Int(top)]
        let threshold = max(10, topFinal * 0.2)
        var rs: [Int32] = []
        let parent = page.nodes[Int(top)].parent
        if parent >= 0 {
            for s in elementChildren(parent) {
                if s == top { rs.append(s); continue }
                let node = page.nodes[Int(s)]
                var bonus: Float = 0
                if sameClass(s, top) { bonus = topFinal * 0.2 }
                if scored[Int(s)] && score[Int(s)] + bonus >= threshold && classWeight(s) >= 0 {
                    rs.append(s); continue
                }
                if node.tag == .p {
                    let len = chars(s), ld = linkDensity(s)
                    if len > 80 && ld < 0.25 { rs.append(s); continue }
                    if len > 0 && len < 80 && ld == 0 && endsSentence(s) { rs.append(s); continue }
                }
            }
        } else {
            rs = [top]
        }
        roots = rs
        rootRule = "content root \(describe(top)) score \(Int(topFinal)) (\(how))" + layoutNote
        if ld != nil { checkRootAgainstArticleBody(top) }
    }

    /// The root covers under half of a JSON-LD articleBody of 80+ words while
    /// one element covers 80% of it with at most as much other text: take that
    /// element when it holds the root (widen), or, when the articleBody is
    /// full-length (at least half the root's words), instead of the root.
    /// A shorter articleBody (truncated, a summary) never moves the root away.
    private func checkRootAgainstArticleBody(_ top: Int32) {
        guard let ld, ld.words >= 80 else { return }
        let need = Int32(ld.grams.count)
        var rootHits: Int32 = 0, rootWords: Int32 = 0
        for r in roots { let c = ldCounts(r); rootHits += c.hits; rootWords += c.words }
        guard min(rootHits, need) * 2 < need else { return }
        var best: Int32 = -1, bestGrams = Int32.max
        for i in page.nodes.indices {
            let t = page.nodes[i].tag
            if t == .body || t == .html { continue }
            let c = ldCounts(Int32(i))
            if c.hits * 10 >= need * 8 && c.grams - c.hits <= c.hits && c.grams <= bestGrams {   // ties: the innermost
                best = Int32(i); bestGrams = c.grams
            }
        }
        guard best >= 0 else { return }
        let holdsRoot = ancestors(top).contains(best)
        guard holdsRoot || ld.words * 2 >= Int(rootWords) else { return }
        roots = [best]
        rootRule = "content root \(describe(best)) (\(holdsRoot ? "widened" : "moved") from \(describe(top)): "
            + "it holds the page's JSON-LD articleBody)" + layoutNote
    }

    /// A teaser: a linked headline followed by a summary, or a cut-off summary.
    func isTeaser(_ i: Int) -> Bool {
        let c = page.chunks[i]
        if c.startsInLink && c.linkChars >= 15 && c.linkChars < c.chars { return true }
        return endsWithEllipsis(c)
    }

    func endsWithEllipsis(_ c: Chunk) -> Bool {
        let e = Int(c.end)
        guard e - Int(c.start) >= 3 else { return false }
        let a = page.arena
        if a[e - 1] == 0x2E && a[e - 2] == 0x2E && a[e - 3] == 0x2E { return true }   // ...
        if a[e - 1] == 0xA6 && a[e - 2] == 0x80 && a[e - 3] == 0xE2 { return true }   // …
        return false
    }

    private func isBodyOrHTML(_ n: Int32) -> Bool {
        let t = page.nodes[Int(n)].tag
        return t == .body || t == .html
    }

    /// A `p`'s markup: its class and its parent's tag, or for a `p` without
    /// a class its parent's tag and class (containers are often numbered,
    /// "story-body-1", "story-body-2", paragraphs not); nil for a bare `p` in a
    /// bare parent (too common to say anything).
    func paragraphMarkup(_ n: Int32) -> String? {
        let node = page.nodes[Int(n)]
        guard node.tag == .p, node.parent >= 0 else { return nil }
        let own = page.attrString(node.cls)
        if !own.isEmpty { return own + "\u{1}" + page.tagName(node.parent) }
        let up = page.attrString(page.nodes[Int(node.parent)].cls)
        return up.isEmpty ? nil : "\u{1}" + page.tagName(node.parent) + "\u{1}" + up
    }

    /// The markups of the content region's paragraphs that have two or more of them.
    func bodyParagraphMarkup() -> Set<String> {
        var count: [String: Int] = [:]
        for (ci, c) in page.chunks.enumerated() where region[ci] >= 0 && c.whole && c.chars >= 60 {
            if let m = paragraphMarkup(c.owner) { count[m, default: 0] += 1 }
        }
        return Set(count.filter { $0.value >= 2 }.keys)
    }

    /// Inside a table (td, th, caption): infoboxes and data, not the article's own date.
    func inTable(_ n: Int32) -> Bool {
        var k = n
        while k >= 0 {
            let t = page.nodes[Int(k)].tag
            if t == .td || t == .th || t == .table { return true }
            if t == .body { return false }
            k = page.nodes[Int(k)].parent
        }
        return false
    }

    func ancestors(_ n: Int32) -> [Int32] {
        var out: [Int32] = []
        var p = page.nodes[Int(n)].parent
        while p >= 0 { out.append(p); p = page.nodes[Int(p)].parent }
        return out
    }

    func elementChildren(_ n: Int32) -> [Int32] {
        var out: [Int32] = []
        var i = n + 1
        let end = page.nodes[Int(n)].end
        while i < end {
            out.append(i)
            i = page.nodes[Int(i)].end
        }
        return out
    }

    private func sameClass(_ a: Int32, _ b: Int32) -> Bool {
        let ca = page.nodes[Int(a)].cls, cb = page.nodes[Int(b)].cls
        guard ca.len > 0, ca.len == cb.len else { return false }
        return page.attrString(ca) == page.attrString(cb)
    }

    private func endsSentence(_ n: Int32) -> Bool {
        let node = page.nodes[Int(n)]
        guard node.chunkEnd > node.chunkStart else { return false }
        let c = page.chunks[Int(node.chunkEnd) - 1]
        let last = page.arena[Int(c.end) - 1]
        return last == 0x2E || last == 0x21 || last == 0x3F
    }

    private var described: [Int32: String] = [:]

    /// "div#main.article-body" for rules.
    func describe(_ n: Int32) -> String {
        if let d = described[n] { return d }
        let d = describeNode(n)
        described[n] = d
        return d
    }

    private func describeNode(_ n: Int32) -> String {
        let node = page.nodes[Int(n)]
        var out = page.tagName(n)
        func first(_ r: AttrRef) -> String? {
            guard r.len > 0 else { return nil }
            return page.attrBytes.withUnsafeBufferPointer { b -> String? in
                var i = Int(r.start)
                let e = Int(r.start + r.len)
                while i < e && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
                var j = i
                while j < e && !(b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D) { j += 1 }
                return j > i ? String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self) : nil
            }
        }
        if let id = first(node.id) { out += "#" + id }
        if let c = first(node.cls) { out += "." + c }
        return out
    }

    // MARK: - 2. labelling

    func run() -> Extraction {
        findRegion()
        region = [Int32](repeating: -1, count: page.chunks.count)
        for r in roots {
            let node = page.nodes[Int(r)]
            for i in Int(node.chunkStart)..<Int(node.chunkEnd) { region[i] = r }
            regionChars += chars(r)
        }
        chooseTitle()
        return label()
    }

    /// Per chunk: its text (40+ characters; its first 60 characters, so that a
    /// caption and its shortened copy count as one) begins three or more chunks of
    /// the region, and such copies are under a third of the region's text (a
    /// page that is one paragraph many times over is its body). Twice is not
    /// enough: a reply quotes a comment, a reference list cites a book twice.
    func repeatedInRegion() -> [Bool] {
        var seen: [Substring: Int] = [:]
        var out = [Bool](repeating: false, count: page.chunks.count)
        var keys: [(Int, Substring)] = []
        for (ci, c) in page.chunks.enumerated() where region[ci] >= 0 && c.chars >= 40 {
            let t = page.text(c).prefix(60)
            seen[t, default: 0] += 1
            keys.append((ci, t))
        }
        var total: Int32 = 0
        for (ci, t) in keys where seen[t]! > 2 {
            out[ci] = true
            total += page.chunks[ci].chars
        }
        if total * 3 >= regionChars { return [Bool](repeating: false, count: page.chunks.count) }
        return out
    }

    /// Per chunk: the parent of the teaser-card run holding it, or -1. A run is
    /// three or more sibling div, article or section elements of one tag inside
    /// the content (not list items: a reference list), each of two or more
    /// chunks, at most 600 characters, with a heading or a link (a
    /// headline and a line or an excerpt: other stories). Where there is prose
    /// (80+ characters, under half links) after it, only cards of headlines
    /// and short lines (no chunk of 80+ characters): between paragraphs, an
    /// excerpt-sized item is as likely a short list the story makes.
    func teaserCards() -> [Int32] {
        var out = [Int32](repeating: -1, count: page.chunks.count)
        func isCard(_ n: Int32) -> Bool {
            let x = page.nodes[Int(n)]
            guard x.tag == .div || x.tag == .article || x.tag == .section,
                  x.chunkEnd - x.chunkStart >= 2, chars(n) <= 600 else { return false }
            if linkChars(n) > 0 { return true }
            return page.chunks[Int(x.chunkStart)..<Int(x.chunkEnd)].contains { page.nodes[Int($0.owner)].tag.isHeading }
        }
        var runs: [(Int32, Int, Int)] = []   // parent, first chunk, end chunk
        for r in roots {
            for p in Int(r)..<Int(page.nodes[Int(r)].end) {
                let parent = page.nodes[p]
                guard parent.chunkEnd - parent.chunkStart >= 6 else { continue }
                for run in page.siblingRuns(of: Int32(p), { isCard($0) ? () : nil }) {
                    runs.append((Int32(p), Int(page.nodes[Int(run[0].0)].chunkStart),
                                 Int(page.nodes[Int(run.last!.0)].chunkEnd)))
                }
            }
        }
        guard !runs.isEmpty else { return out }
        for (p, a, b) in runs { for k in a..<b where out[k] < 0 { out[k] = p } }
        // Only runs with no prose after them in the content.
        var lastProse = -1
        for (k, c) in page.chunks.enumerated() where region[k] >= 0 && out[k] < 0
            && c.chars >= 80 && c.linkChars * 2 < c.chars { lastProse = k }
        for (p, a, b) in runs where a <= lastProse && page.chunks[a..<b].contains(where: { $0.chars >= 80 }) {
            for k in a..<b where out[k] == p { out[k] = -1 }
        }
        return out
    }

    private enum Pending {
        case block(Block)
        case boiler(kind: String, group: Int32, text: String, rule: String, tag: String, line: Int)
        case comment(item: Int32, text: String, rule: String, tag: String, line: Int)
    }

    private func label() -> Extraction {
        var out: [Pending] = []
        out.reserveCapacity(page.chunks.count)
        var outChunk: [Int] = []   // the chunk of each entry of `out`
        outChunk.reserveCapacity(page.chunks.count)
        var inPageTags: [String] = []
        var tagsNode: Int32 = -1
        var credit: (String, String)? = nil
        var byline: (String, String, String)? = nil   // name, text, rule
        var bylineRank = -1
        var bodyStarted = false
        var navCandidates: [(Int, Hint, Int32, String)] = []
        var bylineDate: (String, String, String)? = nil
        var headDate: (String, String, String)? = nil
        var headByline: (String, String, String)? = nil   // from headDate's line, when it says "By X"
        // Short dated lines that are no sentence, by chunk: the last resort for the page's date
        // is one of them right above the headline or right before the body (see below the loop).
        var shortLines = [UInt8](repeating: 0, count: page.chunks.count)   // 1: a short line, 2: one in a header container
        var headlineChunk = -1
        var bodyParas = 0
        var spanLinks: [(Int, Bool)] = []   // out index, is a heading
        let regionStart = region.firstIndex(where: { $0 >= 0 }) ?? page.chunks.count
        let bodyMarkup = bodyParagraphMarkup()
        let leadStart = titleNode >= 0 ? Int(page.nodes[Int(titleNode)].chunkStart) : 0
        let titleEnd = titleNode >= 0 ? Int(page.nodes[Int(titleNode)].chunkEnd) : -1
        // The header container that holds the headline: the article's own header.
        var headlineHeader: Int32 = -1
        if titleNode >= 0 {
            var k = page.nodes[Int(titleNode)].parent
            var up = 0
            while k >= 0 && up < 4 {
                if boilerKind(k) == "header" { headlineHeader = k; break }
                k = page.nodes[Int(k)].parent; up += 1
            }
        }
        let repeated = repeatedInRegion()
        let cards = teaserCards()
        // The region's last line of prose (a page of one short line has none).
        let lastProse = page.chunks.indices.last { region[$0] >= 0 && page.chunks[$0].chars >= 50
            && page.chunks[$0].linkChars * 2 < page.chunks[$0].chars } ?? -1

        for (ci, c) in page.chunks.enumerated() {
            let text = page.text(c)
            let owner = c.owner
            let ownerNode = page.nodes[Int(owner)]
            let tagName = page.tagName(owner)
            let line = Int(c.whole ? ownerNode.line : c.line)
            let r = region[ci]
            let chunk = ci
            func block(_ l: BlockLabel, _ rule: String, value: String? = nil, values: [String] = []) {
                out.append(.block(Block(index: 0, line: line, text: text, label: l, rule: rule,
                                        value: value, values: values, tag: tagName)))
                outChunk.append(chunk)
            }
            func boiler(_ kind: String, _ group: Int32, _ rule: String) {
                out.append(.boiler(kind: kind, group: group, text: text, rule: rule, tag: tagName, line: line))
                outChunk.append(chunk)
            }

            // The headline.
            if owner == titleNode || (ownerNode.tag.isHeading && c.chars < 300 && titleText != nil
                                      && Extractor.letters(text) == Extractor.letters(titleText!))
                || (ownerNode.tag == .h1 && titleText != nil && sameText(text, titleText!)) {
                block(.ignored, "the headline (\(titleRule))")
                if headlineChunk < 0 { headlineChunk = ci }
                continue
            }
            if Extractor.isCommentsClosed(text) {
                block(.commentsClosed, "text 'comments are closed'")
                continue
            }
            // Walk up to the region root (or the top) once, noting what we pass.
            let ctx = context(of: owner, stopAt: r)

            if let ci = ctx.commentItem, !ctx.commentForm {
                if ctx.commentMeta || c.linkChars * 2 > c.chars || ownerNode.tag.isHeading {
                    boiler("comment-meta", ctx.commentSection, "comment metadata in \(describe(ci))")
                } else {
                    out.append(.comment(item: ci, text: text, rule: "comment item \(describe(ci))",
                                        tag: tagName, line: line))
                    outChunk.append(chunk)
                }
                continue
            }
            if ctx.commentForm || ctx.commentSection >= 0 {
                boiler(ctx.commentForm ? "comment-form" : "comment", ctx.commentSection,
                       "comment section \(describe(max(ctx.commentSection, owner)))")
                continue
            }
            // Previous / next article links: the longest title in the container wins.
            if let (h, n) = ctx.navLink {
                let v = Extractor.stripNavWords(text)
                if !v.isEmpty && (c.linkChars > 0 || ctx.navLinkStrong) {
                    navCandidates.append((out.count, h, n, v))
                }
                boiler("nav", n, "\(h == .navPrev ? "previous" : "next") article link \(describe(n))")
                continue
            }
            // Tag lists.
            var tagList = ctx.tagsList
            if tagList < 0, c.chars < 300, c.linkChars > 0, Extractor.startsWithTagsLabel(text) { tagList = owner }
            if tagList >= 0, c.chars < 300 {
                if tagsNode < 0 {
                    tagsNode = tagList
                    inPageTags = linkTexts(tagList).filter { !Extractor.isTagsLabel($0) }
                }
                boiler("tags", tagList, "tag list \(describe(tagList))")
                continue
            }
            // Author bio box.
            if ctx.bio >= 0, r < 0 || ctx.bioInside {
                if c.chars >= 40 && c.linkChars * 2 < c.chars && Extractor.isPersonBio(text, author: meta.author ?? byline?.0) {
                    block(.authorBio, "author bio \(describe(ctx.bio))", value: Extractor.bioName(text))
                } else {
                    boiler("bio", ctx.bio, "author bio box \(describe(ctx.bio))")
                }
                continue
            }
            // Bylines and datelines (before the body, or short lines marked as such).
            // A dateline that names its author ("10. Februar 2019 von Heiko",
            // "Accueil | Par Loïc Le Clerc | 30 septembre 2018") is a byline too.
            let saysBy = c.chars < 120 && Extractor.startsWithBy(text)
            let datedName = c.chars < 120 && !ctx.embed && !ctx.author && !saysBy && (!bodyStarted || c.chars < 60)
                ? Extractor.nameInDateline(text) : nil
            if c.chars < 120, !ctx.embed, ctx.author || datedName != nil || saysBy, !bodyStarted || c.chars < 60 {
                if let name = datedName ?? Extractor.bylineName(text, marked: ctx.author), case let rank = Extractor.bylineRank(name, text),
                   rank >= 0, !Extractor.bylineFreeKinds.contains(ctx.boiler?.1 ?? "")
                    || (ctx.boiler?.1 == "footer" || ctx.boiler?.1 == "aside") && isPostPart(ctx.boiler!.0) {
                    // The first byline that names a person, said "By X" if there is one:
                    // a marked "Tech Industry" (a section) or an account box's
                    // "Sign In" does not beat a "By Jane Doe" further down.
                    if bylineDate == nil, let d = vouchedDate(text) {
                        bylineDate = (d, text, "date in the byline \(describe(owner))")
                    }
                    if isPublisher(name) {
                        block(.ignored, "byline naming the publisher, no person \(describe(owner))")
                        continue
                    }
                    if rank > bylineRank {
                        byline = (name, text, "byline \(ctx.author ? "element" : "'By' line") \(describe(owner))")
                        bylineRank = rank
                    }
                    block(.byline, ctx.author ? "byline element \(describe(owner))" : "'By' line", value: name)
                    continue
                }
            }
            if c.chars < 100, !ctx.embed, Extractor.startsWithDateLabel(text) {
                if let d = vouchedDate(text) {
                    block(.date, "dateline '\(text.prefix(12))...'", value: d)
                } else {
                    boiler("date", owner, "dateline without a full date")
                }
                continue
            }
            // Never a date from a table cell (an infobox's "Initial release") or
            // from an embedded post (a tweet's "June 2, 2021" signature).
            if c.chars < 80, !ctx.embed, ctx.date || (bodyParas < 3 && (r >= 0 || ctx.boiler == nil)), !inTable(owner),
               case let shortYear = Extractor.isShortYearDate(text), let d = shortYear ? vouchedDate(text) : visibleDate(text),
               ctx.date || Extractor.mostlyDate(text) || shortYear {
                block(.date, ctx.date ? "date element \(describe(owner))" : "short line with a date", value: d)
                continue
            }
            // One of the two lines right after the headline that holds a date and
            // is no sentence ("18.02.2022, 10:27 | Recht & Gesetz"): the page's
            // date line, wherever its container is; the line itself stays where
            // the rules below put it (a subtitle "Bern, 17.08.2007 - Rede ..." is body).
            if headDate == nil, titleEnd >= 0, ci >= titleEnd, ci < titleEnd + 2, c.chars < 120, !ctx.embed, !inTable(owner),
               c.linkChars * 2 < c.chars || Extractor.startsWithDate(text), !Extractor.endsLikeSentence(text), let d = visibleDate(text) {
                headDate = (d, text, "a line with a date right after the headline")
                // "VON MORITZ GATHMANN am 21. April 2020": the same line names the author.
                if let name = Extractor.bylineName(text, marked: false), Extractor.bylineRank(name, text) >= 0,
                   !isPublisher(name) {
                    headByline = (name, text, "'By' line with a date right after the headline")
                }
            }
            if c.chars < 120, !ctx.embed, c.linkChars * 2 < c.chars, !Extractor.bylineFreeKinds.contains(ctx.boiler?.1 ?? "") {
                shortLines[ci] = ctx.boiler?.1 == "header" ? 2 : 1
            }
            // The article's own header (the header container holding the
            // headline): a line there with a date is the page's date line, whatever
            // else it holds ("Stand - 12.11.2021 (gültig seit ...)", a category).
            if c.chars < 120, !ctx.embed, let (hn, kind) = ctx.boiler, kind == "header", headlineHeader == hn,
               owner != titleNode, c.linkChars * 2 < c.chars, let d = visibleDate(text) {
                block(.date, "a line with a date in the headline's header \(describe(hn))", value: d)
                continue
            }
            // Image captions and credits.
            if ctx.credit, ctx.inFigure, c.chars <= 100, ctx.boiler?.1 != "footer" {
                let v = Extractor.creditText(text)
                if credit == nil && !v.isEmpty && (r >= 0 || !bodyStarted) { credit = (v, "credit element \(describe(owner))") }
                block(.imageCredit, "credit element \(describe(owner))", value: v)
                continue
            }

            if r >= 0 {
                // Inside the content region.
                if let (n, kind) = ctx.boiler {
                    if kind == "caption", credit == nil, let v = Extractor.creditInCaption(text) {
                        credit = (v, "credit in caption \(describe(n))")
                    }
                    boiler(kind, n, "\(kind) container \(describe(n)) inside \(describe(r))")
                    continue
                }
                // A body never says the same sentence twice; a caption shown in
                // the story and again in its gallery, a teaser repeated per card do.
                if repeated[ci] {
                    boiler("repeated", owner, "text repeated inside the content")
                    continue
                }
                // A bare address as a line of its own: a print-view footer, an
                // image's file name.
                if !text.contains(" "), text.hasPrefix("http://") || text.hasPrefix("https://") {
                    boiler("other", owner, "a bare web address")
                    continue
                }
                // A line that ends with a photo credit is a caption ("... (Image: X)").
                if c.chars <= 250, !ownerNode.tag.isHeading, Extractor.endsWithCredit(text),
                   let v = Extractor.creditInCaption(text) {
                    if credit == nil { credit = (v, "credit in caption \(describe(owner))") }
                    boiler("caption", owner, "line ending with a photo credit")
                    continue
                }
                if cards[ci] >= 0 {
                    boiler("related", cards[ci], "teaser cards \(describe(cards[ci])) after the body's text")
                    continue
                }
                // A line the publisher's articleBody has is body whatever a line
                // rule or a link-list rule says; a line that is mostly a link
                // stays out even so (a promo that the articleBody carries too).
                if let why = Extractor.boilerplateLine(text, c) ?? (ctx.linkList >= 0 ? ("related", "link list") : nil),
                   !ownerNode.tag.isHeading, c.linkChars * 2 < c.chars, inArticleBody(ci) {
                    if c.chars >= 50 { bodyStarted = true }
                    bodyParas += 1
                    block(.paragraph, "\(Extractor.ldRule) (not \(why.0): \(why.1))")
                    continue
                }
                if let why = Extractor.boilerplateLine(text, c) {
                    boiler(why.0, owner, why.1)
                    continue
                }
                if ctx.linkList >= 0 {
                    boiler("related", ctx.linkList, "link list \(describe(ctx.linkList)) (link density \(pct(linkDensity(ctx.linkList))))")
                    continue
                }
                // (Not in a data table: a list of films is its titles, linked.)
                if c.linkChars * 2 > c.chars && (c.chars - c.linkChars < 50 || c.linkChars * 10 > c.chars * 9)
                    && !inTable(owner) {
                    // Between the body's paragraphs a linked line written as
                    // text (a p, li, heading), or as a sentence in any element,
                    // is usually body; decided once the last paragraph is known.
                    if Extractor.isWrittenText(ownerNode.tag) || Extractor.isLinkedSentence(text, c),
                       !Extractor.isShouting(text), !(!ownerNode.tag.isHeading && Extractor.isLabelledLink(text, c)) {
                        spanLinks.append((out.count, ownerNode.tag.isHeading && c.chars <= 300))
                    }
                    boiler("links", owner, "mostly links (\(c.linkChars)/\(c.chars) characters)")
                    continue
                }
                if ownerNode.tag.isHeading {
                    if c.chars <= 60 && isSiteName(text) {
                        boiler("header", owner, "the site's name in a heading")
                        continue
                    }
                    if c.chars > 300 {
                        block(.paragraph, "\(rootRule); long \(tagName)")
                    } else {
                        block(.heading, "\(rootRule); \(tagName)")
                    }
                    continue
                }
                // Before the first paragraph (with prose after it), a short
                // line set in a div and not written as a sentence: a credit, a
                // kicker, a byline of an agency.
                // Short in bytes: 30 Hangul or Han characters are a headline.
                if !bodyStarted, ci < lastProse, ownerNode.tag == .div, text.utf8.count < 60,
                   !Extractor.endsLikeSentence(text) {
                    boiler("other", owner, "short line in a div before the body's first paragraph")
                    continue
                }
                if c.chars >= 50 { bodyStarted = true }
                bodyParas += 1
                if let (n, kind) = ctx.proseContainer {
                    block(.paragraph, "\(rootRule); \(tagName) in \(kind) container \(describe(n)), kept: mostly prose")
                } else {
                    block(.paragraph, "\(rootRule); \(tagName)")
                }
                continue
            }

            // Outside the region: a paragraph between the headline and the
            // content written with the same markup as the body's own
            // paragraphs (lead paragraphs in a container of their own before an
            // advert). Only before the content: after it, the same markup is
            // as likely the next post of a blog page.
            if ci < regionStart, ci >= leadStart, ctx.boiler == nil, let sig = paragraphMarkup(owner),
               bodyMarkup.contains(sig), c.chars >= 60, c.linkChars * 5 < c.chars {
                bodyStarted = true
                bodyParas += 1
                block(.paragraph, "same markup as the body's paragraphs (\(describe(owner)) in \(describe(ownerNode.parent)))")
                continue
            }
            // Outside the region: a standfirst (dek, summary) just before the
            // content. Most pages' article bodies leave it out; it is kept as
            // its own boilerplate kind so that scripts can find it.
            if ctx.lede, !bodyStarted, abs(regionStart - ci) <= 20, c.chars >= 40, c.linkChars * 3 < c.chars,
               ctx.boiler == nil || ctx.boiler?.1 == "header" {
                boiler("standfirst", owner, "standfirst \(describe(owner)) before the content")
                continue
            }
            // Outside the region: a paragraph of prose (150+ characters, no
            // link, a sentence's end) between the headline and the content,
            // unmarked, is the story's lead in a container of its own; a marked
            // one is a standfirst (above).
            if ci < regionStart, leadStart > 0, ci >= leadStart, regionStart - ci <= 20, ctx.boiler == nil,
               c.linkChars == 0, !ownerNode.tag.isHeading, ownerNode.tag != .li, ownerNode.tag != .dd,
               ownerNode.tag != .td, Extractor.isProse(c, text) {
                bodyStarted = true
                bodyParas += 1
                block(.paragraph, "prose between the headline and the content (\(describe(owner)))")
                continue
            }
            // Outside the region (a lead in a container of its own, a line the
            // root left out): body when the articleBody has it.
            if !ownerNode.tag.isHeading, ctx.boiler == nil || ctx.boiler?.1 == "header", c.linkChars * 2 < c.chars,
               inArticleBody(ci), !repeatsRegion(ci) {
                if c.chars >= 50 { bodyStarted = true }
                bodyParas += 1
                block(.paragraph, Extractor.ldRule)
                continue
            }
            if let (n, kind) = ctx.boiler {
                if kind == "caption", credit == nil, !bodyStarted, let v = Extractor.creditInCaption(text) {
                    credit = (v, "credit in caption \(describe(n))")
                }
                boiler(kind, n, "\(kind) container \(describe(n)), outside the content")
                continue
            }
            let kind = ownerNode.tag.isHeading ? "heading" : (c.linkChars * 2 > c.chars ? "links" : "other")
            boiler(kind, ctx.top, "outside the content root (\(describe(ctx.top)))")
        }

        // Mostly-links lines between the first and the last body paragraph are body.
        if let first = out.firstIndex(where: { if case .block(let b) = $0 { return b.label == .paragraph }; return false }),
           let last = out.lastIndex(where: { if case .block(let b) = $0 { return b.label == .paragraph }; return false }) {
            for (k, heading) in spanLinks where k > first && k < last {
                guard case .boiler(_, _, let text, let rule, let tag, let line) = out[k] else { continue }
                out[k] = .block(Block(index: 0, line: line, text: text, label: heading ? .heading : .paragraph,
                                      rule: "\(rule), between the body's paragraphs", tag: tag))
            }
        }

        safetyNet(&out, outChunk)

        // One previous and one next title per container: the longest.
        var bestNav: [Int32: (Int, Hint, String)] = [:]
        for (k, h, n, v) in navCandidates {
            if let b = bestNav[n], b.2.count >= v.count { continue }
            bestNav[n] = (k, h, v)
        }
        for (n, b) in bestNav {
            guard case .boiler(_, _, let text, _, let tag, let line) = out[b.0] else { continue }
            let label: BlockLabel = b.1 == .navPrev ? .navPrevious : .navNext
            out[b.0] = .block(Block(index: 0, line: line, text: text, label: label,
                                    rule: "\(label == .navPrevious ? "previous" : "next") article link \(describe(n))",
                                    value: b.2, tag: tag))
        }

        // Headings with no body paragraph after them are boilerplate.
        var blocks: [Block] = []
        var lastHeading = -1
        var parasSince = 0
        func closeHeading() {
            if lastHeading >= 0 && parasSince == 0 {
                if Extractor.isSentences(blocks[lastHeading].text) {
                    // Text an editor set as headings, sentence after sentence: the story.
                    blocks[lastHeading].label = .paragraph
                    blocks[lastHeading].rule += "; no paragraph follows, but it is sentences: text"
                } else {
                    blocks[lastHeading].label = .boilerplate("heading")
                    blocks[lastHeading].rule += "; no paragraph follows"
                }
            }
        }

        // Page-level blocks first.
        var head: [Block] = []
        if let t = titleText { head.append(Block(index: 0, text: t, label: .title, rule: titleRule, tag: "title")) }
        // The publisher named as the author is no person; a byline may still name one.
        if let a = meta.author, !isPublisher(a) {
            head.append(Block(index: 0, text: a, label: .byline, rule: meta.authorRule, value: a, tag: "meta"))
        } else if let b = byline ?? headByline ?? authorLink() {   // never the publisher: such bylines are not kept (label loop)
            head.append(Block(index: 0, text: b.1, label: .byline, rule: b.2, value: b.0, tag: "meta"))
        }
        if let d = meta.published {
            var b = Block(index: 0, text: d, label: .date, rule: meta.publishedRule, value: d, tag: "meta")
            b.time = meta.publishedTime
            // Metadata in UTC names Greenwich's day; the page shows its own. A date and
            // time the page shows that are the same instant a day off are the local day
            // ("February 24, 2020 | 9:25pm" over 2020-02-25T02:25Z); a date alone (a
            // header's "today", a widget's teaser) proves nothing.
            if let t = meta.publishedTime, Extractor.isUTC(t), let v = shownDate(out),
               let lt = DateNormalizer.timeOfDay(in: v.1), Extractor.isLocalDay(v.0, lt, ofUTC: d, t) {
                b = Block(index: 0, text: v.1, label: .date, rule: v.2 + ", the local day of \(meta.publishedRule) \(t)",
                          value: v.0, tag: "meta")
            }
            head.append(b)
        } else if let d = timeDate() ?? bylineDate ?? headDate {
            head.append(Block(index: 0, text: d.1, label: .date, rule: d.2, value: d.0, tag: "time"))
        } else if !out.contains(where: { if case .block(let b) = $0 { return b.label == .date }; return false }) {
            // No date line in the flow either.
            let firstTwo = Array(out.lazy.compactMap({ o -> Block? in if case .block(let b) = o, b.label == .paragraph { return b }; return nil }).prefix(2))
            if let (k, d) = firstTwo.indices.lazy.compactMap({ k in self.leadDateline(firstTwo[k].text).map { (k, $0) } }).first {
                // The story's own dateline opens its first paragraph ("29.11.2022 – Mehrfach
                // hatte ...", "Pressemitteilung vom 25. Januar 2022 | Berlin – ..."), or its
                // second under a lead.
                head.append(Block(index: 0, text: String(firstTwo[k].text.prefix(60)), label: .date,
                                  rule: k == 0 ? "dateline at the start of the first paragraph"
                                      : "dateline at the start of the second paragraph, under a lead", value: d, tag: "p"))
            } else if let d = besideHeadlineDate(shortLines, out: out, outChunk: outChunk, headline: headlineChunk) {
                head.append(Block(index: 0, text: d.1, label: .date, rule: d.2, value: d.0, tag: "p"))
            } else if let d = titleDate() {
                head.append(Block(index: 0, text: d.1, label: .date, rule: d.2, value: d.0, tag: "title"))
            } else if let u = meta.url, let d = Extractor.urlDate(u) {
                head.append(Block(index: 0, text: u, label: .date, rule: "a date in the page's address", value: d, tag: "link"))
            }
        }
        if let c = credit ?? meta.imageCredit.map({ ($0, "json-ld image creditText") }) {
            head.append(Block(index: 0, text: c.0, label: .imageCredit, rule: c.1, value: c.0, tag: "meta"))
        }
        if !inPageTags.isEmpty {
            head.append(Block(index: 0, text: inPageTags.joined(separator: ", "), label: .tags,
                              rule: "tag list \(describe(tagsNode))", values: inPageTags, tag: "meta"))
        } else if !meta.tags.isEmpty {
            head.append(Block(index: 0, text: meta.tags.joined(separator: ", "), label: .tags, rule: meta.tagsRule,
                              values: meta.tags, tag: "meta"))
        } else if !meta.keywords.isEmpty {
            head.append(Block(index: 0, text: meta.keywords.joined(separator: ", "), label: .tags,
                              rule: "meta keywords", values: meta.keywords, tag: "meta"))
        }
        blocks = head
        blocks.reserveCapacity(out.count + head.count)

        // Merge runs of boilerplate and comment chunks.
        var i = 0
        while i < out.count {
            switch out[i] {
            case .block(let b):
                if b.label == .heading {
                    // Headings in a row ("Plan A", then "Breakfast") head one section:
                    // sections are flat, and one without paragraphs is dropped.
                    if lastHeading >= 0, lastHeading == blocks.count - 1, parasSince == 0 {
                        blocks[lastHeading].text += "\n" + b.text
                        blocks[lastHeading].rule += "; with the heading after it"
                        i += 1
                        continue
                    }
                    closeHeading(); lastHeading = blocks.count; parasSince = 0
                }
                if b.label == .paragraph { parasSince += 1 }
                blocks.append(b)
                // Tag-list chunks were folded into a page-level block; in-flow
                // .tags blocks are not emitted twice.
                i += 1
            case .boiler(let kind, let group, let text, let rule, let tag, let line):
                var t = text
                var j = i + 1
                var parts = 1
                while j < out.count, parts < 200, t.utf8.count < 4000,
                      case .boiler(let k2, let g2, let t2, _, _, _) = out[j], k2 == kind, g2 == group {
                    t += "\n" + t2
                    parts += 1
                    j += 1
                }
                blocks.append(Block(index: 0, line: line, text: t, label: .boilerplate(kind), rule: rule, tag: tag))
                i = j
            case .comment(let item, let text, let rule, let tag, let line):
                var t = text
                var j = i + 1
                while j < out.count, case .comment(let i2, let t2, _, _, _) = out[j], i2 == item {
                    t += "\n\n" + t2
                    j += 1
                }
                blocks.append(Block(index: 0, line: line, text: t, label: .comment, rule: rule, tag: tag))
                i = j
            }
        }
        closeHeading()
        markAuthorBio(&blocks, author: meta.author ?? byline?.0)
        for k in blocks.indices { blocks[k].index = k }
        let ownBody = ld != nil && headlineIsTitle()
        return Extraction(blocks: blocks, url: meta.url, language: meta.language,
                          ldArticleBody: ownBody ? meta.ldArticleBody : nil, ld: ownBody ? ld : nil)
    }

    /// The JSON-LD article's headline, if it gives one, is the page's title:
    /// the same letters, or 20 or more of them inside the other (a headline
    /// cut with "...", a title without its kicker).
    private func headlineIsTitle() -> Bool {
        guard let h = meta.ldHeadline, !h.isEmpty else { return true }
        guard let t = titleText else { return false }
        var a = Extractor.letters(h), b = Extractor.letters(t)
        if a.count > b.count { swap(&a, &b) }
        if a == b { return true }
        // (A headline is short; a page that makes either huge gets no quadratic search.)
        guard a.count >= 20, b.count <= 2000 else { return false }
        return Words.contains(b, a)
    }

    static let ldRule = "body: in the page's JSON-LD articleBody"

    /// 300+ bytes holding three or more sentence ends: prose, whatever its tags.
    static func isSentences(_ t: String) -> Bool {
        guard t.utf8.count >= 300 else { return false }
        var ends = 0, prev: UInt8 = 0
        for b in t.utf8 {
            if (b == 0x20 || b == 0x0A) && (prev == 0x2E || prev == 0x21 || prev == 0x3F) { ends += 1 }
            prev = b
        }
        if prev == 0x2E || prev == 0x21 || prev == 0x3F { ends += 1 }
        return ends >= 3
    }

    /// The safety net: when the content root gave next to no body (under
    /// `netBody` characters) but the page has three times as much prose outside
    /// it (`isProse` chunks not in comments, bios, popups or strongly marked
    /// furniture), the root was the wrong element (a footer blurb, a
    /// slideshow) and those paragraphs are the body. trafilatura compares
    /// with a baseline extraction the same way.
    static let netBody: Int32 = 1000

    private func safetyNet(_ out: inout [Pending], _ outChunk: [Int]) {
        var body: Int32 = 0
        for (k, p) in out.enumerated() {
            if case .block(let b) = p, b.label == .paragraph { body += page.chunks[outChunk[k]].chars }
        }
        guard body < Extractor.netBody else { return }
        let neg = negativeContext()
        // Sentences of an element that holds a prose chunk count too (steps
        // of a recipe, paragraphs split by <br>: each may be short).
        var candidates: [Int] = []
        var proseOwners = Set<Int32>()
        var ownerChars: [Int32: Int32] = [:]
        for (k, p) in out.enumerated() {
            guard case .boiler(let kind, _, let text, _, _, _) = p else { continue }
            let ci = outChunk[k], c = page.chunks[ci]
            guard region[ci] < 0, !neg[Int(c.owner)], !Extractor.proseProofKinds.contains(kind),
                  c.linkChars * 5 < c.chars, Extractor.endsLikeSentence(text) else { continue }
            candidates.append(k)
            ownerChars[c.owner, default: 0] += c.chars
            if c.chars >= 150 || ownerChars[c.owner]! >= 300 { proseOwners.insert(c.owner) }
        }
        var picked: [Int] = []
        var total: Int32 = 0
        for k in candidates {
            let c = page.chunks[outChunk[k]]
            guard proseOwners.contains(c.owner) else { continue }
            picked.append(k)
            total += c.chars
        }
        guard total >= 300, total >= body * 3 else { return }
        for k in picked {
            guard case .boiler(_, _, let text, let rule, let tag, let line) = out[k] else { continue }
            out[k] = .block(Block(index: 0, line: line, text: text, label: .paragraph,
                                  rule: "\(rule); body after all: the content root gave \(body) characters, this is prose",
                                  tag: tag))
        }
    }

    /// A footer or aside of the post, not of the page: an element near the
    /// content root holds both (Blogger's `div.post-footer` beside
    /// `div.post-body` with "Posted by X"; an `aside.meta` with "Von: X").
    func isPostPart(_ f: Int32) -> Bool {
        guard let root = roots.first else { return false }
        var a = page.nodes[Int(f)].parent
        for _ in 0..<3 {
            guard a >= 0, page.nodes[Int(a)].tag != .body, page.nodes[Int(a)].tag != .html else { return false }
            if a < root && root < page.nodes[Int(a)].end { return true }
            a = page.nodes[Int(a)].parent
        }
        return false
    }

    /// The publisher given as the author ("BBC News" on bbc.com, "The
    /// Economist" on economist.com, "STERN.de"): the site's name, or the
    /// name of its web address (whole, its longest label, or that label
    /// after "The").
    func isPublisher(_ name: String) -> Bool {
        if isSiteName(name) { return true }
        let l = Extractor.letters(name)
        if !page.homeLinkH1s.isEmpty, logoLetters.contains(l) { return true }
        guard l.count >= 4, let (label, whole) = hostLetters else { return false }
        return l == label || Extractor.articles.contains { l == Array($0.utf8) + label } || l == whole
    }

    /// The letters of the web address's longest label and of the whole host
    /// (asked for every title and byline candidate: worked out once).
    private lazy var hostLetters: ([UInt8], [UInt8])? = meta.url.flatMap(Article.host(ofURL:)).map { host in
        let longest = host.split(separator: ".").max { $0.count < $1.count } ?? ""
        return (Extractor.letters(String(longest)), Extractor.letters(host))
    }

    private lazy var siteNameLetters: [UInt8]? = meta.siteName.map(Extractor.letters)
    private lazy var htmlTitleLetters: [UInt8]? = meta.htmlTitle.map(Extractor.letters)

    /// The letters of each h1 that links to the site's home page (its logo).
    private lazy var logoLetters: Set<[UInt8]> = Set(page.homeLinkH1s.map { Extractor.letters(clean(page.nodeText($0))) })

    /// Articles a publication's name may start with ("The Economist", "Die Tagespresse").
    static let articles = ["the", "die", "der", "das", "le", "la", "les", "el", "los", "las", "il", "lo", "de", "het"]

    /// The site's name (og:site_name, or what <title> adds after the headline).
    func isSiteName(_ t: String) -> Bool {
        let l = Extractor.letters(t)
        guard l.count >= 3 else { return false }
        if let s = siteNameLetters, s == l { return true }
        if let tl = htmlTitleLetters, let head = titleText {
            return tl.count > l.count && tl.suffix(l.count).elementsEqual(l) && Extractor.letters(head) != l
        }
        return false
    }

    /// One of the last body paragraphs that starts "<author> is/was/has ..." is
    /// the author's bio, not body.
    private func markAuthorBio(_ blocks: inout [Block], author: String?) {
        guard let author, author.utf8.count >= 3, !blocks.contains(where: { $0.label == .authorBio }) else { return }
        let paras = blocks.indices.filter { blocks[$0].label == .paragraph }
        for k in paras.suffix(3) {
            let t = blocks[k].text
            guard t.hasPrefix(author) || t.hasPrefix(author.split(separator: " ").first.map(String.init) ?? author) else { continue }
            let rest = t.dropFirst(t.hasPrefix(author) ? author.count : (author.split(separator: " ").first?.count ?? 0))
            let l = rest.prefix(12).asciiLowered
            if l.hasPrefix(" is ") || l.hasPrefix(" was ") || l.hasPrefix(" has ") || l.hasPrefix(" writes ")
                || l.hasPrefix("'s ") || l.hasPrefix("’s ")
                || l.hasPrefix(" covers ") || l.hasPrefix(" lives ") || l.hasPrefix(" joined ") {
                blocks[k].label = .authorBio
                blocks[k].value = author
                blocks[k].rule = "paragraph near the end that starts with the author's name"
            }
        }
    }

    private func pct(_ f: Float) -> String { "\(Int(f * 100))%" }

    // MARK: - context of a chunk

    struct Context {
        var boiler: (Int32, String)? = nil   // nearest boilerplate container and its kind
        var proseContainer: (Int32, String)? = nil   // a marked container passed over: mostly prose
        var commentItem: Int32? = nil
        var commentSection: Int32 = -1
        var commentForm = false
        var commentMeta = false
        var navLink: (Hint, Int32)? = nil
        var navLinkStrong = false
        var tagsList: Int32 = -1
        var bio: Int32 = -1
        var bioInside = false
        var author = false
        var date = false
        var credit = false
        var linkList: Int32 = -1
        var lede = false
        var inFigure = false
        var embed = false       // inside an embedded post (tweet): its dates and names are not the article's
        var top: Int32 = -1
    }

    /// What the elements from `owner` up to `stop` (exclusive; the whole chain
    /// when stop < 0) say about a chunk.
    func context(of owner: Int32, stopAt stop: Int32) -> Context {
        var ctx = Context()
        var n = owner
        var depth = 0
        var itemCandidate: Int32 = -1
        var prev: Int32 = -1
        var inEmbed = false
        while n >= 0 && n != stop {
            let node = page.nodes[Int(n)]
            let h = node.hint
            let tag = node.tag
            if tag == .body || tag == .html { break }
            depth += 1
            if h.contains(.commentForm) || (tag == .form && ctx.commentSection >= 0) { ctx.commentForm = true }
            if h.contains(.commentMeta) || (h.contains(.author) || h.contains(.date) || h.contains(.meta)) && itemCandidate < 0 {
                if depth < 6 { ctx.commentMeta = true }
            }
            if h.contains(.comment) || h.contains(.commentList) {
                if itemCandidate < 0 && !tag.isHeading
                    && (tag == .li || tag == .article || h.contains(.comment) && !h.contains(.commentList)) {
                    itemCandidate = n
                }
                ctx.commentSection = n
            } else if (tag == .li || tag == .article) && itemCandidate < 0 {
                itemCandidate = n
            }
            if ctx.navLink == nil {
                if let rel = page.rels.first(where: { $0.node == n }) {
                    if rel.hint.contains(.navPrev) { ctx.navLink = (.navPrev, n); ctx.navLinkStrong = true }
                    else if rel.hint.contains(.navNext) { ctx.navLink = (.navNext, n); ctx.navLinkStrong = true }
                    if rel.hint.contains(.author) { ctx.author = true }
                    if rel.hint.contains(.tags) && ctx.tagsList < 0 { ctx.tagsList = node.parent }
                } else if depth <= 4 && (h.contains(.navPrev) != h.contains(.navNext)) {
                    if !h.isDisjoint(with: [.nav, .weakNegative]) || tag == .a || tag == .li || tag == .div || tag == .span {
                        ctx.navLink = (h.contains(.navPrev) ? .navPrev : .navNext, n)
                    }
                }
            }
            if h.contains(.tags) && ctx.tagsList < 0 && !h.contains(.meta) && chars(n) < 2000 { ctx.tagsList = n }
            if h.contains(.bio) && ctx.bio < 0 { ctx.bio = n; ctx.bioInside = stop >= 0 }
            if h.contains(.author) && depth <= 4 && chars(n) < 150 { ctx.author = true }
            if (h.contains(.date) || tag == .time) && depth <= 4 && chars(n) < 120 { ctx.date = true }
            if h.contains(.credit) && depth <= 4 && chars(n) < 300 { ctx.credit = true }
            if h.contains(.lede) && depth <= 4 { ctx.lede = true }
            if depth <= 6 && (tag == .figure || tag == .figcaption || h.contains(.caption) || h.contains(.media)) {
                ctx.inFigure = true
            }
            if h.contains(.embed) { inEmbed = true }
            if ctx.boiler == nil, !inEmbed, let k = boilerKind(n), !(stop >= 0 && chars(n) * 2 > regionChars),
               !(stop < 0 && holdsRoot(n)) {
                if stop >= 0 && (isProseContainer(n, kind: k) || kinIsProse(n, kind: k)) {
                    if ctx.proseContainer == nil { ctx.proseContainer = (n, k) }
                } else {
                    ctx.boiler = (n, k)
                }
            }
            if ctx.linkList < 0, stop >= 0, tag == .ul || tag == .ol || tag == .dl || tag == .table,
               chars(n) > 0, linkDensity(n) > 0.5 {
                ctx.linkList = n
            }
            prev = n
            n = node.parent
        }
        ctx.top = prev >= 0 ? prev : owner
        ctx.embed = inEmbed
        if ctx.commentSection >= 0 {
            ctx.commentItem = itemCandidate >= 0 && itemCandidate != ctx.commentSection ? itemCandidate : nil
        }
        return ctx
    }

    /// Whether `n` holds the content root: a container the story sits in is the
    /// page's or the article's frame, whatever its class says (Drupal marks a
    /// node promoted to the front page `node--promoted`), so the headline and
    /// byline beside the root are not its furniture.
    func holdsRoot(_ n: Int32) -> Bool {
        let end = page.nodes[Int(n)].end
        return roots.contains { $0 > n && $0 < end }
    }

    func boilerKind(_ n: Int32) -> String? {
        let node = page.nodes[Int(n)]
        if let k = node.hint.kind, k != "header" || node.tag != .h1 {
            if k == "header" && !node.hint.isDisjoint(with: [.positive, .articleBody]) { return nil }
            return k
        }
        switch node.tag {
        case .nav, .menu: return "nav"
        case .footer: return "footer"
        case .aside: return "aside"
        case .form, .fieldset: return "form"
        case .dialog: return "popup"
        case .figure, .figcaption: return "caption"
        case .header: return "header"
        default: return nil
        }
    }

    // MARK: - title

    private func chooseTitle() {
        pickTitle()
        // A title from metadata: the heading that repeats it is the headline
        // (dates and leads are found next to it).
        guard titleNode < 0, let t = titleText, case let l = Extractor.letters(t), l.count >= 10 else { return }
        var seen = 0
        for (i, n) in page.nodes.enumerated() where n.tag == .h1 || n.tag == .h2 || n.tag == .h3 {
            if Extractor.letters(clean(page.nodeText(Int32(i)))) == l { titleNode = Int32(i); return }
            seen += 1
            if seen >= 30 { return }
        }
    }

    private func pickTitle() {
        var h1s: [(Int32, String)] = []
        // An h1 that links to the site's home page is its logo ("Four Years Remaining").
        for (i, n) in page.nodes.enumerated() where n.tag == .h1 && n.chunkEnd > n.chunkStart && h1s.count < 10
            && !page.homeLinkH1s.contains(Int32(i)) {
            let t = clean(page.nodeText(Int32(i)))
            if !t.isEmpty { h1s.append((Int32(i), t)) }
        }
        // An h1 that is the whole <title> is the headline, whatever
        // stripSiteName would cut ("Peking 2022 – Eine große Chance ...").
        if let whole = htmlTitleLetters, whole.count >= 10,
           let (n, t) = h1s.first(where: { Extractor.letters($0.1) == whole }) {
            titleNode = n; titleText = t; titleRule = "h1 matches <title>"
            return
        }
        let cleanedTitle = meta.htmlTitle.map { stripSiteName($0) }
        let refs: [(String, String, String)] = [(meta.ogTitle, "og:title"), (meta.ldHeadline, "json-ld headline"),
                                                 (cleanedTitle, "<title>")].compactMap { t, r in t.map { ($0, r, stripSiteName($0)) } }
        for (n, t) in h1s {
            for (ref, r, site) in refs {
                guard sameText(t, ref) || sameText(t, site) else { continue }
                titleNode = n
                if Extractor.letters(t).count > Extractor.letters(site).count {
                    // The h1 adds a kicker or section ("TECH Google Bets ..."): take the shorter.
                    titleText = site; titleRule = "\(r), which the h1 repeats"
                } else {
                    titleText = t; titleRule = "h1 matches \(r)"
                }
                return
            }
        }
        // An og:title that is the site's name ("International Biathlon Union
        // - IBU", also its og:site_name) names no article.
        if let og = meta.ogTitle, case let t = stripSiteName(og), !isPublisher(t), !isPublisher(og) {
            titleText = t; titleRule = "og:title"; return
        }
        if let h = meta.ldHeadline { titleText = h; titleRule = "json-ld headline"; return }
        // The h1 nearest before the content; not the site's name.
        let start = roots.first ?? 0
        let named = h1s.filter { !isPublisher($0.1) }
        if let (n, t) = named.last(where: { $0.0 <= start + 50 }) ?? named.first, t.utf8.count > 10 {
            titleText = t; titleNode = n; titleRule = "h1 before the content"; return
        }
        if let t = cleanedTitle, !t.isEmpty { titleText = t; titleRule = "<title> without the site name" }
    }

    static let titleSeparators = [" | ", " - ", " – ", " — ", " · ", " :: ", " // ", " « ", " » ", " › ", " • "]

    /// The title without the site's name ("Headline | Site", "Site - Headline");
    /// when the part kept is the publisher itself (a page whose og:site_name
    /// is its headline, "energieverbraucher.de | Gaspreise"), the rest.
    func stripSiteName(_ s: String) -> String {
        // Asked for the same og:title and <title> several times per page.
        if let done = stripped[s] { return done }
        let out = strippingSiteName(s)
        stripped[s] = out
        return out
    }
    private var stripped: [String: String] = [:]

    private func strippingSiteName(_ s: String) -> String {
        // "Headline (neues deutschland)": the publisher in brackets at the end (once).
        var s = s
        if s.hasSuffix(")"), let open = s.lastIndex(of: "("), open > s.startIndex,
           case let inner = String(s[s.index(after: open)..<s.index(before: s.endIndex)]), isPublisher(inner) {
            s = String(s[..<open]).trimmingSpaces()
        }
        let best = keptTitlePart(s)
        guard best != s.trimmingSpaces(), isPublisher(best) else { return best }
        let kept = Extractor.letters(best)
        for sep in Extractor.titleSeparators {
            let parts = s.splitBytes(sep)
            guard parts.count >= 2 else { continue }
            let rest = parts.filter { Extractor.letters($0) != kept }
            if !rest.isEmpty { return rest.joined(separator: sep).trimmingSpaces() }
        }
        return best
    }

    private func keptTitlePart(_ s: String) -> String {
        var best = s
        for sep in Extractor.titleSeparators {
            var parts = s.splitBytes(sep)
            guard parts.count >= 2 else { continue }
            if let site = meta.siteName?.asciiLowered {
                parts.removeAll { $0.asciiLowered == site || site.contains($0.asciiLowered) && $0.count > 2 }
                if !parts.isEmpty, parts.count < s.splitBytes(sep).count {
                    best = parts.joined(separator: sep); break
                }
                parts = s.splitBytes(sep)
            }
            let last = parts.last!
            if last.split(separator: " ").count <= 4 && last.count < parts.dropLast().joined(separator: sep).count {
                best = parts.dropLast().joined(separator: sep)
                break
            }
            let first = parts.first!
            if first.split(separator: " ").count <= 3 && first.count * 2 < s.count {
                best = parts.dropFirst().joined(separator: sep)
                break
            }
        }
        return best.trimmingSpaces()
    }

    func sameText(_ a: String, _ b: String) -> Bool {
        let x = Extractor.letters(a), y = Extractor.letters(b)
        if x.isEmpty || y.isEmpty { return false }
        if x == y { return true }
        let (s, l) = x.count < y.count ? (x, y) : (y, x)
        return s.count * 10 >= l.count * 8 && Words.contains(l, s)
    }

    static func letters(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        for b in s.utf8 {
            if b >= 0x41 && b <= 0x5A { out.append(b | 0x20) }
            else if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 || b >= 0x80 { out.append(b) }
        }
        return out
    }

    /// The page is declared in another language than English: "03/05/2022" is the 3rd of May.
    private var dayFirst: Bool { meta.language.map { $0 != "en" } ?? false }

    /// A date as the page shows it. Numbers alone ("03/05/2022") read month first
    /// (DateNormalizer); a page declared in another language than English writes the day first.
    private func visibleDate(_ text: String) -> String? {
        var t = text
        return t.withUTF8 { b in DateNormalizer.find(in: b).map(pageDate) }
    }

    /// A date on a line that says it is one (a byline, a date element, a
    /// "Published:" line): a two-digit year counts there ("Von: Jane Doe |
    /// 31.10.23"), day first unless the page is in English and writes slashes.
    private func vouchedDate(_ text: String) -> String? {
        if let d = visibleDate(text) { return d }
        var t = text
        return t.withUTF8 { b in DateNormalizer.shortYear(in: b, monthFirst: !dayFirst && b.contains(0x2F))?.iso }
    }

    /// A found date as this page means it: an ambiguous numeric one day first
    /// on a page in another language than English.
    private func pageDate(_ found: DateNormalizer.Match) -> String {
        var m = found
        if m.ambiguous && dayFirst { swap(&m.month, &m.day) }
        return m.iso
    }

    /// A part of the page's title that is a date and nothing else ("Story |
    /// Site | 02.11.2021"): the date the publisher gives the page.
    private func titleDate() -> (String, String, String)? {
        for (t, src) in [(meta.htmlTitle, "<title>"), (meta.ogTitle, "og:title")] {
            guard let t else { continue }
            for part in t.split(whereSeparator: { $0 == "|" || $0 == "–" || $0 == "—" || $0 == "·" }) {
                var seg = String(part.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
                if seg.utf8.count > 30 { continue }
                let iso = seg.withUTF8 { b -> String? in
                    guard let m = DateNormalizer.find(in: b), m.start == 0, b.count - m.end <= 1 else { return nil }
                    return pageDate(m)
                }
                if let iso { return (iso, seg, "a part of the page's \(src) that is a date") }
            }
        }
        return nil
    }

    /// A date that is a part of the page's address: year, month and day as path
    /// segments or one segment ("/2020/01/23/", "/2020-01-23-title"), the
    /// year 1995 or later. Blogs and news sites file their posts so.
    static func urlDate(_ url: String) -> String? {
        let path = url.split(separator: "/", omittingEmptySubsequences: false).dropFirst(3)   // past "https://host"
        let parts = path.flatMap { $0.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }) }.map(String.init)
        var k = 0
        while k + 2 < parts.count {
            if parts[k].count == 4, let y = Int(parts[k]), y >= 1995, y <= 2100,
               (1...2).contains(parts[k + 1].count), let m = Int(parts[k + 1]), (1...12).contains(m),
               (1...2).contains(parts[k + 2].count), let d = Int(parts[k + 2]), (1...31).contains(d),
               let iso = DateNormalizer.normalize(DateNormalizer.format(y, m, d)) {
                return iso
            }
            k += 1
        }
        return nil
    }

    /// A dateline's date at the start of a paragraph: at most four words before it
    /// (a place, "Pressemitteilung vom"), and after it (and its time) a dash, bar,
    /// colon or closing bracket. "On 3 March 2020, the ..." is the story's prose.
    private func leadDateline(_ text: String) -> String? {
        var t = text
        return t.withUTF8 { b -> String? in
            guard let m = DateNormalizer.find(in: b), m.start <= 60 else { return nil }
            var words = 0, inWord = false
            for i in 0..<m.start {
                let space = b[i] == 0x20
                if !space && !inWord { words += 1 }
                inWord = !space
            }
            guard words <= 4 else { return nil }
            var p = m.end
            // Skip the time, its commas and spaces and the letters of "Uhr" / "h": "25.01.2022, 10:27 Uhr |".
            while p < b.count, p - m.end < 16, b[p] == 0x20 || b[p] == 0x2C || b[p] == 0x3A || b[p] &- 0x30 < 10
                    || (b[p] | 0x20) == 0x68 || (b[p] | 0x20) == 0x75 || (b[p] | 0x20) == 0x72 { p += 1 }
            guard p < b.count else { return nil }
            let c = b[p]
            let dash = c == 0x2D || c == 0x7C || c == 0x29 || c == 0x2F
                || (c == 0xE2 && p + 2 < b.count && b[p + 1] == 0x80 && (b[p + 2] == 0x93 || b[p + 2] == 0x94))
            // A colon right after the date ("25.01.2022: ...") was skipped with the time.
            guard dash || (p > m.end && b[p - 1] == 0x3A && b[m.end] == 0x3A) else { return nil }
            return pageDate(m)
        }
    }

    /// The last resort for the author: a link to an author's page (rel=author, an
    /// author class, an address "/author/jane-doe/") whose text is a person's
    /// name, on a short line that is no sentence, outside comments, embedded posts, tables and
    /// teaser, navigation or footer containers. A page whose such links name more than two people
    /// lists authors (a team page, teasers): none.
    private func authorLink() -> (String, String, String)? {
        var first: (String, String, String)? = nil
        var people: Set<[UInt8]> = []
        for n in page.authorLinks {
            let text = page.anchorText(n)
            guard !text.isEmpty, text.utf8.count < 60 else { continue }
            // A byline is a short line; a link in the story's prose ("the parents of
            // <a href=...?author=Mozart>Mozart</a>") names someone else.
            var block = page.nodes[Int(n)].parent
            while block >= 0, page.nodes[Int(block)].chunkEnd == page.nodes[Int(block)].chunkStart { block = page.nodes[Int(block)].parent }
            guard block >= 0, chars(block) < 150,
                  chars(block) < 60 || !Extractor.endsLikeSentence(page.nodeText(block)) else { continue }
            let ctx = context(of: n, stopAt: -1)
            guard ctx.commentSection < 0, ctx.commentItem == nil, !ctx.embed, !inTable(n),
                  !Extractor.bylineFreeKinds.contains(ctx.boiler?.1 ?? ""),
                  let name = Extractor.bylineName(text, marked: true), Extractor.bylineRank(name, text) >= 2,
                  !isPublisher(name) else { continue }
            people.insert(Extractor.letters(name))
            if people.count > 2 { return nil }
            if first == nil { first = (name, text, "link to the author's page \(describe(n))") }
        }
        return first
    }

    /// The last resort for the page's date before its title and address: a short
    /// dated line that is no sentence, in no teaser, navigation or footer
    /// container, set right above the headline ("12.12.2022 - Empa" over the
    /// h1; not in a site header, which shows today's date) or right before the
    /// body's first paragraph ("Sport 01.02.2022 Kategorie: ..."): where pages
    /// put their dateline.
    private func besideHeadlineDate(_ short: [UInt8], out: [Pending], outChunk: [Int], headline: Int) -> (String, String, String)? {
        // Only these few lines are read for a date (no date scan of every short line).
        func dated(_ ci: Int) -> (String, String)? {
            guard ci >= 0, short[ci] != 0, !inTable(page.chunks[ci].owner) else { return nil }
            let text = page.text(page.chunks[ci])
            guard let d = visibleDate(text), !Extractor.endsLikeSentence(text) || Extractor.startsWithDate(text) else { return nil }
            return (d, text)
        }
        // Above the headline, not in a header container: a site's masthead shows today's date.
        if headline > 0, short[headline - 1] == 1, let d = dated(headline - 1) {
            return (d.0, d.1, "a line with a date right above the headline")
        }
        guard let k = out.indices.first(where: { if case .block(let b) = out[$0] { return b.label == .paragraph }; return false })
        else { return nil }
        let first = outChunk[k]
        for ci in [first - 1, first - 2] where ci > headline {
            if let d = dated(ci) { return (d.0, d.1, "a line with a date right before the body") }
        }
        return nil
    }

    /// The first date the page shows (value, text, rule): a byline's or date
    /// line's, else a time element's (its datetime as the text).
    private func shownDate(_ out: [Pending]) -> (String, String, String)? {
        for o in out {
            if case .block(let b) = o, b.label == .date, let v = b.value { return (v, b.text, b.rule) }
            if case .block(let b) = o, b.label == .byline, let v = visibleDate(b.text) { return (v, b.text, b.rule) }
        }
        return timeDate()
    }

    static func isUTC(_ t: String) -> Bool { t.hasSuffix("Z") || t.hasSuffix("+00:00") || t.hasSuffix("+0000") }

    /// Whether `date` at `time` (the page's) is the UTC `utcDate` `utcTime` on
    /// another day, at an offset zones use (-12 h to +14 h, quarter hours).
    static func isLocalDay(_ date: String, _ time: String, ofUTC utcDate: String, _ utcTime: String) -> Bool {
        func dayNumber(_ s: String) -> Int? {
            let p = s.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard p.count == 3 else { return nil }
            // Days from the civil calendar (Howard Hinnant's algorithm).
            let y = p[1] <= 2 ? p[0] - 1 : p[0], m = p[1], d = p[2]
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
            return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
        }
        func minutes(_ t: Substring) -> Int? {
            let p = t.prefix(5).split(separator: ":").compactMap { Int($0) }
            return p.count == 2 ? p[0] * 60 + p[1] : nil
        }
        guard let a = dayNumber(date), let b = dayNumber(utcDate), abs(a - b) == 1,
              let lm = minutes(Substring(time)), let k = utcTime.firstIndex(of: "T"),
              let um = minutes(utcTime[utcTime.index(after: k)...]) else { return false }
        let offset = (a - b) * 1440 + lm - um
        return offset >= -12 * 60 && offset <= 14 * 60 && offset % 15 == 0
    }

    private func timeDate() -> (String, String, String)? {
        // Prefer a time element inside or just before the content.
        for (n, v) in page.times where !inTable(n) {
            if let d = DateNormalizer.normalize(v) {
                return (d, v, "time[datetime] \(describe(n))")
            }
        }
        return nil
    }

    // MARK: - text rules

    static func isCommentsClosed(_ t: String) -> Bool {
        guard t.utf8.count < 60, t.utf8.count >= 15, let f = t.utf8.first, f | 0x20 == 0x63 else { return false }
        let l = t.asciiLowered
        return l.hasPrefix("comments are closed") || l.hasPrefix("comments are now closed")
            || l == "comments closed" || l == "comments closed."
    }

    /// The first bytes of `boilerplatePrefixes`.
    static let boilerplatePrefixFirst: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for (p, _) in boilerplatePrefixes { if let f = p.utf8.first { t[Int(f)] = true } }
        return t
    }()

    /// A short line that is boilerplate by its words alone.
    static func boilerplateLine(_ t: String, _ c: Chunk) -> (String, String)? {
        guard c.chars <= 200 else { return nil }
        var l = t.asciiLowered
        while let last = l.last, last == "." || last == ":" || last == "»" || last == "›" || last == ">" || last == " " || last == "…" {
            l.removeLast()
        }
        if c.chars <= 45 {
            if let k = boilerplateLines[l] { return (k, "boilerplate line '\(l)'") }
            let u = Extractor.undecorated(l)
            if u.utf8.count < l.utf8.count, let k = boilerplateLines[u] { return (k, "boilerplate line '\(l)'") }
        }
        // Most lines start with no prefix's first letter: skip the list (String.hasPrefix is slow).
        if let f = l.utf8.first, boilerplatePrefixFirst[Int(f)] {
            for (p, k) in boilerplatePrefixes where l.hasPrefix(p) {
                if c.linkChars > 0 || c.chars < 120 { return (k, "line starts with '\(p)'") }
            }
        }
        if l.hasBytes("all rights reserved") || (l.hasPrefix("©") || l.hasPrefix("copyright ©") || l.hasPrefix("(c) ")) && c.chars < 150 {
            return ("footer", "copyright line")
        }
        if c.chars < 150 && l.hasBytes("©") { return ("caption", "short line with ©") }
        if c.chars < 200 && l.hasPrefix("follow ") && (l.hasBytes("facebook") || l.hasBytes("twitter") || l.hasBytes("instagram")) {
            return ("share", "follow-us line")
        }
        if c.chars < 80, l.hasPrefix("related "), let colon = l.firstIndex(of: ":"),
           l.distance(from: l.startIndex, to: colon) < 25 {
            return ("related", "line starts with 'related ...:'")
        }
        if c.chars < 30, Extractor.isGalleryCounter(l) { return ("caption", "gallery counter") }
        return nil
    }

    /// A short line without the dashes, brackets and stars set around it
    /// ("- Advertisement -", "[ Anzeige ]", "*** Werbung ***").
    static func undecorated(_ l: String) -> String {
        // ASCII marks, and the UTF-8 of "–", "—" (E2 80 93/94), "•" (E2 80 A2), "·" (C2 B7).
        func mark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {   // the mark's length at i, or 0
            switch b[i] {
            case 0x2D, 0x2A, 0x5B, 0x5D, 0x28, 0x29, 0x7C, 0x5F, 0x3D, 0x20, 0x7E: return 1
            case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x93 || b[i + 2] == 0x94 || b[i + 2] == 0xA2): return 3
            case 0xC2 where i + 1 < b.count && b[i + 1] == 0xB7: return 2
            default: return 0
            }
        }
        var t = l
        return t.withUTF8 { b -> String in
            var s = 0, e = b.count
            while s < e, case let k = mark(b, s), k > 0 { s += k }
            // Walking back: a mark ends at e - 1 (ASCII), e - 3 or e - 2.
            while e > s {
                if mark(b, e - 1) == 1 { e -= 1 }
                else if e - 3 >= s, mark(b, e - 3) == 3 { e -= 3 }
                else if e - 2 >= s, mark(b, e - 2) == 2 { e -= 2 }
                else { break }
            }
            if s == 0 && e == b.count { return l }
            return String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
        }
    }

    /// "image 3 of 12", "photo 1 / 5", "slide 2 of 9".
    static func isGalleryCounter(_ l: String) -> Bool {
        let w = l.split(separator: " ")
        guard w.count == 4 || w.count == 3 else { return false }
        guard ["image", "photo", "slide", "picture", "foto", "bild"].contains(String(w[0])) else { return false }
        if w.count == 4 { return w[1].allSatisfy(\.isNumber) && (w[2] == "of" || w[2] == "/" || w[2] == "von" || w[2] == "de" || w[2] == "di") && w[3].allSatisfy(\.isNumber) }
        return w[1].allSatisfy { $0.isNumber || $0 == "/" } && w[2].allSatisfy { $0.isNumber || $0 == "/" }
    }

    static let byLabels: [[UInt8]] = (["by ", "written by ", "posted by ", "words by ", "by\n"] + phraseByLabels)
        .map { Array($0.utf8) }
    static let colonLabelBytes: [[UInt8]] = colonByLabels.map { Array($0.utf8) }

    /// True if the text starts (ASCII case-insensitively) with one of `labels`.
    static func startsWithAny(_ t: String, _ labels: [[UInt8]]) -> Bool {
        var t = t
        return t.withUTF8 { b in
            for l in labels where l.count <= b.count {
                var k = 0, j = 0
                while k < l.count && j < b.count {
                    // A no-break space where the label has a space ("By&nbsp;<a>Jane</a>").
                    if l[k] == 0x20 && b[j] == 0xC2 && j + 1 < b.count && b[j + 1] == 0xA0 { k += 1; j += 2; continue }
                    guard (b[j] >= 0x41 && b[j] <= 0x5A ? b[j] | 0x20 : b[j]) == l[k] else { break }
                    k += 1; j += 1
                }
                if k == l.count { return true }
            }
            return false
        }
    }

    static func startsWithDateLabel(_ t: String) -> Bool { startsWithAny(t, dateLabels) }

    static func startsWithBy(_ t: String) -> Bool {
        if startsWithAny(t, byLabels) || gluedBy(t) { return true }
        // "Autor: X": only lines with a colon among their first bytes.
        var t = t
        let colon = t.withUTF8 { b in b.prefix(12).contains(0x3A) }
        return colon && startsWithAny(t, colonLabelBytes)
    }

    /// "By" run into the name by adjacent elements ("<span>By</span><a>Alex
    /// Bozarjian</a>" reads "ByAlex Bozarjian"): "By" and a capital letter.
    static func gluedBy(_ t: String) -> Bool {
        let u = t.utf8
        guard u.count >= 4, u.count < 60 else { return false }
        var i = u.makeIterator()
        guard i.next() == 0x42, i.next() == 0x79, let c = i.next() else { return false }
        return c >= 0x41 && c <= 0x5A
    }

    /// The name in a byline: "By Jane Doe, Staff Writer | March 3" -> "Jane Doe".
    static func bylineName(_ t: String, marked: Bool) -> String? {
        var t = t.trimmingSpaces()
        if t.unicodeScalars.contains("\u{00A0}") { t = String(t.map { $0 == "\u{00A0}" ? " " : $0 }) }
        var s = Substring(t)
        let lower = t.asciiLowered
        // "By X", "Written by X", "Analysis by X", "Monday ... 7:45 am by X".
        var found = false
        if lower.hasPrefix("by ") || lower.hasPrefix("by\n") {
            s = s.dropFirst(3); found = true
        } else if Extractor.gluedBy(t) {
            s = s.dropFirst(2); found = true
        } else if let k = lower.byteOffset(of: " by ") ?? lower.byteOffset(of: "\nby "), k <= 60 {
            s = Substring(t.fromByte(k + 4)); found = true
        } else {
            for p in Extractor.phraseByLabels + colonByLabels where lower.hasPrefix(p) { s = s.dropFirst(p.count); found = true; break }
        }
        if !marked && !found { return nil }
        // Cut at separators that end the name.
        let sb = Array(s.utf8)
        var cut = sb.count
        for sep in Extractor.bylineSeparators {
            if let k = Bytes.find(sb, sep), k < cut { cut = k }
        }
        // The time after the name ("Posted by T. V. Raman at 2:33 PM", Blogger's footer).
        if let k = Bytes.find(sb, Extractor.atTime), k < cut, k + 4 < sb.count, sb[k + 4] >= 0x30 && sb[k + 4] <= 0x39 { cut = k }
        var name = String(decoding: sb[..<cut], as: UTF8.self).trimmingSpaces()
        // Cut at a date ("Associated Press November 19, 2019").
        var bytes = Array(name.utf8)
        var dateCut = true
        if let m = bytes.withUnsafeBufferPointer({ DateNormalizer.find(in: $0) }), m.start > 0 {
            name = String(decoding: bytes[..<m.start], as: UTF8.self).trimmingSpaces()
        } else if let mIdx = Extractor.monthDayStart(bytes) {
            name = String(decoding: bytes[..<mIdx], as: UTF8.self).trimmingSpaces()
        } else {
            dateCut = false
        }
        // The preposition of the date just cut off ("Bo2man am 29.12.2010", "X on May 2").
        // (Not after a lowercase word: "X publiziert am" is a label the name parser knows.)
        if dateCut, let sp = name.lastIndex(of: " "),
           Extractor.datePrepositions.contains(name[name.index(after: sp)...].lowercased()),
           case let head = String(name[..<sp]).trimmingSpaces(),
           head.split(separator: " ").last?.first?.isUppercase ?? false {
            name = head
        }
        // The label of the date just cut off ("Sara Zinnecker Stand: 5. Februar 2020").
        if dateCut, name.hasSuffix(":"), let sp = name.lastIndex(of: " ") {
            name = String(name[..<sp]).trimmingSpaces()
        }
        // A relative time after the name ("Alex Perry 1 day ago").
        let nameWords = name.split(separator: " ")
        if nameWords.count > 2, let k = nameWords.firstIndex(where: { $0.first?.isNumber ?? false }), k >= 2,
           nameWords[k...].contains(where: { Extractor.relativeTimeWords.contains($0.lowercased()) }) {
            name = nameWords[..<k].joined(separator: " ")
        }
        // A trailing count ("India Post 0" from "India Post 0 Comments").
        while let last = name.split(separator: " ").last, last.allSatisfy({ $0.isNumber }), name.contains(" ") {
            name = String(name.dropLast(last.count)).trimmingSpaces()
        }
        if let comma = name.firstIndex(of: ","), !String(name[name.index(after: comma)...]).hasBytes(" and ") {
            // "Jane Doe, Staff Writer" / "Jane Doe, Reuters"
            let rest = name[name.index(after: comma)...].trimmingSpaces()
            if DateNormalizer.normalize(String(rest)) != nil || rest.split(separator: " ").count <= 3 {
                name = String(name[..<comma]).trimmingSpaces()
            }
        }
        while let l = name.last, l == "." || l == "," || l == ":" || l == ";" { name.removeLast() }
        name = name.trimmingSpaces()
        // A weekday before a date in a byline box ("Donnerstag, 4. November 2021").
        if name.split(separator: " ").allSatisfy({ DateNormalizer.weekdays.contains($0.lowercased()) }) { return nil }
        bytes = Array(name.utf8)
        if bytes.withUnsafeBufferPointer({ DateNormalizer.find(in: $0) }) != nil { return nil }
        let words = name.split(separator: " ")
        // Longer when a role follows the names ("A and B, AP National Political Writers").
        guard !words.isEmpty, words.count <= (name.hasBytes(",") ? 12 : 8), name.utf8.count <= 100 else { return nil }
        guard let f = name.unicodeScalars.first, !f.properties.isLowercase else {
            return marked && words.count <= 4 ? name : nil
        }
        return name
    }

    /// The name in a line that carries a date and says who wrote it: after the
    /// date and its time ("Posted on 21. Juli 2019 by Realiberry", "4.02.2022 par
    /// Bob Fischer", "06.11.2023 13:30 von Olga"), or in a part of the line set
    /// apart by "|" or "•" that starts with the word ("Accueil | Par X | 30
    /// septembre 2018"). Without a date such words are prose ("Bericht von der ...").
    static func nameInDateline(_ t: String) -> String? {
        // Most lines hold no date: find's first look (four digits in a row) needs no copy.
        var t0 = t
        guard t.utf8.count >= 10, let after = t0.withUTF8({ b in
            DateNormalizer.find(in: b).map { String(decoding: UnsafeBufferPointer(rebasing: b[$0.end...]), as: UTF8.self) }
        }) else { return nil }
        // After the date: skip the time and its punctuation, then the word.
        let rest = after.split(separator: " ")
        var k = 0
        while k < rest.count, rest[k].allSatisfy({ $0.isNumber || $0.isPunctuation }) || rest[k].contains(":")
                || timeWords.contains(rest[k].lowercased()) || DateNormalizer.monthNumber(rest[k].utf8) > 0 { k += 1 }
        if k + 1 < rest.count, datelineByWords.contains(rest[k].lowercased()) {
            return bylineName("by " + rest[(k + 1)...].joined(separator: " "), marked: false)
        }
        // A part of its own that starts with the word.
        for part in t.split(whereSeparator: { $0 == "|" || $0 == "•" || $0 == "·" }) {
            let w = part.split(separator: " ")
            if w.count >= 2, datelineByWords.contains(w[0].lowercased()) {
                return bylineName("by " + w[1...].joined(separator: " "), marked: false)
            }
        }
        if let n = bareNameAfterDate(t) { return n }
        return nil
    }

    /// A post's meta line that is a date and then its writer's name and nothing
    /// else ("11.12.2019 - Amelie Loevenich", "September 17, 2019 Helmut Rubik 0"
    /// with a comment count): two or three capitalised words after the date(s),
    /// set apart from it by a separator or followed by a count. Without either
    /// the words are as often a category ("21.01.2022 Aktuelle Meldung").
    static func bareNameAfterDate(_ t: String) -> String? {
        var rest = t
        // The date(s) first: only separators and the time before the name.
        for _ in 0..<2 {
            var r = rest
            guard let end = r.withUTF8({ b -> Int? in
                guard let m = DateNormalizer.find(in: b) else { return nil }
                // Nothing but separators before the date.
                for i in 0..<m.start where !(b[i] == 0x20 || b[i] == 0x7C || b[i] == 0x2D || b[i] == 0x2C) { return nil }
                return m.end
            }) else { break }
            rest = String(decoding: Array(rest.utf8)[end...], as: UTF8.self)
        }
        guard rest.utf8.count < t.utf8.count else { return nil }
        var w = rest.split(whereSeparator: { $0 == " " })
        var apart = false   // the name set apart from the date: a separator, or a count after it
        while let f = w.first, f.allSatisfy({ $0.isNumber || $0.isPunctuation || $0 == "|" || $0 == "•" }) || f.contains(":")
                || timeWords.contains(f.lowercased()) {
            if f == "|" || f == "-" || f == "–" || f == "•" || f == "·" { apart = true }
            w.removeFirst()
        }
        if let l = w.last, l.allSatisfy({ $0.isNumber }) { w.removeLast(); apart = true }   // a comment count
        guard apart else { return nil }
        guard w.count >= 2, w.count <= 3 else { return nil }
        let name = w.joined(separator: " ")
        guard w.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "." } }),
              AuthorNames.looksLikeName(name) else { return nil }
        return name
    }

    /// How much a byline candidate says: -1 nothing (an interface label), +2
    /// when it names a person (not only an agency), +1 when it says "By".
    static func bylineRank(_ name: String, _ text: String) -> Int {
        let p = AuthorNames.parse(name)
        if p.names.isEmpty && p.role == nil { return -1 }
        let lower = text.trimmingSpaces().asciiLowered
        let saysBy = startsWithBy(lower) || lower.hasPrefix("by:")
        return (p.names.isEmpty ? 0 : 2) + (saysBy ? 1 : 0)
    }

    /// Containers whose "by X" lines are about other pages (a widget's
    /// "by Taboola", a teaser's author), never the article's byline.
    static let bylineFreeKinds: Set<String> = ["related", "advert", "promo", "widget", "nav", "footer", "aside",
                                               "newsletter"]

    static let atTime = Array(" at ".utf8)
    static let bylineSeparators: [[UInt8]] = ["|", "\n", " - ", " – ", " — ", "•", "·", "／", " / ", " on ", ", updated",
        " updated", " published", " posted", "Published", "Updated", " Comments", " comments", " Comment"].map { Array($0.utf8) }

    /// Where a "November 19" (month name and day, no year) starts, if after a name.
    static func monthDayStart(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            if i > 0 && b[i - 1] == 0x20, (b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A {
                var j = i
                while j < b.count, (b[j] | 0x20) >= 0x61 && (b[j] | 0x20) <= 0x7A { j += 1 }
                if j - i >= 3 && DateNormalizer.monthNumber(b[i..<j]) > 0 {
                    var k = j
                    if k < b.count && b[k] == 0x2E { k += 1 }
                    if k < b.count && b[k] == 0x20 { k += 1 }
                    if k < b.count && b[k] >= 0x30 && b[k] <= 0x39 { return i }
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    /// A bio box is about a person: it names the page's author (by surname)
    /// when the page has one, else it starts "First Last is ...". A publisher's
    /// blurb in a box classed "bio" ("News Corp is a network ...") is not.
    static func isPersonBio(_ t: String, author: String?) -> Bool {
        if let author, let surname = author.split(separator: " ").last, surname.count >= 2 {
            return t.contains(surname)
        }
        return bioName(t) != nil
    }

    static func bioName(_ t: String) -> String? {
        // "Jane Doe is a writer ..." -> "Jane Doe"
        guard let k = t.byteOffset(of: " is ") else { return nil }
        let name = t.toByte(k)
        let words = name.split(separator: " ")
        guard words.count >= 2 && words.count <= 4,
              words.allSatisfy({ $0.first.map { $0.isUppercase } ?? false }) else { return nil }
        return String(name)
    }

    /// Elements whose text is written as part of the article's flow (not a
    /// div or span of widgets).
    static func isWrittenText(_ t: Tag) -> Bool {
        switch t {
        case .p, .li, .dd, .dt, .blockquote, .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    /// "Lea también: <a>headline</a>", "VEA TAMBIÉN: <a>...</a>", "Read more:
    /// <a>...</a>": a short label of one to three words and a colon, and no
    /// more than the label outside the link: a pointer to another story, in
    /// any language (a reference's "^ <a>Film Review: X</a>" has its colon
    /// inside the link).
    static func isLabelledLink(_ t: String, _ c: Chunk) -> Bool {
        guard c.linkChars > 0, c.linkChars * 2 >= c.chars else { return false }
        var label = 0, words = 1
        for u in t.unicodeScalars {
            label += 1
            if u == ":" || u == "：" {
                return words <= 3 && label >= 3 && abs(c.chars - c.linkChars - Int32(label)) <= 3
            }
            if u == " " { words += 1 }
            if label > 30 || words > 3 { return false }
        }
        return false
    }

    /// A linked line written as a sentence (a "tweet this" pull quote set in
    /// a div or a bare link): 60+ characters, 8+ words, under half of them
    /// capitalised, and a full stop, "!" or "?" that ends a sentence. Other
    /// pages' headlines and sponsored teasers are Title Case or end without one.
    static func isLinkedSentence(_ t: String, _ c: Chunk) -> Bool {
        guard c.chars >= 60 else { return false }
        let b = Array(t.utf8)
        var words = 0, capitalised = 0, inWord = false, sentenceEnd = false
        for (k, x) in b.enumerated() {
            let space = x == 0x20 || x == 0x0A
            if !space && !inWord {
                words += 1
                if x >= 0x41 && x <= 0x5A { capitalised += 1 }
            }
            inWord = !space
            // after a lower-case letter, a digit, ")" or a non-ASCII letter or quote ("U.S." is no end)
            if x == 0x2E || x == 0x21 || x == 0x3F, k > 0,
               case let p = b[k - 1], (p >= 0x61 && p <= 0x7A) || (p >= 0x30 && p <= 0x39) || p == 0x29 || p >= 0x80 {
                let next = k + 1 < b.count ? b[k + 1] : 0x20
                // ". ", ".'", ".\u{201D}" (a curly quote starts with E2), or ".Next" where a
                // button's text follows without a space
                if next == 0x20 || next == 0x0A || next == 0x27 || next == 0x22 || next == 0xE2
                    || (next >= 0x41 && next <= 0x5A) { sentenceEnd = true }
            }
        }
        return words >= 8 && capitalised * 2 < words && sentenceEnd
    }

    /// Ends with sentence punctuation (or a closing quote or bracket).
    static func endsLikeSentence(_ t: String) -> Bool {
        guard let l = t.unicodeScalars.last else { return false }
        return ".!?:;\"”’)…。！？".unicodeScalars.contains(l)
    }

    /// Mostly capital letters ("SEE MORE: ..."): a promotion, not a sentence.
    /// Scripts without case are never shouting.
    static func isShouting(_ t: String) -> Bool {
        var upper = 0, lower = 0
        for b in t.utf8 {
            if b >= 0x41 && b <= 0x5A { upper += 1 } else if b >= 0x61 && b <= 0x7A { lower += 1 }
        }
        return upper >= 10 && upper > lower * 3
    }

    /// A line that is a date with a two-digit year and nothing else ("23.09.22").
    static func isShortYearDate(_ t: String) -> Bool {
        var s = t
        return s.withUTF8 { b in
            b.count <= 10 && DateNormalizer.shortYear(in: b, monthFirst: false).map { $0.start == 0 && $0.end == b.count } == true
        }
    }

    /// "12.12.2022 - Empa (...)": a line that opens with its date is a dateline, however it ends.
    static func startsWithDate(_ t: String) -> Bool {
        var s = t
        return s.withUTF8 { b in DateNormalizer.find(in: b)?.start == 0 }
    }

    static func mostlyDate(_ t: String) -> Bool {
        var s = t
        return s.withUTF8 { b -> Bool in
            guard let m = DateNormalizer.find(in: b) else { return false }
            let span = m.end - m.start
            return span * 2 >= b.count || b.count < 40
        }
    }

    static func stripNavWords(_ t: String) -> String {
        var s = t
        let words = ["previous article", "next article", "previous post", "next post", "previous story",
                     "next story", "previous", "next", "prev", "older post", "newer post", "older", "newer",
                     "« previous", "next »", "←", "→", "«", "»", "‹", "›", ":"]
        var changed = true
        while changed {
            changed = false
            s = s.trimmingSpaces()
            let l = s.asciiLowered
            for w in words {
                if l.hasPrefix(w) { s = String(s.dropFirst(w.count)); changed = true; break }
                if l.hasSuffix(w) && l.count > w.count { s = String(s.dropLast(w.count)); changed = true; break }
            }
        }
        return s.trimmingSpaces()
    }

    static func startsWithTagsLabel(_ t: String) -> Bool { startsWithAny(t, tagLabels) }

    static func isTagsLabel(_ t: String) -> Bool {
        var l = t.asciiLowered
        while let x = l.last, x == ":" || x == " " { l.removeLast() }
        return l.isEmpty || ["tags", "tag", "tagged", "tagged with", "topics", "keywords", "filed under", "related topics"].contains(l)
    }

    /// Texts of the links under a node, in order, without repeats.
    func linkTexts(_ n: Int32) -> [String] {
        var out: [String] = []
        for var t in page.anchorTexts(under: n) where out.count < 100 {
            if t.hasPrefix("#") && t.count > 1 { t.removeFirst() }
            if !t.isEmpty && t.utf8.count < 80 && !out.contains(t) { out.append(t) }
        }
        return out
    }

    static func stripLabel(_ t: String, _ labels: [String]) -> String {
        let l = t.asciiLowered
        for lab in labels where l.hasPrefix(lab) {
            var s = t.dropFirst(lab.count)
            while let f = s.first, f == ":" || f == " " { s = s.dropFirst() }
            return String(s)
        }
        return t
    }

    static func creditText(_ t: String) -> String {
        var s = t.trimmingSpaces()
        // "Caption text. (NASA/JPL)": the credit is the last parenthesis.
        if s.hasSuffix(")"), let open = s.lastIndex(of: "("), open != s.startIndex {
            let inner = s[s.index(after: open)..<s.index(before: s.endIndex)].trimmingSpaces()
            if !inner.isEmpty { s = inner }
        }
        if s.hasPrefix("(") && s.hasSuffix(")") { s = String(s.dropFirst().dropLast()) }
        let l = s.asciiLowered
        for p in ["photo credit:", "image credit:", "photograph:", "photos:", "photo:", "image:", "credit:",
                  "picture:", "illustration:", "photo by", "image by", "source:", "©", "(c)", "copyright"] where l.hasPrefix(p) {
            s = String(s.dropFirst(p.count))
            break
        }
        return s.trimmingSpaces()
    }

    /// A credit marker ("Photo:", "(Image: ...", "Photo by") in the last 60 bytes
    /// (with a name after it: creditInCaption).
    /// A bare "credit:" is not enough here: a line ending "Credit: X" may be
    /// a sentence's attribution rather than a caption.
    static func endsWithCredit(_ t: String) -> Bool {
        // A marker starting in the last 60 bytes: only that tail is looked at
        // (this runs on every short line of the content).
        var t = t
        return t.withUTF8 { b in
            let tail = b[max(0, b.count - 60)...]
            // Every marker has a colon or the "y" of "by".
            guard tail.contains(0x3A) || tail.contains(0x79) || tail.contains(0x59) else { return false }
            let l = tail.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            return endCreditMarkers.contains { Bytes.find(l, $0) != nil }
        }
    }

    /// The credit markers a line may end with ("credit:" alone is too common).
    static let endCreditMarkers: [[UInt8]] = creditMarkers.filter { $0 != "credit:" }.map { Array($0.utf8) }

    static func creditInCaption(_ t: String) -> String? {
        let l = Bytes.lower(t)
        let orig = Array(t.utf8)
        for marker in creditMarkers {
            if let k = Bytes.findLast(l, Array(marker.utf8)) {
                var rest = String(decoding: orig[(k + marker.utf8.count)...], as: UTF8.self).trimmingSpaces()
                if let close = rest.firstIndex(of: ")") { rest = String(rest[..<close]) }
                rest = rest.trimmingSpaces()
                if !rest.isEmpty && rest.count < 100 { return rest }
            }
        }
        return nil
    }
}

extension StringProtocol {
    /// ASCII letters lowercased, everything else kept (enough for matching
    /// the English phrases here, and much cheaper than Unicode case mapping).
    var asciiLowered: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for b in utf8 { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        return String(decoding: out, as: UTF8.self)
    }

    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// The page's JSON-LD `articleBody` as word 3-grams (issue 15): the
/// publisher's own statement of the body, used as evidence about which text is
/// body, not as the output (it is often truncated, a summary, or without
/// headings and breaks), except on a page that shows under half of it
/// (ArticleBodyFallback.swift). Built only for pages that have one.
struct LDEvidence {
    let grams: Set<UInt64>
    let words: Int

    init?(_ text: String) {
        let w = LDEvidence.words(text, markup: true)
        guard w.count >= 3 else { return nil }
        grams = Set(LDEvidence.grams(of: w))
        words = w.count
    }

    /// (3-grams of `text` that are in the articleBody, all 3-grams of `text`, words).
    func match(_ text: String) -> (hits: Int32, grams: Int32, words: Int32) {
        let w = LDEvidence.words(text, markup: false)
        let g = LDEvidence.grams(of: w)
        return (Int32(g.count { grams.contains($0) }), Int32(g.count), Int32(w.count))
    }

    /// The 3-grams of page text.
    static func grams(_ text: String) -> [UInt64] { grams(of: words(text, markup: false)) }

    /// The 3-grams of a list of word hashes (none under three words).
    static func grams(of w: [UInt64]) -> [UInt64] {
        w.count < 3 ? [] : (0..<(w.count - 2)).map { gram(w[$0], w[$0 + 1], w[$0 + 2]) }
    }

    @inline(__always) static func gram(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F).rotateLeft(21) ^ c.rotateLeft(42)
    }

    /// Hashes of the lower-cased words (letters and digits; quotes, dashes and
    /// apostrophes split). With `markup`, `<tags>` and `&entities;` (some
    /// publishers leave them in articleBody) are skipped.
    static func words(_ text: String, markup: Bool) -> [UInt64] {
        var out: [UInt64] = []
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        var inTag = false
        var entity = 0
        var scalars = Array(text.unicodeScalars)
        if markup {
            // Tags written escaped ("&lt;p&gt;") are tags too.
            var k = 0, o = 0
            while k < scalars.count {
                if scalars[k] == "&", k + 3 < scalars.count, scalars[k + 2] == "t", scalars[k + 3] == ";",
                   scalars[k + 1] == "l" || scalars[k + 1] == "g" {
                    scalars[o] = scalars[k + 1] == "l" ? "<" : ">"
                    k += 4
                } else {
                    scalars[o] = scalars[k]
                    k += 1
                }
                o += 1
            }
            scalars.removeLast(scalars.count - o)
        }
        for s in scalars {
            if markup {
                if inTag { if s == ">" { inTag = false }; continue }
                if s == "<" { inTag = true }
                if entity > 0 {
                    if s == ";" || entity > 10 { entity = 0; continue }
                    if s.properties.isAlphabetic || s == "#" || ("0"..."9").contains(s) { entity += 1; continue }
                    entity = 0
                }
                if s == "&" { entity = 1 }
            }
            let v = s.value
            let word: Bool
            var lv = v
            if v < 0x80 {
                word = (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
                if v >= 0x41 && v <= 0x5A { lv = v | 0x20 }
            } else {
                word = s.properties.isAlphabetic || s.properties.numericType != nil
                if word, s.properties.changesWhenLowercased, let l = s.properties.lowercaseMapping.unicodeScalars.first {
                    lv = l.value
                }
            }
            if word {
                if !inWord { h = 0xCBF2_9CE4_8422_2325; inWord = true }
                h = (h ^ UInt64(lv)) &* 0x100_0000_01B3
            } else if inWord {
                out.append(h)
                inWord = false
            }
        }
        if inWord { out.append(h) }
        return out
    }
}

extension UInt64 {
    @inline(__always) func rotateLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}

extension Page {
    /// Runs of three or more consecutive children of `parent` (children with
    /// no text are passed over) of one tag that each give a value for `item`:
    /// the repetition behind comment lists and teaser cards.
    func siblingRuns<T>(of parent: Int32, _ item: (Int32) -> T?) -> [[(Int32, T)]] {
        var runs: [[(Int32, T)]] = []
        var run: [(Int32, T)] = []
        var runTag: Tag? = nil
        func close() {
            if run.count >= 3 { runs.append(run) }
            run = []
        }
        var j = parent + 1
        let end = nodes[Int(parent)].end
        while j < end {
            let child = nodes[Int(j)]
            if child.chunkEnd > child.chunkStart {
                if child.tag != runTag { close(); runTag = child.tag }
                if let v = item(j) { run.append((j, v)) } else { close() }
            }
            j = child.end
        }
        close()
        return runs
    }
}
