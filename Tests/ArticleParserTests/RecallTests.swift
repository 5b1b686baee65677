// Page dumps where the story's own text was lost (docs/TEXT.md, "Recall"):
// each test is one mechanism, on a made-up page, with the exact body and the
// `--explain` reason of the line that decides it.

import XCTest
import ArticleModel
@testable import ArticleParser

final class RecallTests: XCTestCase {
    let head = "City council approves new tram line after years of debate"
    let menu = ["Home", "News", "Sport", "Business", "Science", "Culture", "Travel", "Video", "Podcasts", "Weather"]
    let foot = ["About us", "Contact", "Privacy", "Terms", "Advertise", "Jobs", "Help", "Cookies"]
    let para4 = "The first trams would run along the river from the station to the hospital by the spring of 2027."
    let para5 = "Residents near the route were invited to a meeting at the library next week to see the plans."
    let para6 = "The council's transport chief said the line would take two thousand cars off the bridge every day."
    let para7 = "Shops along the route will get help with their rent while the street is dug up for the rails."

    func list(_ items: [String]) -> String { items.map { "* " + $0 }.joined(separator: "\n") }

    func markdown(_ text: String) -> (Article, [Block]) {
        let bs = TextReader().blocks(from: text, markdown: true)
        return (ArticleBuilder.build(source: "test.md", format: "text", url: nil, blocks: bs), bs)
    }

    func testEmptyMarkdownHeadingIsNoEndMark() {
        // html2text writes an empty <h3> as "### " and "<h4><br>Title</h4>" as "#### " over
        // the title: read as text, "###" was a press release's end mark and cut the story.
        let page = "# \(head)\n\n\(para1)\n\n### \n\n\(para2)\n\n#### \n**What comes next**\n\n\(para3)\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "What comes next"])
        XCTAssertEqual(block("What comes next", in: bs)?.rule, "heading: Markdown '#### ' heading")
        XCTAssertFalse(bs.contains { $0.text.hasPrefix("#") })
    }

    func testStoryMarginDeeperThanTheDekIsNoCommentThread() {
        // inscriptis indents the story by the page's layout; the dek stands at the margin.
        // Measured from the dek, every paragraph was an "indented comment".
        let indented = { (ps: [String]) in ps.map { "    " + $0 }.joined(separator: "\n\n") }
        let dek = "A short dek at the margin of the page about the plan."
        let promo = "Plan your trip with our route planner!"
        let page = "\(head)\n\n\(dek)\n\n" + indented([para1, para2, para3]) + "\n\n      \(promo)\n          Next\n\n"
            + indented([para4, para5, para6, para7]) + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [dek, para1, para2, para3, promo, para4, para5, para6, para7])
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertEqual(block(para4, in: blocks(page))?.rule, "paragraph: sentence text")
    }

    func testCJKCaptionsWithSpacesAreProse() {
        // A photo blog's captions: phrases set apart by spaces, no sentence end.
        let nav = list(["ホーム", "ニュース", "経済", "政治", "スポーツ", "天気", "地域", "文化", "科学", "動画"])
        let captions = ["今回は 山の上の キャンプ場に 家族で 二泊三日の 旅行に 出かけました 天気も 良くて",
                        "入口の 大きな 木の 看板が 目印です 駐車場から 歩いて 五分ほどで 受付に 着きます",
                        "夕方には 焚き火を 囲んで みんなで 夕食を 作りました 星が とても きれいでした",
                        "翌朝は 早起きして 近くの 滝まで 散歩しました 水が 冷たくて 気持ちよかったです"]
        let title = "山のキャンプ場で過ごした週末の記録"
        let page = nav + "\n\n" + title + "\n\n2024年3月3日\n\n" + captions.joined(separator: "\n\n") + "\n\n" + nav + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, title)
        XCTAssertEqual(a.published, "2024-03-03")
        XCTAssertEqual(a.paragraphs.map(\.text), captions)
        let bs = blocks(page)
        XCTAssertEqual(block(title, in: bs)?.rule, "title: headline above the main prose region")
        XCTAssertEqual(bs.last?.rule, "nav: outside the main prose region (lines 16-22): run of 10 short link-like lines")
    }

    func testBareReadMoreBetweenParagraphsMakesNoTeaser() {
        let page = "\(head)\n\nBy Jane Doe\n\n\(para1)\n\n\(para2)\n\nRead more\n\n\(para3)\n\n\(para4)\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2, para3, para4])
        XCTAssertEqual(block(para2, in: blocks(page))?.rule, "paragraph: sentence text")
        // A heading, a paragraph and "Read more" is still a teaser.
        let teaser = "Harbour workers vote to end the strike"
        let promo = "The union said its members had accepted the offer by a large margin on Monday."
        let p2 = "\(head)\n\nBy Jane Doe\n\n\(para1)\n\n\(para2)\n\n\(teaser)\n\n\(promo)\n\nRead more\n\n\(para3)\n\n\(para4)\n"
        XCTAssertEqual(parse(p2).paragraphs.map(\.text), [para1, para2, para3, para4])
        XCTAssertEqual(block(promo, in: blocks(p2))?.rule, "promo: teaser paragraph above a 'Read more' line")
    }

    func testLastParagraphShownAboveAPaywallIsTheStorys() {
        // A story cut by a registration wall: its paragraphs, then "Kostenlos
        // registrieren und weiterlesen". The paragraph right above was taken for a
        // teaser over a 'Read more' line and the story lost its lead.
        let wall = ["Kostenlos registrieren und weiterlesen", "Schon registriert? Hier einloggen",
                    "Mit der Registrierung stimmen Sie unseren Datenschutz-Bestimmungen zu."]
        let page = list(menu) + "\n\n\(head)\n\nBy Jane Doe\n\n\(para1)\n\n\(para2)\n\n\(para3)\n\n" + wall.joined(separator: "\n\n")
            + "\n\n" + list(foot) + "\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2, para3])
        XCTAssertEqual(block(para3, in: blocks(page))?.rule, "paragraph: sentence text")
        XCTAssertEqual(block(wall[0], in: blocks(page))?.label, .boilerplate("promo"))
    }

    func testLongLineWithoutASentenceIsNoProse() {
        // "o Change language & content: ..." ends in a bracket and outweighed the story.
        let names = (0..<40).map { k -> String in let c = Character(UnicodeScalar(65 + k % 26)!); return "Country\(c) (language\(c))" }
        let languages = "o Change language & content: " + names.joined(separator: " ")
        let page = list(menu) + "\n\n" + languages + "\n\n" + list(["Feedback", "Help", "Sign in"]) + "\n\n"
            + "\(head)\n\nBy Jane Doe\n\n" + [para1, para2, para3, para4].joined(separator: "\n\n") + "\n\n" + list(foot) + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3, para4])
        XCTAssertEqual(block(languages, in: blocks(page))?.rule, "other: outside the main prose region (lines 18-28): run of 1 line")
    }

    func testMarkdownListWithoutLinksIsTheStorysAndCardsAreLinks() {
        let links = { (items: [String]) in items.map { "* [\($0)](/\($0.lowercased()))" }.joined(separator: "\n") }
        let teams = ["England (Group A): tenth appearance", "Spain (Group F): eleventh appearance",
                     "Sweden (Group F): seventh appearance", "Poland (Group G): fourth appearance"]
        let heads = ["Harbour workers vote to end the strike after a long winter", "School meals to get cheaper from April for every family",
                     "Library reopens after a two year repair with a new room", "Night buses return to the western suburbs as drivers are found"]
        // html2text writes a card (a link around a headline, a byline and a date) over several lines.
        let cards = heads.enumerated().map { "[ \($1)\n\n  * By Staff Writer\n  * 11/20/2019 01:14 PM\n\n](/news/\($0) \"x\")\n\n" }.joined()
        let page = links(menu) + "\n\n# \(head)\n\n\(para1)\n\n\(para2)\n\n### Qualified teams\n\n"
            + teams.map { "  * " + $0 }.joined(separator: "\n") + "\n\n## Latest\n\n" + cards + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2] + teams.map { "* " + $0 })
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Qualified teams"])
        XCTAssertEqual(block("* " + teams[0], in: bs)?.rule, "paragraph: sentence text")
        // The card's lines are out: its headline (without the "["), byline and closing "](url)".
        // (Its "* By Staff Writer" is a byline's rule hit, no body text: the body ends
        // above the cards, before the region's verdict on their link-like run.)
        XCTAssertEqual(block(heads[0], in: bs)?.rule, "other: text after the article body")
        XCTAssertNil(a.author)
        XCTAssertFalse(bs.contains { $0.text.hasPrefix("](") })
    }

    func testMarkdownTableWithoutOuterPipesIsTheStorys() {
        // html2text writes table rows without outer pipes; the shape rule took the
        // numeric rows for a results box.
        let rows = ["Pos | Player | Plays | %", "---|---|---|---", "DL | Larry Ogunjobi | 63 | 85%", "DL | Myles Garrett | 57 | 77%",
                    "DL | Chad Thomas | 57 | 77%"]
        let links = { (items: [String]) in items.map { "* [\($0)](/\($0.lowercased()))" }.joined(separator: "\n") }
        let page = links(menu) + "\n\n# \(head)\n\n\(para1)\n\n\(para2)\n\n" + rows.joined(separator: "\n") + "\n\n\(para3)\n\n" + links(foot) + "\n"
        let (a, bs) = markdown(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, rows[0], rows[2], rows[3], rows[4], para3])
        XCTAssertEqual(block(rows[2], in: bs)?.rule, "paragraph: Markdown table row")
    }

    func testCommentsLinkInAToolbarIsNoCommentsHeader() {
        let page = list(menu) + "\n\n\(head)\n\nBy Jane Doe\n\n" + [para1, para2, para3].joined(separator: "\n\n")
            + "\n\nEntire work\nChapter index\nComments\nShare\n\n" + [para4, para5, para6].joined(separator: "\n\n") + "\n\n" + list(foot) + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3, para4, para5, para6])
        XCTAssertTrue(a.comments.isEmpty)
        let bs = blocks(page)
        XCTAssertEqual(block("Comments", in: bs)?.rule, "nav: comments link in a toolbar of short lines")
        XCTAssertEqual(block("Chapter index", in: bs)?.rule, "nav: inside the prose region but: run of 4 short link-like lines")
    }

    func testPageOpeningWithAParagraphHasNoTitleLine() {
        let lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. "
            + "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. "
            + "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur."
        let page = [lorem, para1, lorem].joined(separator: "\n\n") + "\n"
        let a = parse(page)
        XCTAssertNil(a.title)
        XCTAssertEqual(a.paragraphs.map(\.text), [lorem, para1, lorem])
        XCTAssertEqual(blocks(page).first?.rule, "paragraph: sentence text")
        // A headline line over such a paragraph is still the title.
        XCTAssertEqual(parse(head + "\n\n" + page).title, head)
    }

    func testCreditRunIntoTheFirstParagraphIsTheParagraph() {
        let run = "© Provided by Example Wire Photo/Agency The council approved the new tram line on Tuesday after years of debate, "
            + "ending a long fight over the route along the river. The first trams would run by the spring of 2027, officials said."
        let page = list(menu) + "\n\n\(head)\n\nBy Jane Doe\n\n" + [run, para1, para2, para3].joined(separator: "\n\n") + "\n\n" + list(foot) + "\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [run, para1, para2, para3])
        XCTAssertEqual(block(run, in: blocks(page))?.rule, "paragraph: sentence text")
        // A short credit line stays a credit.
        let credit = "© Example Wire/Agency"
        XCTAssertEqual(block(credit, in: blocks(page.replacingOccurrences(of: run, with: credit)))?.rule, "rules:credits '© *'")
    }

    func testCzechRelatedLabel() {
        let teaser = "Harbour workers vote to end the strike after a long winter of talks"
        let page = "\(head)\n\nBy Jane Doe\n\n\(para1)\n\n\(para2)\n\nSouvisející\n\n\(teaser)\n\n\(para3)\n"
        XCTAssertEqual(block("Související", in: blocks(page))?.rule, "rules:related 'související'")
        XCTAssertFalse(parse(page).paragraphs.map(\.text).contains(teaser))
    }
}
