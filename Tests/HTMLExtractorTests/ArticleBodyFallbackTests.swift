import XCTest
import ArticleModel
import HTMLExtractor

/// A page that does not show its story (a paywall shows a teaser and prices;
/// a script writes the story) while its JSON-LD articleBody holds it: the
/// articleBody is the body. Where the page shows the story, or the
/// articleBody is short or another article's, nothing changes.
final class ArticleBodyFallbackTests: XCTestCase {
    static let story = [
        "The town council voted on Thursday to keep the library open on Sundays for at least another year, after a petition signed by more than four thousand residents of the town and its villages.",
        "Opening hours had been cut in the spring, when the heating bill for the old building doubled and the council asked every department to find savings of a tenth before the end of the year.",
        "Volunteers offered to staff the desk on Sunday afternoons, and the council agreed to pay for the heating from its reserves until the leaking roof of the reading room has been repaired by the builders in the new year.",
        "The decision will be reviewed next autumn, when the new budget for the district is drawn up and the cost of running the building is known for a whole winter of Sunday opening hours in the old library building.",
    ]

    /// JSON string content: the paragraphs joined by `sep` (a JSON escape).
    static func articleBody(_ paras: [String], sep: String = "\\n") -> String { paras.joined(separator: sep) }

    /// A paywalled page: headline, the story's first paragraph as a teaser,
    /// then the offer; the JSON-LD article has `body` and `headline`.
    static func paywalled(body: String, headline: String = "Library Stays Open on Sundays",
                          shown: String = story[0]) -> String {
        """
        <html><head><title>Library Stays Open on Sundays | Valley Courier</title>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"\(headline)",
         "datePublished":"2021-06-03","articleBody":"\(body)"}
        </script></head><body>
        <div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
        <main><article><h1>Library Stays Open on Sundays</h1>
        <p>\(shown)</p>
        <div class="offer"><h4>Read on with a subscription</h4><p>99.00 EUR in the first year, then 122.40 EUR a year</p><p>Save 20%</p></div>
        </article></main></body></html>
        """
    }

    func read(_ html: String) -> [Block] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
    }

    func body(_ blocks: [Block]) -> [String] { blocks.filter { $0.label == .paragraph }.map(\.text) }

    func testPaywalledPageTakesTheArticleBody() {
        let got = read(Self.paywalled(body: Self.articleBody(Self.story)))
        XCTAssertEqual(body(got), Self.story)
        let first = got.first { $0.label == .paragraph }
        XCTAssertEqual(first?.tag, "script")
        XCTAssertEqual(first?.rule.hasPrefix("body: the page's JSON-LD articleBody (the page shows "), true, first?.rule ?? "")
        // The teaser the articleBody has is not given twice; the offer is out.
        XCTAssertEqual(got.filter { $0.text == Self.story[0] }.map(\.label), [.paragraph, .ignored])
        XCTAssertFalse(got.contains { $0.label == .paragraph && $0.text.contains("EUR") })
        // It sits under the headline.
        let h1 = got.firstIndex { $0.text == "Library Stays Open on Sundays" && $0.label == .ignored }
        let p0 = got.firstIndex { $0.label == .paragraph }
        XCTAssertNotNil(h1)
        XCTAssertLessThan(h1 ?? Int.max, p0 ?? -1)
    }

    func testArticleBodyWithTagsIsSplitAtThem() {
        let tagged = Self.story.map { "&lt;p&gt;\($0)&lt;/p&gt;" }.joined()
        XCTAssertEqual(body(read(Self.paywalled(body: tagged))), Self.story)
        let html = "<p>" + Self.story[0...1].joined(separator: "</p><p>") + "<br>" + Self.story[2...3].joined(separator: "<br/>")
        XCTAssertEqual(body(read(Self.paywalled(body: html))), Self.story)
    }

    func testPageThatShowsTheStoryKeepsItsOwn() {
        let all = Self.story.joined(separator: "</p><p>")
        let got = read(Self.paywalled(body: Self.articleBody(Self.story), shown: all))
        XCTAssertEqual(body(got), Self.story)
        XCTAssertFalse(got.contains { $0.tag == "script" })
    }

    func testShortArticleBodyIsNoBody() {
        // A summary of under 100 words proves nothing: the page's own reading stands.
        let got = read(Self.paywalled(body: Self.articleBody(Array(Self.story[1...2]))))
        XCTAssertFalse(got.contains { $0.tag == "script" })
        XCTAssertTrue(body(got).contains(Self.story[0]))
    }

    func testAnotherArticlesBodyIsNoBody() {
        let got = read(Self.paywalled(body: Self.articleBody(Self.story), headline: "Ferry Timetable Changes for the Winter Months"))
        XCTAssertFalse(got.contains { $0.tag == "script" })
        // A headline cut short with "..." is the same article.
        let cut = read(Self.paywalled(body: Self.articleBody(Self.story), headline: "Library Stays Open on Sun..."))
        XCTAssertEqual(body(cut), Self.story)
    }
}
