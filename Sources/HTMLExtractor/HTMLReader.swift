// PLACEHOLDER: being written by the HTML helper. Public API is fixed:
import ArticleModel

public struct HTMLReader: Sendable {
    public init() {}
    /// Every block of the page, labelled, plus page-level fields.
    public func read(bytes: [UInt8], source: String) -> HTMLPage { HTMLPage(blocks: [], url: nil) }
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

/// Owns a libxml2 document; freed on deinit. Used by one worker thread at a time.
public final class HTMLDocument: @unchecked Sendable {
    /// The strings an XPath expression selects (text of elements, attribute
    /// values, string results), or an error message for a bad expression.
    public func xpath(_ query: String) -> Result<[String], XPathError> { .success([]) }
}

public struct XPathError: Error, Sendable { public var message: String }
