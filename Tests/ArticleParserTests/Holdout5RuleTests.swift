// The rules that carried the parser to the holdout5 layouts, each on a page
// written for the test (other words, other sites), with counter-cases that
// must stay body: a comments link in the story's head, furniture lines between
// paragraphs, registration walls, "*x*" rules, rubric bylines, caption credits
// ("(Outlet: Name)", "— Agency", "Photo by X / Outlet"), one-line indented
// comments, Greek/Catalan/Malay dates and multilingual bylines, tags, share,
// read-also and update lines.

import XCTest
import ArticleModel
@testable import ArticleParser

final class Holdout5RuleTests: XCTestCase {
    func label(_ text: String, _ page: String) -> BlockLabel? { block(text, in: blocks(page))?.label }

    // MARK: - recall: furniture in the head and between paragraphs

    func testCommentsLinkInTheHeadDoesNotEndTheBody() {
        let page = """
            Council weighs cuts after snow budget overrun

            A short dek about what the council will decide next week and why.

            By Ann Example
            Published Mar 12, 2024

            Join the conversation

            Article content

            \(para1)

            Advertisement 2

            \(para2)

            Article content

            \(para3)
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "Ann Example")
        XCTAssertEqual(a.published, "2024-03-12")
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertEqual(a.paragraphs.map(\.text).suffix(3), [para1, para2, para3])
        XCTAssertFalse(a.paragraphs.contains { $0.text == "Article content" || $0.text == "Advertisement 2" })
    }

    func testCommentsHeaderAfterTheStoryStillEndsIt() {
        // Counter-case: the same header after the story, with readers' text under it.
        let page = """
            Title

            \(para1)

            \(para2)

            Join the conversation

            I think this is a very good idea and the council should do it soon.

            Nonsense, the council never listens to anyone about anything at all.
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.comments.count, 2)
    }

    func testRegistrationWallEndsTheVisibleStory() {
        let page = """
            Feeder operator orders four vessels

            \(para1)

            \(para2)

            “We are pleased with the terms, which were good enough for us to commit,” she said.

            Register to read more

            Get free access to this article and three more stories each month by registering.
            Register now

            Already have an account? Sign in
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.count, 3)
        XCTAssertEqual(a.paragraphs.last?.text.hasSuffix("she said."), true)
    }

    func testStarRulesMatchInsideLongerLines() {
        // "*x*" rules were skipped by a second-byte shortcut meant for literal-first rules.
        let page = """
            Title

            \(para1)

            Get the morning briefing delivered to your inbox every day

            \(para2)
            """
        XCTAssertEqual(label("Get the morning briefing delivered to your inbox every day", page), .boilerplate("newsletter"))
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2])
    }

    func testCommentPolicyIsNotAComment() {
        let page = """
            Title

            \(para1)

            Comments

            Postmedia is committed to maintaining a lively but civil forum for discussion. Please keep comments relevant and respectful.
            """
        XCTAssertTrue(parse(page).comments.isEmpty)
    }

    // MARK: - bylines

    func testRubricBeforeByline() {
        let page = """
            Farmers count cost of second flood

            Rural / By Jarrah Example
            Posted Tue 5 Mar 2024 at 5:12am

            \(para1)
            """
        XCTAssertEqual(parse(page).author, "Jarrah Example")
        // Counter-case: "Opinion / Bystanders" is no byline.
        let page2 = """
            Farmers count cost of second flood

            News / Bystanders

            \(para1)
            """
        XCTAssertNil(parse(page2).author)
    }

    func testMultilingualBylines() {
        for (line, name) in [("Per Marta Example", "Marta Example"), ("Oleh Nurul Example", "Nurul Example"),
                             ("Συντάκτης: Ελένη Παπαδοπούλου", "Ελένη Παπαδοπούλου")] {
            let page = "Title\n\n\(line)\n\n\(para1)\n\n\(para2)"
            XCTAssertEqual(parse(page).author, name, line)
        }
        // Counter-case: a sentence starting with "Per" stays body.
        let page = "Title\n\n\(para1)\n\nPer capita spending rose by a third over the decade, the report said.\n"
        XCTAssertNil(parse(page).author)
        XCTAssertEqual(parse(page).paragraphs.count, 2)
    }

    // MARK: - dates

    func testGreekCatalanMalayDates() {
        XCTAssertEqual(DateNormalizer.normalize("14 Μαρτίου 2024, 10:35"), "2024-03-14")
        XCTAssertEqual(DateNormalizer.normalize("9 d’abril del 2024 · 08:15"), "2024-04-09")
        XCTAssertEqual(DateNormalizer.normalize("9 d'octubre de 2023"), "2023-10-09")
        XCTAssertEqual(DateNormalizer.normalize("13 Mac 2024, 11:20 pagi"), "2024-03-13")
        XCTAssertEqual(DateNormalizer.normalize("5 Julai 2023"), "2023-07-05")
        // Counter-case: "d" alone is no month word.
        XCTAssertNil(DateNormalizer.normalize("d 2024"))
    }

    func testPlaceBeforeDateAndUpdateLines() {
        let page = """
            Title

            Per Marta Example
            Vic, 9 d’abril del 2024 · 08:15

            Actualitzat: 10 d’abril del 2024 · 13:40

            \(para1)
            """
        let a = parse(page)
        XCTAssertEqual(a.published, "2024-04-09")
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        let ms = "Title\n\nOleh Nurul Example\n13 Mac 2024, 11:20 pagi\n\nDikemaskini 14 Mac 2024, 3:05 petang\n\n\(para1)"
        XCTAssertEqual(parse(ms).published, "2024-03-13")
        // Counter-case: a sentence with a place and a date is not a dateline.
        let body = "Title\n\n\(para1)\n\nThe mayor of Vic, on 9 April 2024, said the plan would go ahead.\n"
        XCTAssertEqual(parse(body).paragraphs.count, 2)
    }

    // MARK: - image credits

    func testCaptionCredits() {
        let a = parse("Title\n\nFences were swept away near the river. (Southern Cross News: Ellie Example)\n\n\(para1)")
        XCTAssertEqual(a.imageCredit, "Southern Cross News: Ellie Example")
        let b = parse("Title\n\nA plow clears the drive after the storm. Photo by Devon Example / The Sentinel\n\n\(para1)")
        XCTAssertEqual(b.imageCredit, "Devon Example / The Sentinel")
        let c = parse("Title\n\nFarmers harvest wheat near the city. — Online\n\n\(para1)")
        XCTAssertEqual(c.imageCredit, "Online")
        let d = parse("Title\n\nPenduduk membersihkan rumah selepas banjir. - Foto Faizal Example\n\n\(para1)")
        XCTAssertEqual(d.imageCredit, "Faizal Example")
        // Counter-cases: a "Foto Galeri" link is no credit; a body paragraph ending in
        // "— AFP" and a bracket with a date stay body.
        XCTAssertNil(parse("Title\n\nFoto Galeri\n\n\(para1)\n\n\(para2)").imageCredit)
        let wire = "The talks will resume next week, officials from both sides said on Friday. — AFP"
        let e = parse("Title\n\n\(para1)\n\n\(wire)")
        XCTAssertEqual(e.paragraphs.map(\.text), [para1, wire])
        XCTAssertNil(e.imageCredit)
        let note = "The meeting was adjourned until the spring, when the review is due. (Update: 10 March)"
        XCTAssertEqual(parse("Title\n\n\(para1)\n\n\(note)").paragraphs.count, 2)
    }

    // MARK: - comments

    func testOneLineIndentedComments() {
        let page = """
            Title

            \(para1)

            Comments (2)

            Closed
                Good step, but the real issue is storage. Half of it was damaged.
                Centres should open in the first week of April, harvest starts earlier there.
            """
        XCTAssertEqual(parse(page).comments.count, 2)
        // Counter-case: one comment wrapped over two lines stays one.
        let wrapped = """
            Title

            \(para1)

            Comments (1)

            Closed
                Good step, but the real issue is storage, and half of what was
                procured last year was damaged before it reached the mills.
            """
        XCTAssertEqual(parse(wrapped).comments.count, 1)
    }

    func testNumberedHeadlinesWithoutHeaderAreNotComments() {
        let page = """
            Title

            \(para1)

            \(para2)

            Hot this week
            1. Highway reopens after overnight closure near the falls
            2. Man charged after break-ins at three cottages
            3. Miners clinch playoff spot
            """
        let a = parse(page)
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        // Counter-case: numbered sentences under a comments header stay comments.
        let page2 = """
            Title

            \(para1)

            3 Comments

            1. I agree with the council on this one.
            2. Great reporting, thank you.
            3. Nobody asked the residents
            """
        XCTAssertEqual(parse(page2).comments.count, 3)
    }

    // MARK: - multilingual furniture

    func testGreekFurnitureAndTags() {
        let page = """
            Τίτλος

            Κοινοποίηση

            \(para1)

            Διαβάστε επίσης: Νέα μέτρα για τη στέγαση

            \(para2)

            Ετικέτες: Θεσσαλονίκη, φοιτητές
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.tags, ["Θεσσαλονίκη", "φοιτητές"])
        XCTAssertEqual(a.sections.map(\.heading), [nil])
    }

    func testShareAndReadAlsoLines() {
        for line in ["Kindly share this article", "Kongsi artikel", "Compartir a:", "BACA JUGA: Amaran hujan lebat",
                     "Llegiu també: Osona registra el març més sec", "READ: Power firm posts profit",
                     "Most Read in Ireland", "Sign up for push alerts and have the best news"] {
            let page = "Title\n\n\(para1)\n\n\(line)\n\n\(para2)\n\n\(para3)"
            XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2, para3], line)
            XCTAssertEqual(parse(page).sections.map(\.heading), [nil], line)
        }
    }
}
