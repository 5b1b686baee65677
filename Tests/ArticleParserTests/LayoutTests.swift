// Small pages, one rule of the text reader each.

import XCTest
import ArticleModel
@testable import ArticleParser

final class HeaderTests: XCTestCase {
    func testTitleAndRepeatedHeadline() {
        let bs = blocks("Big News Today\n\nBig News Today\nJohn Smith / AP\n\n\(para1)\n")
        XCTAssertEqual(bs.map(\.label), [.title, .ignored, .imageCredit, .paragraph])
        XCTAssertEqual(bs[2].value, "John Smith / AP")
        XCTAssertEqual(bs[2].line, 4)
    }

    func testCreditForms() {
        let cases: [(String, String)] = [
            ("MaoNo / Pixabay", "MaoNo / Pixabay"),
            ("AP Photo/Evan Vucci", "AP Photo/Evan Vucci"),
            ("Photo: Reuters", "Reuters"),
            ("Image: NASA/JPL", "NASA/JPL"),
            ("Credit: Jane Doe for The New York Times", "Jane Doe for The New York Times"),
            ("Public Domain", "Public Domain"),
            ("(Photo by Drew Angerer/Getty Images)", "Drew Angerer/Getty Images"),
            ("President Biden speaks in Washington. (Photo by Drew Angerer/Getty Images)", "Drew Angerer/Getty Images"),
            ("Photo by Jane Doe on Unsplash", "Jane Doe on Unsplash"),
        ]
        for (line, want) in cases {
            let a = parse("Headline Here\n\n\(line)\n\n\(para1)\n")
            XCTAssertEqual(a.imageCredit, want, line)
            XCTAssertEqual(a.paragraphs.map(\.text), [para1], line)
        }
    }

    func testBylines() {
        let cases: [(String, String)] = [
            ("By Jane Doe", "Jane Doe"),
            ("by Jane Doe", "Jane Doe"),
            ("BY JANE DOE", "JANE DOE"),
            ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
            ("By Jane Doe, John Roe and Ann Poe", "Jane Doe, John Roe and Ann Poe"),
            ("By JANE DOE, Reuters", "JANE DOE"),
            ("By Jane Doe, Staff Writer", "Jane Doe"),
            ("By Jane Doe for The Guardian", "Jane Doe"),
            ("By Jean-Luc O'Brien", "Jean-Luc O'Brien"),
            ("By Ludwig van Beethoven", "Ludwig van Beethoven"),
            ("Written by Jane Doe", "Jane Doe"),
            ("Author: Jane Doe", "Jane Doe"),
            ("Posted by admin", "admin"),
        ]
        for (line, want) in cases {
            let a = parse("Headline Here\n\n\(line)\n\n\(para1)\n")
            XCTAssertEqual(a.author, want, line)
            XCTAssertEqual(a.paragraphs.map(\.text), [para1], line)
        }
    }

    func testBylineSentencesStayBody() {
        let s = "By the end of the year, the company expects to hire 200 people."
        let a = parse("Headline Here\n\n\(s)\n\n\(para1)\n")
        XCTAssertNil(a.author)
        XCTAssertEqual(a.paragraphs.map(\.text), [s, para1])
        // A "By ..." heading inside the body is a heading.
        let b = parse("Headline\n\n\(para1)\n\n\(para2)\n\nBy The Numbers\n\n\(para3)\n")
        XCTAssertNil(b.author)
        XCTAssertEqual(b.sections.map(\.heading), [nil, "By The Numbers"])
    }

    func testBylineAndDateOnOneLine() {
        for line in ["By Jane Doe | March 14, 2024", "By Jane Doe, Updated March 14, 2024",
                     "Posted by Jane Doe on March 14, 2024, 10:12 am", "March 14, 2024 · By Jane Doe",
                     "By Jane Doe — Mar 14, 2024"] {
            let bs = blocks("Headline Here\n\n\(line)\n\n\(para1)\n")
            let a = ArticleBuilder.build(source: "t", format: "text", blocks: bs)
            XCTAssertEqual(a.author, "Jane Doe", line)
            XCTAssertEqual(a.published, "2024-03-14", line)
            XCTAssertEqual(a.paragraphs.count, 1, line)
            XCTAssertEqual(bs.filter { $0.line == 3 }.count, 2, line)
        }
    }

    func testDateForms() {
        let cases: [(String, String)] = [
            ("March 14, 2024", "2024-03-14"),
            ("14 March 2024", "2024-03-14"),
            ("2024-03-14", "2024-03-14"),
            ("Mar 3, 2016, 10:12 am", "2016-03-03"),
            ("Updated on March 3, 2016", "2016-03-03"),
            ("Published: Thursday, March 14, 2024 10:12 AM EDT", "2024-03-14"),
            ("Sept. 5, 2019", "2019-09-05"),
            ("Last updated: 2019-09-05T08:00:00Z", "2019-09-05"),
        ]
        for (line, want) in cases {
            let bs = blocks("Headline Here\n\n\(line)\n\n\(para1)\n")
            XCTAssertEqual(bs[1].label, .date, line)
            XCTAssertEqual(bs[1].value, want, line)
            XCTAssertEqual(bs[1].rule, "date: dateline", line)
        }
    }

    func testUpdatedOnWithoutDate() {
        let a = parse("Headline Here\n\nUpdated on\n\n\(para1)\n")
        XCTAssertNil(a.published)
        XCTAssertEqual(a.boilerplate.map { [$0.kind, $0.text] }, [["meta", "Updated on"]])
    }

    func testDatelineDashParagraphIsBody() {
        let s = "Sept. 5, 2019 — Officials announced the closure of the bridge for repairs."
        let a = parse("Headline Here\n\n\(s)\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [s])
    }

    func testSentenceWithDateIsBody() {
        let s = "On March 14, 2024, the council voted to close the library."
        let a = parse("Headline Here\n\n\(s)\n")
        XCTAssertNil(a.published)
        XCTAssertEqual(a.paragraphs.map(\.text), [s])
    }

    func testFurnitureAboveTitle() {
        let a = parse("Skip to content\n\nHome » World » Asia\n\nAdvertisement\n\nThe Real Title\n\n\(para1)\n")
        XCTAssertEqual(a.title, "The Real Title")
        XCTAssertEqual(a.boilerplate.map(\.kind), ["widget", "breadcrumb", "advert"])
    }
}

final class BodyTests: XCTestCase {
    func testNoHeadings() {
        let a = parse("Title\n\n\(para1)\n\n\(para2)\n\n\(para3)\n")
        XCTAssertEqual(a.sections.count, 1)
        XCTAssertNil(a.sections[0].heading)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2, para3])
    }

    func testTitleAndOneParagraph() {
        let a = parse("Only A Title\n\nAnd a single short paragraph.")
        XCTAssertEqual(a.title, "Only A Title")
        XCTAssertEqual(a.paragraphs.map(\.text), ["And a single short paragraph."])
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertFalse(a.commentsClosed)
    }

    func testTitleOnlyAndEmpty() {
        XCTAssertEqual(parse("Just A Title\n").title, "Just A Title")
        XCTAssertEqual(parse("Just A Title\n").sections, [])
        XCTAssertNil(parse("").title)
        XCTAssertNil(parse("\n\n  \n").title)
    }

    func testHeadingsAndTextBeforeFirstHeading() {
        let a = parse("Title\n\n\(para1)\n\nFirst Part\n\n\(para2)\n\nWhat Comes Next?\n\n\(para3)\n")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "First Part", "What Comes Next?"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 1, 1])
    }

    func testShortLastLineIsParagraph() {
        let a = parse("Title\n\n\(para1)\n\nStay tuned\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, "Stay tuned"])
        XCTAssertEqual(a.sections.map(\.heading), [nil])
    }

    func testPromoMidSection() {
        let page = """
            Title

            Section One

            \(para1)

            Teaser Heading: Something Else Entirely

            This is the teaser text of another article, cut off in the middle of a sentence and Read More

            \(para2)

            Section Two

            \(para3)
            """
        let a = parse(page)
        XCTAssertEqual(a.sections.map(\.heading), ["Section One", "Section Two"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [2, 1])
        XCTAssertEqual(a.boilerplate.map(\.kind), ["promo", "promo"])
        let bs = blocks(page)
        XCTAssertEqual(block("Teaser Heading: Something Else Entirely", in: bs)?.rule,
                       "promo: teaser heading above a 'Read More' paragraph")
    }

    func testBoilerplateKinds() {
        let cases: [(String, String)] = [
            ("Play Quizzes 4", "widget"), ("No posts to display", "widget"),
            ("Advertisement", "advert"), ("ADVERTISEMENT", "advert"), ("Sponsored Content", "advert"),
            ("Related: Another Story Title", "related"), ("Also Read: Another Story", "related"),
            ("Read more: Another Story", "related"), ("Recommended", "related"),
            ("You may also like", "related"),
            ("Subscribe to our daily briefing", "newsletter"), ("Sign up for our newsletter", "newsletter"),
            ("Share this article", "share"), ("Facebook Twitter WhatsApp Email", "share"),
            ("Share | Tweet | Email | Print", "share"),
        ]
        for (line, kind) in cases {
            let a = parse("Title\n\n\(para1)\n\n\(line)\n\n\(para2)\n")
            XCTAssertEqual(a.boilerplate.map(\.kind), [kind], line)
            XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2], line)
        }
    }

    func testShareRun() {
        let a = parse("Title\n\nShare this article\nFacebook\nTwitter\nWhatsApp\nEmail\nPrint\n\n\(para1)\n")
        XCTAssertEqual(a.boilerplate.count, 6)
        XCTAssertTrue(a.boilerplate.allSatisfy { $0.kind == "share" })
    }

    func testHardWrappedParagraphsJoined() {
        let page = """
            Title

            This paragraph was wrapped at a fixed width of about seventy
            characters, as old mailing lists and some scrapers used to do, so
            every line breaks where the next word would not have fit anymore.

            Line one of a block
            Line two of a block
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.first?.text, "This paragraph was wrapped at a fixed width of about seventy characters, as old mailing lists and some scrapers used to do, so every line breaks where the next word would not have fit anymore.")
        XCTAssertEqual(a.paragraphs.count, 3)
        let bs = blocks(page)
        XCTAssertEqual(bs[1].rule, "paragraph: hard-wrapped lines joined")
        XCTAssertEqual(bs[1].line, 3)
    }

    func testOneSentencePerLineNotJoined() {
        let page = "Title\n\nThe first sentence stands on a line of its own here.\nThe second sentence also stands alone on its line.\n"
        XCTAssertEqual(parse(page).paragraphs.count, 2)
    }

    func testScriptsKeptExactly() {
        let ru = "Отношения между Россией и Китаем продолжают укрепляться, заявили официальные лица."
        let zh = "中国和俄罗斯的关系继续发展，双方签署了多项协议。"
        let nb = "Text with a non\u{A0}breaking space and “curly quotes” — kept."
        let a = parse("Москва и Пекин\n\n\(ru)\n\n\(zh)\n\n\(nb)\n")
        XCTAssertEqual(a.title, "Москва и Пекин")
        XCTAssertEqual(a.paragraphs.map(\.text), [ru, zh, nb])
    }

    func testSurroundingWhiteSpaceTrimmed() {
        let a = parse("  Title  \n\n\t\(para1)\u{A0} \n")
        XCTAssertEqual(a.title, "Title")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testPutinIsNotABio() {
        let s = "Vladimir Putin is a former KGB officer who has led Russia since 2000."
        let a = parse("Title\n\nBy Jane Doe\n\n\(para1)\n\n\(s)\n\n\(para2)\n")
        XCTAssertNil(a.authorBio)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, s, para2])
        // Even as the last paragraph before the navigation: no writer's role.
        let b = parse("Title\n\n\(para1)\n\n\(s)\n\nNext article Something\n")
        XCTAssertNil(b.authorBio)
        XCTAssertEqual(b.paragraphs.last?.text, s)
    }
}

final class TailTests: XCTestCase {
    func testAuthorBioInTail() {
        let bio = "Jane Doe is a reporter at the Daily Planet, where she covers science and health."
        let bs = blocks("Title\n\n\(para1)\n\n\(bio)\n\nTags: science, health\n")
        let b = block(bio, in: bs)
        XCTAssertEqual(b?.label, .authorBio)
        XCTAssertEqual(b?.value, "Jane Doe")
        let a = ArticleBuilder.build(source: "t", format: "text", blocks: bs)
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.authorBio, bio)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testBioMatchingByline() {
        let bio = "Jane Doe is our science correspondent."
        let a = parse("Title\n\nBy Jane Doe\n\n\(para1)\n\n\(bio)\n\n\(para2)\n")
        XCTAssertEqual(a.authorBio, bio)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
    }

    func testBioAtEndOfPage() {
        let bio = "John Roe is a freelance journalist based in Berlin."
        let a = parse("Title\n\n\(para1)\n\n\(bio)\n")
        XCTAssertEqual(a.author, "John Roe")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testTags() {
        for (line, want) in [("Tags: a, b, c", ["a", "b", "c"]), ("Tags: China, Russia", ["China", "Russia"]),
                             ("TAGS: one; two", ["one", "two"]), ("Tagged: single tag", ["single tag"]),
                             ("Tags: x | y", ["x", "y"]), ("Tags:", [])] {
            let a = parse("Title\n\n\(para1)\n\n\(line)\n")
            XCTAssertEqual(a.tags, want, line)
            XCTAssertEqual(a.paragraphs.count, 1, line)
        }
        let a = parse("Title\n\n\(para1)\n\nTags\nalpha, beta\n")
        XCTAssertEqual(a.tags, ["alpha", "beta"])
    }

    func testNavigationForms() {
        let cases: [(String, String?, String?)] = [
            ("Previous article X Title\nNext article Y Title", "X Title", "Y Title"),
            ("Previous post: X Title\nNext post: Y Title", "X Title", "Y Title"),
            ("« Previous\nX Title\nNext »\nY Title", "X Title", "Y Title"),
            ("« Previous: X Title", "X Title", nil),
            ("Next story: Y Title", nil, "Y Title"),
            ("Next article\nY Title", nil, "Y Title"),
        ]
        for (nav, prev, next) in cases {
            let a = parse("Title\n\n\(para1)\n\n\(nav)\n")
            XCTAssertEqual(a.navigation.previous, prev, nav)
            XCTAssertEqual(a.navigation.next, next, nav)
            XCTAssertEqual(a.paragraphs.map(\.text), [para1], nav)
        }
    }

    func testCommentForms() {
        let page = """
            Title

            \(para1)

            Leave a Reply

            1. First comment, short.

            2) Second comment starts here.

            And goes on in a second paragraph.

            3. Third.

            Comments are closed.
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
        XCTAssertEqual(a.comments.map(\.number), [1, 2, 3])
        XCTAssertEqual(a.comments.map(\.text), ["First comment, short.",
                                                "Second comment starts here.\n\nAnd goes on in a second paragraph.",
                                                "Third."])
        XCTAssertTrue(a.commentsClosed)
    }

    func testIndentedCommentsWithoutMarkers() {
        let a = parse("Title\n\n\(para1)\n\n\(para2)\n\n    Nice piece, thanks.\n\n    I disagree with the second point.\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.comments.map(\.text), ["Nice piece, thanks.", "I disagree with the second point."])
        XCTAssertEqual(a.comments.map(\.number), [nil, nil])
    }

    func testStoryTheLayoutSetsInIsNoCommentThread() {
        // inscriptis renders the page's layout as indentation: a sidebar's few
        // lines at the margin, the post set in under them. The post was read as
        // indented comments.
        let post = [para1, para2, para3] + Array(TramStory.story)
        let side = ["I write about trams.", "I maintain a bus timetable library.", "I live by the river."]
        let page = "Title\n\n" + side.joined(separator: "\n\n") + "\n\n" + post.map { "    " + $0 }.joined(separator: "\n\n") + "\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), side + post)
        XCTAssertEqual(a.comments.count, 0)
        // Set in under a head with more text at the margin, the run is a thread.
        let thread = "Title\n\n\(para1)\n\n\(para2)\n\n" + post.prefix(4).map { "    " + $0 }.joined(separator: "\n\n") + "\n"
        XCTAssertEqual(parse(thread).paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(parse(thread).comments.count, 4)
    }

    func testNumberedCommentsClosedWithoutIndent() {
        let a = parse("Title\n\n\(para1)\n\n1. Great read.\n\n2. Not convinced.\n\nComments are closed.\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
        XCTAssertEqual(a.comments.map(\.number), [1, 2])
        XCTAssertTrue(a.commentsClosed)
    }

    func testNumberedListInBodyStaysBody() {
        let items = ["1. Raise the budget by a tenth.", "2. Hire more teachers.", "3. Review the plan in a year."]
        let a = parse("Title\n\n\(para1)\n\n\(items.joined(separator: "\n\n"))\n\n\(para2)\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1] + items + [para2])
        XCTAssertTrue(a.comments.isEmpty)
    }

    func testCommentsAfterHeaderWithAuthorLines() {
        let page = "Title\n\n\(para1)\n\n2 Comments\n\nJohn says:\n\nGreat article.\n\nSecond paragraph of John.\n\nMary says:\n\nDisagree.\n"
        let a = parse(page)
        XCTAssertEqual(a.comments.map(\.text), ["Great article.\n\nSecond paragraph of John.", "Disagree."])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testNoComments() {
        let a = parse("Title\n\n\(para1)\n\nPrevious article Old One\nNext article New One\n")
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertFalse(a.commentsClosed)
    }

    func testFormBoilerplate() {
        let page = "Title\n\n\(para1)\n\nLeave a Reply\n\nYour email address will not be published.\n\nRequired fields are marked *\n\nPost Comment\n"
        let a = parse(page)
        XCTAssertEqual(a.boilerplate.map(\.kind), ["form", "form", "form", "form"])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testTailTextIsNotBody() {
        let page = "Title\n\n\(para1)\n\nNext article Another One\n\nSome widget text that is not part of the article.\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
        XCTAssertEqual(a.boilerplate.last?.kind, "other")
    }

    func testMarkerInsideBodyIsIgnored() {
        // "Next" followed by more article text is not where the body ends.
        let page = "Title\n\n\(para1)\n\nNext\n\n\(para2)\n\n\(para3)\n"
        XCTAssertEqual(parse(page).paragraphs.map(\.text), [para1, para2, para3])
    }
}

final class ScaleTests: XCTestCase {
    func testLongSingleLineIsLinear() {
        let line = String(repeating: "word ", count: 400_000) + "end."
        let a = parse("Title\n\n" + line)
        XCTAssertEqual(a.paragraphs.count, 1)
        XCTAssertEqual(a.paragraphs[0].text.utf8.count, line.utf8.count - 0)
    }

    func testManyLines() {
        var page = "Title\n\n"
        for k in 0..<20_000 { page += "Line \(k) of the page, short.\n" }
        let bs = blocks(page)
        XCTAssertEqual(bs.count, 20_001)
        XCTAssertEqual(bs.last?.line, 20_002)
    }
}
