import XCTest
import ArticleModel
import HTMLExtractor

/// The author when no metadata and no byline line names one (issue 15, tenth
/// round): a link to the author's page, as blogs and CMS themes print it
/// (rel=author, an author class, "/author/jane-doe/").
final class AuthorLinkTests: XCTestCase {
    func read(_ html: String) -> Article {
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "page.html")
        return ArticleBuilder.build(source: "page.html", format: "html", url: page.url, blocks: page.blocks)
    }

    func page(top: String = "", story extra: String = "", after: String = "") -> String {
        """
        <html><head><title>Library Stays Open on Sundays</title></head><body>
        <article><h1>Library Stays Open on Sundays</h1>\(top)
        <div class="entry">
        <p>The town council voted on Thursday to keep the library open on Sundays for at least another year, after a petition signed by more than four thousand residents.</p>
        <p>Opening hours had been cut in the spring, when the heating bill for the old building doubled and the council asked every department to find savings.\(extra)</p>
        <p>Volunteers offered to staff the desk on Sunday afternoons, and the council agreed to pay for the heating from its reserves until the roof is repaired.</p>
        </div></article>\(after)</body></html>
        """
    }

    func testLinkToTheAuthorsPage() {
        // rel=author on a line with the time; an address with an author segment and no class.
        XCTAssertEqual(read(page(top: "<div class=\"top-bar\"><a href=\"/author/patrickd/\" rel=\"author\">Patrick Danowski</a> 06 PM | 18 Mai</div>")).authors,
                       ["Patrick Danowski"])
        XCTAssertEqual(read(page(top: "<div class=\"info\"><a href=\"https://example.org/ueber-uns/autor/juliane-ziegengeist\">Juliane Ziegengeist</a> | Formel 1 | 3 min</div>")).authors,
                       ["Juliane Ziegengeist"])
        // Without such a link, nothing.
        XCTAssertNil(read(page(top: "<div class=\"top-bar\"><a href=\"/team/\">Patrick Danowski</a> 06 PM | 18 Mai</div>")).author)
    }

    func testLinksThatNameSomeoneElse() {
        // In the story's prose: the person the story is about.
        XCTAssertNil(read(page(story: " The parents of <a href=\"https://quotes.example.org/person.php?author=Mozart\">Wolfgang Amadeus Mozart</a> never worried?")).author)
        // In the comments, and in a footer's list of the site's writers.
        XCTAssertNil(read(page(after: "<section id=\"comments\"><div class=\"comment\"><a href=\"/author/jd/\">Jane Doe</a> said: Great news for the town and its readers.</div></section>")).author)
        XCTAssertNil(read(page(after: "<footer><a href=\"/author/jd/\">Jane Doe</a></footer>")).author)
        // Three writers linked around the article: a list of authors, not a byline.
        let three = ["Jane Doe", "Max Mustermann", "Erika Musterfrau"].map { "<div><a href=\"/author/\($0.lowercased().replacingOccurrences(of: " ", with: "-"))/\">\($0)</a></div>" }
        XCTAssertNil(read(page(top: three.joined())).author)
        // "All by Jane Doe": a link to her other pages, no byline.
        XCTAssertNil(read(page(top: "<div class=\"meta\"><a href=\"/autor/jd/\">Alles von Jane Doe</a></div>")).author)
    }
}
