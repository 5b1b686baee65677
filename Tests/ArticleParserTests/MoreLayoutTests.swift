// Layouts beyond the basics: other languages, lists and blocks of furniture,
// wire footers, listicles, comment metadata.

import XCTest
import ArticleModel
@testable import ArticleParser

final class LanguageTests: XCTestCase {
    func testFrenchPage() {
        let page = """
            Au Sahel, un départ qui laisse un vide

            Par Claire Dubois
            Publié le 12 avril 2023 à 08h15 - Mis à jour le 12 avril 2023 à 10h02

            Photo : AFP

            Partager
            Facebook
            E-mail

            Il y a dix ans, l’intervention militaire était saluée comme une opération de sauvetage.

            Lire aussi : Au Niger, l’armée réorganise son dispositif

            Publicité

            Quelle stratégie pour Paris ?

            À Paris, diplomates et militaires reconnaissent la nécessité de repenser la relation.

            Abonnez-vous à notre lettre d’information quotidienne.
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "Claire Dubois")
        XCTAssertEqual(a.published, "2023-04-12")
        XCTAssertEqual(a.imageCredit, "AFP")
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Quelle stratégie pour Paris ?"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 1])
        XCTAssertEqual(Set(a.boilerplate.map(\.kind)), ["share", "related", "advert", "newsletter"])
    }

    func testRussianAndChinesePages() {
        let ru = parse("""
            Экспорт пшеницы бьёт рекорды

            14 марта 2024, 12:30
            Автор: Ирина Соколова

            Поделиться
            ВКонтакте
            Одноклассники

            Россия может экспортировать рекордный объём пшеницы, сообщили аналитики.

            Читайте также: Как санкции изменили логистику

            Теги: экономика, зерно
            """)
        XCTAssertEqual(ru.author, "Ирина Соколова")
        XCTAssertEqual(ru.published, "2024-03-14")
        XCTAssertEqual(ru.tags, ["экономика", "зерно"])
        XCTAssertEqual(ru.paragraphs.count, 1)
        XCTAssertEqual(ru.boilerplate.filter { $0.kind == "share" }.count, 3)

        let zh = parse("""
            中国电动汽车加速驶入欧洲市场

            2024年03月14日 10:05
            作者：张伟

            分享到：
            微信
            微博

            过去三年，中国电动汽车在欧洲市场的份额迅速上升。

            一、价格优势从何而来

            电池约占电动汽车成本的三到四成。

            标签：电动汽车，欧洲
            """)
        XCTAssertEqual(zh.author, "张伟")
        XCTAssertEqual(zh.published, "2024-03-14")
        XCTAssertEqual(zh.sections.map(\.heading), [nil, "一、价格优势从何而来"])
        XCTAssertEqual(zh.tags, ["电动汽车", "欧洲"])
        XCTAssertEqual(zh.paragraphs.count, 2)
    }

    func testDayFirstNumericDatesOutsideEnglish() {
        XCTAssertEqual(parse("Titular\n\nPublicado el 04/05/2023\n\n\(para1)\n").published, "2023-05-04")
        XCTAssertEqual(parse("Title\n\nPublished 04/05/2023\n\n\(para1)\n").published, "2023-04-05")
    }

    func testKoreanByline() {
        let a = parse("한국 수출 증가\n\n2024년 3월 14일\n\n김민수 기자\n\n한국의 수출이 3개월 연속 증가세를 이어갔다.\n")
        XCTAssertEqual(a.author, "김민수")
        XCTAssertEqual(a.published, "2024-03-14")
    }
}

final class FurnitureTests: XCTestCase {
    func testShareBlockTakesUnknownLines() {
        let a = parse("Title\n\nShare this:\nClick to share on Twitter (Opens in new window)\nMastodon\n\n\(para1)\n")
        XCTAssertEqual(a.boilerplate.map(\.kind), ["share", "share", "share"])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testRelatedListOfTitles() {
        let page = """
            Title

            \(para1)

            Related

            Greece Between Creditors and Refugees
            February 11, 2016
            In "Europe"

            Another Older Story Title
            January 2, 2016

            Comments are closed.
            """
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
        XCTAssertNil(a.published)
        XCTAssertEqual(a.sections.map(\.heading), [nil])
    }

    func testMostReadListIsNotComments() {
        let a = parse("Title\n\n\(para1)\n\nTags: a, b\n\nMost Read\n1. Peru Votes Early\n2. Brazil Holds Rates\n")
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertEqual(a.boilerplate.map(\.kind), ["related", "related", "related"])
    }

    func testCountWidgetAboveHeading() {
        let a = parse("Title\n\n\(para1)\n\nPopular Quizzes 6\n\nSanctions and Reserves\n\n\(para2)\n")
        XCTAssertEqual(a.boilerplate.map { [$0.kind, $0.text] }, [["widget", "Popular Quizzes 6"]])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Sanctions and Reserves"])
    }

    func testBylineBlockLines() {
        let a = parse("Title\n\nBy Jane Doe\nBBC News, Washington\n\n\(para1)\n")
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.boilerplate.map { [$0.kind, $0.text] }, [["meta", "BBC News, Washington"]])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testPostedOnDateByName() {
        let bs = blocks("Title\n\nPosted on March 3, 2016 by Jane Doe\n\n\(para1)\n")
        XCTAssertEqual(bs.map(\.label), [.title, .date, .byline, .paragraph])
        XCTAssertEqual(bs[1].value, "2016-03-03")
        XCTAssertEqual(bs[2].value, "Jane Doe")
    }

    func testCaptionInBody() {
        let cap = "A protester outside the Capitol. (Photo by Drew Angerer/Getty Images)"
        let a = parse("Title\n\n\(para1)\n\n\(cap)\n\n\(para2)\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.boilerplate.map(\.kind), ["caption"])
    }

    func testTeaserWithReadMoreLine() {
        let a = parse("Title\n\n\(para1)\n\nOther Story Headline\nA teaser sentence for the other story.\nRead more\n\n\(para2)\n")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.boilerplate.map(\.kind), ["promo", "promo", "promo"])
    }

    func testCategoriesAreNotTags() {
        let a = parse("Title\n\n\(para1)\n\nFiled Under: Economics, Middle East\nTags: oil, OPEC\n")
        XCTAssertEqual(a.tags, ["oil", "OPEC"])
        XCTAssertEqual(a.boilerplate.map(\.kind), ["category"])
    }

    func testPaywallCookieAndFooter() {
        let page = "Title\n\n\(para1)\n\nWe use cookies to improve your experience.\n\nAlready a subscriber? Log in\n\nPrivacy Policy | Terms of Use | Contact Us\n\n© 2024 Example Media. All rights reserved.\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
        XCTAssertEqual(a.boilerplate.map(\.kind), ["widget", "newsletter", "widget", "credits"])
    }
}

final class WireAndListTests: XCTestCase {
    func testWireFooter() {
        let page = """
            Central bank lifts key rate again

            By Amara Okafor

            March 14, 2024

            LAGOS, March 14 (Wire) - The central bank raised its main rate on Thursday.

            Analysts had expected a smaller increase.

            Reporting by Amara Okafor in Lagos; Editing by Helen Carver

            Our Standards: The Wire Editorial Principles.
            """
        let a = parse(page)
        XCTAssertEqual(a.author, "Amara Okafor")
        XCTAssertEqual(a.paragraphs.count, 2)
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        XCTAssertEqual(a.boilerplate.map(\.kind), ["credits", "credits"])
    }

    func testListicleHeadingsAreNotComments() {
        let page = """
            How to Sleep Better

            \(para1)

            1. Go to bed at the same time

            Consistency is the most important habit, experts say.

            2. Avoid screens before bed

            Blue light delays the release of melatonin.

            Comments are closed.
            """
        let a = parse(page)
        XCTAssertTrue(a.comments.isEmpty)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "1. Go to bed at the same time", "2. Avoid screens before bed"])
        XCTAssertTrue(a.commentsClosed)
    }

    func testCommentAuthorAndDateLines() {
        let page = """
            Title

            \(para1)

            Comments (2)

            John Smith
            March 14, 2024 at 10:12 am
            This is long overdue.

            Reply

            Mary Jones
            March 14, 2024 at 11:30 am
            Another kick of the can.
            """
        let a = parse(page)
        XCTAssertEqual(a.comments.map(\.text), ["This is long overdue.", "Another kick of the can."])
        XCTAssertNil(a.published)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }

    func testTagsOnLinesBelow() {
        let a = parse("Title\n\n\(para1)\n\nTopics\nImmigration\nUS Congress\n")
        XCTAssertEqual(a.tags, ["Immigration", "US Congress"])
    }
}

final class CommentConventionTests: XCTestCase {
    func testParenNumberedBlogComments() {
        let page = "Title\n\nBy Jane Doe\n\n\(para1)\n\n\(para2)\n\n1) Great post, thanks.\n\n2) I disagree.\n\nThat said, the first part was good.\n"
        let a = parse(page)
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.comments.map(\.number), [1, 2])
        XCTAssertEqual(a.comments.last?.text, "I disagree.\n\nThat said, the first part was good.")
        XCTAssertEqual(blocks(page).first { $0.label == .comment }?.rule, "comment: numbered '1)'")
    }

    func testIndentedCommentsSeparatedByReply() {
        let page = "Title\n\n\(para1)\n\n3 Comments\n\n    First comment.\n\nReply\n\n    Second comment.\n\nReply\n\n    Third comment.\n"
        let a = parse(page)
        XCTAssertEqual(a.comments.map(\.text), ["First comment.", "Second comment.", "Third comment."])
    }

    func testSeedWithSingleNewlines() throws {
        let text = TextDecoding.decode(try readBytes(seedsDirectory + "/000_8f5469b864b2d86d.txt")).text
        var single = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true)
        where !line.allSatisfy({ $0 == " " }) { single += line + "\n" }
        let a = parse(single)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Historic Sino-Russian Relations", "Divergent Goals"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 7, 4])
        XCTAssertEqual(a.comments.count, 5)
        XCTAssertEqual(a.imageCredit, "MaoNo / Pixabay")
        XCTAssertEqual(a.author, "Stephen Paul Brooker")
    }

    func testAgencyStaffLineIsNotAHeading() {
        let a = parse("Port Strike Enters Second Week\n\nReuters staff\n\n4 min read\n\n\(para1)\n")
        XCTAssertEqual(a.sections.map(\.heading), [nil])
        XCTAssertEqual(a.paragraphs.map(\.text), [para1])
    }
}
