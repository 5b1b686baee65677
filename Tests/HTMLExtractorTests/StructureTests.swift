import XCTest
import ArticleModel
import HTMLExtractor

/// Boilerplate recognised by the page's structure, with no class, id, role or
/// itemprop anywhere: readers' comments (a run of items each opening with a
/// dated line), teaser cards after the article, and text the content repeats
/// (a caption shown again in a gallery).
final class StructureTests: XCTestCase {
    func blocks(_ html: String) -> [Block] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
    }

    func body(_ got: [Block]) -> [String] { got.filter { $0.label == .paragraph }.map(\.text) }

    static let paras = [
        "The town council voted on Thursday to keep the library open on Sundays for at least another year.",
        "Opening hours had been cut in the spring, when the heating bill for the old building doubled.",
        "Volunteers offered to staff the desk, and the council agreed to pay for the heating from its reserves.",
        "The decision will be reviewed next autumn, when the new budget for the district is drawn up.",
    ]

    static func article(_ inside: String = "", after: String = "") -> String {
        """
        <html><head><title>Library Stays Open</title></head><body>
        <div><a href="/">Home</a> <a href="/news">News</a></div>
        <div><div>
        <h1>Library Stays Open</h1>
        <p>\(paras[0])</p>
        <p>\(paras[1])</p>
        \(inside)
        <p>\(paras[2])</p>
        <p>\(paras[3])</p>
        \(after)
        </div></div>
        </body></html>
        """
    }

    // MARK: comments

    static let replies = [
        "I asked the desk about this in May and they said the heating was the only problem, which seems odd to me now.",
        "Sunday is the one day I can take my children there, so this is very good news for our family and our street.",
        "Who pays for the heating next year, though? The reserves will not last for ever and the roof needs work too.",
        "The volunteers have been wonderful; I hope the council thanks them properly at the next public meeting.",
    ]

    static func commentPage(dated: Bool) -> String {
        let items = replies.enumerated().map { k, text in
            let head = dated ? "<strong>Reader \(k + 1)</strong> on <a href=\"#c\(k)\">September \(12 + k), 2018 at 4:47 pm</a> said:"
                             : "<strong>Reader \(k + 1)</strong> said:"
            return "<li><div>\(head)</div><p>\(text)</p><div><a href=\"#reply\">Reply</a></div></li>"
        }.joined(separator: "\n")
        return """
        <html><head><title>Open Thread</title></head><body>
        <div><a href="/">Home</a> <a href="/blog">Blog</a></div>
        <div>
        <article><h1>Open Thread</h1>
        <p>Our goal with this open thread is to give readers a place to ask questions about our work this year.</p>
        </article>
        <div><h3>Comments</h3>
        <ul>
        \(items)
        </ul></div>
        </div>
        </body></html>
        """
    }

    func testDatedItemsAfterAShortPostAreComments() {
        let got = blocks(StructureTests.commentPage(dated: true))
        XCTAssertEqual(body(got), ["Our goal with this open thread is to give readers a place to ask questions about our work this year."])
        XCTAssertEqual(got.filter { $0.label == .comment }.map(\.text), StructureTests.replies)
        // The dated lines and Reply links, merged where adjacent (one comment section).
        XCTAssertEqual(got.filter { $0.label == .boilerplate("comment-meta") }.map(\.text),
                       ["Reader 1 on September 12, 2018 at 4:47 pm said:"]
                       + (2...4).map { "Reply\nReader \($0) on September \(11 + $0), 2018 at 4:47 pm said:" } + ["Reply"])
    }

    /// The limit: without a dated line nothing says "comments", and the
    /// replies, longer than the post, are read as its text.
    func testItemsWithoutADatedLineAreNotComments() {
        let got = blocks(StructureTests.commentPage(dated: false))
        XCTAssertEqual(got.filter { $0.label == .comment }, [])
        XCTAssertEqual(body(got), ["Our goal with this open thread is to give readers a place to ask questions about our work this year."]
                       + StructureTests.replies.enumerated().flatMap { ["Reader \($0.offset + 1) said:", $0.element] })
    }

    // MARK: teaser cards

    static let teasers = [
        "Life asks us for optimism and courage: to hope for the best and to make the best happen, day after day.",
        "Blessed are those who walk straight paths; the week ahead is a good time to begin again and to be patient.",
        "What holds a family together is love, care and wanting the good of each other, even on the hardest days.",
    ]

    static func cards(excerpt: Bool) -> String {
        teasers.enumerated().map { k, t in
            excerpt ? "<article><a href=\"/p\(k)\"><img src=\"p\(k).jpg\"></a><div><a href=\"/s?w\(k)\">Whatsapp</a> "
                + "<a href=\"/s?f\(k)\">Facebook</a></div><p>\(t)</p></article>"
                : "<div><div><a href=\"/p\(k)\"><img src=\"p\(k).jpg\"></a></div><div><h3>KICKER \(k + 1)</h3>"
                + "<span>Other story number \(k + 1) is a headline</span></div></div>"
        }.joined(separator: "\n")
    }

    func testExcerptCardsAfterTheArticleAreRelated() {
        let got = blocks(StructureTests.article(after: "<div><h3>You might enjoy</h3>\(StructureTests.cards(excerpt: true))</div>"))
        XCTAssertEqual(body(got), StructureTests.paras)
        // One block: a run of one kind from one container is merged.
        XCTAssertEqual(got.filter { $0.label == .boilerplate("related") }.map(\.text),
                       [StructureTests.teasers.map { "Whatsapp Facebook\n" + $0 }.joined(separator: "\n")])
        XCTAssertEqual(got.filter { $0.label == .boilerplate("related") }.map(\.rule), ["teaser cards div after the body's text"])
    }

    func testHeadlineCardsBetweenParagraphsAreRelated() {
        let got = blocks(StructureTests.article("<div>\(StructureTests.cards(excerpt: false))</div>"))
        XCTAssertEqual(body(got), StructureTests.paras)
        XCTAssertEqual(got.filter { $0.label == .boilerplate("related") }.map(\.text),
                       [(1...3).map { "KICKER \($0)\nOther story number \($0) is a headline" }.joined(separator: "\n")])
    }

    func testExcerptSizedItemsBetweenParagraphsStayBody() {
        let got = blocks(StructureTests.article("<div>\(StructureTests.cards(excerpt: true))</div>"))
        XCTAssertEqual(body(got), Array(StructureTests.paras[0...1]) + StructureTests.teasers + Array(StructureTests.paras[2...3]))
    }

    /// A related-section label in another language marks what follows it.
    func testRelatedLabelInOtherLanguages() {
        for label in ["Související", "Artículos Relacionados", "Você pode gostar..."] {
            let after = "<div>\(label)</div><div><p>\(StructureTests.teasers[0])</p></div><div><p>\(StructureTests.teasers[1])</p></div>"
            let got = blocks(StructureTests.article(after: after))
            XCTAssertEqual(body(got), StructureTests.paras, label)
            XCTAssertEqual(got.filter { $0.label == .boilerplate("related") }.map(\.text),
                           [label, StructureTests.teasers[0], StructureTests.teasers[1]], label)
        }
    }

    // MARK: short lines before the body

    func testShortDivLinesBeforeTheFirstParagraphAreOut() {
        let html = StructureTests.article().replacingOccurrences(
            of: "<h1>Library Stays Open</h1>",
            with: "<h1>Library Stays Open</h1><div>Jane Roe Associated Press</div><div>Reading room, Sunday</div>"
                + "<div>Town council: yes.</div>")
        let got = blocks(html)
        XCTAssertEqual(body(got), ["Town council: yes."] + StructureTests.paras)
        XCTAssertEqual(got.filter { $0.label == .boilerplate("other") }.map(\.text),
                       ["Jane Roe Associated Press", "Reading room, Sunday"])
    }

    func testShortDivLineAfterTheFirstParagraphStaysBody() {
        let got = blocks(StructureTests.article("<div>Reading room, Sunday</div>"))
        XCTAssertEqual(body(got), Array(StructureTests.paras[0...1]) + ["Reading room, Sunday"] + Array(StructureTests.paras[2...3]))
    }

    // MARK: captions by their credit

    func testLineEndingWithACreditIsACaption() {
        let cap = "Protesters gathered outside the library on Sunday (Image: Jane Roe)"
        let got = blocks(StructureTests.article("<div><div>\(cap)</div></div><div>See more photos:</div>"))
        XCTAssertEqual(body(got), Array(StructureTests.paras[0...1]) + ["See more photos:"] + Array(StructureTests.paras[2...3]))
        XCTAssertEqual(got.filter { $0.label == .boilerplate("caption") }.map(\.text), [cap])
        XCTAssertEqual(got.first { $0.label == .imageCredit }?.value, "Jane Roe")
    }

    func testBareAddressLineIsOut() {
        let url = "https://example.org/news/article/library-stays-open-1234.php"
        let got = blocks(StructureTests.article(after: "<p>\(url)</p><p>See https://example.org for more.</p>"))
        XCTAssertEqual(body(got), StructureTests.paras + ["See https://example.org for more."])
        XCTAssertEqual(got.filter { $0.rule == "a bare web address" }.map(\.text), [url])
    }

    // MARK: repeated text

    /// Four more paragraphs: copies must be under a third of the content.
    static let more = (1...4).map {
        "Paragraph \($0) after the gallery says more about the town, its library and the people who keep it open."
    }

    static let caption = "In this Sunday photograph, a long row of unsold cars sits at a dealership in the south of the town."

    func testCaptionRepeatedThreeTimesIsBoilerplate() {
        let gallery = "<div><p>\(StructureTests.caption)</p><p>\(StructureTests.caption)</p></div>"
            + "<div><span>Image 1 of 9</span></div><div><p>\(StructureTests.caption.prefix(70))...</p></div>"
        let got = blocks(StructureTests.article(gallery, after: StructureTests.more.map { "<p>\($0)</p>" }.joined()))
        XCTAssertEqual(body(got), StructureTests.paras + StructureTests.more)
        XCTAssertEqual(got.filter { $0.label == .boilerplate("repeated") }.map(\.text),
                       [StructureTests.caption, StructureTests.caption, StructureTests.caption.prefix(70) + "..."])
    }

    func testTextQuotedTwiceStaysBody() {
        let quote = "<blockquote>\(StructureTests.caption)</blockquote><p>\(StructureTests.caption)</p>"
        let got = blocks(StructureTests.article(quote))
        XCTAssertEqual(body(got), Array(StructureTests.paras[0...1]) + [StructureTests.caption, StructureTests.caption]
                       + Array(StructureTests.paras[2...3]))
    }

    func testSentencesSetAsHeadingsAreText() {
        // An editor set the story in h2s, one sentence each, with nothing after them.
        let story = Self.paras.map { "<h2>\($0)</h2>" }.joined()
        let html = """
        <html><head><title>Library Stays Open</title></head><body>
        <div><a href="/">Home</a> <a href="/news">News</a></div>
        <div><h1>Library Stays Open</h1>\(story)</div></body></html>
        """
        let got = blocks(html)
        XCTAssertEqual(body(got), [Self.paras.joined(separator: "\n")])
        XCTAssertTrue(got.first { $0.label == .paragraph }?.rule.hasSuffix("no paragraph follows, but it is sentences: text") ?? false)
        // Headings in a row that are no sentences ("Sport", "Weather", ...) stay boilerplate.
        let labels = ["Sport and leisure in the valley", "Weather for the weekend ahead", "Letters to the editor this week"]
        let menu = html.replacingOccurrences(of: story, with: labels.map { "<h2>\($0)</h2>" }.joined())
        XCTAssertEqual(body(blocks(menu)), [])
    }
}
