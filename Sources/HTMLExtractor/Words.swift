// What an element's class, id, role and itemprop say about it. Values are split
// into words (at punctuation and camelCase humps); a word is looked up whole,
// and longer words are also searched for distinctive stems ("relatedposts").

struct Hint: OptionSet, Sendable, Hashable {
    let rawValue: UInt64
    init(rawValue: UInt64) { self.rawValue = rawValue }

    static let positive = Hint(rawValue: 1 << 0)     // article, content, post, entry, story ...
    static let articleBody = Hint(rawValue: 1 << 1)  // itemprop=articleBody, article-body ...
    static let nav = Hint(rawValue: 1 << 2)
    static let footer = Hint(rawValue: 1 << 3)
    static let header = Hint(rawValue: 1 << 4)
    static let aside = Hint(rawValue: 1 << 5)
    static let share = Hint(rawValue: 1 << 6)
    static let related = Hint(rawValue: 1 << 7)
    static let advert = Hint(rawValue: 1 << 8)
    static let promo = Hint(rawValue: 1 << 9)
    static let newsletter = Hint(rawValue: 1 << 10)
    static let comment = Hint(rawValue: 1 << 11)      // comment section or item
    static let commentForm = Hint(rawValue: 1 << 12)
    static let caption = Hint(rawValue: 1 << 13)
    static let credit = Hint(rawValue: 1 << 14)
    static let tags = Hint(rawValue: 1 << 15)
    static let author = Hint(rawValue: 1 << 16)       // author, byline
    static let bio = Hint(rawValue: 1 << 17)          // author bio box
    static let meta = Hint(rawValue: 1 << 18)         // post meta, dates
    static let date = Hint(rawValue: 1 << 19)
    static let hidden = Hint(rawValue: 1 << 20)
    static let popup = Hint(rawValue: 1 << 21)
    static let form = Hint(rawValue: 1 << 22)         // search, login
    static let navPrev = Hint(rawValue: 1 << 23)
    static let navNext = Hint(rawValue: 1 << 24)
    static let commentBody = Hint(rawValue: 1 << 25)  // the text of one comment
    static let commentMeta = Hint(rawValue: 1 << 26)  // comment author, date, reply link
    static let commentList = Hint(rawValue: 1 << 27)  // ol.commentlist, #comments
    static let toolbar = Hint(rawValue: 1 << 28)      // tools, actions, print, font size
    static let title = Hint(rawValue: 1 << 29)        // headline, title
    static let lede = Hint(rawValue: 1 << 30)         // summary, standfirst, dek
    static let mainRole = Hint(rawValue: 1 << 31)     // role=main, <main>
    static let weakNegative = Hint(rawValue: 1 << 32) // widget, extra, links, more ...
    static let breadcrumb = Hint(rawValue: 1 << 33)
    static let paywall = Hint(rawValue: 1 << 34)
    static let embed = Hint(rawValue: 1 << 35)        // an embedded post (tweet): body text
    static let media = Hint(rawValue: 1 << 36)        // image, photo, picture containers

    /// Hints that make an element boilerplate when found inside the content.
    static let negative: Hint = [.nav, .footer, .aside, .share, .related, .advert, .promo, .newsletter,
                                 .comment, .commentForm, .popup, .form, .tags, .bio, .toolbar,
                                 .breadcrumb, .hidden, .weakNegative, .paywall]

    /// The boilerplate kind this hint names, most specific first.
    var kind: String? {
        if contains(.hidden) { return "hidden" }
        if contains(.commentForm) { return "comment-form" }
        if contains(.comment) { return "comment" }
        if contains(.newsletter) { return "newsletter" }
        if contains(.advert) { return "advert" }
        if contains(.share) { return "share" }
        if contains(.related) { return "related" }
        if contains(.promo) { return "promo" }
        if contains(.paywall) { return "paywall" }
        if contains(.popup) { return "popup" }
        if contains(.tags) { return "tags" }
        if contains(.bio) { return "bio" }
        if contains(.breadcrumb) { return "nav" }
        if contains(.nav) { return "nav" }
        if contains(.footer) { return "footer" }
        if contains(.aside) { return "aside" }
        if contains(.form) { return "form" }
        if contains(.toolbar) { return "toolbar" }
        if contains(.weakNegative) { return "widget" }
        if contains(.caption) || contains(.credit) { return "caption" }
        if contains(.header) { return "header" }
        return nil
    }
}

enum Words {
    // Whole words.
    static let exact: [(String, Hint)] = [
        ("article", .positive), ("articles", .positive), ("content", .positive), ("contents", .positive),
        ("post", .positive), ("entry", .positive), ("story", .positive), ("stories", .positive),
        ("body", .positive), ("text", .positive), ("main", .positive), ("blog", .positive),
        ("hentry", .positive), ("prose", .positive), ("richtext", .positive), ("copy", .positive),
        ("articlebody", .articleBody), ("storybody", .articleBody), ("postbody", .articleBody),
        ("entrycontent", .articleBody), ("postcontent", .articleBody), ("articlecontent", .articleBody),
        ("storycontent", .articleBody), ("articletext", .articleBody), ("storytext", .articleBody),
        ("nav", .nav), ("navs", .nav), ("navbar", .nav), ("navigation", .nav), ("menu", .nav),
        ("menus", .nav), ("submenu", .nav), ("megamenu", .nav), ("pagination", .nav), ("pager", .nav),
        ("breadcrumb", .breadcrumb), ("breadcrumbs", .breadcrumb), ("crumbs", .breadcrumb),
        ("skip", .nav), ("jump", .nav), ("toc", .nav),
        ("footer", .footer), ("foot", .footer), ("colophon", .footer), ("copyright", .footer),
        ("header", .header), ("masthead", .header), ("topbar", .header), ("banner", .header),
        ("sidebar", .aside), ("aside", .aside), ("rail", .aside), ("sidebars", .aside),
        ("share", .share), ("shares", .share), ("sharing", .share), ("social", .share),
        ("sharebar", .share), ("addthis", .share), ("sociable", .share), ("sharethis", .share),
        ("follow", .share),
        ("related", .related), ("recommended", .related), ("recommendations", .related),
        ("recirc", .related), ("recirculation", .related), ("trending", .related), ("popular", .related),
        ("mostread", .related), ("outbrain", .related), ("taboola", .related), ("readmore", .related),
        ("teaser", .related), ("teasers", .related), ("more", .weakNegative), ("also", .related),
        ("ad", .advert), ("ads", .advert), ("advert", .advert), ("adverts", .advert),
        ("advertisement", .advert), ("advertising", .advert), ("sponsor", .advert),
        ("sponsored", .advert), ("dfp", .advert), ("gpt", .advert), ("adslot", .advert),
        ("adunit", .advert), ("adsbygoogle", .advert), ("adwrap", .advert), ("adcontainer", .advert),
        ("commercial", .advert), ("native", .weakNegative),
        ("promo", .promo), ("promos", .promo), ("promotion", .promo), ("cta", .promo), ("upsell", .promo),
        ("offer", .promo), ("marketing", .promo),
        ("newsletter", .newsletter), ("newsletters", .newsletter), ("subscribe", .newsletter),
        ("subscription", .newsletter), ("signup", .newsletter), ("optin", .newsletter),
        ("comment", .comment), ("comments", .comment), ("disqus", .comment), ("discussion", .comment),
        ("commentlist", .commentList), ("respond", .commentForm), ("commentform", .commentForm),
        ("reply", .commentMeta), ("replies", .comment),
        ("caption", .caption), ("captions", .caption), ("figcaption", .caption), ("credit", .credit),
        ("credits", .credit), ("photographer", .credit), ("courtesy", .credit),
        ("tags", .tags), ("tag", .tags), ("taglist", .tags), ("keywords", .tags), ("topics", .tags),
        ("author", .author), ("authors", .author), ("byline", .author), ("bylines", .author),
        ("contributor", .author), ("writer", .author),
        ("bio", .bio), ("authorbio", .bio), ("authorbox", .bio), ("biography", .bio),
        ("meta", .meta), ("metadata", .meta), ("info", .meta), ("details", .meta),
        ("date", .date), ("time", .date), ("timestamp", .date), ("dateline", .date),
        ("published", .date), ("pubdate", .date), ("updated", .date), ("posted", .date),
                ("modal", .popup), ("popup", .popup), ("overlay", .popup), ("cookie", .popup),
        ("cookies", .popup), ("gdpr", .popup), ("consent", .popup), ("lightbox", .popup),
        ("dialog", .popup), ("interstitial", .popup), ("rollover", .popup), ("tooltip", .popup),
        ("popover", .popup), ("hovercard", .popup),
        ("search", .form), ("login", .form), ("signin", .form), ("searchform", .form),
        ("widget", .weakNegative), ("widgets", .weakNegative), ("extra", .weakNegative),
        ("links", .weakNegative), ("utility", .weakNegative), ("tools", .toolbar), ("toolbar", .toolbar),
        ("print", .toolbar), ("actions", .toolbar),
        ("tweet", .embed), ("twittertweet", .embed), ("instagrammedia", .embed), ("tiktokembed", .embed),
        ("gallery", .caption), ("slideshow", .caption), ("figure", .caption),
        ("image", .media), ("images", .media), ("img", .media), ("photo", .media), ("photos", .media),
        ("picture", .media), ("media", .media), ("thumbnail", .media), ("lead", .media),
        ("paywall", .paywall), ("meter", .paywall), ("piano", .paywall),
        ("prev", .navPrev), ("previous", .navPrev), ("next", .navNext),
        ("headline", .title), ("title", .title), ("heading", .title),
        ("summary", .lede), ("standfirst", .lede), ("dek", .lede), ("lede", .lede), ("intro", .lede),
        ("subtitle", .lede), ("subheadline", .lede), ("excerpt", .lede),
    ]

    // Stems searched inside longer words (no separators: "relatedposts").
    static let stems: [(String, Hint)] = [
        ("articlebody", .articleBody), ("storybody", .articleBody), ("postbody", .articleBody),
        ("entrycontent", .articleBody), ("postcontent", .articleBody), ("articlecontent", .articleBody),
        ("related", .related), ("sidebar", .aside), ("comment", .comment), ("social", .share),
        ("share", .share), ("newsletter", .newsletter), ("subscri", .newsletter), ("sponsor", .advert),
        ("advert", .advert), ("footer", .footer), ("breadcrumb", .breadcrumb), ("navigation", .nav),
        ("navbar", .nav), ("promo", .promo), ("caption", .caption), ("byline", .author),
        ("author", .author), ("paywall", .paywall), ("recommend", .related), ("trending", .related),
        ("outbrain", .related), ("taboola", .related), ("cookie", .popup), ("modal", .popup),
        ("popup", .popup), ("widget", .weakNegative), ("disqus", .comment), ("masthead", .header),
        ("header", .header), ("article", .positive), ("content", .positive), ("story", .positive),
        ("mostpopular", .related), ("mostread", .related), ("readmore", .related),
        ("tagline", .lede), ("headline", .title),
    ]

    private static let table: WordTable = {
        var t = WordTable()
        for (w, h) in exact { t.insert(Array(w.utf8), h) }
        return t
    }()
    private static let stemBytes: [([UInt8], Hint)] = stems.map { (Array($0.0.utf8), $0.1) }

    /// Words of one attribute value; the hint of each (and of adjacent pairs
    /// joined, so "article-body" reads as "articlebody"). Class names that
    /// only name a taxonomy term ("tag-elections", "category-news", as
    /// WordPress puts on every post) say nothing.
    static func classify(_ p: UnsafePointer<UInt8>, _ n: Int) -> Hint {
        var h: Hint = []
        var i = 0
        while i < n {
            while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
            let s = i
            while i < n, p[i] != 0x20 && p[i] != 0x09 && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
            if i > s { h.formUnion(classifyToken(p + s, i - s)) }
        }
        // Commentary is an opinion column, not a comment section.
        if h.contains(.comment) && containsCommentary(p, n) { h.remove(.comment) }
        return h
    }

    static let taxonomyPrefixes: [[UInt8]] = ["tag", "category", "term", "format", "status", "type",
                                              "postid", "tax", "topic", "section", "label"].map { Array($0.utf8) }
    static let listSuffixes: [[UInt8]] = ["list", "lists", "cloud", "links", "wrap", "wrapper", "container",
                                          "box", "area", "block", "widget", "items", "holder", "bar",
                                          "section", "group", "module"].map { Array($0.utf8) }

    /// One class name (or id): split into words at punctuation and humps.
    /// Words are lowercased into one buffer without separators, so two
    /// adjacent words ("article" "body") are also one contiguous slice.
    static func classifyToken(_ p: UnsafePointer<UInt8>, _ n: Int) -> Hint {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { low in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 1) { starts in
                var len = 0, count = 0
                var inWord = false
                var prevLower = false
                for i in 0..<n {
                    let c = p[i]
                    let isUpper = c >= 0x41 && c <= 0x5A
                    let isLower = c >= 0x61 && c <= 0x7A
                    let isDigit = c >= 0x30 && c <= 0x39
                    if isUpper || isLower || isDigit || c >= 0x80 {
                        if !inWord || (isUpper && prevLower) { starts[count] = len; count += 1; inWord = true }
                        low[len] = isUpper ? c | 0x20 : c
                        len += 1
                        prevLower = isLower
                    } else {
                        inWord = false
                        prevLower = false
                    }
                }
                starts[count] = len
                if count == 0 { return [] }
                let base = UnsafePointer(low.baseAddress!)
                func word(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(start: base + starts[k], count: starts[k + 1] - starts[k])
                }
                if count >= 2 && taxonomyPrefixes.contains(where: { equal($0, word(0)) })
                    && !listSuffixes.contains(where: { equal($0, word(1)) }) {
                    return []
                }
                var h: Hint = []
                for k in 0..<count {
                    h.formUnion(lookup(word(k)))
                    if k > 0 {
                        let joined = UnsafeBufferPointer(start: base + starts[k - 1], count: starts[k + 1] - starts[k - 1])
                        let jh = table.get(joined)
                        if !jh.isEmpty { h.formUnion(jh) }
                        else if joined.count >= 7 {
                            for (s, sh) in stemBytes where sh == .articleBody && contains(joined, s) { h.formUnion(sh) }
                        }
                    }
                }
                return h
            }
        }
    }

    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Stems by their first two bytes: pair -> bucket number (0: none).
    private static let stemPairs: ([UInt8], [[([UInt8], Hint)]]) = {
        var pairs = [UInt8](repeating: 0, count: 65536)
        var buckets: [[([UInt8], Hint)]] = [[]]
        for (s, h) in stemBytes {
            let key = Int(s[0]) << 8 | Int(s[1])
            if pairs[key] == 0 { pairs[key] = UInt8(buckets.count); buckets.append([]) }
            buckets[Int(pairs[key])].append((s, h))
        }
        return (pairs, buckets)
    }()

    static func lookup(_ w: UnsafeBufferPointer<UInt8>) -> Hint {
        let e = table.get(w)
        if !e.isEmpty || w.count < 5 { return e }
        var h: Hint = []
        let (pairs, buckets) = stemPairs
        var i = 0
        while i + 1 < w.count {
            let b = pairs[Int(w[i]) << 8 | Int(w[i + 1])]
            if b != 0 {
                for (s, sh) in buckets[Int(b)] where s.count < w.count && i + s.count <= w.count {
                    var k = 2
                    while k < s.count && w[i + k] == s[k] { k += 1 }
                    if k == s.count { h.formUnion(sh) }
                }
            }
            i += 1
        }
        return h
    }

    static func contains(_ w: UnsafeBufferPointer<UInt8>, _ s: [UInt8]) -> Bool {
        if s.count > w.count { return false }
        let f = s[0]
        var i = 0
        let last = w.count - s.count
        while i <= last {
            if w[i] == f {
                var k = 1
                while k < s.count, w[i + k] == s[k] { k += 1 }
                if k == s.count { return true }
            }
            i += 1
        }
        return false
    }

    static func contains(_ w: [UInt8], _ s: [UInt8]) -> Bool {
        w.withUnsafeBufferPointer { contains($0, s) }
    }

    static func containsCommentary(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let s = Array("commentar".utf8)
        if n < s.count { return false }
        var i = 0
        while i + s.count <= n {
            var k = 0
            while k < s.count, p[i + k] | 0x20 == s[k] { k += 1 }
            if k == s.count { return true }
            i += 1
        }
        return false
    }
}

/// A small open-addressing table from ASCII words to hints (no String
/// allocation per lookup).
struct WordTable {
    var keys: [[UInt8]] = Array(repeating: [], count: 1024)
    var vals: [Hint] = Array(repeating: [], count: 1024)

    static func hash<C: Collection>(_ w: C) -> Int where C.Element == UInt8 {
        var h: UInt32 = 2166136261
        for c in w { h = (h ^ UInt32(c)) &* 16777619 }
        return Int(h & 1023)
    }

    mutating func insert(_ w: [UInt8], _ v: Hint) {
        var i = WordTable.hash(w)
        while !keys[i].isEmpty && keys[i] != w { i = (i + 1) & 1023 }
        keys[i] = w
        vals[i].formUnion(v)
    }

    func get(_ w: UnsafeBufferPointer<UInt8>) -> Hint {
        var i = WordTable.hash(w)
        while !keys[i].isEmpty {
            if Words.equal(keys[i], w) { return vals[i] }
            i = (i + 1) & 1023
        }
        return []
    }
}
