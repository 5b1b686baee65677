// The rules file: format, errors with origin:LINE, matching, user rules.

import XCTest
import ArticleModel
@testable import ArticleParser

final class RulesTests: XCTestCase {
    func testBuiltInRulesParse() {
        let r = ParserRules.defaults()
        XCTAssertGreaterThan(r.count, 200)
        XCTAssertTrue(r.rules.allSatisfy { $0.origin == "built-in" })
        XCTAssertTrue(ParserRules.defaultRulesText.contains("widget       play quizzes #"))
    }

    /// A rules file saved with Windows line ends (CR LF) is read line by line:
    /// it was one long line (Swift splits "\r\n" as one Character), its first
    /// rule's pattern ran to the end of the file, and no rule matched.
    func testWindowsLineEnds() throws {
        var r = ParserRules.empty()
        try r.load(text: "# site rules\r\nwidget  post views: #\r\n\r\nwidget  council watch tracker\r\n", origin: "site.rules")
        XCTAssertEqual(r.count, 2)
        XCTAssertEqual(r.match("Post Views: 1.432")?.rule, "rules:widget 'post views: #' (site.rules:2)")
        XCTAssertEqual(r.match("Council Watch tracker")?.rule, "rules:widget 'council watch tracker' (site.rules:4)")
        // A byte-order mark and Unicode letters folded as units are.
        var u = ParserRules.empty()
        try u.load(text: "\u{FEFF}related  WEITERLESEN ÜBER Österreich\n", origin: "de.rules")
        XCTAssertEqual(u.match("weiterlesen über österreich")?.label, .boilerplate("related"))
        XCTAssertEqual(u.match("ПОДРОБНЕЕ"), nil)
    }

    /// `kinds` loads only those kinds' lines (the HTML reader's edge phrases).
    func testLoadingSomeKinds() throws {
        var r = ParserRules.empty()
        try r.load(text: "widget  post views: #\nbyline  by *\nrelated  read more\n", origin: "x", kinds: ["widget", "related"])
        XCTAssertEqual(r.count, 2)
        XCTAssertNil(r.match("By Jane Doe"))
        XCTAssertEqual(r.match("Read more")?.label, .boilerplate("related"))
    }

    func testMatchingBasics() {
        let r = ParserRules.defaults()
        XCTAssertEqual(r.match("Play Quizzes 4")?.label, .boilerplate("widget"))
        XCTAssertEqual(r.match("PLAY QUIZZES 12")?.rule, "rules:widget 'play quizzes #'")
        XCTAssertEqual(r.match("ADVERTISEMENT")?.label, .boilerplate("advert"))
        XCTAssertEqual(r.match("Advertisement:")?.label, .boilerplate("advert"))      // trailing ':' optional
        XCTAssertEqual(r.match("Share  this\u{A0}article")?.label, .boilerplate("share"))  // any white space
        XCTAssertEqual(r.match("Required fields are marked *")?.label, .boilerplate("form"))
        XCTAssertEqual(r.match("Previous article: Some Title »")?.value, "Some Title")
        XCTAssertEqual(r.match("(Photo by Jane Doe/Getty Images)")?.value, "Jane Doe/Getty Images")
        // View counters and rating widgets; a related label with its section's name.
        XCTAssertEqual(r.match("Post Views: 1.432")?.label, .boilerplate("widget"))
        XCTAssertEqual(r.match("37 views")?.label, .boilerplate("widget"))
        XCTAssertEqual(r.match("Rate this post")?.label, .boilerplate("widget"))
        XCTAssertEqual(r.match("Más noticias de Colombia")?.label, .boilerplate("related"))
        XCTAssertNil(r.match("The video drew 37 views in its first week."))
        XCTAssertNil(r.match("The advertisement market grew."))
        XCTAssertNil(r.match("Subscribers to the service rose by a third"))
    }

    func testSuffixPatternsTestLongUnits() {
        let long = String(repeating: "word ", count: 400) + "Read More"
        XCTAssertEqual(ParserRules.defaults().match(long)?.label, .boilerplate("promo"))
        // Other patterns only look at short units.
        XCTAssertNil(ParserRules.defaults().match("Related: " + String(repeating: "x ", count: 200)))
    }

    func testUserRuleAddsKind() throws {
        var r = ParserRules.defaults()
        try r.load(text: "# my rules\n\npoll   take our poll*\npoll   vote now\n", origin: "mine.rules")
        XCTAssertEqual(r.match("Take our poll today")?.label, .boilerplate("poll"))
        XCTAssertEqual(r.match("Vote now")?.rule, "rules:poll 'vote now' (mine.rules:4)")
        let page = "Title\n\n\(para1)\n\nTake Our Poll\n\n\(para2)\n"
        let a = parse(page, rules: r)
        XCTAssertEqual(a.boilerplate.map { [$0.kind, $0.text] }, [["poll", "Take Our Poll"]])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        // Without the rule, the line is a heading.
        XCTAssertEqual(parse(page).sections.map(\.heading), [nil, "Take Our Poll"])
    }

    /// The unit's trailing "» › → …" are optional, so a pattern ending in one
    /// still matches (it never matched before: the unit's was cut, the pattern's kept).
    func testPatternEndingInSoftPunctuation() throws {
        var r = ParserRules.empty()
        try r.load(text: "promo  weiterlesen »\nnav_next  nächster beitrag →\ncta  mehr erfahren …\n", origin: "mine.rules")
        XCTAssertEqual(r.match("Weiterlesen »")?.label, .boilerplate("promo"))
        XCTAssertEqual(r.match("Weiterlesen")?.label, .boilerplate("promo"))
        XCTAssertEqual(r.match("Nächster Beitrag →")?.label, .navNext)
        XCTAssertEqual(r.match("Mehr erfahren…")?.label, .boilerplate("cta"))
        XCTAssertNil(r.match("Weiterlesen im Archiv"))
    }

    func testLaterFilesWin() throws {
        var r = ParserRules.defaults()
        try r.load(text: "paragraph   advertisement\n", origin: "keep.rules")
        XCTAssertEqual(r.match("Advertisement")?.label, .paragraph)
        try r.load(text: "widget   advertisement\n", origin: "again.rules")
        XCTAssertEqual(r.match("Advertisement")?.label, .boilerplate("widget"))
    }

    func testFirstLineWinsWithinFile() throws {
        var r = ParserRules.empty()
        try r.load(text: "aaa  breaking*\nbbb  breaking news\n", origin: "x")
        XCTAssertEqual(r.match("Breaking news")?.label, .boilerplate("aaa"))
    }

    func testLabelsAndEscapes() throws {
        var r = ParserRules.empty()
        try r.load(text: """
            nav_next      read next:*
            tags          keywords -*
            boilerplate:cta   buy now \\* limited
            ignored       \\#hashtag
            date          posted *
            """, origin: "x")
        XCTAssertEqual(r.match("Read next: The Sequel")?.label, .navNext)
        XCTAssertEqual(r.match("Read next: The Sequel")?.value, "The Sequel")
        XCTAssertEqual(r.match("Keywords - a, b")?.label, .tags)
        XCTAssertEqual(r.match("Buy now * limited")?.label, .boilerplate("cta"))
        XCTAssertNil(r.match("Buy now and limited"))
        XCTAssertEqual(r.match("#hashtag")?.label, .ignored)
        XCTAssertNil(r.match("12hashtag"))
        let a = parse("Title\n\nPosted 3 March 2016\n\n\(para1)\n", rules: r)
        XCTAssertEqual(a.published, "2016-03-03")
    }

    func testDigitsPattern() throws {
        var r = ParserRules.empty()
        try r.load(text: "widget  page # of #\n", origin: "x")
        XCTAssertNotNil(r.match("Page 3 of 12"))
        XCTAssertNil(r.match("Page three of 12"))
        XCTAssertNil(r.match("Page 3 of 12 and more"))
    }

    func testErrorsNameOriginAndLine() {
        func error(_ text: String) -> String? {
            var r = ParserRules.empty()
            do { try r.load(text: text, origin: "my.rules"); return nil } catch { return error.description }
        }
        XCTAssertEqual(error("# ok\nwidget\n"),
                       "my.rules:2: missing PATTERN after 'widget' (a rule is: KIND  PATTERN)")
        XCTAssertTrue(error("\n\nWidget  foo\n")?.hasPrefix("my.rules:3: bad KIND 'Widget'") ?? false)
        XCTAssertEqual(error("title  foo"), "my.rules:1: label 'title' cannot be given by a rule")
        XCTAssertTrue(error("widget  foo\\q")?.hasPrefix("my.rules:1: unknown escape") ?? false)
        XCTAssertEqual(error("widget ok\nwidget  *  *"), "my.rules:2: pattern '*  *' matches every unit")
        XCTAssertEqual(error("widget  foo\\"), "my.rules:1: pattern ends with a lone \\")
        XCTAssertNil(error("widget  fine\r\n# comment\r\n"))
    }

    func testErrorLeavesRulesUnchanged() {
        var r = ParserRules.defaults()
        let before = r.count
        XCTAssertThrowsError(try r.load(text: "poll  vote now\nBAD\n", origin: "x"))
        XCTAssertEqual(r.count, before)
    }
}

final class RuleMatchingTests: XCTestCase {
    func testColonVariantsAndCaseFolding() {
        let r = ParserRules.defaults()
        XCTAssertEqual(r.match("Photo : AFP")?.value, "AFP")
        XCTAssertEqual(r.match("Photo\u{A0}: AFP")?.value, "AFP")
        XCTAssertEqual(r.match("作者：张伟")?.value, "张伟")
        XCTAssertEqual(r.match("ЧИТАЙТЕ ТАКЖЕ: Новости")?.label, .boilerplate("related"))
        XCTAssertEqual(r.match("À LIRE AUSSI : Autre")?.label, .boilerplate("related"))
        XCTAssertEqual(r.match("18,204 Fans")?.label, .boilerplate("widget"))
    }

    func testCaptureOfLeadingStar() throws {
        var r = ParserRules.empty()
        try r.load(text: "byline   *, staff writer\n", origin: "x")
        XCTAssertEqual(r.match("Jane Doe, Staff Writer")?.value, "Jane Doe")
        let a = parse("Title\n\nJane Doe, Staff Writer\n\n\(para1)\n", rules: r)
        XCTAssertEqual(a.author, "Jane Doe")
    }
}
