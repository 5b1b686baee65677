// The ninth round (docs/TEXT.md, "The ninth round (text9)"): furniture right
// under the story on page dumps that the HTML reader never reaches. Each test is
// one kept mechanism, on a made-up page, with the exact body and the
// `--explain` reason of the line that decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class ClosingShapesTests: XCTestCase {
    let head = TramStory.head
    let menu = TramStory.menu
    let foot = TramStory.foot
    let story = TramStory.story

    func dump(_ lines: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + lines.joined(separator: "\n\n") + "\n\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testArrowLinksArePostNavigation() {
        // WordPress's post navigation: "← Older post's title" and "Newer post's title →".
        let prev = "← Bus lanes to close for the summer works"
        let next = "Station square to get a new fountain →"
        let p = dump([head, "By Jane Doe"] + story + [prev + "\n" + next])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        let b = blocks(p)
        XCTAssertEqual(block(prev, in: b)?.label, .navPrevious)
        XCTAssertEqual(block(prev, in: b)?.rule, "rules:nav_previous '← *'")
        // Between the headline and the date neither link is the headline (before, the
        // headline-shaped line with the date under it was: "← Bus lanes ...").
        let q = dump([head, prev + "\n" + next + "\nJune 3, 2024"] + story)
        XCTAssertEqual(parse(q).title, head)
        XCTAssertEqual(parse(q).paragraphs.map(\.text), story)
    }
}
