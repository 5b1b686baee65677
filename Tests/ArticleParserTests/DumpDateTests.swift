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

    func testADateAmongRubricWordsInTheHead() {
        // "31.01.2016 Hardware", "Pressemitteilung Aktuell 02. November 2021": no
        // dateline rule reads them (rubric words are no date words); before, no date.
        for (line, date) in [("31.01.2016 Hardware", "2016-01-31"), ("Pressemitteilung Aktuell 02. November 2021", "2021-11-02"),
                             ("Mittwoch, 01. November 2023 - Handel", "2023-11-01")] {
            let a = parse(dump([head, line] + story))
            XCTAssertEqual(a.published, date, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
        // Not a subtitle that holds a date, not a numbered item that does.
        for line in ["Bern, 17.08.2007 - Rede von Moritz Leuenberger beim Städtegipfel der Partei in Bern",
                     "1. Abnahme des Protokolls der letzten Sitzung vom 5.8.2019"] {
            XCTAssertNil(parse(dump([head, line] + story)).published, line)
        }
        XCTAssertEqual(parse(dump([head, "1. Februar 2022 , Daniel Dillenburg"] + story)).published, "2022-02-01")
        // Only in the head, and only when the page has no other date.
        let later = "The plan was first shown to the council on 3 March 2020, and changed twice since then."
        XCTAssertNil(parse(dump([head] + story[0...1] + [later] + story[2...])).published)
        XCTAssertEqual(parse(dump([head, "31.01.2016 Hardware", "8. Februar 2022"] + story)).published, "2022-02-08")
        // (A date split from a name on its line is a date too.)
        XCTAssertEqual(parse(dump([head, "31.01.2016 Hardware", "Tanja Karrasch - 3.11.2023"] + story)).published, "2023-11-03")
    }

    func testADateAmongRubricWordsRightAboveTheHeadline() {
        // "21.01.2022 Presse-Mitteilung" / the headline / the story: where pages set
        // their dateline over the headline; the head had no date line, and before, no date.
        for (lines, date) in [(["21.01.2022 Presse-Mitteilung", head], "2022-01-21"),
                              (["Ehrenamt Jugendverbände 23.01.2020", "", "Presse", head], "2020-01-23")] {
            let a = parse(dump(lines + story))
            XCTAssertEqual(a.title, head, lines[0])
            XCTAssertEqual(a.published, date, lines[0])
            XCTAssertEqual(a.paragraphs.map(\.text), story, lines[0])
        }
        // Three units up it is the site's date bar, not the story's.
        XCTAssertNil(parse(dump(["21.01.2022 Presse-Mitteilung", "Presse", "Termine", head] + story)).published)
        // A date in the story's head still comes first.
        XCTAssertEqual(parse(dump(["21.01.2022 Presse-Mitteilung", head, "31.01.2016 Hardware"] + story)).published, "2016-01-31")
    }

    func testADateAmongRubricWordsUnderTheFirstParagraph() {
        // The lead, then "Pressemitteilung vom 20.01.2022" set apart, then the story: before, no date.
        func spaced(_ lines: [String]) -> String { dump(lines.flatMap { [$0, ""] }) }
        let a = parse(spaced([head, story[0], "Pressemitteilung vom 20.01.2022"] + story.dropFirst()))
        XCTAssertEqual(a.published, "2022-01-20")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        XCTAssertEqual(block("Pressemitteilung vom 20.01.2022", in: blocks(spaced([head, story[0], "Pressemitteilung vom 20.01.2022"] + story.dropFirst())))?.rule,
                       "date: a date among rubric words under the first paragraph (no other date on the page)")
        // Not a paragraph that holds a date, and not four units down.
        let said = "Pressemitteilung vom 20.01.2022: the council says the line will open."
        XCTAssertNil(parse(spaced([head, story[0], said] + story.dropFirst())).published)
        XCTAssertNil(parse(spaced([head] + story[0...3] + ["Pressemitteilung vom 20.01.2022"] + story[4...])).published)
    }

    func testABulletedDateItemUnderTheByline() {
        // A header's meta list: "* Post author By Jane Doe" / "* Post date March 5, 2014" /
        // "* 1 Comment ...". The date item was read as the first paragraph and the
        // head had no date.
        let meta = ["  * Post author By Jane Doe", "  * Post date March 5, 2014", "  * 1 Comment on the tram line"]
        let a = parse(dump([head, ""] + meta + [""] + story.flatMap { [$0, ""] }))
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.published, "2014-03-05")
        XCTAssertEqual(a.paragraphs.map(\.text), story)
    }

    func testADateAfterTheNameOnTheBylinesLine() {
        // The byline rule took the name; the date after it was not read.
        for (line, author, date) in [("Von Christian Thiele, 07 Dezember, 2022", "Christian Thiele", "2022-12-07"),
                                     ("Von Anna Berger am 07.08.2013 um 09:07 Uhr gespeichert unter Verkehr", "Anna Berger", "2013-08-07")] {
            let a = parse(dump([head, line] + story))
            XCTAssertEqual(a.author, author, line)
            XCTAssertEqual(a.published, date, line)
            XCTAssertEqual(a.paragraphs.map(\.text), story, line)
        }
    }

    func testNumbersOnlyReadDayFirstOnAPageInAnotherLanguage() {
        // "03/05/2022 20:36" alone on its line read month first (nothing on the line
        // says otherwise); the page's paragraphs are Portuguese: the 3rd of May.
        let pt = ["A prefeitura aprovou na terça-feira a nova linha de bonde até o hospital depois de um longo debate.",
                  "Os primeiros bondes devem circular ao longo do rio, da estação até o hospital, na primavera de 2027.",
                  "Os moradores que vivem perto do trajeto foram convidados para uma reunião na biblioteca na próxima semana.",
                  "As lojas ao longo do trajeto vão receber ajuda com o aluguel enquanto a rua estiver em obras para os trilhos."]
        XCTAssertEqual(parse(dump(["Prefeitura aprova a nova linha de bonde depois de anos", "03/05/2022 20:36"] + pt)).published, "2022-05-03")
        XCTAssertEqual(parse(dump([head, "03/05/2022 20:36"] + story)).published, "2022-03-05")
        // Numbers that can only be one date stay as they are.
        XCTAssertEqual(parse(dump(["Prefeitura aprova a nova linha de bonde depois de anos", "05/23/2022 20:36"] + pt)).published, "2022-05-23")
    }

    func testACategoryListOverTheDateIsNoHeadline() {
        let a = parse(dump([head, "", "Blog, Ernährung, Umweltschutz, Vegan", "21. Januar 2022"] + story))
        XCTAssertEqual(a.title, head)
        XCTAssertEqual(a.published, "2022-01-21")
    }
    // Dates under the story (docs/TEXT.md, "Dates of teaser cards and comments
    // under the story"): the story has no date line; before, the first date
    // under it was the published date.
    let cards = ["Meistgelesen", "Bus fares to rise again in the spring, the transport board says", "01.02.2022",
                 "The river path reopens after the winter floods", "30.01.2022",
                 "A new school for the north of the city gets its first pupils", "31.01.2022"]

    func testTheDatesOfATeaserListAreNotTheStorys() {
        let a = parse(dump([head] + story + [""] + cards))
        XCTAssertNil(a.published)
        XCTAssertEqual(a.paragraphs.map(\.text), story)
        // With a date in its head the story keeps it.
        XCTAssertEqual(parse(dump([head, "12.01.2022"] + story + [""] + cards)).published, "2022-01-12")
        // Cards of one day are a list too, each with its own headline.
        let oneDay = ["Meistgelesen", cards[1], "01.02.2022", cards[3], "01.02.2022", cards[5], "01.02.2022"]
        XCTAssertNil(parse(dump([head] + story + [""] + oneDay)).published)
    }

    func testAPostFootersDateUnderTheStoryStays() {
        // One date under the last paragraph: the post's footer.
        XCTAssertEqual(parse(dump([head] + story + ["15.12.2021", "Artikel von: Stadtblatt"])).published, "2021-12-15")
        // Published and updated, each said what it is, over a dated list.
        XCTAssertEqual(parse(dump([head] + story + ["Veröffentlicht 12.01.2022", "Aktualisiert 13.01.2022"])).published, "2022-01-12")
        XCTAssertEqual(parse(dump([head] + story + ["Erscheinungsdatum: 07.02.2022", ""] + cards)).published, "2022-02-07")
        // The same footer printed twice ("Date 23.05.2011" / "Print" in two layouts).
        let footer = ["Date 23.05.2011", "Print this page", "Permalink https://p.example/p/RPYx"]
        XCTAssertEqual(parse(dump([head] + story + footer + footer)).published, "2011-05-23")
    }

    func testACommentThreadsDatesAreNotTheStorys() {
        // Two comments under the post's tags, each "Name says:" / date / text.
        let thread = ["Tags", "Cmd", "Installation", "Network", "Windows", "Karl says:", "24. November 2019 um 17:53 Uhr", "When I type the command I get an error about the interface name.",
                      "Reply", "Markus says:", "24. November 2019 um 20:10 Uhr", "Hi Karl, the name goes in quotes."]
        XCTAssertNil(parse(dump([head] + story + [""] + thread)).published)
        // One comment under the comments' header.
        let one = ["One thought on “City council approves new tram line”", "15. Januar 2014 um 23:36", "Agi says:",
                   "Good news for the north of the city, at last."]
        XCTAssertNil(parse(dump([head] + story + [""] + one)).published)
    }
}
