import XCTest
import ArticleModel
import HTMLExtractor

/// A box classed "bio" holds the author's bio only when it is about a person.
final class BioTests: XCTestCase {
    func page(bio: String) -> Article {
        let body = String(repeating: "<p>The council voted on Tuesday to widen the river walls along the old quay, a plan that has divided the town for years.</p>\n", count: 5)
        let html = """
        <html><head><title>Walls Along The Quay</title><meta name="author" content="Jane Doe"></head>
        <body><div class="site-header"><div class="hat-bio">\(bio)</div></div>
        <article><h1>Walls Along The Quay</h1>\(body)</article></body></html>
        """
        return HTMLReader().article(bytes: Array(html.utf8), source: "p.html").0
    }

    func testPublisherBlurbIsNotTheAuthorsBio() {
        let a = page(bio: "News Corp is a network of leading companies in the worlds of diversified media, news and information services.")
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertNil(a.authorBio)
    }

    func testTheAuthorsBioIsKept() {
        let a = page(bio: "Jane Doe is a reporter covering climate and cities for the paper since 2015.")
        XCTAssertEqual(a.authorBio, "Jane Doe is a reporter covering climate and cities for the paper since 2015.")
    }
}
