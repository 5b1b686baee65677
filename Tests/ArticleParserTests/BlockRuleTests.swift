// The rules that carried the parser to the holdout2 layouts, each on a page
// written for the test (other words, other sites): boxes of "Label: value"
// lines, organisations' self-descriptions, interview speaker labels, sponsor,
// appeal and gallery blocks, press-release and print-edition furniture, life
// dates and publisher lines, guest books, more date and label languages.

import XCTest
import ArticleModel
@testable import ArticleParser

final class BoxRuleTests: XCTestCase {
    func testLabelValueBoxAboveTheProseIsMeta() {
        let page = """
            Title of the story

            By Jane Doe
            March 3, 2024

            Bill: HB 2217, Water Storage Act
            Sponsor: Rep. Alma Ruiz
            Status: Passed the House 61-37
            Next step: Senate committee hearing
            Full text (PDF)

            \(para1)

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.published, "2024-03-03")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(block("Status: Passed the House 61-37", in: blocks(page))?.label, .boilerplate("meta"))
        XCTAssertEqual(block("Full text (PDF)", in: blocks(page))?.label, .boilerplate("meta"))
    }

    func testBoxKeepsItsDateLine() {
        let page = "Title\n\nVenue: Old Harbour Hall\nDate: April 9, 2024\nTickets: £12 on the door\n\n\(para1)\n\n\(para2)\n"
        let a = parse(page)
        XCTAssertEqual(a.published, "2024-04-09")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }

    func testInterviewSpeakerLinesAreNotBoxesOrHeadings() {
        let page = """
            Title

            \(para1)

            Q: Why did you leave the ministry?

            A: Because the work had moved elsewhere, and I wanted to follow it.

            Q: What comes next?

            MARSH: Years of patient work, mostly out of sight.
            """
        let a = parse(page)
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        XCTAssertEqual(a.paragraphs.count, 5)
        XCTAssertEqual(a.paragraphs[1].text, "Q: Why did you leave the ministry?")
    }

    func testTranscriptOfLongLabelledLinesIsBody() {
        let l1 = "Moderator: We are here to talk about the budget and what it means for schools in the county next year."
        let l2 = "Treasurer: It means fewer new hires than we hoped, and a longer wait for the repairs that the buildings need."
        let l3 = "Moderator: And what do you say to parents who feel they were not consulted before the vote took place?"
        let a = parse("Title\n\n\(para1)\n\n\(l1)\n\(l2)\n\(l3)\n\n\(para2)\n")
        XCTAssertTrue(a.paragraphs.map(\.text).contains(l2), "\(a.paragraphs.map(\.text))")
    }
}

final class BioOwnerTests: XCTestCase {
    func testOrganisationDescribingItselfIsNotABio() {
        for org in ["Riverside Food Trust is a registered charity in England and Wales (1187654).",
                    "The Institute is an independent research body funded by its members.",
                    "NewsCheck is a verified signatory of the fact-checkers’ code of principles."] {
            let a = parse("Title\n\n\(para1)\n\n\(para2)\n\nShare this story\nFacebook\nEmail\n\n\(org)\nContact us | Privacy policy\n")
            XCTAssertNil(a.authorBio, org)
            XCTAssertNil(a.author, org)
            XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2], org)
        }
    }

    func testPersonWithRoleIsStillABio() {
        let bio = "Maria Lopez is a reporter covering housing and transport for the paper."
        let a = parse("Title\n\n\(para1)\n\n\(para2)\n\n\(bio)\n")
        XCTAssertEqual(a.authorBio, bio)
        XCTAssertEqual(a.author, "Maria Lopez")
    }
}

final class BlockKindTests: XCTestCase {
    func testSponsorBlockInsideASection() {
        let page = """
            Title

            \(para1)

            SPONSORED BY BRIGHTLINE
            Brightline tracks every parcel from the depot to the door. Try it free for two weeks.
            Learn more →

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.sections.count, 1)
    }

    func testAppealAndSignUpBlocksBetweenParagraphs() {
        let page = """
            Title

            \(para1)

            Donate today
            £10 could buy school books for a child for a whole term.
            Give monthly

            \(para2)

            Get stories from our teams
            Enter your email
            Sign up

            \(para3)
            """
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2, para3])
    }

    func testGalleryBlockWithCounterAndCaption() {
        let page = "Title\n\n\(para1)\n\nGallery\n3 of 9\nFishing boats drawn up on the beach at dawn.\nSwipe for more\n\nOn the coast\n\n\(para2)\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "On the coast"])
    }

    func testLabelLineGivesItsKindToTheLinesUnderIt() {
        let page = "Title\n\n\(para1)\n\n\(para2)\n\nStory Source:\nMaterials provided by Lakeside University. Content may be edited for length.\n\nJournal Reference:\nA. Author, B. Author. A study of lakes. Lake Letters, 2024; 3 (1): 10.\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2])
    }
}

final class PressAndPrintTests: XCTestCase {
    func testAboutTheCompanyEndsARelease() {
        let page = """
            Title

            News provided by
            Halvard Foods Ltd.
            Jan 9, 2024, 07:00 ET

            \(para1)

            \(para2)

            About Halvard Foods

            Halvard Foods makes frozen meals for schools and hospitals in six countries.

            Forward-Looking Statements

            This release contains forward-looking statements that involve risks and uncertainties.

            Media Contact:
            Ines Berg
            press@halvard.example
            """
        let a = parse(page)
        XCTAssertEqual(a.published, "2024-01-09")
        XCTAssertNil(a.author)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }

    func testAboutHeadingInsideTheStoryStaysBody() {
        let a = parse("Title\n\n\(para1)\n\nAbout the study\n\n\(para2)\n\n\(para3)\n")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "About the study"])
    }

    func testPrintJumpsIndexAndSecondStory() {
        let page = """
            Title

            By Jane Doe
            Gazette Staff Writer

            \(para1)

            Continued on B3

            TODAY
            Letters A9
            Business B1
            Comics C4

            BRIDGE, from A1

            \(para2)

            Library hours to expand this spring

            By John Roe

            \(para3)

            See LIBRARY, A6
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        let bs = blocks(page)
        XCTAssertEqual(block("Continued on B3", in: bs)?.label, .boilerplate("jump"))
        XCTAssertEqual(block("Business B1", in: bs)?.label, .boilerplate("index"))
    }

    func testPageHeaderLineIsMeta() {
        let a = parse("Title\n\n\(para1)\n\nB3 | THE VALLEY GAZETTE | Monday, May 6, 2024\n\n\(para2)\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }

    func testFooterMenuIsNotJoinedWithTheCopyrightLine() {
        let page = "Title\n\n\(para1)\n\n\(para2)\n\nAbout Us | Our Staff | Write for Us | Advertise | Privacy Policy | Terms\nCopyright 2024 The Valley Gazette. All material is for personal use only.\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2])
    }
}

final class ObituaryTests: XCTestCase {
    func testLifeDatesAreNotTheDatelinePublisherLineIs() {
        let page = """
            Harold Briggs Obituary

            Harold James Briggs
            March 2, 1941 – February 20, 2024

            \(para1)

            \(para2)

            Published by The Valley Gazette on Feb. 24, 2024.

            Send Flowers
            Plant a Tree

            Sign the Guest Book

            Guest Book (2 entries)

            Ann Moore
            February 25, 2024
                Harold taught me to fish. I will never forget his patience.

            Tom Reyes
            February 26, 2024
                Our thoughts are with the whole Briggs family.
            """
        let a = parse(page)
        XCTAssertEqual(a.published, "2024-02-24")
        XCTAssertNil(a.author)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.comments.count, 2)
    }

    func testDateRangeIsNotADateline() {
        let s = "June 3, 1938 – January 9, 2024"
        var t = s
        let r = t.withUTF8 { MetaLines.dateLine($0, 0, $0.count) }
        XCTAssertNil(r)
    }
}

final class MoreLanguageTests: XCTestCase {
    func testJapaneseDateWithHoursAndMinutes() {
        let a = parse("見出し\n\n2024年6月3日 17時20分\n\n\(para1)\n")
        XCTAssertEqual(a.published, "2024-06-03")
        XCTAssertEqual(DateNormalizer.normalize("2024年6月3日 17時20分"), "2024-06-03")
    }

    func testTurkishLabels() {
        let page = """
            Başlık

            Yazar: Ayşe Demir
            Giriş: 02.07.2024 10:05 | Güncelleme: 02.07.2024 12:00

            Fotoğraf: Anadolu Haber

            \(para1)

            Reklam

            \(para2)

            İlgili Haber: Başka bir haber başlığı

            Etiketler: ekonomi, tarım

            Yorumlar (1)

            ali_06 · 5 saat önce
                Çok güzel bir haber olmuş.
            Beğen (3) · Yanıtla

            Tüm yorumları göster
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "Ayşe Demir")
        XCTAssertEqual(a.published, "2024-07-02")
        XCTAssertEqual(a.imageCredit, "Anadolu Haber")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.tags, ["ekonomi", "tarım"])
        XCTAssertEqual(a.comments.map(\.text), ["Çok güzel bir haber olmuş."])
    }

    func testCaptionEndingInCreditSentence() {
        let a = parse("Title\n\nDate: March 7, 2024\n\nDivers survey the reef off the northern cape. Credit: Ola Berg / Reef Institute\n\n\(para1)\n")
        XCTAssertEqual(a.imageCredit, "Ola Berg / Reef Institute")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testJapaneseDateWithWeekday() {
        let a = parse("見出し\n\n2024年6月3日（月）17:20\n\n\(para1)\n")
        XCTAssertEqual(a.published, "2024-06-03")
    }
}

final class VariantTests: XCTestCase {
    func testSponsorPhraseStartingASentenceStaysBody() {
        let s = "Presented by the mayor at Tuesday’s meeting, the plan drew applause and some pointed questions."
        XCTAssertEqual(parse("Title\n\n\(para1)\n\n\(s)\n\n\(para2)\n").paragraphs.map(\.text), [para1, s, para2])
    }

    func testInterviewWithPeriodLabels() {
        let a = parse("Title\n\n\(para1)\n\nQ. Where did the idea come from?\n\nA. From a night shift in a flooded depot.\n\nQ. And now?\n\nA. Now we build.\n")
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        XCTAssertEqual(a.paragraphs.count, 5)
    }

    func testAboutHeadingWithColonAndFoundedParagraph() {
        let page = "Title\n\n\(para1)\n\n\(para2)\n\nAbout Nordvik Shipping:\n\nFounded in 1921, Nordvik runs 40 vessels between Scandinavia and the Baltic.\n\nContact: press@nordvik.example\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2])
    }

    func testCondolencesAreComments() {
        let page = "Title\n\n\(para1)\n\n\(para2)\n\nCondolences (2)\n\nAnn Moore\nMay 2, 2024\n    She was the kindest neighbour.\n\nTom Reyes\nMay 3, 2024\n    Thinking of you all.\n"
        let a = parse(page)
        XCTAssertEqual(a.comments.count, 2)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }
}
