// Shapes where the text reader read a page worse than the HTML reader read the
// same page (docs/TEXT.md, "The text reader against the HTML reader"): each test
// is one kept mechanism, on a made-up page, with the exact body and the
// `--explain` reason of the line that decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class HTMLGapTests: XCTestCase {
    let head = "City council approves new tram line after years of debate"
    let menu = ["Home", "News", "Sport", "Business", "Science", "Culture", "Travel", "Video", "Podcasts", "Weather"]
    let foot = ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"]
    let story = ["The council voted on Tuesday to build the new tram line to the hospital after a long debate.",
                 "The first trams would run along the river from the station to the hospital by the spring of 2027.",
                 "Residents near the route were invited to a meeting at the library next week to see the plans.",
                 "Shops along the route will get help with their rent while the street is dug up for the rails.",
                 "The line will cost less than the bus lanes it replaces, the council's own figures show, over twenty years.",
                 "Work on the first stretch, from the station to the bridge, is to start in the autumn once the bids are in."]
    let tail = "Our city desk has followed the tram plans since the first public meeting in 2019, and we will report on every step of the works."

    /// A dump: menu, headline, byline, the story, `between` (lines), `after` (paragraphs), footer.
    func page(between: [String], after: [String]) -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n\(head)\n\nBy Jane Doe\n\n" + story.joined(separator: "\n\n")
            + "\n\n" + between.joined(separator: "\n") + "\n\n" + after.joined(separator: "\n\n") + "\n\n"
            + foot.map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testSmallBodyApartFromTheStoryIsNoPartOfIt() {
        // Four topic links (furniture) set a short paragraph apart from the story:
        // the HTML reader's story container ends above them.
        let p = page(between: ["Trams", "City council", "Transport", "Hospital"], after: [tail])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story)
        XCTAssertEqual(block(tail, in: blocks(p))?.rule, "other: after the story, apart from it (25 words against its 115)")
        XCTAssertEqual(block("Trams", in: blocks(p))?.rule, "nav: inside the prose region but: run of 4 short link-like lines")
    }

    func testAGalleryIsNoGap() {
        // A gallery (or an ad, a call to action) sits inside stories: the story goes on under it.
        let p = page(between: ["Gallery", "5 of 12", "Trams at the depot"], after: [tail])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story + [tail])
        XCTAssertEqual(block("Trams at the depot", in: blocks(p))?.rule, "widget: line under '5 of 12'")
        XCTAssertEqual(block(tail, in: blocks(p))?.rule, "paragraph: sentence text")
    }

    func testBodyOfWeightAfterTheGapStays() {
        // What follows weighs a quarter of the story or more: a section of it, kept.
        let more = "The council will publish the route's final map in March, with the stops, the depots and the new crossings."
        let p = page(between: ["Trams", "City council", "Transport", "Hospital"], after: [tail, more])
        XCTAssertEqual(parse(p).paragraphs.map(\.text), story + [tail, more])
    }
}
