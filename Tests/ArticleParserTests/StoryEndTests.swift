// Page dumps whose story ends at a line that only ends stories (a newsletter
// box, a share bar, a comment form): what lies after it must earn its place
// (docs/TEXT.md, "Story ends").

import XCTest
import ArticleModel
@testable import ArticleParser

final class StoryEndTests: XCTestCase {
    let menu = ["Home", "News", "Sport", "Business", "Science", "Culture", "Travel", "Video", "Podcasts", "Weather"]
    let more = ["The first trams would run along the river from the station to the hospital by the spring of 2027.",
                "Residents near the route were invited to a meeting at the library next week to see the plans.",
                "The council's transport chief said the line would take two thousand cars off the bridge every day."]
    let heads = ["Harbour workers vote to end the strike after a long winter of talks",
                 "School meals to get cheaper from April for every family in the county",
                 "Library reopens after a two year repair with a new reading room for children",
                 "Night buses return to the western suburbs as drivers are found for the routes",
                 "Storm damage closes the coast road while engineers check the old sea wall"]
    let letters = "We read every letter we are sent and reply to as many of them as we can."

    func page() -> String {
        menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "City council approves new tram line after years of debate\n\nBy Jane Doe\n\n"
            + [para1, para2, para3].joined(separator: "\n\n") + "\n\nShare this article\n\n"
            + more.joined(separator: "\n\n") + "\n\nSign up for our newsletter\n\nMost read\n\n"
            + heads.joined(separator: "\n\n") + "\n\n" + letters + "\n\n"
            + ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"].map { "* " + $0 }.joined(separator: "\n") + "\n"
    }

    func testStoryEndsAtTheNewsletterBoxNotAtTheShareBar() {
        let a = parse(page())
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        // The share bar inside the story is a break too, but the story's sentences go on under it.
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3] + more)
        let bs = blocks(page())
        // Lines 12-28: the headline to the last paragraph above the newsletter box.
        XCTAssertEqual(block(heads[4], in: bs)?.rule, "other: outside the main prose region (lines 12-28): run of 6 lines")
        XCTAssertEqual(block(letters, in: bs)?.rule, "other: outside the main prose region (lines 12-28): run of 6 lines")
        XCTAssertEqual(block("Sign up for our newsletter", in: bs)?.rule, "rules:newsletter 'sign up for *newsletter*'")
    }

    func testWithoutTheBreakTheRegionRunsOn() {
        // The same page without its newsletter box: nothing ends the story, and
        // the prose under the headline list stays (the region's own verdict).
        let p = page().replacingOccurrences(of: "Sign up for our newsletter\n\n", with: "")
        let a = parse(p)
        XCTAssertTrue(a.paragraphs.map(\.text).contains(letters))
    }
}
