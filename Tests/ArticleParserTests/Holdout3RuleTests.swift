// The rules that carried the parser to the holdout3 layouts, each on a page
// written for the test (other words, other sites), with counter-cases that
// must stay body: shaped boxes (results tables, chapter indexes, review
// summary boxes), pull quotes, transcript lines, a story pasted under a post,
// correction notes, bylines with an e-mail address, "사진=" credits, Dutch and
// production-note phrases.

import XCTest
import ArticleModel
@testable import ArticleParser

final class Holdout3RuleTests: XCTestCase {
    func label(_ text: String, _ page: String) -> BlockLabel? { block(text, in: blocks(page))?.label }

    // MARK: - shaped boxes

    func testResultsTableBlockIsBoilerplateAndHeadingSurvives() {
        let page = """
            Title

            \(para1)

            Turnout rises

            County Board, Ward 2
            Name | Votes | Share
            Lena Brandt | 3,210 | 61.2%
            Oskar Pahl | 2,034 | 38.8%
            97% of votes counted

            \(para2)

            \(para3)
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Turnout rises"])
        XCTAssertEqual(label("Name | Votes | Share", page), .boilerplate("table"))
        XCTAssertEqual(label("County Board, Ward 2", page), .boilerplate("table"))
    }

    func testSentenceNextToTableRowsStaysBody() {
        // A sentence in the block keeps the block out of the table test.
        let lead = "The final count, released on Friday, was close."
        let page = "Title\n\n\(para1)\n\n\(lead)\nLena Brandt | 3,210 | 61.2%\nOskar Pahl | 2,034 | 38.8%\n\n\(para2)\n"
        XCTAssertEqual(label(lead, page), .paragraph)
    }

    func testMenuLinesWithoutNumbersAreNotATable() {
        let page = "Title\n\n\(para1)\n\nNews | Sport | Culture\nWeather | Travel | Jobs\n\n\(para2)\n"
        XCTAssertNotEqual(label("News | Sport | Culture", page), .boilerplate("table"))
    }

    func testChapterIndexIsBoilerplate() {
        let page = """
            Title

            \(para1)

            Chapters
            00:00 Welcome
            04:12 The harbour in winter
            1:02:30 What comes next

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(label("04:12 The harbour in winter", page), .boilerplate("index"))
    }

    func testLiveBlogTimesOverParagraphsStayHeadings() {
        let page = "Title\n\n\(para1)\n\n10:32 Police close the bridge\n\n\(para2)\n\n11:05 Bridge reopens\n\n\(para3)\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "10:32 Police close the bridge", "11:05 Bridge reopens"])
    }

    func testReviewSummaryBoxIsBoilerplate() {
        let page = """
            Title

            By Jane Doe
            May 2, 2024

            The verdict
            Rating: 4/5
            Pros
            + Quiet motor
            + Long warranty
            Cons
            - Small basket

            \(para1)

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(label("+ Quiet motor", page), .boilerplate("review"))
    }

    func testProsAndConsWithSentencesStayBody() {
        let good = "Pros: the motor is quiet and the warranty runs for five years."
        let bad = "Cons: the basket is small, and the lid does not lock."
        let page = "Title\n\n\(para1)\n\n\(good)\n\(bad)\n\n\(para2)\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, good, bad, para2])
    }

    // MARK: - pull quotes and transcripts

    func testRepeatedQuoteLineIsAPullQuote() {
        let body = "The plan has critics. Nobody builds a harbour for one winter, she said, and the council agreed."
        let page = "Title\n\n\(para1)\n\n\u{201C}Nobody builds a harbour for one winter.\u{201D}\n\n\(body)\n\n\(para2)\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, body, para2])
        XCTAssertEqual(label("\u{201C}Nobody builds a harbour for one winter.\u{201D}", page), .boilerplate("pullquote"))
    }

    func testQuoteNotRepeatedStaysBody() {
        let quote = "\u{201C}Nobody builds a harbour for one winter.\u{201D}"
        let page = "Title\n\n\(para1)\n\n\(quote)\n\n\(para2)\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, quote, para2])
    }

    func testTimestampedTranscriptLinesAreParagraphsNotHeadings() {
        let q = "[03:05] Maya Okonjo: And nobody noticed this before?"
        let a1 = "[03:09] Callum Reid: Oh, people noticed. I wrote to them about it in 2019."
        let page = "Title\n\n\(para1)\n\nTranscript\n\n\(q)\n\n\(a1)\n"
        let a = parse(page)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Transcript"])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, q, a1])
    }

    // MARK: - a story pasted under a post

    func testHeadlineRepeatedAboveItsBylineRestartsTheArticle() {
        let page = """
            Council votes to close the pier

            Council votes to close the pier
            News
            example-gazette.co.uk/news/pier
            Full text for anyone without a subscription:

            Council votes to close the pier
            By Mairead Colley, Example Gazette
            3 March 2024

            \(para1)

            \(para2)
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "Mairead Colley")
        XCTAssertEqual(a.published, "2024-03-03")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }

    func testHeadlineRepeatedWithoutBylineDoesNotDropText() {
        // The headline quoted again inside the story (no byline under it): nothing before it is dropped.
        let page = "Council votes to close the pier\n\nCouncil votes to close the pier\n\n\(para1)\n\n\(para2)\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2])
    }

    // MARK: - lines and phrases

    func testCorrectionNoteIsBody() {
        let c = "Correction: An earlier version of this article gave the wrong year. The hall opened in 1913."
        let page = "Title\n\nBy Jane Doe\n\n\(para1)\n\n\(para2)\n\n\(c)\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2, c])
    }

    func testKoreanBylineWithEmailAndCaptionCredit() {
        let body1 = "해담시가 올여름 해수욕장의 개장 시간을 밤 9시까지 연장한다. 지난해까지는 오후 6시 이후 입수가 통제됐다."
        let body2 = "시는 3일 이런 내용을 담은 운영 계획을 발표했다. 해수욕장은 다음 달 1일 문을 연다."
        let page = """
            해수욕장 야간 개장 연장

            김서연 기자 seoyeon.kim@example.kr
            입력 2024.06.03 10:12

            해 질 녘 해변을 걷는 피서객들. 사진=한빛일보 DB

            \(body1)

            \(body2)
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "김서연")
        XCTAssertEqual(a.imageCredit, "한빛일보 DB")
        XCTAssertEqual(a.paragraphs.map(\.text), [body1, body2])
    }

    func testEmailAfterANonNameIsNotAByline() {
        // Only a name before the address makes a byline: "By the pier ... x@y" stays what it was.
        let s = "Reporters on the ground at the pier tips@example.org"
        XCTAssertNotEqual(label(s, "Title\n\n\(para1)\n\n\(s)\n\n\(para2)\n"), .byline)
        let k = "김서연 기자 seoyeon.kim@example.kr"
        XCTAssertEqual(label(k, "Title\n\n\(k)\n\n\(para1)\n\n\(para2)\n"), .byline)
    }

    func testDutchReadAlsoAndAdvertLines() {
        let page = "Titel\n\n\(para1)\n\nLees ook: Fietsers krijgen eigen strook\n\n\(para2)\n\nAdvertentie\n\nKritiek van ondernemers\n\n\(para3)\n"
        let a = parse(page)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Kritiek van ondernemers"])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
        XCTAssertEqual(label("Lees ook: Fietsers krijgen eigen strook", page), .boilerplate("related"))
    }

    func testProductionNotesAreBoilerplate() {
        for note in ["This story was translated from Spanish. Read the original version.",
                     "This story was produced with support from the Calloway Fund for Health Reporting.",
                     "When you purchase through links on our site, we may earn an affiliate commission.",
                     "Got a story? Email newsdesk@example.co.uk or message us on WhatsApp."] {
            let page = "Title\n\n\(para1)\n\n\(para2)\n\n\(note)\n"
            XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2], note)
        }
        // A sentence about translation in the story stays body.
        let s = "The novel was translated from Spanish by her daughter, who still lives in the town."
        XCTAssertEqual(parse("Title\n\n\(para1)\n\n\(s)\n\n\(para2)\n").paragraphs.map(\.text), [para1, s, para2])
    }
}
