// Text pages as scrapers save them (docs/TEXT.md): Markdown read as Markdown,
// and page dumps whose menus, link lists and footers lie around the story.

import XCTest
import ArticleModel
@testable import ArticleParser

final class MarkdownTests: XCTestCase {
    func testHeadingsListsLinksAndEmphasis() {
        let page = """
            # The committee's long wait

            The **committee** met on [Tuesday](https://example.com/tuesday) to discuss the _proposal_, which has divided members for months.

            ![A chart](https://example.com/chart.png)

            ## What comes next

            Officials said a decision would come later this year, after a `public` consultation and \\*more\\* hearings.

            * The first point of the plan is short.
            * The second point is [linked](https://example.com/b "title").

            | Year | Votes |
            |------|------:|
            | 2023 | 12 |

            \(para3)
            """
        let a = parse(page)
        XCTAssertEqual(a.title, "The committee's long wait")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "What comes next"])
        XCTAssertEqual(a.sections[0].paragraphs.map(\.text),
                       ["The committee met on Tuesday to discuss the proposal, which has divided members for months."])
        let second = a.sections[1].paragraphs.map(\.text)
        XCTAssertEqual(second.first, "Officials said a decision would come later this year, after a public consultation and *more* hearings.")
        XCTAssertTrue(second.contains("* The second point is linked."), "\(second)")
        XCTAssertTrue(second.contains("2023 | 12"), "\(second)")
        XCTAssertFalse(second.contains { $0.contains("---") || $0.contains("](") || $0.contains("chart") }, "\(second)")
        XCTAssertEqual(block("What comes next", in: blocks(page))?.rule, "heading: Markdown '## ' heading")
    }

    func testUnderlinedHeadingQuotesAutolinksAndImages() {
        let page = """
            The harbour report
            ==================

            > \(para1)

            Details at <https://example.com/report> and ![the map](map.png) in the annex, officials said on Friday.

            ## Annex

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.title, "The harbour report")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, "Details at and in the annex, officials said on Friday.", para2])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Annex"])
    }

    func testReaderHeaderFillsTitleURLAndDate() {
        let page = """
            Title: Ferry service suspended for three weeks
            URL Source: https://news.example.com/ferry
            Published Time: 2024-03-03T10:12:00Z
            Markdown Content:
            * [Home](https://news.example.com/)
            * [News](https://news.example.com/news)

            # Ferry service suspended for three weeks

            \(para1)

            \(para2)
            """
        let bs = blocks(page)
        let a = ArticleBuilder.build(source: "t", format: "text", url: TextReader.headerURL(bs), blocks: bs)
        XCTAssertEqual(a.title, "Ferry service suspended for three weeks")
        XCTAssertEqual(a.url, "https://news.example.com/ferry")
        XCTAssertEqual(a.published, "2024-03-03")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(parse(page).url, "https://news.example.com/ferry")
    }

    func testFrontMatter() {
        let page = """
            ---
            title: "Notes from the harbour"
            date: 2023-11-05
            url: https://blog.example.org/harbour
            tags: [boats]
            ---

            \(para1)

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.title, "Notes from the harbour")
        XCTAssertEqual(a.published, "2023-11-05")
        XCTAssertEqual(a.url, "https://blog.example.org/harbour")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }

    func testRecognisedByContentNotPlainText() {
        XCTAssertTrue(MarkdownPage.looksLikeMarkdown("# Head\n\nSee [a](x), [b](y) and [c](z).\n"))
        XCTAssertFalse(MarkdownPage.looksLikeMarkdown("Head\n\n# 1 in the charts\n\nA plain page.\n"))
        XCTAssertFalse(MarkdownPage.looksLikeMarkdown("Title: A talk\nDate: May 2\n\nA plain page.\n"))
    }
}

final class PageDumpTests: XCTestCase {
    /// A dump that opens with the site's menu: the headline is found above the
    /// story, the menu and the link list after the story are out, with the reason.
    func testMenuAboveHeadlineAndLinkListAfter() {
        let menu = ["EXPLORE", "Tech", "Cars", "Science", "Culture", "Money", "Travel", "Video", "Podcasts", "Newsletters"]
        let related = ["Ten cities ranked by commute", "Why trams are back", "The bus that drives itself",
                       "A bridge too far", "Rail fares explained", "Cycling in the rain"]
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + """


            City council approves new tram line after years of debate

            By Jane Doe
            March 3, 2024

            \(para1)

            \(para2)

            \(para3)

            Related stories

            """ + related.map { "* " + $0 }.joined(separator: "\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.published, "2024-03-03")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
        let bs = blocks(page)
        XCTAssertEqual(block("* Tech", in: bs)?.label, .boilerplate("nav"))
        XCTAssertEqual(block("* Tech", in: bs)?.rule, "nav: outside the main prose region (lines 12-21): run of 10 short link-like lines")
        XCTAssertEqual(block("* Why trams are back", in: bs)?.label, .boilerplate("nav"))
    }

    /// A long link list inside the story's region is out as well.
    func testLinkRunInsideTheRegion() {
        let menu = (1...10).map { "* Menu item \($0)" }.joined(separator: "\n")
        let inner = ["* Read: tram fares", "* Read: bus lanes", "* Read: cycle paths", "* Read: night trains", "* Read: ferries"]
        let page = menu + "\n\nCity council approves new tram line after years of debate\n\nBy Jane Doe\n\n"
            + [para1, para2, para3, para1].joined(separator: "\n\n") + "\n\n" + inner.joined(separator: "\n") + "\n\n"
            + [para2, para3, para1, para2].joined(separator: "\n\n") + "\n"
        let bs = blocks(page)
        let b = block("* Read: bus lanes", in: bs)
        XCTAssertEqual(b?.label, .boilerplate("nav"))
        XCTAssertEqual(b?.rule, "nav: inside the prose region but: run of 5 short link-like lines")
        XCTAssertEqual(parse(page).paragraphs.count, 8)
    }

    /// A teaser list after a short story ("Headline" / summary / "2H ago", five
    /// times) is told by repetition and does not join the story's region, though
    /// its summaries are sentences.
    func testTeaserListByRepetition() {
        let menu = ["EXPLORE", "Tech", "Cars", "Science", "Culture", "Money", "Travel", "Video", "Podcasts", "Newsletters"]
        let teasers = [("Harbour workers vote to end the strike", "The union said members backed the new offer by a wide margin on Monday."),
                       ("School meals to get cheaper from April", "Parents will pay less for lunches after the county found money in its budget."),
                       ("Library reopens after a two-year repair", "Readers queued outside the old building on Saturday to see the new reading room."),
                       ("Night buses return to the western suburbs", "The operator said drivers had been found for the routes it dropped last year."),
                       ("Storm damage closes the coast road", "Engineers expect the road to stay shut until the sea wall has been checked.")]
        let ago = ["2H ago", "3H ago", "5H ago", "6H ago", "8H ago"]
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "City council approves new tram line after years of debate\n\nBy Jane Doe\n\n"
            + [para1, para2, para3].joined(separator: "\n\n") + "\n\nMore news\n\n"
            + zip(teasers, ago).map { "\($0.0.0)\n\n\($0.0.1)\n\n\($0.1)" }.joined(separator: "\n\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        let bs = blocks(page)
        let item = "outside the main prose region (lines 12-20): item of a teaser list (items alike)"
        XCTAssertEqual(block("School meals to get cheaper from April", in: bs)?.rule, "other: " + item)
        XCTAssertEqual(block(teasers[1].1, in: bs)?.rule, "other: " + item)
        XCTAssertEqual(block("3H ago", in: bs)?.rule, "nav: " + item)
        XCTAssertEqual(block(teasers[4].1, in: bs)?.rule, "other: " + item)
    }

    /// List items ending in a count ("Story (148)") are links, not sentences,
    /// also long ones: a "Most commented" list above the headline stays out of the region.
    func testListItemEndingInACountIsNoSentence() {
        let menu = ["EXPLORE", "Tech", "Cars", "Science", "Culture", "Money", "Travel", "Video", "Podcasts", "Newsletters"]
        let most = ["Mayor opens the new bridge over the river (148)", "Harbour workers vote to end the strike (131)",
                    "School meals to get cheaper from April (97)", "Library reopens after a two-year repair (64)",
                    "Residents say they were not asked about the plan to close the old swimming pool in the park (51)"]
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + "\n\nMost commented\n\n"
            + most.map { "* " + $0 }.joined(separator: "\n") + "\n\n"
            + "City council approves new tram line after years of debate\n\nBy Jane Doe\n\n"
            + [para1, para2, para3, para1, para2].joined(separator: "\n\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3, para1, para2])
        let b = block("* School meals to get cheaper from April (97)", in: blocks(page))
        XCTAssertEqual(b?.label, .boilerplate("nav"))
        XCTAssertEqual(b?.rule, "nav: outside the main prose region (lines 20-32): run of 16 short link-like lines")
        // A list item of up to 20 words without a sentence end is a link too.
        XCTAssertEqual(block("* " + most[4], in: blocks(page))?.label, .boilerplate("nav"))
    }

    /// A dump without blank lines (as Common Crawl WET saves text): the block
    /// under a label ("More:") ends at the first sentence after its list, not
    /// at the next blank line, which never comes.
    func testLabelBlockEndsInTheRegionWithoutBlankLines() {
        let menu = ["EXPLORE", "Tech", "Cars", "Science", "Culture", "Money", "Travel", "Video", "Podcasts", "Newsletters"]
        let long = para1 + " " + para2
        let page = menu.map { "* " + $0 }.joined(separator: "\n") + "\n"
            + "City council approves new tram line after years of debate\nBy Jane Doe\n" + long + "\n" + para3 + "\n"
            + "More:\n* Tram fares explained\n* Why trams are back\n* The bus that drives itself\n"
            + [long, para3, para2].joined(separator: "\n") + "\n* About us\n* Contact\n* Privacy\n"
        let a = parse(page)
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        XCTAssertEqual(a.paragraphs.map(\.text), [long, para3, long, para3, para2])
        let bs = blocks(page)
        XCTAssertEqual(block("* Why trams are back", in: bs)?.rule, "related: line under the label 'More:'")
        XCTAssertEqual(block(para2, in: bs)?.rule, "paragraph: sentence text")
    }

    /// In Markdown a run of 8 link lines is a strong break: the story under
    /// the headline and its date is kept, the promotion after the links is not,
    /// though the best run of prose would span both.
    func testMarkdownLinkRunSplitsTheRegion() {
        let menu = ["Tech", "Cars", "Science", "Culture", "Money", "Travel", "Video", "Podcasts", "Newsletters", "Events"]
        let links = ["Ten cities ranked by commute", "Why trams are back", "The bus that drives itself", "A bridge too far",
                     "Rail fares explained", "Cycling in the rain", "The last night train", "Ferries of the north"]
        let promo1 = "Our partners have put together a guide to the best winter breaks by train, with routes, prices and the small hotels that travellers keep going back to."
        let promo2 = "Sign up for the travel letter and every Friday you will get the week's best stories about getting around, from the people who write them."
        func list(_ items: [String], _ path: String) -> String {
            items.enumerated().map { "* [\($0.element)](https://example.com/\(path)\($0.offset))" }.joined(separator: "\n")
        }
        let page = list(menu, "m") + "\n\n# City council approves new tram line after years of debate\n\nMarch 3, 2024\n\n"
            + [para1, para2, para3].joined(separator: "\n\n") + "\n\n" + list(links, "s") + "\n\n"
            + promo1 + "\n\n" + promo2 + "\n\n" + list(menu, "f") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.title, "City council approves new tram line after years of debate")
        XCTAssertEqual(a.published, "2024-03-03")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
        let bs = blocks(page)
        XCTAssertEqual(block(promo1, in: bs)?.rule, "other: outside the main prose region (lines 12-20): run of 2 lines")
        XCTAssertEqual(block("* Rail fares explained", in: bs)?.rule, "nav: outside the main prose region (lines 12-20): run of 8 short link-like lines")
    }

    /// CJK sentences of 20 characters or more are prose (one "word" each, no
    /// spaces): a story of short ones is a region, the menus around it are out.
    func testShortCJKSentencesAreProse() {
        let menu = ["ホーム", "ニュース", "経済", "政治", "スポーツ", "天気", "地域", "文化", "科学", "動画"]
        let story = ["市議会は火曜日、新しい路面電車の路線計画を賛成多数で承認しました。",
                     "計画は何年も議論が続いており、住民の意見も大きく分かれていました。",
                     "市長は記者会見で、工事は来年の春に始まる予定だと説明しました。",
                     "反対する議員は、費用が当初の見積もりより大きく膨らむと指摘しています。",
                     "市は説明会を各地区で開き、住民の質問に答えるとしています。"]
        let list = menu.map { "* " + $0 }.joined(separator: "\n")
        let page = list + "\n\n市議会、路面電車の新路線を承認\n\n2024年3月3日\n\n" + story.joined(separator: "\n\n") + "\n\n" + list + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(a.published, "2024-03-03")
        let footer = blocks(page).last { $0.text == "* 経済" }
        XCTAssertEqual(footer?.rule, "nav: outside the main prose region (lines 16-24): run of 10 short link-like lines")
    }

    /// Raw HTML that loads something (a noscript pixel Common Crawl's WET keeps)
    /// is no text: before, a long one was prose and carried the prose region
    /// over the page's tail. A code sample without such an attribute stays text.
    func testLeakedMarkupIsNoText() {
        let pixel = "<div style=\"position:absolute;\"><img width=1 height=1 alt=\"\" src=\"http://b5.example.jp/b?P=oI9TLjE4Mi66RLpAorxEdAVuMTE4LgAAAAA2TzUA&T=16mar804m\"></div>"
        let story = TramStory.story
        let page = TramStory.dump([TramStory.head] + story[0...2] + [pixel] + story[3...] + [pixel])
        XCTAssertEqual(parse(page).paragraphs.map(\.text), story)
        let pix = blocks(page).filter { $0.text == pixel }
        XCTAssertEqual(pix.map(\.label), [.boilerplate("markup"), .boilerplate("markup")])
        XCTAssertEqual(pix.first?.rule, "markup: raw HTML that loads something (a noscript pixel, an embed code), not text")
        let code = "<html lang=\"en\"><head><title>Allow access?</title></head>"
        let withCode = TramStory.dump([TramStory.head] + story[0...2] + [code] + story[3...])
        XCTAssertEqual(parse(withCode).paragraphs.map(\.text), Array(story[0...2]) + [code] + Array(story[3...]))
    }

    /// Pages written for the text reader (a title, then the story) are not dumps.
    func testOrdinaryPageHasNoRegion() {
        let bs = blocks("Title of the story\n\nBy Jane Doe\n\n\(para1)\n\n\(para2)\n\nTags: a, b\n")
        XCTAssertFalse(bs.contains { $0.rule.contains("prose region") })
    }

    /// Two renderings of a real benchmark page (Fixtures/dumps/README.md).
    func testBenchmarkPageRenderings() throws {
        let dir = fixturesDirectory + "/dumps"
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/expected.json"))
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        XCTAssertEqual(expected.count, 2)
        for (name, e) in expected {
            let text = TextDecoding.decode(try readBytes(dir + "/" + name)).text
            let bs = TextReader().blocks(from: text, markdown: name.hasSuffix(".md") ? true : nil)
            check(ArticleBuilder.build(source: name, format: "text", blocks: bs), against: e, name: "dumps: " + name)
            // The menu the page opens with is out for the reason the region gives.
            let menu = try XCTUnwrap(bs.first { $0.text == "* Spaceflight" }, name)
            XCTAssertEqual(menu.label, .boilerplate("nav"), name)
            XCTAssertTrue(menu.rule.hasPrefix("nav: outside the main prose region (lines "), menu.rule)
            XCTAssertTrue(menu.rule.hasSuffix("short link-like lines"), menu.rule)
        }
        // By content too: the Markdown file is recognised without its extension.
        let md = TextDecoding.decode(try readBytes(dir + "/space_html2text.md")).text
        XCTAssertTrue(MarkdownPage.looksLikeMarkdown(md))
    }
    func testTheFooterUnderTheCommentsIsNoComment() {
        // Comments at the foot of a dump, then the site's footer links: they were
        // the last comment's next paragraphs ("... too early.\n\n* About us\n*
        // Contact ..."), and on other pages a teaser list and the footer were each
        // a comment of their own.
        let c1 = "Good news for the north of the city, at last."
        let c2 = "I hope the trams run at night too, the last bus leaves far too early."
        let page = TramStory.dump([TramStory.head] + Array(TramStory.story.prefix(4))
                                  + ["", "2 Comments", "", "Anna says:", "Liebe Leute,", c1, "", "Tom says:", c2])
        let a = parse(page)
        XCTAssertEqual(a.comments.map(\.text), ["Liebe Leute,\n" + c1, c2])
        let bs = TextReader().blocks(from: page)
        XCTAssertEqual(bs.first(where: { $0.text == "* About us" })?.rule,
                       "nav: run of 8 short link-like lines under the comments (the page's, no comment)")
    }
    func testAGermanOrFrenchCommentAuthorLineIsNoComment() {
        // WordPress writes "Birgit sagt:" over a comment in German, "Birgit dit :"
        // in French; only "says:", "said:" and "wrote:" were author lines, so the
        // name was a comment of its own and the next comment merged into it.
        let c1 = "Endlich fährt die Bahn auch zu uns in den Norden der Stadt, das ist eine gute Nachricht."
        let c2 = "Hoffentlich fahren die Bahnen auch nachts, der letzte Bus fährt viel zu früh."
        for (a1, a2) in [("Birgit sagt:", "Aylin schreibt:"), ("Birgit dit :", "Aylin a écrit :")] {
            let page = TramStory.dump([TramStory.head] + Array(TramStory.story.prefix(4))
                                      + ["", "2 Kommentare", "", a1, c1, "", a2, c2])
            let a = parse(page)
            XCTAssertEqual(a.comments.map(\.text), [c1, c2], a1)
            XCTAssertEqual(TextReader().blocks(from: page).first(where: { $0.text == a1 })?.rule, "meta: comment author line", a1)
        }
    }
}
