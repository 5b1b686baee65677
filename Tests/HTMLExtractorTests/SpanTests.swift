import XCTest
import ArticleModel
import HTMLExtractor

/// Text between the first and the last body paragraph (issue 15, recall on
/// unseen pages): linked lines written as text are body there, and headings
/// in a row head one section.
final class SpanTests: XCTestCase {
    func blocks(_ html: String) -> [(String, String)] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
            .filter { $0.label == .paragraph || $0.label == .heading || $0.label.name.hasPrefix("boilerplate:links")
                      || $0.label.name == "boilerplate:heading" }
            .map { ($0.label.name, $0.text) }
    }

    static let page = """
    <html><head><title>Council Approves New Bridge</title></head><body>
    <article><h1>Council Approves New Bridge</h1>
    <div class="story-body">
    <p>The city council voted on Tuesday to build a second bridge across the river, ending a debate that has lasted for more than ten years.</p>
    <p><a href="/transcript">Read the full transcript of the debate</a></p>
    <p>Supporters said the bridge would cut the morning commute by twenty minutes, while opponents warned about the cost to the city budget.</p>
    <h2><a href="/plans">The plans, drawing by drawing</a></h2>
    <p>Construction is expected to begin next spring, and the council hopes to open the bridge to traffic within three years of that date.</p>
    <ul><li>Length: 420 metres, with two lanes each way</li><li><a href="/cycle">A lane for cyclists on both sides</a></li></ul>
    <p><a href="/photos">SEE THE PHOTOS OF THE OLD BRIDGE</a></p>
    <div><a href="/bridges">Five bridges we loved</a></div>
    <h2>Costs</h2>
    <h3>Who pays</h3>
    <p>The mayor said she would sign the decision on Friday, after a last reading of the budget in the finance committee.</p>
    <p><a href="/desk">The city desk, every morning</a></p>
    <h3>Upcoming meetings</h3>
    </div></article></body></html>
    """

    func testLinkedLinesBetweenParagraphsAreBody() {
        let got = blocks(SpanTests.page)
        let want: [(String, String)] = [
            ("paragraph", "The city council voted on Tuesday to build a second bridge across the river, ending a debate that has lasted for more than ten years."),
            ("paragraph", "Read the full transcript of the debate"),
            ("paragraph", "Supporters said the bridge would cut the morning commute by twenty minutes, while opponents warned about the cost to the city budget."),
            ("heading", "The plans, drawing by drawing"),
            ("paragraph", "Construction is expected to begin next spring, and the council hopes to open the bridge to traffic within three years of that date."),
            ("paragraph", "Length: 420 metres, with two lanes each way"),
            ("paragraph", "A lane for cyclists on both sides"),
            // Shouting and a bare div of links stay out, even between paragraphs.
            ("boilerplate:links", "SEE THE PHOTOS OF THE OLD BRIDGE"),
            ("boilerplate:links", "Five bridges we loved"),
            // Headings in a row head one section (an empty one would be dropped).
            ("heading", "Costs\nWho pays"),
            ("paragraph", "The mayor said she would sign the decision on Friday, after a last reading of the budget in the finance committee."),
            // After the last paragraph: links and headings are not the article's.
            ("boilerplate:links", "The city desk, every morning"),
            ("boilerplate:heading", "Upcoming meetings"),
        ]
        XCTAssertEqual(got.map(\.0), want.map(\.0), "\(got)")
        XCTAssertEqual(got.map(\.1), want.map(\.1))
    }

    func testArticleSections() {
        let page = HTMLReader().read(bytes: Array(SpanTests.page.utf8), source: "page.html")
        let a = ArticleBuilder.build(source: "page.html", format: "html", url: nil, blocks: page.blocks)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "The plans, drawing by drawing", "Costs\nWho pays"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [3, 3, 1])
        XCTAssertTrue(a.bodyText.contains("Read the full transcript of the debate"))
        XCTAssertFalse(a.bodyText.contains("SEE THE PHOTOS"))
    }
}

/// An embedded post is body even inside a container marked as a widget.
final class EmbeddedPostTests: XCTestCase {
    func testTweetInsideAWidgetIsBody() {
        let html = """
        <html><head><title>Mayor Answers Critics Online</title></head><body>
        <article><h1>Mayor Answers Critics Online</h1>
        <div class="story-body">
        <p>The mayor answered her critics on Sunday evening, hours after the council meeting ended without a vote on the new budget.</p>
        <div class="embed-widget"><blockquote class="twitter-tweet"><p>The budget will pass this week, and every library will stay open.</p></blockquote></div>
        <div class="promo-widget"><p>Get the morning briefing in your inbox, every day of the week.</p></div>
        <p>Council members said they had not been told about the plan before it was posted, and two of them asked for a meeting on Monday.</p>
        </div></article></body></html>
        """
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "page.html")
        let a = ArticleBuilder.build(source: "page.html", format: "html", url: nil, blocks: page.blocks)
        XCTAssertEqual(a.paragraphs.map(\.text), [
            "The mayor answered her critics on Sunday evening, hours after the council meeting ended without a vote on the new budget.",
            "The budget will pass this week, and every library will stay open.",
            "Council members said they had not been told about the plan before it was posted, and two of them asked for a meeting on Monday.",
        ])
        XCTAssertTrue(a.boilerplate.contains { $0.text == "Get the morning briefing in your inbox, every day of the week." })
    }

    /// A tweet's signature line ("— Name (@handle) June 2, 2021") near the top
    /// is the tweet's date, not the article's: a page without a date in its
    /// metadata gets no date rather than the tweet's.
    func testTweetSignatureIsNotTheArticleDate() {
        let html = """
        <html><head><title>Mayor Answers Critics Online</title></head><body>
        <article><h1>Mayor Answers Critics Online</h1>
        <div class="story-body">
        <blockquote class="twitter-tweet"><p>The budget will pass this week, and every library will stay open.</p>
        <p>By The Mayor (@mayor)</p>
        <p>June 2, 2021</p></blockquote>
        <p>The mayor answered her critics on Sunday evening, hours after the council meeting ended without a vote on the new budget.</p>
        <p>Council members said they had not been told about the plan before it was posted, and two of them asked for a meeting on Monday.</p>
        </div></article></body></html>
        """
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "page.html")
        let a = ArticleBuilder.build(source: "page.html", format: "html", url: nil, blocks: page.blocks)
        XCTAssertNil(a.published)
        XCTAssertNil(a.author)
        XCTAssertEqual(a.paragraphs.first?.text, "The budget will pass this week, and every library will stay open.")
    }
}
