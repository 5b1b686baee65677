// How ArticleBuilder turns heading and paragraph blocks into sections.

import XCTest
import ArticleModel

final class SectionTests: XCTestCase {
    func block(_ k: Int, _ text: String, _ label: BlockLabel) -> Block {
        Block(index: k, text: text, label: label, rule: "test")
    }

    func testHeadingsInARowHeadOneSection() {
        let a = ArticleBuilder.build(source: "x.txt", format: "text", blocks: [
            block(0, "Plan A", .heading), block(1, "Breakfast", .heading),
            block(2, "Oats with milk and a spoon of honey.", .paragraph),
        ])
        XCTAssertEqual(a.sections.map(\.heading), ["Plan A\nBreakfast"])
        XCTAssertEqual(a.sections.first?.paragraphs.map(\.text), ["Oats with milk and a spoon of honey."])
        XCTAssertEqual(a.sections.first?.position, 0)
    }

    func testAHeadingNothingFollowsIsBoilerplateNotLost() {
        let a = ArticleBuilder.build(source: "x.txt", format: "text", blocks: [
            block(0, "The pier stays closed until the spring.", .paragraph),
            block(1, "Related stories", .heading),
            block(2, "Share this", .boilerplate("share")),
        ])
        XCTAssertEqual(a.sections.count, 1)
        XCTAssertEqual(a.boilerplate.map(\.kind), ["heading", "share"])
        XCTAssertEqual(a.boilerplate.map(\.text), ["Related stories", "Share this"])
        XCTAssertEqual(a.boilerplate.map(\.position), [1, 2])
    }
}
