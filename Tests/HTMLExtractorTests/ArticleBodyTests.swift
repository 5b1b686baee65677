import XCTest
import ArticleModel
import HTMLExtractor

/// The page's JSON-LD articleBody as evidence (issue 15): it moves a wrong
/// root, brings back a lead the root left out, and a truncated one moves
/// nothing away from the body.
final class ArticleBodyTests: XCTestCase {
    static let ldRule = "body: in the page's JSON-LD articleBody"

    func blocks(_ html: String) -> [Block] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
    }

    func paragraphs(_ html: String) -> [String] {
        blocks(html).filter { $0.label == .paragraph }.map(\.text)
    }

    /// A JSON-LD NewsArticle whose articleBody is `body` (one string, no breaks).
    static func ld(_ body: String) -> String {
        let escaped = body.replacingOccurrences(of: "\"", with: "\\\"")
        return """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Harbour Ferry Returns","articleBody":"\(escaped)"}</script>
        """
    }

    // MARK: - root moved to the element that holds the articleBody

    static let story = [
        "The harbour ferry returned to service on Monday morning after a winter of repairs to its engines and hull.",
        "The first crossing left the north pier at seven and carried about forty passengers to the island market.",
        "The operator said the boat would run every hour until the end of the summer season in late September.",
        "Tickets cost the same as last year and can still be bought on board from the crew or at the pier kiosk.",
        "Islanders had relied on a smaller water taxi since November and welcomed the return of the larger boat.",
        "A second boat is being repaired in the same yard and should join the route before the school holidays begin.",
    ]
    // Comma-rich notes score higher than the plain story and sit in another branch.
    static let notes = [
        "Readers wrote in about the tides, the bridge, the parking, the buses, the lights, the benches, the signs, the bins, the dogs, the gulls, the noise, the fares, the crowds, the queues and the weather, as they do every spring.",
        "One asked about the old pier, the new pier, the kiosk, the cafe, the toilets, the ramp, the railings, the steps, the lamps, the paint, the ropes, the bollards, the moorings and the slipway, all in one letter.",
        "Another listed the birds, the fish, the seals, the crabs, the shells, the weeds, the sand, the stones, the mud, the rocks, the pools, the caves, the cliffs and the dunes she had seen on a walk last week.",
        "A third wanted more trains, more buses, more boats, more bikes, more lanes, more paths, more maps, more signs, more seats, more shade, more water, more bins, more lights and more toilets along the front.",
        "A fourth praised the gardens, the fountains, the statues, the band, the market, the fair, the games, the races, the music, the food, the flowers, the trees, the lawns and the paths of the old town park.",
    ]

    static func switchPage(withLD: Bool) -> String {
        """
        <html><head><title>Harbour Ferry Returns</title>\(withLD ? ld(story.joined(separator: " ")) : "")</head><body>
        <h1>Harbour Ferry Returns</h1>
        <div class="wrap-a"><div class="inner"><div class="column-b">
        \(story.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div></div></div>
        <div class="wrap-c"><div class="feature-notes">
        \(notes.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div></div>
        </body></html>
        """
    }

    func testRootMovesToTheElementHoldingTheArticleBody() {
        // Without JSON-LD the comma-rich notes win the scoring: the page's failure.
        XCTAssertEqual(paragraphs(ArticleBodyTests.switchPage(withLD: false)), ArticleBodyTests.notes)

        let got = blocks(ArticleBodyTests.switchPage(withLD: true))
        let paras = got.filter { $0.label == .paragraph }
        XCTAssertEqual(paras.map(\.text), ArticleBodyTests.story)
        XCTAssertEqual(paras.first?.rule,
                       "content root div.column-b (moved from div.wrap-c: it holds the page's JSON-LD articleBody); p")
        let notes = got.filter { $0.label == .boilerplate("other") }
        XCTAssertEqual(notes.map(\.text), [ArticleBodyTests.notes.joined(separator: "\n")])
    }

    // MARK: - a lead outside the root

    static let lead = "Fishing boats will be allowed back into the old dock from June, the port authority said on Tuesday."
    static let body = [
        "The dock was closed three years ago when engineers found cracks in the stone walls along its western side and feared that they might give way.",
        "Repairs took longer than planned because the stone had to come from the same quarry as the original walls, which had closed decades ago.",
        "The quarry was reopened for a few months last year, and the new blocks were cut by hand by a team of masons brought in from the mainland.",
        "Fishermen who moved their boats to the new marina said they were glad to return, since the marina charges twice as much for a berth.",
        "The authority plans a small ceremony for the reopening, with a blessing of the boats and a parade along the quay for the whole town.",
        "A museum about the history of the dock will open in one of the old warehouses later in the year, with photographs lent by local families.",
        "The council has also promised new lighting on the quay, after complaints from people who walk home along the water late in the evening.",
        "Work on the eastern wall, which is in better condition, will start next winter and should not affect the boats using the dock.",
    ]
    static let related = (1...8).map { "<li><a href=\"/story/\($0)\">Another story from the harbour desk, number \($0)</a></li>" }

    static func leadPage(ld articleBody: String?) -> String {
        """
        <html><head><title>Old Dock Reopens</title>\(articleBody.map { ld($0) } ?? "")</head><body>
        <div class="page">
        <h1>Old Dock Reopens</h1>
        <div class="top-block"><p>\(lead)</p></div>
        <ul class="more-links">\(related.joined())</ul>
        <div class="story-text">
        \(body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div>
        </div>
        </body></html>
        """
    }

    func testLeadOutsideTheRootIsBodyWhenTheArticleBodyHasIt() {
        // Without JSON-LD the lead is outside the content root.
        let without = blocks(ArticleBodyTests.leadPage(ld: nil))
        XCTAssertEqual(without.filter { $0.label == .paragraph }.map(\.text), ArticleBodyTests.body)
        XCTAssertEqual(without.first { $0.text == ArticleBodyTests.lead }?.label, .boilerplate("other"))

        let full = ([ArticleBodyTests.lead] + ArticleBodyTests.body).joined(separator: " ")
        let got = blocks(ArticleBodyTests.leadPage(ld: full))
        XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text), [ArticleBodyTests.lead] + ArticleBodyTests.body)
        XCTAssertEqual(got.first { $0.text == ArticleBodyTests.lead }?.rule, ArticleBodyTests.ldRule)
        // The related links stay out.
        XCTAssertFalse(got.contains { $0.label == .paragraph && $0.text.contains("Another story") })

        // An articleBody written as escaped HTML says the same.
        let escaped = ([ArticleBodyTests.lead] + ArticleBodyTests.body).map { "&lt;p&gt;\($0)&lt;/p&gt;" }.joined()
        XCTAssertEqual(paragraphs(ArticleBodyTests.leadPage(ld: escaped)), [ArticleBodyTests.lead] + ArticleBodyTests.body)
    }

    /// A summary outside the root that repeats the body's first paragraph is
    /// in the articleBody too, but it is a second copy: it stays out.
    func testRepeatedSummaryStaysOut() {
        let page = ArticleBodyTests.leadPage(ld: ArticleBodyTests.body.joined(separator: " "))
            .replacingOccurrences(of: ArticleBodyTests.lead, with: ArticleBodyTests.body[0])
        let got = blocks(page)
        XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text), ArticleBodyTests.body)
        XCTAssertEqual(got.filter { $0.text == ArticleBodyTests.body[0] }.map(\.label), [.boilerplate("other"), .paragraph])
    }

    // MARK: - a truncated articleBody

    static let leadParas = [
        "Fishing boats will be allowed back into the old dock from June, the port authority said on Tuesday, ending a closure that lasted three years.",
        "The decision follows months of work on the walls, and the authority said that the last inspection found the stone sound along the whole quay.",
        "Fishermen had asked for the reopening since the spring, and their association welcomed the news at a meeting in the harbour hall on Tuesday night.",
        "Boats will return in stages, starting with the smaller ones, so that the harbour master can check the moorings one by one before the summer.",
    ]

    static let more = [
        "Harbour staff will repaint the lines on the quay before the first boats arrive, and the old crane will be taken away for scrap.",
        "The fish market on the quay, which moved inland during the closure, will return to its old hall once the roof has been fixed.",
        "Visitors will again be able to walk the full length of the western wall, which has been fenced off since the cracks were found.",
    ]

    func testTruncatedArticleBodyMovesNothingAway() {
        // The articleBody is the page's lead container and stops there ("..."):
        // the container covers all of it while the root covers none, but
        // 100 words against the root's 270 is no full article, so the root stays
        // and only the lead comes back.
        let truncated = ArticleBodyTests.leadParas.joined(separator: " ") + " ..."
        let page = """
        <html><head><title>Old Dock Reopens</title>\(ArticleBodyTests.ld(truncated))</head><body>
        <div class="page">
        <h1>Old Dock Reopens</h1>
        <div class="top-block">\(ArticleBodyTests.leadParas.map { "<p>\($0)</p>" }.joined())</div>
        <ul class="more-links">\(ArticleBodyTests.related.joined())</ul>
        <ul class="more-links">\(ArticleBodyTests.related.joined())</ul>
        <div class="story-text">
        \((ArticleBodyTests.body + ArticleBodyTests.more).map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div>
        </div>
        </body></html>
        """
        let got = blocks(page)
        XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text),
                       ArticleBodyTests.leadParas + ArticleBodyTests.body + ArticleBodyTests.more)
        XCTAssertEqual(got.filter { $0.rule == ArticleBodyTests.ldRule }.map(\.text), ArticleBodyTests.leadParas)
        XCTAssertTrue(got.first { $0.text == ArticleBodyTests.body[0] }!.rule.hasPrefix("content root div.story-text"))
    }

    /// A short line the articleBody has is body even where a line rule would
    /// drop it; a line that is all link stays out even when the articleBody has it.
    func testLineRulesGiveWayToTheArticleBody() {
        let signoff = "Read more about the harbour in the spring edition."
        let promo = "Subscribe to the harbour newsletter for every story about the dock and the boats."
        let page = """
        <html><head><title>Old Dock Reopens</title>\(ArticleBodyTests.ld((ArticleBodyTests.body + [signoff, promo]).joined(separator: " ")))</head><body>
        <h1>Old Dock Reopens</h1>
        <div class="story-text">
        \(ArticleBodyTests.body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        <p>\(signoff)</p>
        <div><a href="/subscribe">\(promo)</a></div>
        </div>
        </body></html>
        """
        let got = blocks(page)
        XCTAssertEqual(got.filter { $0.label == .paragraph }.map(\.text), ArticleBodyTests.body + [signoff])
        XCTAssertTrue(got.first { $0.text == signoff }!.rule.hasPrefix(ArticleBodyTests.ldRule + " (not "))
        // "Subscribe to ..." is a line rule's too, but all link: it stays out.
        XCTAssertEqual(got.first { $0.text == promo }?.label, .boilerplate("newsletter"))
    }
}
