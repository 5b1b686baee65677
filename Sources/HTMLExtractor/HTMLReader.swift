// Saved HTML pages -> labelled blocks (see docs/HTML.md).
//
//   let page = HTMLReader().read(bytes: bytes, source: path)
//   let article = ArticleBuilder.build(source: path, format: "html", url: page.url, blocks: page.blocks)
//   page.document?.xpath("//h1")   // evaluated on the kept libxml2 document
import ArticleModel
import ArticleParser

public struct HTMLReader: Sendable {
    /// Give `HTMLPage.document` (for `a:xpath`). The document keeps the page's
    /// bytes and builds libxml2's tree on its first query.
    public var keepDocument: Bool
    /// Phrases that take furniture off the story's edges, and `--rules` files.
    public var rules: HTMLRules

    public init(keepDocument: Bool = true, rules: HTMLRules = .builtIn) {
        self.keepDocument = keepDocument
        self.rules = rules
    }

    /// Every block of the page, labelled, plus page-level fields. Never fails:
    /// bytes that are not HTML give a page with few or no blocks.
    public func read(bytes: [UInt8], source: String) -> HTMLPage {
        let (page, encoding) = bytes.withUnsafeBufferPointer { b -> (Page, String) in
            if Charset.looksBinary(b) { return (Page(), "UTF-8") }
            let enc = Charset.choose(b)
            if let dir = Page.diffDir { Page.differential(b, encoding: enc, source: source, dir: dir) }
            return (Page.parse(b, encoding: enc), enc)
        }
        var ex = Extractor(page: page).run()
        // Next to no body (under 300 bytes): a class word on most of the page's
        // text may be its layout, not furniture; read the page again without it.
        if ex.bodyChars < 300, case let layout = Extractor.layoutWords(page), !layout.isEmpty {
            let again = Extractor(page: page, layout: layout).run()
            if again.bodyChars >= 2 * max(ex.bodyChars, 150) { ex = again }
        }
        // Still next to no body and the page has <noscript> content: a page
        // that writes its story with a script (Blogger's text/template) may
        // give it again there for readers without scripts.
        if ex.bodyChars < 300, page.hasNoscript {
            let plain = bytes.withUnsafeBufferPointer { Page.parse($0, encoding: encoding, noscript: true) }
            let again = Extractor(page: plain, note: "; read from <noscript>").run()
            if again.bodyChars >= 2 * max(ex.bodyChars, 150) { ex = again }
        }
        // A page that does not show its story (a paywall, a script) while its
        // JSON-LD articleBody holds it: the articleBody is the body.
        ex.preferArticleBody()
        // Furniture phrases left at the story's start or end ("Promoted
        // Content", "Kommentar schreiben"), then the user's rules files.
        let blocks = rules.apply(ex.blocks)
        // The libxml2 tree for XPath is built on the first query, not here.
        var p = HTMLPage(blocks: blocks, url: ex.url,
                         document: keepDocument ? HTMLDocument(bytes: bytes, encoding: encoding) : nil)
        p.language = ex.language
        return p
    }

    /// Reads and builds the article in one step.
    public func article(bytes: [UInt8], source: String) -> (article: Article, page: HTMLPage) {
        let page = read(bytes: bytes, source: source)
        var a = ArticleBuilder.build(source: source, format: "html", url: page.url, blocks: page.blocks)
        a.declaredLanguage = page.language
        return (a, page)
    }
}

public struct HTMLPage: @unchecked Sendable {
    public var blocks: [Block]
    public var url: String?
    /// The language the page declares, as an ISO 639-1 code.
    public var language: String?
    /// The parsed page, kept for `a:xpath(...)` while the article's hooks run.
    public var document: HTMLDocument?
    public init(blocks: [Block], url: String?, document: HTMLDocument? = nil) {
        self.blocks = blocks; self.url = url; self.document = document
    }
}
