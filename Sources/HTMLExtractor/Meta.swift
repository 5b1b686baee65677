// Page-level fields from `<meta>`, `<link>`, `<title>` and JSON-LD.
import ArticleModel

struct PageMeta {
    var ogTitle: String?
    var htmlTitle: String?
    var ldHeadline: String?
    var siteName: String?
    var author: String?
    var authorRule = ""
    var published: String?
    var publishedRule = ""
    /// The full timestamp of a source that gives `published` with a time of day.
    var publishedTime: String?
    /// The declared language as an ISO 639-1 code (see `languageSources`).
    var language: String?
    var tags: [String] = []
    var tagsRule = ""
    var keywords: [String] = []
    var url: String?
    var imageCredit: String?
    var ldArticleBody: String?

    init(_ page: Page) {
        var metaAuthor: String? = nil
        var twitterCard: [String: String] = [:]
        var metaDate: (String, String)? = nil
        var ogURL: String? = nil
        var times: [String] = []
        var declared: [String: String] = [:]   // source -> code
        for m in page.metas {
            switch m.key {
            case "og:title", "twitter:title", "og:site_name", "application-name", "apple-mobile-web-app-title",
                 "author", "article:author", "dc.creator", "dc.creator.author", "sailthru.author", "parsely-author",
                 "dc:creator", "dcterm:creator", "og:article:author", "byl", "citation_author", "dcterms.creator", "article:published_time", "article:published",
                 "og:published_time", "published_time", "datepublished", "date", "pubdate", "publishdate",
                 "publish-date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "sailthru.date",
                 "parsely-pub-date", "citation_publication_date", "citation_date", "article.published",
                 "date.available", "displaydate", "originalpublicationdate", "article:post_date",
                 "article_date_original", "cxenseparse:recs:publishtime", "dc.date.created",
                 "og:article:published_time", "article:tag", "og:article:tag", "news_keywords", "keywords", "og:url",
                 "content-language", "og:locale", "dc.language", "language":
                break
            default:
                guard PageMeta.isPluginPublishedTime(m.key) || PageMeta.isTwitterCardKey(m.key) else { continue }
            }
            let v = clean(m.content)
            if v.isEmpty { continue }
            switch m.key {
            case "og:title", "twitter:title":
                if ogTitle == nil { ogTitle = v }
            case "og:site_name", "application-name", "apple-mobile-web-app-title":
                if siteName == nil { siteName = v }
            case "author", "article:author", "dc.creator", "dc.creator.author", "sailthru.author",
                 "parsely-author", "dc:creator", "dcterm:creator", "og:article:author", "byl", "citation_author", "dcterms.creator":
                if metaAuthor == nil, PageMeta.plausibleName(v) { metaAuthor = v }
            case "article:published_time", "article:published", "og:published_time", "published_time",
                 "datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
                 "dc.date", "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
                 "citation_publication_date", "citation_date", "article.published", "date.available",
                 "displaydate", "originalpublicationdate", "article:post_date", "article_date_original",
                 "cxenseparse:recs:publishtime", "dc.date.created", "og:article:published_time",
                 _ where PageMeta.isPluginPublishedTime(m.key):
                if metaDate == nil, let d = DateNormalizer.normalize(v) { metaDate = (d, "meta " + m.key) }
                if let t = DateNormalizer.timestamp(v) { times.append(t) }
            case _ where PageMeta.isTwitterCardKey(m.key):
                // Yoast's Twitter card: "twitter:label1" = "Written by", "twitter:data1" = the name.
                twitterCard[m.key] = v
            case "content-language", "og:locale", "dc.language", "language":
                if declared[m.key] == nil, let c = LanguageDetector.normalizeDeclared(v) { declared[m.key] = c }
            case "article:tag", "og:article:tag", "news_keywords":
                for t in PageMeta.splitList(v) where !tags.contains(t) { tags.append(t) }
                if tagsRule.isEmpty { tagsRule = "meta " + m.key }
            case "keywords":
                if keywords.isEmpty { keywords = PageMeta.splitList(v) }
            case "og:url":
                if ogURL == nil { ogURL = v }
            default:
                break
            }
        }
        for l in page.links {
            let rels = l.rel.split(separator: " ")
            if rels.contains("canonical"), url == nil, !l.href.isEmpty { url = clean(l.href) }
        }
        if url == nil { url = ogURL }
        if let t = page.titleText, !t.isEmpty { htmlTitle = t }

        // JSON-LD: the first article-like object.
        var ldAuthor: String? = nil
        var ldDate: String? = nil
        var ldTags: [String] = []
        outer: for src in page.jsonLD {
            guard let root = JSONLite.parse(src) else { continue }
            for obj in PageMeta.objects(root) where PageMeta.isArticle(obj) {
                if ldHeadline == nil, let h = obj["headline"]?.string { ldHeadline = clean(h) }
                if ldAuthor == nil { ldAuthor = PageMeta.authorName(obj["author"] ?? obj["creator"]) }
                if ldDate == nil, let d = obj["datePublished"]?.string ?? obj["dateCreated"]?.string {
                    ldDate = DateNormalizer.normalize(d)
                    if let t = DateNormalizer.timestamp(d) { times.insert(t, at: 0) }
                }
                if declared["json-ld"] == nil, let l = obj["inLanguage"]?.string ?? obj["inLanguage"]?["alternateName"]?.string,
                   let c = LanguageDetector.normalizeDeclared(l) {
                    declared["json-ld"] = c
                }
                if ldTags.isEmpty, let k = obj["keywords"] {
                    switch k {
                    case .string(let s): ldTags = PageMeta.splitList(s)
                    case .array(let a): ldTags = a.compactMap { $0.string.map(clean) }.filter { !$0.isEmpty }
                    default: break
                    }
                }
                if ldArticleBody == nil, let b = obj["articleBody"]?.string, b.utf8.count > 200 { ldArticleBody = b }
                if imageCredit == nil, let img = obj["image"] {
                    for i in img.array {
                        if let c = i["creditText"]?.string ?? i["copyrightHolder"]?["name"]?.string
                            ?? i["copyrightHolder"]?.string, !clean(c).isEmpty {
                            imageCredit = clean(c)
                            break
                        }
                    }
                }
                if siteName == nil, let p = obj["publisher"]?["name"]?.string { siteName = clean(p) }
                break outer
            }
        }
        if let a = ldAuthor {
            author = Extractor.bylineName(a, marked: true) ?? a; authorRule = "json-ld author.name"
        } else if let a = metaAuthor, a != siteName {
            author = Extractor.bylineName(a, marked: true) ?? a; authorRule = "meta author"
        } else if let (a, label) = PageMeta.cardAuthor(twitterCard), a != siteName {
            author = Extractor.bylineName(a, marked: true) ?? a; authorRule = "twitter:data (\(label))"
        }
        if let d = ldDate {
            published = d; publishedRule = "json-ld datePublished"
        } else if let (d, r) = metaDate {
            published = d; publishedRule = r
        }
        if tags.isEmpty && !ldTags.isEmpty { tags = ldTags; tagsRule = "json-ld keywords" }
        if let d = published { publishedTime = times.first { $0.hasPrefix(d) } }
        if let l = page.htmlLang, let c = LanguageDetector.normalizeDeclared(l) { declared["html"] = c }
        language = PageMeta.languageSources.lazy.compactMap { declared[$0] }.first
    }

    /// Where a page declares its language, most specific first: the article's
    /// JSON-LD, the <html> element, then page-wide meta tags.
    static let languageSources = ["json-ld", "html", "content-language", "dc.language", "language", "og:locale"]

    // MARK: - helpers

    static let articleTypes: Set<String> = [
        "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
        "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "AdvertiserContentArticle",
        "AskPublicNewsArticle", "SocialMediaPosting", "DiscussionForumPosting", "Review", "Blog",
        "MedicalScholarlyArticle", "APIReference", "Posting",
    ]

    static func isArticle(_ o: JSONValue) -> Bool {
        guard let t = o["@type"] else { return false }
        for v in t.array { if let s = v.string, articleTypes.contains(s) { return true } }
        return false
    }

    /// Objects of a JSON-LD document, breadth first (top level, @graph, mainEntity).
    static func objects(_ root: JSONValue) -> [JSONValue] {
        var out: [JSONValue] = []
        var queue: [JSONValue] = [root]
        var k = 0
        while k < queue.count && k < 200 {
            let v = queue[k]; k += 1
            switch v {
            case .array(let a): queue.append(contentsOf: a.prefix(100))
            case .object:
                out.append(v)
                if let g = v["@graph"] { queue.append(g) }
                if let m = v["mainEntity"] { queue.append(m) }
                if let m = v["mainEntityOfPage"], case .object = m { queue.append(m) }
            default: break
            }
        }
        return out
    }

    static func authorName(_ v: JSONValue?) -> String? {
        guard let v else { return nil }
        var names: [String] = []
        for a in v.array.prefix(5) {
            var n: String? = nil
            switch a {
            case .string(let s): n = s
            case .object: n = a["name"]?.string
            default: break
            }
            if let n, case let c = clean(n), plausibleName(c), !names.contains(c) { names.append(c) }
        }
        if names.isEmpty { return nil }
        if names.count == 1 { return names[0] }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    static func plausibleName(_ s: String) -> Bool {
        if s.isEmpty || s.utf8.count > 100 { return false }
        if s.hasPrefix("http") || s.hasPrefix("www.") || s.hasBytes("@") && !s.hasBytes(" ") { return false }
        // A rights statement ("Copyright Haufe-Lexware GmbH & Co. KG", "© 2020 X") names no writer.
        let l = s.prefix(10).lowercased()
        if l.hasPrefix("copyright") || l.hasPrefix("©") || l.hasPrefix("(c) ") { return false }
        // A person or at least an agency, never an interface label ("FAIL", "Sign In").
        let p = AuthorNames.parse(s)
        return !p.names.isEmpty || p.role != nil
    }

    static func splitList(_ s: String) -> [String] {
        var out: [String] = []
        for part in s.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" }) {
            let t = clean(String(part))
            if !t.isEmpty && t.utf8.count < 80 && !out.contains(t) { out.append(t) }
        }
        return out
    }
}

/// White space (ASCII and Unicode spaces) collapsed and trimmed, byte-order
/// marks dropped (for attribute values and titles).
/// HTML character references in text no tokenizer read (JSON-LD strings:
/// "Redacci&oacute;n", "&#8217;"), decoded; only complete ones, with ';'.
func decodingReferences(_ s: String) -> String {
    guard s.utf8.contains(0x26) else { return s }
    var s = s
    return s.withUTF8 { b -> String in
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { tmp in
            let t = tmp.baseAddress!
            let n = b.count
            var i = 0
            while i < n {
                guard b[i] == 0x26, let base = b.baseAddress else { out.append(b[i]); i += 1; continue }
                var j = i + 1
                var w = 0
                if j < n && b[j] == 0x23 {
                    j += 1
                    let hex = j < n && b[j] | 0x20 == 0x78
                    if hex { j += 1 }
                    let ds = j
                    var v: UInt32 = 0
                    while j < n, let d = hexDigit(b[j], hex) { v = min(v * (hex ? 16 : 10) + d, 0x110000); j += 1 }
                    if j > ds && j < n && b[j] == 0x3B { w = Tokenizer.utf8(Tokenizer.numeric(v), t) }
                } else {
                    while j < n && j - i <= 40 && Tokenizer.isAlnum(b[j]) { j += 1 }
                    if j > i + 1 && j < n && b[j] == 0x3B, let (a, c) = EntityTable.shared.find(base + i + 1, j - i) {
                        w = Tokenizer.utf8(a, t)
                        if c != 0 { w += Tokenizer.utf8(c, t + w) }
                    }
                }
                if w > 0 {
                    out.append(contentsOf: UnsafeBufferPointer(start: t, count: w))
                    i = j + 1
                } else {
                    out.append(b[i]); i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private func hexDigit(_ c: UInt8, _ hex: Bool) -> UInt32? {
    if c >= 0x30 && c <= 0x39 { return UInt32(c - 0x30) }
    if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { return UInt32((c | 0x20) - 0x61 + 10) }
    return nil
}

extension PageMeta {
    /// Labels of a Twitter card's data that name the writer (lowercased).
    static let cardAuthorLabels: Set<String> = ["written by", "verfasst von", "geschrieben von", "escrito por",
                                                "écrit par", "scritto da", "author", "autor", "auteur", "autore"]

    /// The name a Twitter card gives under an author label ("twitter:label1" =
    /// "Written by", "twitter:data1" = "Jane Doe"), and that label.
    static func cardAuthor(_ card: [String: String]) -> (String, String)? {
        for n in 1...4 {
            guard let label = card["twitter:label\(n)"], cardAuthorLabels.contains(label.lowercased()),
                  let name = card["twitter:data\(n)"], plausibleName(name) else { continue }
            return (name, label)
        }
        return nil
    }

    /// "twitter:labelN" and "twitter:dataN", a Twitter card's pairs.
    static func isTwitterCardKey(_ key: String) -> Bool {
        key.hasPrefix("twitter:label") || key.hasPrefix("twitter:data")
    }

    /// A plugin's copy of article:published_time ("shareaholic:article_published_time").
    static func isPluginPublishedTime(_ key: String) -> Bool {
        key.hasSuffix(":article_published_time") || key.hasSuffix(".article_published_time")
    }
}

func clean(_ s: String) -> String {
    var s = s
    return s.withUTF8 { cleanBytes($0) }
}

func cleanBytes(_ b: UnsafeBufferPointer<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var space = false
    var i = 0
    let n = b.count
    while i < n {
        let c = b[i]
        if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
            space = !out.isEmpty; i += 1; continue
        }
        if c >= 0xC2 {
            if c == 0xEF && i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF { i += 3; continue }
            let k = unicodeSpaceLength(b, i)
            if k > 0 { space = !out.isEmpty; i += k; continue }
        }
        if space { out.append(0x20); space = false }
        out.append(c)
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}

/// Length of the Unicode space character at `i` (NBSP, U+2000-U+200B,
/// U+202F, U+205F, U+3000), or 0.
func unicodeSpaceLength(_ a: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let e = a.count
    let b = a[i]
    if b == 0xC2, i + 1 < e, a[i + 1] == 0xA0 { return 2 }
    if b == 0xE2, i + 2 < e, a[i + 1] == 0x80, a[i + 2] >= 0x80 && a[i + 2] <= 0x8B || a[i + 2] == 0xAF {
        return 3
    }
    if b == 0xE2, i + 2 < e, a[i + 1] == 0x81, a[i + 2] == 0x9F { return 3 }
    if b == 0xE3, i + 2 < e, a[i + 1] == 0x80, a[i + 2] == 0x80 { return 3 }
    return 0
}
