import XCTest
import ArticleModel
import HTMLExtractor

/// Bad input never crashes or hangs, and still gives sensible output. Inputs
/// are generated here, not stored.
final class RobustnessTests: XCTestCase {
    func article(_ bytes: [UInt8]) -> Article {
        let page = HTMLReader().read(bytes: bytes, source: "x.html")
        return ArticleBuilder.build(source: "x.html", format: "html", url: page.url, blocks: page.blocks)
    }

    func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    func testTruncatedPages() {
        let full = Array(samplePage.utf8)
        // Cut everywhere in the first part of the page, and at coarse steps after.
        var cuts = Array(stride(from: 0, to: min(full.count, 3000), by: 7))
        cuts += Array(stride(from: 3000, to: full.count, by: 97))
        for cut in cuts {
            let a = article(Array(full[0..<cut]))
            _ = a.json()
        }
        let half = article(Array(full[0..<(full.count * 3 / 4)]))
        XCTAssertTrue(half.bodyText.contains("Scientists say"))
        XCTAssertEqual(half.title, "Rivers Are Rising Faster Than Expected")
    }

    func testHundredThousandNestedElements() {
        let n = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: n) + "deep text"
            + String(repeating: "</div>", count: n)
            + "<p>After the nest comes a normal paragraph with enough text to be read.</p></body></html>"
        var a: Article?
        let t = seconds { a = article(Array(html.utf8)) }
        XCTAssertLessThan(t, 10)
        XCTAssertTrue(a!.bodyText.contains("After the nest comes a normal paragraph"))
        // Unclosed nesting of mixed inline and block elements.
        let open = String(repeating: "<div><span><b><li><table><tr><td>", count: n / 7) + "x"
        let t2 = seconds { _ = article(Array(open.utf8)).json() }
        XCTAssertLessThan(t2, 10)
        // XPath over the deep document.
        let doc = HTMLReader().read(bytes: Array(html.utf8), source: "x").document!
        XCTAssertNoThrow(try doc.xpath("count(//div)").get())
        XCTAssertNoThrow(try doc.xpath("//p").get())
    }

    func testFiftyMegabytePageInLinearTime() {
        let para = "<p>" + String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 12) + "</p>\n"
        func page(_ megabytes: Int) -> [UInt8] {
            var s = "<html><head><title>Big</title></head><body><article><h1>Big</h1>"
            let count = megabytes * 1_048_576 / para.utf8.count
            s.reserveCapacity(megabytes * 1_048_576 + 200)
            for _ in 0..<count { s += para }
            s += "</article></body></html>"
            return Array(s.utf8)
        }
        let small = page(5), big = page(50)
        var a: Article?
        let t5 = seconds { _ = article(small) }
        let t50 = seconds { a = article(big) }
        XCTAssertGreaterThan(a!.paragraphs.count, 50_000)
        XCTAssertEqual(a!.title, "Big")
        // Linear: ten times the bytes takes nowhere near a hundred times as long.
        XCTAssertLessThan(t50, max(30 * t5, 1.0), "5 MB: \(t5)s, 50 MB: \(t50)s")
        XCTAssertLessThan(t50, 60)
    }

    /// A JSON-LD articleBody the page does not show, full of '<' that no '>'
    /// closes, and a title of many "(publisher)" groups: read in one pass
    /// (each '<' once searched its '>' to the end: 100,000 of them hung).
    func testArticleBodyOfUnclosedTagsAndBracketedTitleInLinearTime() {
        func page(_ n: Int) -> [UInt8] {
            let body = String(repeating: "word ", count: 200) + String(repeating: "x <b", count: n)
            let title = "Storm Closes Schools" + String(repeating: " (abcd)", count: n / 10)
            return Array("""
                <html><head><title>\(title)</title><meta property="og:site_name" content="abcd">
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm Closes Schools","articleBody":"\(body)"}</script>
                </head><body><h1>Storm Closes Schools</h1><p>A short teaser.</p></body></html>
                """.utf8)
        }
        let small = page(10_000), big = page(100_000)
        var a: Article?
        let t1 = seconds { _ = article(small) }
        let t10 = seconds { a = article(big) }
        XCTAssertTrue(a!.paragraphs.first?.text.hasPrefix("word word") ?? false)
        XCTAssertLessThan(t10, max(30 * t1, 1.0), "10,000: \(t1)s, 100,000: \(t10)s")
    }

    /// A link in an h1 whose address wraps itself 200,000 times ("x://a/x://a/...",
    /// as an archive's copy of a copy): read in one pass (a call per wrapper,
    /// each copying the rest, ran out of memory).
    func testHomeLinkOfManyArchiveWrappers() {
        let href = "http://a/" + String(repeating: "x://a/", count: 200_000)
        let html = "<html><head><title>Storm Closes Schools</title></head><body><h1><a href=\"\(href)\">Logo</a></h1>"
            + "<p>Heavy snow closed every school in the valley on Monday, and officials said classes would not resume.</p></body></html>"
        XCTAssertEqual(article(Array(html.utf8)).title, "Storm Closes Schools")
    }

    func testOneHugeTextNodeAndManyAttributes() {
        let words = "<html><body><p>" + String(repeating: "word ", count: 2_000_000) + "</p></body></html>"
        let a = article(Array(words.utf8))
        XCTAssertEqual(a.paragraphs.count, 1)
        XCTAssertTrue(a.bodyText.hasPrefix("word word"))
        let attrs = (0..<2000).map { "a\($0)=\"v\($0)\"" }.joined(separator: " ")
        let b = article(Array("<html><body><div \(attrs) class=\"story\">text in the div</div></body></html>".utf8))
        XCTAssertEqual(b.bodyText, "text in the div")
    }

    func testBinaryBytes() {
        var rng = SystemRandomNumberGenerator()
        for size in [1, 2, 100, 10_000, 1_000_000] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let a = article(bytes)
            _ = a.json()
        }
        // NUL bytes mean not text: nothing comes out.
        let junk: [UInt8] = Array(repeating: [0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A], count: 1000).flatMap { $0 }
        XCTAssertTrue(article(junk).sections.isEmpty)
        // Markup with control characters and stray NULs later on still reads.
        var html = Array("<html><body><article><p>Good \u{1}text\u{7} here, long enough to be the article body.</p>".utf8)
        html += [0xFF, 0xFE, 0x80, 0x81] + Array("</article></body></html>".utf8)
        let c = article(html)
        XCTAssertTrue(c.bodyText.hasPrefix("Good text here"), c.bodyText)
        XCTAssertFalse(c.bodyText.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    func testWrongDeclaredCharsets() {
        let text = "Un café crème — ça coûte 3 €."
        // UTF-8 bytes declared as Latin-1: valid UTF-8 wins.
        let declaredLatin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>\(text)</p></body></html>"
        XCTAssertEqual(article(Array(declaredLatin1.utf8)).bodyText, text)
        let httpEquiv = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><p>\(text)</p></body></html>"
        XCTAssertEqual(article(Array(httpEquiv.utf8)).bodyText, text)
        // Windows-1252 bytes declared as UTF-8: read as windows-1252.
        let cp1252 = "<html><head><meta charset=\"utf-8\"></head><body><p>".utf8 + latin1("Un café crème") + [0x80]
            + "</p></body></html>".utf8
        XCTAssertEqual(article(Array(cp1252)).bodyText, "Un café crème€")
        // No declaration, not UTF-8: windows-1252.
        let undeclared = Array("<p>".utf8) + latin1("déjà vu") + Array("</p>".utf8)
        XCTAssertEqual(article(undeclared).bodyText, "déjà vu")
        // A declared charset that is honoured when the bytes are not UTF-8.
        let koi8: [UInt8] = Array("<html><head><meta charset=\"koi8-r\"></head><body><p>".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
            + Array("</p></body></html>".utf8)
        XCTAssertEqual(article(koi8).bodyText, "Привет")
        // An unknown charset name falls back to windows-1252.
        let bogus = Array("<meta charset=\"x-no-such\"><p>".utf8) + latin1("naïve") + Array("</p>".utf8)
        XCTAssertEqual(article(bogus).bodyText, "naïve")
        // UTF-16 with a byte-order mark.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "<html><body><p>Grüße</p></body></html>".utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        XCTAssertEqual(article(utf16).bodyText, "Grüße")
        // A UTF-8 byte-order mark is not part of the text.
        XCTAssertEqual(article([0xEF, 0xBB, 0xBF] + Array("<p>x</p>".utf8)).bodyText, "x")
    }

    func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8($0.value) } }

    func testCharsetHelpers() {
        func valid(_ b: [UInt8]) -> Bool { HTMLCharset.isValidUTF8(b) }
        XCTAssertTrue(valid(Array("héllo wörld, 日本語, 😀".utf8)))
        XCTAssertFalse(valid([0xC3]))
        XCTAssertFalse(valid([0xE0, 0x80, 0x80]))        // overlong
        XCTAssertFalse(valid([0xED, 0xA0, 0x80]))        // surrogate
        XCTAssertFalse(valid([0xF4, 0x90, 0x80, 0x80]))  // > U+10FFFF
        XCTAssertTrue(valid(Array(String(repeating: "a", count: 37).utf8) + [0xC3, 0xA9]))
        func declared(_ s: String) -> String? { HTMLCharset.declared(Array(s.utf8)) }
        XCTAssertEqual(declared("<meta charset='Shift_JIS'>"), "shift_jis")
        XCTAssertEqual(declared("<meta http-equiv=Content-Type content=\"text/html; charset=ISO-8859-2\">"), "iso-8859-2")
        XCTAssertNil(declared("<p>no declaration</p>"))
    }

    func testJSONLDEdgeCases() {
        func author(_ json: String) -> String? {
            let html = "<html><head><script type=\"application/ld+json\">\(json)</script></head><body><p>x</p></body></html>"
            return article(Array(html.utf8)).author
        }
        XCTAssertEqual(author(#"{"@type":"Article","author":{"name":"Zo\u00eb \ud83d\ude00 Lee"}}"#), "Zoë 😀 Lee")
        XCTAssertEqual(author(#"<!--{"@type":"BlogPosting","author":"Kim Park"}-->"#), "Kim Park")
        XCTAssertEqual(author(#"{"@type":"NewsArticle","author":[{"name":"A B"},{"name":"C D"}]}"#), "A B and C D")
        XCTAssertNil(author(#"{"@type":"NewsArticle","author":{"name":"#))
        XCTAssertNil(author(#"{"@type":"WebPage","author":{"name":"Not An Article"}}"#))
        // Nesting far deeper than any real JSON-LD: refused, no stack overflow.
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertNil(author(deep))
        let deepObj = String(repeating: #"{"a":"#, count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        XCTAssertNil(author(deepObj))
    }
}
