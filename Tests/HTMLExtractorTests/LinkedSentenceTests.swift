import XCTest
import ArticleModel
import HTMLExtractor

/// A linked line written as a sentence between the body's paragraphs (a
/// "tweet this" pull quote set in a div, not in a p) is body; a linked
/// headline, shouting or a short link in the same place stays out.
final class LinkedSentenceTests: XCTestCase {
    func blocks(_ html: String) -> [Block] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
    }

    static let paras = [
        "The town council voted on Thursday to keep the library open on Sundays for at least another year.",
        "Opening hours had been cut in the spring, when the heating bill for the old building doubled.",
        "Volunteers offered to staff the desk, and the council agreed to pay for the heating from its reserves.",
        "The decision will be reviewed next autumn, when the new budget for the district is drawn up.",
    ]

    static func page(_ between: String) -> String {
        """
        <html><head><title>Library Stays Open</title></head><body>
        <h1>Library Stays Open</h1>
        <div class="entry-content">
        <p>\(paras[0])</p>
        <p>\(paras[1])</p>
        \(between)
        <p>\(paras[2])</p>
        <p>\(paras[3])</p>
        </div>
        </body></html>
        """
    }

    static func tweetBox(_ quote: String) -> String {
        "<a href=\"https://example.org/share?text=q\"><span class=\"ctt-text\">\(quote)</span>"
            + "<span class=\"ctt-btn\">Share The Quote</span></a>"
    }

    func testLinkedSentenceBetweenParagraphsIsBody() {
        let quote = "A library open on Sundays is a promise that the town keeps to its readers."
        let got = blocks(LinkedSentenceTests.page(LinkedSentenceTests.tweetBox(quote)))
        let body = got.filter { $0.label == .paragraph }
        let text = quote + "Share The Quote"
        XCTAssertEqual(body.map(\.text), Array(LinkedSentenceTests.paras[0...1]) + [text]
                       + Array(LinkedSentenceTests.paras[2...3]))
        let n = text.filter { !$0.isWhitespace }.utf8.count   // chunks count characters without spaces
        XCTAssertEqual(body[2].rule, "mostly links (\(n)/\(n) characters), between the body's paragraphs")
        XCTAssertEqual(body[2].tag, "div")
    }

    func testLinkedHeadlineBetweenParagraphsStaysOut() {
        for line in [
            "Council Budget Talks Stall Again Over Heating Costs for the Old Library Building",   // no sentence end
            "U.S. Libraries Open Longer Hours on Sundays as Towns Find Volunteers for Desks",      // "U.S." ends none
            "COUNCIL KEEPS THE LIBRARY OPEN ON SUNDAYS. READ THE FULL STORY HERE.",               // shouting
            "Ten Cheap Lamps Are Selling Fast This Winter!Sponsored By Bright Home Store",          // Title Case
            "Libraries are open. Read on.",                                                       // under 60 characters
        ] {
            let got = blocks(LinkedSentenceTests.page("<a href=\"/other-story\">\(line)</a>"))
            XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text), LinkedSentenceTests.paras, line)
            XCTAssertEqual(got.filter { $0.label == .boilerplate("links") }.map(\.text), [line], line)
        }
    }

    func testLinkedSentenceAfterTheLastParagraphStaysOut() {
        let quote = "A library open on Sundays is a promise that the town keeps to its readers."
        let html = LinkedSentenceTests.page("").replacingOccurrences(
            of: "</div>\n</body>", with: LinkedSentenceTests.tweetBox(quote) + "</div>\n</body>")
        let got = blocks(html)
        XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text), LinkedSentenceTests.paras)
        XCTAssertEqual(got.filter { $0.label == .boilerplate("links") }.map(\.text), [quote + "Share The Quote"])
    }

    /// "Lea también: <link>" between paragraphs points to another story, in
    /// any language: a short label and a colon outside the link, the rest linked.
    func testLabelledLinkBetweenParagraphsStaysOut() {
        for (label, link) in [("Lea también:", "Impiden ingreso a reportero y camarógrafo en la frontera norte"),
                              ("VEA TAMBIÉN:", "Entre heces y basura: la vida en el barrio del puerto"),
                              ("Lesen Sie auch:", "Der Gemeinderat prüft die Kosten jeder Bibliothek im Bezirk")] {
            let line = "\(label) \(link)"
            let got = blocks(LinkedSentenceTests.page("<p>\(label) <a href=\"/other\">\(link)</a></p>"))
            XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text), LinkedSentenceTests.paras, line)
            XCTAssertEqual(got.filter { $0.label == .boilerplate("links") }.map(\.text), [line], line)
        }
    }

    /// A colon inside the link is no label: a reference's linked title stays body.
    func testColonInsideTheLinkIsNoLabel() {
        let got = blocks(LinkedSentenceTests.page("<p>^ <a href=\"/r\">\"Film Review: The Incident\"</a></p>"))
        XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text),
                       Array(LinkedSentenceTests.paras[0...1]) + ["^ \"Film Review: The Incident\""]
                       + Array(LinkedSentenceTests.paras[2...3]))
    }
}
