import XCTest
import ArticleModel
import HTMLExtractor

/// Class words are a hint, not a verdict: inside the content, a container
/// named like furniture ("widget", "related", "header") that is mostly prose
/// is the article's own text; one that is short or mostly links stays out.
/// A `<noscript>` whose content leaves an element open does not swallow the
/// rest of the page. And when the content root gives next to no body while
/// the page has prose outside it, the safety net takes that prose.
final class ProseContainerTests: XCTestCase {
    func blocks(_ html: String) -> [Block] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
    }

    func body(_ got: [Block]) -> [String] { got.filter { $0.label == .paragraph }.map(\.text) }

    // Each over 150 characters without its spaces: a paragraph, not a teaser's summary.
    static let paras = [
        "The town council voted on Thursday to keep the library open on Sundays for at least another year, after a petition signed by more than four thousand residents of the town and its villages.",
        "Opening hours had been cut in the spring, when the heating bill for the old building doubled and the council asked every department to find savings of a tenth before the end of the year.",
        "Volunteers offered to staff the desk on Sunday afternoons, and the council agreed to pay for the heating from its reserves until the leaking roof of the reading room has been repaired by the builders in the new year.",
        "The decision will be reviewed next autumn, when the new budget for the district is drawn up and the cost of running the building is known for a whole winter of Sunday opening hours in the old library building.",
    ]

    static let more = [
        "Library staff said the number of visitors on Sundays had grown every month since the doors first opened on that day, with families and students making up most of the readers.",
        "The council will publish the figures for the first year of Sunday opening in its annual report, together with the cost of heating, lighting and cleaning the building at weekends.",
    ]

    /// The first `lead` paragraphs, then a container of class `cls` holding
    /// `inner`, then `after` (a container holding half the content or more is
    /// never boilerplate, whatever its class).
    static func page(lead: Int, _ cls: String, _ inner: String, after: [String] = []) -> String {
        """
        <html><head><title>Library Stays Open</title></head><body>
        <div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
        <div class="main"><article>
        <h1>Library Stays Open</h1>
        \(paras[0..<lead].map { "<p>\($0)</p>" }.joined(separator: "\n"))
        <div class="\(cls)">\(inner)</div>
        \(after.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article></div>
        </body></html>
        """
    }

    func testMostlyProseWidgetIsBody() {
        let inner = "<p>\(Self.paras[2])</p><p>\(Self.paras[3])</p>"
        let got = blocks(Self.page(lead: 2, "widget-container", inner, after: Self.more))
        XCTAssertEqual(body(got), Self.paras + Self.more)
        let kept = got.first { $0.text == Self.paras[2] }
        XCTAssertTrue(kept?.rule.hasSuffix("p in widget container div.widget-container, kept: mostly prose") ?? false,
                      kept?.rule ?? "no block")
    }

    func testShortWidgetStaysOut() {
        // One paragraph: under 300 characters of prose.
        let got = blocks(Self.page(lead: 3, "widget-container", "<p>\(Self.paras[3])</p>"))
        XCTAssertEqual(body(got), Array(Self.paras[0...2]))
        XCTAssertEqual(got.first { $0.text == Self.paras[3] }?.label, .boilerplate("widget"))
    }

    func testTeaserWithoutALinkIsTheLead() {
        // German sites call the lead paragraph the "teaser": with no link it points nowhere.
        let got = blocks(Self.page(lead: 0, "teaser-text", "<p>\(Self.paras[0])</p>", after: Array(Self.paras[1...])))
        XCTAssertEqual(body(got), Self.paras)
        // The same paragraph linking to another story is a teaser.
        let linked = blocks(Self.page(lead: 0, "teaser-text", "<p><a href=\"/other\">Read:</a> \(Self.paras[0])</p>",
                                      after: Array(Self.paras[1...])))
        XCTAssertEqual(body(linked), Array(Self.paras[1...]))
    }

    func testTeasersStayOut() {
        // Headlines that link away, a short summary under each: no prose.
        let teasers = (1...4).map { k in
            "<h3><a href=\"/s\(k)\">Story \(k) on the budget</a></h3><p>Summary \(k).</p>"
        }.joined()
        let got = blocks(Self.page(lead: 4, "related-stories", teasers))
        XCTAssertEqual(body(got), Self.paras)
    }

    func testCommentsStayCommentsHoweverLong() {
        let inner = "<p>\(Self.paras[2])</p><p>\(Self.paras[3])</p>"
        let got = blocks(Self.page(lead: 2, "comment-list", inner, after: Self.more))
        XCTAssertEqual(body(got), Array(Self.paras[0...1]) + Self.more)
    }

    func testNoscriptLeavingADivOpenDoesNotHideThePage() {
        let html = """
        <html><head><title>Library Stays Open</title></head><body><noscript><div id="nojs"></noscript>
        <div><h1>Library Stays Open</h1>
        <p>\(Self.paras[0])</p><p>\(Self.paras[1])</p><p>\(Self.paras[2])</p></div>
        </body></html>
        """
        XCTAssertEqual(body(blocks(html)), Array(Self.paras[0...2]))
    }

    // MARK: the safety net

    static let pier = [
        "The harbour board met on Monday evening to decide the future of the old ferry pier which has been closed to the public since a storm damaged its timber deck in the winter of last year and left it unsafe.",
        "Engineers told the board that repairing the deck would cost about twice as much as had been set aside because the piles under the landing stage are older than anyone had thought they were.",
    ]

    /// A slideshow of service cards, long and full of commas, outscores a short
    /// story without commas: the root is the slideshow, whose cards are all
    /// teaser cards, so the root gives no body at all.
    static func slideshowPage(story: [String]) -> String {
        let cards = ["Ships", "Boats", "Ferries", "Barges"].enumerated().map { k, w in
            "<div><h2>\(w)</h2><p>\(w), boats, ferries, barges, yachts, dinghies, canoes, kayaks, rafts, tugs, "
                + "trawlers, tankers and liners: we paint, repair, clean, insure, store, sell and rent them all, "
                + "since 19\(70 + k).</p><a href=\"/s\(k)\">More</a></div>"
        }.joined()
        return """
        <html><head><title>Pier Stays Closed</title></head><body>
        <div class="stage">\(cards)</div>
        <div><h1>Pier Stays Closed</h1>\(story.map { "<p>\($0)</p>" }.joined())</div>
        </body></html>
        """
    }

    func testSafetyNetTakesTheProseWhenTheRootGivesNoBody() {
        let got = blocks(Self.slideshowPage(story: Self.pier))
        XCTAssertEqual(body(got), Self.pier)
        XCTAssertEqual(got.first { $0.text == Self.pier[0] }?.rule,
                       "outside the content root (div); body after all: the content root gave 0 characters, this is prose")
        XCTAssertTrue(got.contains { $0.label == .boilerplate("related") && $0.text.hasPrefix("Ships") })
    }

    func testSafetyNetNeedsEnoughProse() {
        // One paragraph, under 300 characters: not enough to overrule the root.
        let got = blocks(Self.slideshowPage(story: [Self.pier[0]]))
        XCTAssertEqual(body(got), [])
    }

    func testSafetyNetTakesShortSentencesOfAProseElement() {
        // A recipe's steps split by <br>: each line is short, the element is prose.
        let steps = [
            "The harbour board met on Monday evening to decide on the old ferry pier.",
            "The pier has been closed to the public since a storm damaged its deck.",
            "Engineers told the board that a repair would cost twice the sum set aside.",
            "The piles under the landing stage are older than anyone had thought.",
            "The board will ask the town for the rest of the money in the spring.",
            "Until then the ferry will keep landing at the fishing harbour instead.",
        ]
        let html = Self.slideshowPage(story: []).replacingOccurrences(
            of: "<h1>Pier Stays Closed</h1>", with: "<h1>Pier Stays Closed</h1><div>\(steps.joined(separator: "<br><br>"))</div>")
        XCTAssertEqual(body(blocks(html)), steps)
        // One such line alone is not prose enough.
        let one = Self.slideshowPage(story: []).replacingOccurrences(
            of: "<h1>Pier Stays Closed</h1>", with: "<h1>Pier Stays Closed</h1><div>\(steps[0])</div>")
        XCTAssertEqual(body(blocks(one)), [])
    }

    // MARK: class words as layout

    /// A page builder's page: every paragraph in its own "widget" container.
    static func builderPage(_ paras: [String]) -> String {
        let widgets = paras.map {
            "<div class=\"elementor-widget elementor-widget-text-editor\"><div class=\"elementor-widget-container\"><p>\($0)</p></div></div>"
        }.joined()
        return """
        <html><head><title>Library Stays Open</title></head><body>
        <div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
        <div class="elementor-section"><h1>Library Stays Open</h1>\(widgets)</div>
        <div class="site-info"><p>The Valley Courier is the independent weekly of the valley, written, edited and printed in the town since 1921, and read in every village of the district.</p></div>
        </body></html>
        """
    }

    func testClassWordOnMostOfThePageIsLayout() {
        let got = blocks(Self.builderPage(Self.paras))
        XCTAssertEqual(body(got), Self.paras)
        XCTAssertEqual(got.first { $0.text == Self.paras[0] }?.rule,
                       "content root div.elementor-section score 7 (common ancestor of near-best candidates); class words taken as layout: widget; p")
        XCTAssertEqual(got.first { $0.text.hasPrefix("The Valley Courier") }?.label, .boilerplate("other"))
    }

    func testClassWordOnAThirdOfThePageIsLayout() {
        // Dated teasers of other posts (read as comments) hold more text than the story's widgets.
        let teasers = (Self.paras + [Self.more[0]]).enumerated().map { (k, p) in
            "<article class=\"item\"><h3><a href=\"/post/\(k)\">Post \(k)</a></h3><span>\(k + 1) July 2019</span><p>Last week: \(p.lowercased())</p></article>"
        }.joined()
        let html = Self.builderPage(Self.paras).replacingOccurrences(
            of: "<div class=\"site-info\">", with: "<div class=\"list\">\(teasers)</div><div class=\"site-info\">")
        let got = blocks(html)
        XCTAssertEqual(body(got), Self.paras)
        XCTAssertTrue(got.first { $0.text == Self.paras[0] }?.rule.hasSuffix("class words taken as layout: widget; p") ?? false,
                      got.first { $0.text == Self.paras[0] }?.rule ?? "no block")
    }

    /// "banner" is a header word: a page that sets every paragraph in a
    /// "banner-block" is laid out that way, it has no header of four paragraphs
    /// (the header words were listed as layout words but never weighed).
    func testHeaderWordOnMostOfThePageIsLayout() {
        let boxes = Self.paras.map {
            "<div class=\"banner-block\"><div class=\"banner-text\"><p>\($0)</p></div></div>"
        }.joined()
        let got = blocks(Self.builderPage([]).replacingOccurrences(
            of: "<h1>Library Stays Open</h1>", with: "<h1>Library Stays Open</h1>\(boxes)"))
        XCTAssertEqual(body(got), Self.paras)
        XCTAssertTrue(got.first { $0.text == Self.paras[0] }?.rule.hasSuffix("class words taken as layout: header; p") ?? false,
                      got.first { $0.text == Self.paras[0] }?.rule ?? "no block")
    }

    func testClassWordOnLittleOfThePageStaysFurniture() {
        // The same widgets around one short paragraph, beside a longer story: still furniture.
        let story = Self.paras.map { "<p>\($0)</p>" }.joined()
        let html = Self.builderPage([Self.more[0]]).replacingOccurrences(
            of: "<div class=\"site-info\">", with: "<div class=\"story\">\(story)</div><div class=\"site-info\">")
        XCTAssertEqual(body(blocks(html)), Self.paras)
    }

    /// A page of a menu and `content`.
    static func menuPage(_ content: String) -> String {
        """
        <html><head><title>Library Stays Open</title></head><body>
        <div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
        \(content)
        </body></html>
        """
    }

    /// A gallery article: every paragraph is an item's "comment" inside a
    /// "gallery" container. Both words name the layout, so the items are the body.
    func testGalleryAndCommentWordsOnMostOfThePageAreLayout() {
        let items = Self.paras.enumerated().map { (k, p) in
            "<div class=\"gallery__item\"><img src=\"p\(k).jpg\" alt=\"\"><div class=\"gallery__item__comment\">\(p)</div></div>"
        }.joined()
        let got = blocks(Self.menuPage("<div class=\"gallery\"><h1>Library Stays Open</h1>\(items)</div>"))
        XCTAssertEqual(body(got), Self.paras)
        XCTAssertTrue(got.first { $0.text == Self.paras[0] }?.rule.hasSuffix("class words taken as layout: caption, comment; div") ?? false,
                      got.first { $0.text == Self.paras[0] }?.rule ?? "no block")
    }

    /// A forum thread: the posts are all the page's prose and all marked
    /// "comment"; with next to no body otherwise, they are the body.
    func testCommentWordOnAllPostsIsLayout() {
        let posts = Self.paras.map { "<div class=\"comment\"><p>\($0)</p></div>" }.joined()
        XCTAssertEqual(body(blocks(Self.menuPage("<main id=\"content\"><h1>Library Stays Open</h1>\(posts)</main>"))), Self.paras)
    }

    func testCommentsBesideAStoryStayComments() {
        // The same posts under a story as long as they are: comments, not body.
        let posts = Self.more.map { "<div class=\"comment\"><p>\($0)</p></div>" }.joined()
        let html = Self.page(lead: 4, "comments", posts)
        let got = blocks(html)
        XCTAssertEqual(body(got), Self.paras)
        XCTAssertEqual(got.first { $0.text == Self.more[0] }?.label, .comment)
    }

    /// The story split by embeds into runs, each in a div of one class that
    /// reads as furniture ("intext-links"): a run of two paragraphs is a prose
    /// container on its own; a run of one paragraph is too short for that,
    /// but shares the class of one that is, so it is the story too.
    func testRunsWithTheClassOfAProseContainerAreBody() {
        let html = Self.menuPage("""
            <div class="main"><article><h1>Library Stays Open</h1>
            <div class="intext-links"><p>\(Self.paras[0])</p><p>\(Self.paras[1])</p></div>
            <div class="tweet"><a href="https://twitter.com/x/status/1">Tweet</a></div>
            <div class="intext-links"><p>\(Self.paras[2])</p></div>
            <div class="tweet"><a href="https://twitter.com/x/status/2">Tweet</a></div>
            <div class="intext-links"><p>\(Self.paras[3])</p></div>
            </article></div>
            """)
        let got = blocks(html)
        XCTAssertEqual(body(got), Self.paras)
        XCTAssertTrue(got.first { $0.text == Self.paras[2] }?.rule.hasSuffix("p in widget container div.intext-links, kept: mostly prose") ?? false,
                      got.first { $0.text == Self.paras[2] }?.rule ?? "no block")
        // Alone, the one-paragraph run stays out.
        let alone = blocks(Self.page(lead: 3, "intext-links", "<p>\(Self.paras[3])</p>"))
        XCTAssertEqual(alone.first { $0.text == Self.paras[3] }?.label, .boilerplate("widget"))
    }
}
