// Dates on page dumps (docs/TEXT.md, "The site's name over the story's head; glued dates"):
// a post's published and updated dates glued by the renderer, the site's date
// bar well above the headline, and a category list over the date that is no
// headline. Each test is one mechanism, on a made-up page.

import XCTest
import ArticleModel
@testable import ArticleParser

final class DumpDateTests: XCTestCase {
    let head = TramStory.head
    let story = TramStory.story

    func dump(_ lines: [String]) -> String { TramStory.dump(lines) }

    func testGluedPublishedAndUpdatedDates() {
        // Two <time> elements with nothing between them: before, no date and no byline.
        let a = parse(dump([head, "Veröffentlicht am 10. Februar 20199. Februar 2019 von Heiko Berger"] + story))
        XCTAssertEqual(a.published, "2019-02-10")
        XCTAssertEqual(a.author, "Heiko Berger")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(parse(dump([head, "19.11.202119.11.2021"] + story)).published, "2021-11-19")
        // A number after a year that starts no date is left as it is.
        let text = "The count rose in 2019 to 201915 visitors, the council's figures for the tram line show."
        XCTAssertEqual(parse(dump([head, "6. November 2023"] + story + [text])).paragraphs.last?.text, text)
        XCTAssertNil(MetaLines.unglueDates("Seit dem 3. März 2019 kamen 201915 Besucher."))
    }

    func testTheSitesDateBarWellAboveTheHeadline() {
        // The day of the scrape in the site's header, the story's own date under its
        // headline: before, the first date on the page won.
        let a = parse(dump(["Mittwoch, 9. Februar 2022", "Werben beim Stadtblatt", "Abo", "Kontakt", head, "8. Februar 2022"] + story))
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.published, "2022-02-08")
        // A date right over the headline is the story's.
        XCTAssertEqual(parse(dump(["9. Februar 2022", head] + story)).published, "2022-02-09")
    }

    func testACategoryListOverTheDateIsNoHeadline() {
        let a = parse(dump([head, "", "Blog, Ernährung, Umweltschutz, Vegan", "21. Januar 2022"] + story))
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.published, "2022-01-21")
    }
}
