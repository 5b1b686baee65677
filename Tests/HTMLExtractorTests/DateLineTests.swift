import XCTest
import ArticleModel
import HTMLExtractor

/// Where a page with no date metadata shows its date (issue 15, tenth round):
/// a dateline right above the headline or right before the body, and a
/// two-digit year on a line that says it is a date.
final class DateLineTests: XCTestCase {
    func read(_ html: String) -> Article {
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "page.html")
        return ArticleBuilder.build(source: "page.html", format: "html", url: page.url, blocks: page.blocks)
    }

    /// A German page (day-first dates) with `top` before the headline and `between` after it.
    func page(top: String = "", between: String = "", after: String = "") -> String {
        """
        <html lang="de"><head><title>Storm Closes Schools Across The Valley</title></head><body>
        \(top)<h1>Storm Closes Schools Across The Valley</h1>\(between)
        <div class="article-body">
        <p>Heavy snow closed every school in the valley on Monday, and officials said classes would not resume before Wednesday at the earliest.</p>
        <p>Road crews worked through the night, but drifts of more than a metre blocked the main routes into the town for most of the morning.</p>
        <p>Parents were told to keep children at home, and the district said it would post updates on its website every few hours.</p>
        </div>\(after)</body></html>
        """
    }

    func testDatelineRightAboveTheHeadline() {
        // Opening with its date, the line is a dateline though it ends with a bracket.
        let a = read(page(top: "<div class=\"info\"><span>12.12.2022</span> - <span>Valley Weather Service (Regional Office)</span></div>"))
        XCTAssertEqual(a.published, "2022-12-12")
        // Two lines up, or in a teaser box: another story's date.
        XCTAssertNil(read(page(top: "<div class=\"info\"><span>12.12.2022</span> - <span>Valley Weather Service (Regional Office)</span></div><div class=\"kicker\">Snow</div>")).published)
        XCTAssertNil(read(page(top: "<div class=\"related\"><div>12.12.2022 - Another story entirely</div></div>")).published)
    }

    func testDatelineRightBeforeTheBody() {
        // Far below the headline (a caption and a toolbar between), right before the first paragraph.
        let between = """
            <figure><img src="a.jpg"><figcaption>Snow in the valley on Monday morning</figcaption></figure>
            <div class="tools"><span>Print this page</span></div>
            <div class="intro"><div>Schools 01.02.2022 Category: Schools, District</div></div>
            """
        XCTAssertEqual(read(page(between: between)).published, "2022-02-01")
        // A sentence with a date there is the story's or a teaser's, not a dateline.
        let sentence = between.replacingOccurrences(of: "Schools 01.02.2022 Category: Schools, District",
                                                    with: "The district closed on 01.02.2022 as well.")
        XCTAssertNil(read(page(between: sentence)).published)
    }

    func testTwoDigitYearOnLinesThatSayDate() {
        // A byline's date, and a line that is a date and nothing else.
        let byline = read(page(between: "<div class=\"author\">Von: Jane Doe | 31.10.23</div>"))
        XCTAssertEqual(byline.published, "2023-10-31")
        XCTAssertEqual(byline.authors, ["Jane Doe"])
        XCTAssertEqual(read(page(between: "<div class=\"x\"><div>Living</div><div>23.09.22</div></div>")).published, "2022-09-23")
        // A forum's clock in a date element is no date of the page's; nor a version number.
        XCTAssertNil(read(page(after: "<div class=\"current-time\">Aktuelles Datum und Uhrzeit: 11/02/20, 07:22 pm</div>")).published)
        XCTAssertNil(read(page(between: "<div class=\"x\"><div>Version</div><div>1.2.3</div></div>")).published)
    }

    func testDatelineRightUnderTheHeadlineWhoseRestIsLinks() {
        // "07.11.2023 Ormalingen, Baselbiet" with the places as links: mostly link text,
        // the line was no dateline. Opening with its date, it is.
        let line = "<div class=\"meta\">07.11.2023 <a href=\"/o\">Ormalingen</a>, <a href=\"/o\">Ormalingen</a>, <a href=\"/b\">Baselbiet</a></div>"
        XCTAssertEqual(read(page(between: line)).published, "2023-11-07")
        // The date amid the links is another matter: not read there.
        let amid = "<div class=\"meta\"><a href=\"/o\">Ormalingen</a>, <a href=\"/o\">Ormalingen</a> 07.11.2023 <a href=\"/b\">Baselbiet</a></div>"
        XCTAssertNil(read(page(between: amid)).published)
    }

    func testDatelineOpeningTheSecondParagraphUnderALead() {
        // A lead paragraph, then "29.11.2022 – ...": the story's dateline.
        let html = page().replacingOccurrences(of: "<p>Road crews worked", with: "<p>29.11.2022 – Road crews worked")
        XCTAssertEqual(read(html).published, "2022-11-29")
        let blocks = HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
        XCTAssertEqual(blocks.first(where: { $0.label == .date })?.rule, "dateline at the start of the second paragraph, under a lead")
        // Not the third paragraph's.
        let third = page().replacingOccurrences(of: "<p>Parents were told", with: "<p>29.11.2022 – Parents were told")
        XCTAssertNil(read(third).published)
    }

    func testSpacedGermanDateInTheByline() {
        // "Von Deutscher Tennis Bund 4.&thinsp;2.&thinsp;2022." (thin spaces, as German typesetting has them).
        let a = read(page(between: "<div class=\"att-publish-date\">Von <span>Jane Doe</span> 4.&thinsp;2.&thinsp;2022.</div>"))
        XCTAssertEqual(a.published, "2022-02-04")
    }
}
