import XCTest
import ArticleModel
import HTMLExtractor

/// The title is the article's headline, never the site's name: not an
/// og:title that is the site's name, not the part of <title> that names the
/// publisher, not an h1 that is the site's logo (a link to its home page).
final class TitleTests: XCTestCase {
    func read(_ html: String) -> Article {
        let page = HTMLReader().read(bytes: Array(html.utf8), source: "page.html")
        return ArticleBuilder.build(source: "page.html", format: "html", url: page.url, blocks: page.blocks)
    }

    static let story = """
        <p>Heavy snow closed every school in the valley on Monday, and officials said classes would not resume before Wednesday at the earliest.</p>
        <p>Road crews worked through the night, but drifts of more than a metre blocked the main routes into the town for most of the morning.</p>
        <p>Parents were told to keep children at home, and the district said it would post updates on its website every few hours.</p>
        """

    func page(head: String, top: String) -> String {
        "<html><head>\(head)</head><body>\(top)<article>\(Self.story)</article></body></html>"
    }

    func testH1ThatIsTheWholeTitleKeepsItsFirstPart() {
        // "Peking 2022" looks like a site's name before the dash; the h1 says it is the headline's.
        let a = read(page(head: "<title>Peking 2022 – Eine große Chance für den chinesischen Biathlonsport der Zukunft</title>",
                          top: "<h1>Peking 2022 – Eine große Chance für den chinesischen Biathlonsport der Zukunft</h1>"))
        XCTAssertEqual(a.title, "Peking 2022 – Eine große Chance für den chinesischen Biathlonsport der Zukunft")
    }

    func testOgTitleThatIsTheSiteNameIsNoTitle() {
        let a = read(page(head: """
            <title>Storm Closes Schools Across The Valley</title>
            <meta property="og:title" content="International Valley Union - IVU">
            <meta property="og:site_name" content="International Valley Union - IVU">
            """, top: "<h2>Storm Closes Schools In The Valley Today</h2>"))
        XCTAssertEqual(a.title, "Storm Closes Schools Across The Valley")
    }

    func testTitlePartThatIsThePublisherGives() {
        // og:site_name holds the headline by mistake, so the part kept would be "Courier".
        let a = read(page(head: """
            <title>Storm Closes Schools Across The Valley | Courier</title>
            <meta property="og:site_name" content="Storm Closes Schools Across The Valley">
            <link rel="canonical" href="https://www.courier.com/news/storm">
            """, top: ""))
        XCTAssertEqual(a.title, "Storm Closes Schools Across The Valley")
    }

    func testH1LinkingHomeIsTheLogo() {
        let top = """
            <header><h1><a href="https://valleycourier.example/">Valley Courier Online</a></h1></header>
            <h2>Storm Closes Schools</h2><div class="meta">3. August 2015 · Filed under Weather</div>
            """
        let a = read(page(head: "<title>Valley Courier Online » Storm Closes Schools</title>", top: top))
        XCTAssertEqual(a.title, "Storm Closes Schools")
        // The heading that repeats the title is the headline: the date line right under it counts.
        XCTAssertEqual(a.published, "2015-08-03")
        // An archive's copy of the home page is a home link too; a section link is not.
        let archived = top.replacingOccurrences(of: "https://valleycourier.example/",
                                                with: "https://web.archive.org/web/20140226054445/http://valleycourier.example/")
        XCTAssertEqual(read(page(head: "<title>Valley Courier Online » Storm Closes Schools</title>", top: archived)).title,
                       "Storm Closes Schools")
        let section = top.replacingOccurrences(of: "https://valleycourier.example/", with: "/weather/storm-closes-schools")
        XCTAssertEqual(read(page(head: "<title>Valley Courier Online » Storm Closes Schools</title>", top: section)).title,
                       "Valley Courier Online")
    }

    func testMoreSeparatorsAndThePublisherInBrackets() {
        XCTAssertEqual(read(page(head: "<title>Storm Closes Schools Across The Valley › Nordish by Nature</title>", top: "")).title,
                       "Storm Closes Schools Across The Valley")
        XCTAssertEqual(read(page(head: "<title>Storm Closes Schools Across The Valley • CareElite</title>", top: "")).title,
                       "Storm Closes Schools Across The Valley")
        // The web address names the publisher: "(valley courier)" on valley-courier.de.
        let a = read(page(head: """
            <title>»Storm Closes Schools Across The Valley« (valley courier)</title>
            <link rel="canonical" href="https://www.valley-courier.de/artikel/storm">
            """, top: ""))
        XCTAssertEqual(a.title, "»Storm Closes Schools Across The Valley«")
    }

    func testLogoIsNoByline() {
        let top = """
            <h1 class="vcard"><a href="/">Krimi-Archiv</a></h1>
            <h2>Storm Closes Schools</h2>
            """
        let a = read(page(head: "<title>Storm Closes Schools : Krimi-Archiv</title>", top: top))
        XCTAssertNil(a.author)
    }
}
