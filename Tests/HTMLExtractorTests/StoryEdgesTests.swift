import XCTest
import ArticleModel
import ArticleParser
import HTMLExtractor

/// Furniture that the page puts inside the story's container, as its first or
/// last lines ("Estimated reading time: 6 minutes", "Promoted Content",
/// "Kommentar schreiben"): the built-in phrases (the text reader's rules, kinds
/// such as widget, advert, form, newsletter) take it off the story's edges.
/// The same phrase inside the story is the story's.
final class StoryEdgesTests: XCTestCase {
    static let story = [
        "The town council voted on Thursday to keep the library open on Sundays for at least another year, after a petition signed by more than four thousand residents.",
        "Opening hours had been cut in the spring, when the heating bill for the old building doubled and the council asked every department to find savings.",
        "Volunteers offered to staff the desk on Sunday afternoons, and the council agreed to pay for the heating from its reserves until the roof is repaired.",
    ]

    func page(_ lines: [String]) -> String {
        """
        <html><head><title>Library Stays Open on Sundays</title></head><body>
        <article><h1>Library Stays Open on Sundays</h1>
        \(lines.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article></body></html>
        """
    }

    func body(_ html: String, rules: HTMLRules = .builtIn) -> [String] {
        let blocks = HTMLReader(rules: rules).read(bytes: Array(html.utf8), source: "page.html").blocks
        return blocks.filter { $0.label == .paragraph }.map(\.text)
    }

    func testFurnitureAtTheStorysEdgesIsTakenOff() throws {
        let html = page(["Estimated reading time: 6 minutes"] + Self.story + ["Promoted Content", "Kommentar schreiben"])
        XCTAssertEqual(body(html), Self.story)
        let blocks = HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
        let last = try XCTUnwrap(blocks.last { $0.text == "Kommentar schreiben" })
        XCTAssertEqual(last.label, .boilerplate("form"))
        XCTAssertTrue(last.rule.hasSuffix("(at the end of the story)"), last.rule)
        let first = try XCTUnwrap(blocks.first { $0.text.hasPrefix("Estimated reading time") })
        XCTAssertTrue(first.rule.hasSuffix("(at the start of the story)"), first.rule)
        // Without the phrases (no rules at all) the lines are read as the story's.
        let bare = body(html, rules: HTMLRules(edges: .empty()))
        XCTAssertEqual(bare.count, Self.story.count + 3)
    }

    func testThePhraseInsideTheStoryStays() {
        let lines = [Self.story[0], "Promoted Content", Self.story[1], Self.story[2]]
        XCTAssertEqual(body(page(lines)), lines)
    }

    /// A body of nothing but such phrases is left as it was read.
    func testABodyOfOnlyPhrasesStays() {
        XCTAssertEqual(body(page(["Promoted Content"])), ["Promoted Content"])
        XCTAssertEqual(body(page(["Kommentar schreiben", "Promoted Content"])), ["Kommentar schreiben", "Promoted Content"])
    }

    /// A user's `paragraph` rule wins over the built-in phrase at the edge.
    func testAUsersRuleWinsAtTheEdge() throws {
        var mine = ParserRules.empty()
        try mine.load(text: "paragraph   promoted content\n", origin: "mine.rules")
        let html = page(Self.story + ["Promoted Content"])
        XCTAssertEqual(body(html), Self.story)
        XCTAssertEqual(body(html, rules: HTMLRules(edges: ParserRules.defaults(), files: mine)), Self.story + ["Promoted Content"])
    }

    func testDecoratedAdvertLinesInsideTheStory() {
        // "- Advertisement -" between paragraphs: the word a line table knows, set off by dashes.
        for line in ["- Advertisement -", "[ Anzeige ]", "*** Werbung ***", "— ADVERTISEMENT —"] {
            let html = page([Self.story[0], line, Self.story[1], Self.story[2]])
            XCTAssertEqual(body(html), Self.story, line)
        }
        // A dash before words no table knows keeps the line.
        let kept = "- Sunday opening starts next week -"
        XCTAssertEqual(body(page([Self.story[0], kept, Self.story[1], Self.story[2]])).count, 4)
    }
}
