// Saved HTML pages -> labelled blocks (see docs/HTML.md).
//
//   let page = HTMLReader().read(bytes: bytes, source: path)
//   let article = ArticleBuilder.build(source: path, format: "html", url: page.url, blocks: page.blocks)
//   page.document?.xpath("//h1")   // evaluated on the kept libxml2 document
import ArticleModel

public struct HTMLReader: Sendable {
    /// Keep the parsed document in `HTMLPage.document` (for `a:xpath`). Without
    /// it the document is freed as soon as the blocks are made.
    public var keepDocument: Bool

    public init(keepDocument: Bool = true) {
        self.keepDocument = keepDocument
    }

    /// Every block of the page, labelled, plus page-level fields. Never fails:
    /// bytes that are not HTML give a page with few or no blocks.
    public func read(bytes: [UInt8], source: String) -> HTMLPage {
        let doc = bytes.withUnsafeBufferPointer { b -> HTMLDocument? in
            let enc = Charset.choose(b)
            return LibXML.parse(b, encoding: enc).map(HTMLDocument.init(doc:))
        }
        guard let doc else { return HTMLPage(blocks: [], url: nil, document: nil) }
        let page = Page(doc: doc.doc)
        let ex = Extractor(page: page).run()
        return HTMLPage(blocks: ex.blocks, url: ex.url, document: keepDocument ? doc : nil)
    }

    /// Reads and builds the article in one step.
    public func article(bytes: [UInt8], source: String) -> (article: Article, page: HTMLPage) {
        let page = read(bytes: bytes, source: source)
        let a = ArticleBuilder.build(source: source, format: "html", url: page.url, blocks: page.blocks)
        return (a, page)
    }
}

public struct HTMLPage: @unchecked Sendable {
    public var blocks: [Block]
    public var url: String?
    /// The parsed page, kept for `a:xpath(...)` while the article's hooks run.
    public var document: HTMLDocument?
    public init(blocks: [Block], url: String?, document: HTMLDocument? = nil) {
        self.blocks = blocks; self.url = url; self.document = document
    }
}
