// The eleventh round (docs/TEXT.md, "The eleventh round (text11)"): shapes
// of page dumps where the text reader lost what the HTML reader kept, on
// trafilatura's tuning pages. Each test is one kept mechanism, on a made-up
// page, with the exact body and the `--explain` reason of the line that
// decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class LeadShapesTests: XCTestCase {
    let head = TramStory.head
    let menu = TramStory.menu
    let foot = TramStory.foot
    let story = TramStory.story

    func testLeadParagraphOverASubheadingStaysWithTheStory() {
        // The headline, a toolbar of short lines, the lead paragraph touching it,
        // then a subheading (or caption) and the story: the subheading right under
        // the lead is no headline (before: it was the title and the lead "other:
        // text above the title").
        let lead = "After years of debate the city will get its second tram line, and the hospital will be on it at last."
        let sub = "A line along the river to the hospital"
        let p = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n" + head + "\n\n"
            + "* Author Jane Doe\n* Recommended\nArticle Gallery\n" + lead + "\n\n" + sub + "\n\n"
            + story.joined(separator: "\n\n") + "\n\n" + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(p)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), [lead] + story)
        let b = blocks(p)
        XCTAssertEqual(block(lead, in: b)?.rule, "paragraph: sentence text")
        XCTAssertEqual(block(sub, in: b)?.label, .heading)
        // Without a headline above the lead the line under it stays the title.
        let q = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "* Author Jane Doe\n* Recommended\nArticle Gallery\n" + lead + "\n\n" + sub + "\n\n"
            + story.joined(separator: "\n\n") + "\n\n" + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
        XCTAssertEqual(parse(q).title, sub)
    }
}
