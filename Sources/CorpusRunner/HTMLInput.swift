// The one file of this target that touches the HTML reader. It must not import
// Foundation: libxml2's headers (through HTMLExtractor) pull in Debian's ICU,
// which clashes with Foundation's own (see docs/ARCHITECTURE.md).
import ArticleModel
import ArticleParser
import HTMLExtractor
import LuaHost

enum HTMLInput {
    /// The page's blocks, its canonical URL, and an XPath function over it.
    static func read(_ bytes: [UInt8], source: String, rules: HTMLRules) -> (blocks: [Block], url: String?, language: String?, xpath: XPathFunction?) {
        let page = HTMLReader(rules: rules).read(bytes: bytes, source: source)
        var xpath: XPathFunction? = nil
        if let doc = page.document {
            xpath = { q in
                switch doc.xpath(q) {
                case .success(let items): return (items, nil)
                case .failure(let e): return ([], e.message)
                }
            }
        }
        return (page.blocks, page.url, page.language, xpath)
    }
}
