// The rules that carried the parser to the holdout4 layouts, each on a page
// written for the test (other words, other sites), with counter-cases that
// must stay body: a duplicated scrape (the first copy is the body, never
// furniture), date bars and update dates, numeric dates with a two-digit year or
// day first, footnotes, "(Agency/Photographer)" captions, a newsletter author's
// bare name, multilingual read-also / advert / share / channel / typo prompts.

import XCTest
import ArticleModel
@testable import ArticleParser

final class Holdout4RuleTests: XCTestCase {
    func label(_ text: String, _ page: String) -> BlockLabel? { block(text, in: blocks(page))?.label }

    // MARK: - duplicated scrape: no structural rule drops a run of prose

    func testDuplicatedArticleKeepsFirstCopy() {
        let p1c = "The council’s new plan will “change the high street” within a year, officials said on Monday."
        let p1s = "The council's new plan will \"change the high street\" within a year, officials said on Monday."
        let page = """
            Library to reopen after roof repairs

            By Ann Example
            4 May 2024

            \(p1c)

            \(para1)

            \(para2)

            Library to reopen after roof repairs

            By Ann Example
            4 May 2024

            \(p1s)

            \(para1)

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [p1c, para1, para2])
        XCTAssertEqual(a.author, "Ann Example")
        XCTAssertEqual(a.published, "2024-05-04")
        XCTAssertEqual(label(p1s, page), .boilerplate("duplicate"))
    }

    func testProseAboveARepeatedHeadlineIsNotFurniture() {
        // The headline comes back after real paragraphs, but what follows is a
        // different text: nothing above it may be dropped as site furniture.
        let other = "A different report follows here, with words that do not repeat the ones above it at all."
        let page = """
            Ferry fares rise again

            \(para1)

            \(para2)

            \(para3)

            Ferry fares rise again

            \(other)
            """
        let a = parse(page)
        XCTAssertTrue(a.paragraphs.map(\.text).contains(para1))
        XCTAssertTrue(a.paragraphs.map(\.text).contains(para2))
        XCTAssertTrue(a.paragraphs.map(\.text).contains(para3))
    }

    func testFurnitureAboveTheRepeatStillGoes() {
        // Short furniture lines (no prose run) above the repeat stay furniture.
        let page = "Ferry fares rise again\n\nThe Island Post\nNews | Sport\n\nFerry fares rise again\n\nBy Ann Example\n\n\(para1)\n\n\(para2)\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }

    // MARK: - dates

    func testDateBarAboveRepeatedHeadlineGivesWayToArticleDate() {
        let page = "Fire at the market\n\nThe Daily Example\nTuesday, March 5, 2024\nHome | News\n\nFire at the market\n\nBy Ann Example\n3rd March 2024\n\n\(para1)\n\n\(para2)\n"
        XCTAssertEqual(parse(page).published, "2024-03-03")
    }

    func testDateAboveRepeatAloneStillCounts() {
        let page = "Rail link opens\n\nExample Agency\n2024-03-03 16:42:15\n\nRail link opens\n\n\(para1)\n\n\(para2)\n"
        XCTAssertEqual(parse(page).published, "2024-03-03")
    }

    func testUpdateDateGivesWayToPublicationDate() {
        let page = "Buses for the suburbs\n\nBy Ann Example\nUpdated: Mar 03, 2024 10:12 IST\n\n\(para1)\n\n\(para2)\n\nFirst uploaded on: 02-03-2024 at 21:45 IST\n"
        XCTAssertEqual(parse(page).published, "2024-03-02")
        // Only an update date: it is all the page gives.
        let only = "Buses for the suburbs\n\nBy Ann Example\nUpdated: Mar 03, 2024\n\n\(para1)\n\n\(para2)\n"
        XCTAssertEqual(parse(only).published, "2024-03-03")
    }

    func testUSNumericDatesStayMonthFirst() {
        let page = "Budget passes\n\nBy Ann Example\nPosted 04/05/2024 10:12 EST\n\n\(para1)\n\n\(para2)\n"
        XCTAssertEqual(parse(page).published, "2024-04-05")
    }

    func testNewMonthNamesAndDateWords() {
        XCTAssertEqual(DateNormalizer.normalize("Publicerad 3 mars 2024 kl. 10.12"), "2024-03-03")
        XCTAssertEqual(DateNormalizer.normalize("Minggu, 3 Maret 2024 | 10:12 WIB"), "2024-03-03")
        XCTAssertEqual(DateNormalizer.normalize("3 березня 2024, 10:12"), "2024-03-03")
        XCTAssertEqual(DateNormalizer.normalize("17 Agustus 2023"), "2023-08-17")
        for (line, iso) in [("Publicerad 3 mars 2024 kl. 10.12", "2024-03-03"), ("Minggu, 3 Maret 2024 | 10:12 WIB", "2024-03-03"),
                            ("3 березня 2024, 10:12", "2024-03-03")] {
            let page = "Title here\n\n\(line)\n\n\(para1)\n\n\(para2)\n"
            XCTAssertEqual(parse(page).published, iso, line)
        }
    }

    func testTwoDigitYearOnlyWithPublicationLabel() {
        let page = "כותרת הכתבה\n\nפורסם: 03.03.24, 10:12\n\n\(para1)\n\n\(para2)\n"
        XCTAssertEqual(parse(page).published, "2024-03-03")
        // A bare "03.03.24" is a version, a score, a code: no date.
        let bare = "Title here\n\n03.03.24\n\n\(para1)\n\n\(para2)\n"
        XCTAssertNil(parse(bare).published)
        XCTAssertNil(bytesShortYear("Published: 1.2.3.4"))
        XCTAssertNil(bytesShortYear("Published: 03.03.2024x"))
    }

    func bytesShortYear(_ s: String) -> DateNormalizer.Match? {
        var s = s
        return s.withUTF8 { DateNormalizer.shortYear(in: $0, monthFirst: false) }
    }

    // MARK: - footnotes, captions, credits

    func testFootnotesAfterTheStoryAreBoilerplate() {
        let cited = "The county paid the same invoice twice.[1] Nobody noticed for a year.[2]"
        let page = "Paid twice\n\n\(cited)\n\n\(para1)\n\n\(para2)\n\nNotes\n\n[1] Board minutes, May 2022.\n[2] Invoice TP-1, paid 2023.\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [cited, para1, para2])
        XCTAssertEqual(label("Notes", page), .boilerplate("notes"))
        XCTAssertEqual(label("[2] Invoice TP-1, paid 2023.", page), .boilerplate("notes"))
    }

    func testNumberedListWithoutMarkersInTheBodyStays() {
        // No "[1]" in the text above: a bracket-numbered list is the story's own.
        let page = "Steps\n\n\(para1)\n\n\(para2)\n\n[1] First, switch off the mains supply at the box before you start.\n[2] Then remove the old fitting carefully and keep the screws.\n"
        let a = parse(page)
        XCTAssertTrue(a.paragraphs.contains { $0.text.hasPrefix("[1] First") })
    }

    func testBracketedAgencyPhotographerCaption() {
        let cap = "A freight train arrives at the border station on Sunday. (Example/Li Wen)"
        // The lead image's caption, above the first paragraph: the credit is the image's.
        let page = "Rail link opens\n\n\(cap)\n\n\(para1)\n\n\(para2)\n"
        let a = parse(page)
        XCTAssertEqual(a.imageCredit, "Example/Li Wen")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        // Further down, the caption is still not body.
        let mid = "Rail link opens\n\n\(para1)\n\n\(cap)\n\n\(para2)\n"
        XCTAssertEqual(label(cap, mid), .boilerplate("caption"))
        // Not a caption: numbers in the brackets.
        let ratio = "The vote was split almost evenly between the two sides of the chamber. (12/11)"
        let p2 = "Vote\n\n\(para1)\n\n\(ratio)\n\n\(para2)\n"
        XCTAssertNotEqual(label(ratio, p2), .boilerplate("caption"))
        XCTAssertNil(parse(p2).imageCredit)
    }

    func testDataAnalysisCreditIsNotAnAuthor() {
        let page = "Paid twice\n\nBy Ines Example\nMarch 3, 2024\nData analysis by Ruben Other\n\n\(para1)\n\n\(para2)\n"
        let a = parse(page)
        XCTAssertEqual(a.author, "Ines Example")
        XCTAssertEqual(label("Data analysis by Ruben Other", page), .boilerplate("credits"))
    }

    // MARK: - newsletter author

    func testBareNameAboveDateBackedByCopyrightFooter() {
        let page = "Beach without guards\n\n\(para1)\n\nTom Example\nMar 3, 2024\n\n\(para2)\n\n\(para3)\n\n© 2024 Tom Example\n"
        XCTAssertEqual(parse(page).author, "Tom Example")
        // Without the footer the bare name is not enough.
        let none = "Beach without guards\n\n\(para1)\n\nTom Example\nMar 3, 2024\n\n\(para2)\n\n\(para3)\n\n© 2024 Harbor Notes\n"
        XCTAssertNil(parse(none).author)
    }

    // MARK: - multilingual phrases

    func testReadAlsoAdvertSharePromptsInManyLanguages() {
        let lines = [
            ("Läs också: Ösmöborna kräver bro", "related"), ("Baca juga: Banjir rendam rumah warga", "related"),
            ("Читайте також: На Поділлі відновлюють мости", "related"), ("קראו עוד: תושבים נגד התוכנית", "related"),
            ("Czytaj też: Nowy most w mieście", "related"), ("Lees ook: De brug gaat dicht", "related"),
            ("Annons", "advert"), ("פרסומת", "advert"), ("Iklan", "advert"), ("Publicidad", "advert"), ("Werbung", "advert"),
            ("Bagikan:", "share"), ("Поділитися", "share"), ("שתפו", "share"), ("Kindly share this story:", "share"),
            ("Помітили помилку? Виділіть її та натисніть Ctrl+Enter.", "disclaimer"),
            ("Stay informed: Join The Example Times WhatsApp channel for breaking news. Click here to join.", "newsletter"),
            ("Simak berita pilihan langsung di ponselmu. Gabung ke WhatsApp Channel Contoh: klik di sini.", "newsletter"),
            ("Підписуйтеся на наш Telegram-канал, щоб першими дізнаватися новини.", "newsletter"),
            ("Thanks for reading Example Notes! Subscribe for free to receive new posts.", "newsletter"),
        ]
        for (line, kind) in lines {
            let page = "Title here\n\n\(para1)\n\n\(line)\n\n\(para2)\n\n\(para3)\n"
            XCTAssertEqual(label(line, page), .boilerplate(kind), line)
            XCTAssertEqual(parse(page).paragraphs.count, 3, line)
        }
    }

    func testSentencesMentioningTheAppsStayBody() {
        let s = "Traders said they had used WhatsApp groups to warn each other about the fire on Sunday."
        let t = "The ministry said it would publish the list on its Telegram channel and website."
        let u = "Officials urged residents to join the ministry's WhatsApp channel for updates on the repairs."
        let v = "Data analysis by the council found that 38 invoices had been paid twice since 2021."
        let w = "Para comentar la situación, el ministro convocó a los intendentes de la región."
        let page = "Title here\n\n\(para1)\n\n\(s)\n\n\(t)\n\n\(u)\n\n\(v)\n\n\(w)\n\n\(para2)\n"
        for x in [s, t, u, v, w] { XCTAssertEqual(label(x, page), .paragraph, x) }
        XCTAssertEqual(parse(page).paragraphs.count, 7)
    }

    func testBylinesInMoreLanguages() {
        for (line, name) in [("Penulis: Rina Contoh | Editor: Dimas Lain", "Rina Contoh"), ("Авторка: Олена Приклад", "Олена Приклад"),
                             ("מאת נועה דוגמה", "נועה דוגמה"), ("Av Karin Exempel", "Karin Exempel")] {
            let page = "Title here\n\n\(line)\n\n\(para1)\n\n\(para2)\n"
            XCTAssertEqual(parse(page).author, name, line)
        }
    }

    func testTagsAndCommentFormInMoreLanguages() {
        let page = "Title here\n\n\(para1)\n\n\(para2)\n\nתגיות: תחבורה, עסקים קטנים\n"
        XCTAssertEqual(parse(page).tags, ["תחבורה", "עסקים קטנים"])
        let form = "Title here\n\n\(para1)\n\n\(para2)\n\nComentarios\n\nPara comentar, ingresá con tu cuenta.\n"
        XCTAssertEqual(parse(form).comments.count, 0)
    }
}
