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

    /// The word lists as flat, never-freed tables: no array retains, bounds
    /// checks or lazy-global checks per lookup (read once per attribute value).
    private static let data = WordData()

    final class WordData: @unchecked Sendable {
        let table: FlatWordTable
        /// Stems by their first two bytes: pair -> bucket number (0: none).
        let pairs: UnsafeMutablePointer<UInt8>
        /// Bucket b's stems are stems[bucketStart[b] ..< bucketStart[b + 1]].
        let bucketStart: [Int]
        let stemList: [FlatWord]
        let articleBodyStems: [FlatWord]
        let taxonomy: FlatWordTable
        let listSuffix: FlatWordTable

        init() {
            table = FlatWordTable(exact.map { (Array($0.0.utf8), $0.1) })
            let stemBytes: [([UInt8], Hint)] = stems.map { (Array($0.0.utf8), $0.1) }
            pairs = .allocate(capacity: 65536)
            pairs.initialize(repeating: 0, count: 65536)
            var buckets: [[([UInt8], Hint)]] = [[]]
            for (s, h) in stemBytes {
                let key = Int(s[0]) << 8 | Int(s[1])
                if pairs[key] == 0 { pairs[key] = UInt8(buckets.count); buckets.append([]) }
                buckets[Int(pairs[key])].append((s, h))
            }
            var starts: [Int] = []
            var list: [FlatWord] = []
            for b in buckets {
                starts.append(list.count)
                for (s, h) in b { list.append(FlatWord(s, h)) }
            }
            starts.append(list.count)
            bucketStart = starts
            stemList = list
            articleBodyStems = stemBytes.filter { $0.1 == .articleBody }.map { FlatWord($0.0, $0.1) }
            taxonomy = FlatWordTable(taxonomyPrefixes.map { ($0, Hint.positive) })
            listSuffix = FlatWordTable(listSuffixes.map { ($0, Hint.positive) })
        }
    }

    /// Words of one attribute value; the hint of each (and of adjacent pairs
    /// joined, so "article-body" reads as "articlebody"). Class names that
    /// only name a taxonomy term ("tag-elections", "category-news", as
    /// WordPress puts on every post) say nothing.
    static func classify(_ p: UnsafePointer<UInt8>, _ n: Int) -> Hint {
        let d = data
        var h: Hint = []
        if n == 0 { return h }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { low in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: n + 1) { starts in
                var i = 0
                while i < n {
                    while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
                    let s = i
                    while i < n, p[i] != 0x20 && p[i] != 0x09 && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
                    if i > s {
                        h.formUnion(classifyToken(p + s, i - s, d, low.baseAddress!, starts.baseAddress!))
                    }
                }
            }
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
    /// `low` and `starts` are scratch space of at least n and n + 1.
    @inline(__always)
    static func classifyToken(_ p: UnsafePointer<UInt8>, _ n: Int, _ d: WordData,
                              _ low: UnsafeMutablePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>) -> Hint {
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
        let base = UnsafePointer(low)
        if count >= 2 && d.taxonomy.has(base + starts[0], starts[1] - starts[0])
            && !d.listSuffix.has(base + starts[1], starts[2] - starts[1]) {
            return []
        }
        var h: Hint = []
        for k in 0..<count {
            h.formUnion(lookup(base + starts[k], starts[k + 1] - starts[k], d))
            if k > 0 {
                let jp = base + starts[k - 1], jn = starts[k + 1] - starts[k - 1]
                let jh = d.table.get(jp, jn)
                if !jh.isEmpty { h.formUnion(jh) }
                else if jn >= 7 {
                    for s in d.articleBodyStems where s.occurs(in: jp, jn) { h.formUnion(s.hint) }
                }
            }
        }
        return h
    }

    static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    @inline(__always)
    static func lookup(_ w: UnsafePointer<UInt8>, _ n: Int, _ d: WordData) -> Hint {
        let e = d.table.get(w, n)
        if !e.isEmpty || n < 5 { return e }
        var h: Hint = []
        var i = 0
        while i + 1 < n {
            let b = Int(d.pairs[Int(w[i]) << 8 | Int(w[i + 1])])
            if b != 0 {
                var j = d.bucketStart[b]
                let e = d.bucketStart[b + 1]
                while j < e {
                    let s = d.stemList[j]
                    if s.count < n && i + s.count <= n {
                        var k = 2
                        while k < s.count && w[i + k] == s.bytes[k] { k += 1 }
                        if k == s.count { h.formUnion(s.hint) }
                    }
                    j += 1
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

/// A word's bytes in never-freed memory, and its hint.
struct FlatWord {
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int
    let hint: Hint

    init(_ w: [UInt8], _ h: Hint) {
        bytes = .allocate(capacity: max(w.count, 1))
        bytes.initialize(from: w, count: w.count)
        count = w.count
        hint = h
    }

    /// True if the word occurs in p[0..<n].
    @inline(__always)
    func occurs(in p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        if count > n { return false }
        let f = bytes[0]
        var i = 0
        let last = n - count
        while i <= last {
            if p[i] == f {
                var k = 1
                while k < count, p[i + k] == bytes[k] { k += 1 }
                if k == count { return true }
            }
            i += 1
        }
        return false
    }
}

/// An open-addressing table from ASCII words to hints, keys in one
/// never-freed block (no String or Array per lookup).
struct FlatWordTable {
    static let size = 1024
    let keyBytes: UnsafeMutablePointer<UInt8>
    /// Per slot: key offset, key length (0: empty), hint.
    let offs: UnsafeMutablePointer<Int32>
    let lens: UnsafeMutablePointer<Int32>
    let vals: UnsafeMutablePointer<Hint>

    init(_ words: [([UInt8], Hint)]) {
        var t = WordTable()
        for (w, h) in words { t.insert(w, h) }
        let total = t.keys.reduce(0) { $0 + $1.count }
        keyBytes = .allocate(capacity: max(total, 1))
        offs = .allocate(capacity: Self.size)
        lens = .allocate(capacity: Self.size)
        vals = .allocate(capacity: Self.size)
        var o = 0
        for i in 0..<Self.size {
            let k = t.keys[i]
            offs[i] = Int32(o)
            lens[i] = Int32(k.count)
            vals[i] = t.vals[i]
            for c in k { keyBytes[o] = c; o += 1 }
        }
    }

    @inline(__always)
    func get(_ w: UnsafePointer<UInt8>, _ n: Int) -> Hint {
        var i = Int(Bytes.fnv1a(w, n) & 1023)
        while true {
            let l = Int(lens[i])
            if l == 0 { return [] }
            if l == n {
                let k = keyBytes + Int(offs[i])
                var j = 0
                while j < n && k[j] == w[j] { j += 1 }
                if j == n { return vals[i] }
            }
            i = (i + 1) & 1023
        }
    }

    func has(_ w: UnsafePointer<UInt8>, _ n: Int) -> Bool { !get(w, n).isEmpty }
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
