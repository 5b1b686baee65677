import XCTest
import ArticleModel
import HTMLExtractor

/// Headings inside the story: one whose words sound like a related-links
/// label ("Popular varieties") but that prose follows opens a section of
/// the story; a heading's long id is an anchor made from its text, not a
/// role word ("nav_..." is no menu).
final class SectionHeadingTests: XCTestCase {
    typealias P = ProseContainerTests

    func blocks(_ html: String) -> [Block] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
    }

    func body(_ got: [Block]) -> [String] { got.filter { $0.label == .paragraph }.map(\.text) }

    func testHeadingThatProseFollowsIsASection() {
        let html = P.menuPage("""
            <div class="main"><article><h1>Library Stays Open</h1>
            <p>\(P.paras[0])</p><p>\(P.paras[1])</p>
            <h3>Popular Sunday Services</h3>
            <p>\(P.paras[2])</p><p>\(P.paras[3])</p>
            <h3>You May Also Like</h3>
            <p><a href="/a">Council closes the swimming pool for the winter</a></p>
            <p><a href="/b">New bus timetable from March</a></p>
            </article></div>
            """)
        let got = blocks(html)
        XCTAssertEqual(body(got), P.paras)
        XCTAssertEqual(got.first { $0.text == "Popular Sunday Services" }?.label, .heading)
        XCTAssertEqual(got.first { $0.text == "You May Also Like" }?.label, .boilerplate("related"))
    }

    func testLinksUnderARelatedHeadingEndAtProse() {
        // A related heading, two links, then the story goes on: a paragraph of
        // prose, and after it a short one that alone would pass for a link's summary.
        let short = "The library will open at noon on Sundays, the council said."
        let html = P.menuPage("""
            <div class="main"><article><h1>Library Stays Open</h1>
            <p>\(P.paras[0])</p><p>\(P.paras[1])</p>
            <h4>Related Stories</h4>
            <p><a href="/a">Council closes the swimming pool for the winter</a></p>
            <p><a href="/b">New bus timetable from March</a></p>
            <p>\(P.paras[2])</p><p>\(short)</p><p>\(P.paras[3])</p>
            </article></div>
            """)
        let got = blocks(html)
        XCTAssertEqual(body(got), Array(P.paras[0...2]) + [short, P.paras[3]])
        XCTAssertEqual(got.first { $0.text == "New bus timetable from March" }?.label, .boilerplate("related"))
    }

    func testAHeadingsAnchorIdIsNoRole() {
        let page = { (id: String) in P.menuPage("""
            <div class="main"><article><h1>Library Stays Open</h1>
            <p>\(P.paras[0])</p><p>\(P.paras[1])</p>
            <h3 id="\(id)">Heating from the reserves</h3>
            <p>\(P.paras[2])</p><p>\(P.paras[3])</p>
            </article></div>
            """) }
        let anchored = blocks(page("nav_heating_from_the_reserves__1"))
        XCTAssertEqual(anchored.first { $0.text == "Heating from the reserves" }?.label, .heading)
        XCTAssertEqual(body(anchored), P.paras)
        // A one- or two-word id still names a role.
        let menu = blocks(page("nav"))
        XCTAssertEqual(menu.first { $0.text == "Heating from the reserves" }?.label, .boilerplate("nav"))
    }

    /// The lead in a container of its own between the headline and the story:
    /// unmarked prose is body; the same text marked as a standfirst stays
    /// one, and a short line there is no lead.
    func testProseBetweenHeadlineAndStoryIsTheLead() {
        let page = { (lead: String, cls: String) in P.menuPage("""
            <div class="main"><h1>Library Stays Open</h1>
            <div class="\(cls)"><p>\(lead)</p></div>
            <div class="ad-slot"><a href="/ad">Advertisement</a></div>
            <div class="columns"><div class="article-body"><p>\(P.paras[1])</p><p>\(P.paras[2])</p><p>\(P.paras[3])</p></div>
            <div class="sidebar"><ul><li><a href="/a">Council closes the swimming pool</a></li>
            <li><a href="/b">New bus timetable</a></li><li><a href="/c">Market moves to the square</a></li></ul></div></div>
            </div>
            """) }
        let got = blocks(page(P.paras[0], "box"))
        XCTAssertEqual(body(got), P.paras)
        XCTAssertEqual(got.first { $0.text == P.paras[0] }?.rule.hasPrefix("prose between the headline and the content (p"), true,
                       got.first { $0.text == P.paras[0] }?.rule ?? "no block")
        let marked = blocks(page(P.paras[0], "standfirst"))
        XCTAssertEqual(marked.first { $0.text == P.paras[0] }?.label, .boilerplate("standfirst"))
        let short = "Sunday opening stays, the council says."
        XCTAssertEqual(body(blocks(page(short, "box"))), Array(P.paras[1...]))
    }
}
