import Foundation
import XCTest

/// `--rules FILE` from the command line: on text pages, on HTML pages (the
/// same patterns and labels on the HTML reader's blocks), in `--explain`, and
/// a broken rules file refused before any page is read.
final class RulesFileTests: XCTestCase {
    let story = [
        "The council voted on Tuesday to raise bus fares by ten percent from March, citing fuel costs and a shortfall in the transport budget.",
        "Opposition members said the rise would hit the poorest riders hardest and asked for a review of the decision before the spring.",
    ]

    func object(_ out: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(out.split(separator: "\n")[0].utf8)) as! [String: Any]
    }

    func body(_ o: [String: Any]) -> [String] {
        ((o["sections"] as? [[String: Any]]) ?? []).flatMap { (($0["paragraphs"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String } }
    }

    /// The section headings and paragraphs, in order.
    func sectionText(_ o: [String: Any]) -> [String] {
        ((o["sections"] as? [[String: Any]]) ?? []).flatMap { s -> [String] in
            ((s["heading"] as? String).map { [$0] } ?? []) + ((s["paragraphs"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        }
    }

    func boilerplate(_ o: [String: Any]) -> [String] {
        ((o["boilerplate"] as? [[String: Any]]) ?? []).map { "\($0["kind"] as? String ?? "?"): \($0["text"] as? String ?? "?")" }
    }

    func htmlPage(_ extra: String) -> String {
        """
        <html><head><title>Bus fares to rise</title></head><body><article><h1>Bus fares to rise</h1>
        \(extra)
        <p>\(story[0])</p>
        <p>\(story[1])</p>
        <p>Reader count: 1.432</p>
        </article></body></html>
        """
    }

    let rulesText = """
        # an analyst's rules for one site
        widget        reader count: #
        byline        written up by *
        date          filed on *
        tags          filed under: *

        """

    func testRulesOnAnHTMLPage() throws {
        let dir = try tempDir(self)
        let page = try write(dir, "site/a.html", htmlPage("<p>Written up by Jane Smith</p>\n<p>Filed on 3 March 2021</p>\n<p>Filed under: transport, council</p>"))
        let rules = try write(dir, "site.rules", rulesText)

        // Without the rules the counter is read as a paragraph of the story (what the test changes).
        let before = try object(try lectern(["parse", page]).out)
        XCTAssertTrue(body(before).contains("Reader count: 1.432"), "\(body(before))")

        let r = try lectern(["parse", "--rules", rules, page])
        XCTAssertEqual(r.status, 0, r.err)
        let o = try object(r.out)
        XCTAssertEqual(body(o), story)
        XCTAssertTrue(boilerplate(o).contains("widget: Reader count: 1.432"), "\(boilerplate(o))")
        XCTAssertEqual(o["author"] as? String, "Jane Smith")
        XCTAssertEqual(o["published"] as? String, "2021-03-03")
        XCTAssertEqual(o["tags"] as? [String], ["transport", "council"])
        XCTAssertEqual(o["title"] as? String, "Bus fares to rise")

        // --explain names the rule, its file and line.
        let x = try lectern(["parse", "--explain", "--rules", rules, page])
        XCTAssertEqual(x.status, 0, x.err)
        XCTAssertTrue(x.out.contains("boilerplate:widget   Reader count: 1.432"), x.out)
        XCTAssertTrue(x.out.contains("rules:widget 'reader count: #' (\(rules):2)"), x.out)
        XCTAssertTrue(x.out.contains("rules:byline 'written up by *' (\(rules):3)"), x.out)
    }

    /// A user's byline or date rule wins over the page's metadata.
    func testARulesBylineWinsOverMetadata() throws {
        let dir = try tempDir(self)
        let html = htmlPage("<p>Written up by Jane Smith</p>\n<p>Filed on 3 March 2021</p>").replacingOccurrences(
            of: "</head>", with: "<meta name=\"author\" content=\"Newsroom Staff\"><meta property=\"article:published_time\" content=\"2020-01-01\"></head>")
        let page = try write(dir, "a.html", html)
        let before = try object(try lectern(["parse", page]).out)
        XCTAssertEqual(before["author"] as? String, "Newsroom Staff")
        XCTAssertEqual(before["published"] as? String, "2020-01-01")
        let rules = try write(dir, "site.rules", rulesText)
        let o = try object(try lectern(["parse", "--rules", rules, page]).out)
        XCTAssertEqual(o["author"] as? String, "Jane Smith")
        XCTAssertEqual(o["published"] as? String, "2021-03-03")
        let x = try lectern(["parse", "--explain", "--rules", rules, page]).out
        XCTAssertTrue(x.contains("the page's line that rules:byline 'written up by *' (\(rules):3) matched wins"), x)
    }

    /// A `paragraph` rule keeps in the body a line the HTML reader left out.
    func testAParagraphRuleKeepsAnHTMLLineInTheBody() throws {
        let dir = try tempDir(self)
        let page = try write(dir, "a.html", htmlPage("<p>Read more</p>"))
        let before = try object(try lectern(["parse", page]).out)
        XCTAssertFalse(body(before).contains("Read more"), "\(body(before))")
        let rules = try write(dir, "keep.rules", "paragraph     read more\n")
        let o = try object(try lectern(["parse", "--rules", rules, page]).out)
        XCTAssertEqual(body(o).first, "Read more", "\(body(o))")
    }

    /// The page's metadata and title are not text of the page: rules leave them alone.
    func testRulesLeaveTheTitleAndMetadataAlone() throws {
        let dir = try tempDir(self)
        let page = try write(dir, "a.html", htmlPage("").replacingOccurrences(
            of: "</head>", with: "<meta name=\"author\" content=\"Jane Smith\"></head>"))
        let rules = try write(dir, "odd.rules", "widget        bus fares to rise\nwidget        jane smith\n")
        let o = try object(try lectern(["parse", "--rules", rules, page]).out)
        XCTAssertEqual(o["title"] as? String, "Bus fares to rise")
        XCTAssertEqual(o["author"] as? String, "Jane Smith")
    }

    func testRulesOnATextPage() throws {
        let dir = try tempDir(self)
        let text = "Bus Fares To Rise\n\n\(story[0])\n\nReader count: 1.432\n\n\(story[1])\n"
        let page = try write(dir, "a.txt", text)
        // Without the rules the counter is read as a section heading.
        let before = try object(try lectern(["parse", page]).out)
        XCTAssertTrue(sectionText(before).contains("Reader count: 1.432"), "\(sectionText(before))")
        let rules = try write(dir, "site.rules", rulesText)
        let o = try object(try lectern(["parse", "--rules", rules, page]).out)
        XCTAssertEqual(sectionText(o), story)
        XCTAssertTrue(boilerplate(o).contains("widget: Reader count: 1.432"), "\(boilerplate(o))")
    }

    func testABrokenRulesFileIsRefusedWithItsLine() throws {
        let dir = try tempDir(self)
        let page = try write(dir, "a.html", htmlPage(""))
        let rules = try write(dir, "bad.rules", "widget        reader count: #\nbogus\n")
        let r = try lectern(["parse", "--rules", rules, page])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("\(rules):2: missing PATTERN after 'bogus'"), r.err)
        let m = try lectern(["parse", "--rules", dir.appendingPathComponent("none.rules").path, page])
        XCTAssertEqual(m.status, 2)
        XCTAssertTrue(m.err.contains("none.rules: cannot read the rules file"), m.err)
    }
}
