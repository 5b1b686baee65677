// The model fields of issue 14: site, id, published_time, language.

import XCTest
import ArticleModel
@testable import ArticleParser

final class ModelFieldTests: XCTestCase {
    func article(source: String, url: String? = nil, recordID: String? = nil) -> Article {
        var a = Article(source: source)
        a.url = url
        a.recordID = recordID
        return a
    }

    func testSite() {
        let cases: [(source: String, url: String?, site: String?)] = [
            ("x.html", "https://www.BBC.co.uk/news/a-1", "bbc.co.uk"),
            ("x.html", "http://user:pw@Example.com:8080/a?b#c", "example.com"),
            ("x.html", "//cdn.example.org/a", "cdn.example.org"),
            ("x.html", "https://example.com./", "example.com"),
            ("x.html", "https://[2001:db8::1]:443/a", "[2001:db8::1]"),
            ("x.html", "https://wwwexample.com/", "wwwexample.com"),
            // No host in the URL: the directory, as for no URL.
            ("corpus/bbc/a.txt", "/news/a.html", "bbc"),
            ("corpus/bbc/a.txt", "example.com/a", "bbc"),
            ("corpus/bbc/a.txt", nil, "bbc"),
            ("/srv/corpus/Guardian/2024/a.html", nil, "2024"),
            ("crawl/reuters/part-1.jsonl:12", nil, "reuters"),
            ("crawl/cc/seg.warc.gz#2048", nil, "cc"),
            ("a.txt", nil, nil),
            ("./a.txt", nil, nil),
            ("-", nil, nil),
        ]
        for c in cases {
            XCTAssertEqual(article(source: c.source, url: c.url).site, c.site, "\(c.source) \(c.url ?? "-")")
        }
    }

    /// The first 16 hex digits of `sha256sum` of record_id, else url, else source.
    func testIDIsTheDigestOfTheFirstOfRecordIDURLSource() {
        XCTAssertEqual(article(source: "corpus/bbc/a.txt").id, "4abda986957ed7dc")
        XCTAssertEqual(article(source: "corpus/bbc/a.txt", url: "https://example.com/a").id, "2dce0a4c50441bfc")
        XCTAssertEqual(article(source: "x", url: "https://example.com/a", recordID: "urn:uuid:1").id, "b362f50874c70202")
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testTimeOfDayNextToTheDate() {
        let cases: [(String, String?)] = [
            ("2024-03-14T10:00:00Z", "2024-03-14T10:00:00Z"),
            ("2024-03-14T10:00:00.123+01:00", "2024-03-14T10:00:00+01:00"),
            ("2024-03-14T10:00:00+0530", "2024-03-14T10:00:00+05:30"),
            ("2024-03-14 10:00", "2024-03-14T10:00"),
            ("Thu, 14 Mar 2024 10:00:00 +0000", "2024-03-14T10:00:00+00:00"),
            ("Mar 3, 2016, 10:12 am", "2016-03-03T10:12"),
            ("March 3, 2016 at 3:05 p.m. EST", "2016-03-03T15:05-05:00"),
            ("posted on April 21, 2015, at 11:29 a.m.", "2015-04-21T11:29"),
            ("March 13, 2015 9:00PM", "2015-03-13T21:00"),
            ("TNW中文站2016年10月14日07:17", "2016-10-14T07:17"),
            ("14 de marzo de 2024, 3:05 p. m.", "2024-03-14T15:05"),
            ("13 Mac 2024, 3:05 petang", "2024-03-13T15:05"),
            ("13 Mac 2024, 11:20 pagi", "2024-03-13T11:20"),
            ("2024년 6월 3일 오후 3:20", "2024-06-03T15:20"),
            ("2024年3月14日 下午3:20", "2024-03-14T15:20"),
            ("2024年3月14日 上午12:05", "2024-03-14T00:05"),
            ("March 3, 2016 12:30 AM", "2016-03-03T00:30"),
            ("9 Oct 2023 14:05 GMT", "2023-10-09T14:05Z"),
            ("14.03.2024, 18:30 Uhr MEZ", "2024-03-14T18:30"),
            ("14 March 2024 10:12 GMT+1", "2024-03-14T10:12+01:00"),
            ("Updated 10:12 BST 3 March 2016", "2016-03-03T10:12+01:00"),
            ("March 3, 2016 10:12 ET", "2016-03-03T10:12"),
            ("2024-03-14", nil),
            ("March 3, 2016", nil),
            ("March 3, 2016. Read 10:12 of the speech later in the text", nil),
            ("March 3, 2016 25:10", nil),
            ("March 3, 2016 13:10 pm", nil),
            ("10:12", nil),
        ]
        for (s, want) in cases { XCTAssertEqual(DateNormalizer.timestamp(s), want, s) }
    }

    /// The builder takes the time from the date block's text, or the block's
    /// own timestamp (HTML metadata) when that is of the same date.
    func testBuilderSetsPublishedTime() {
        let byline = Block(index: 0, text: "Mar 3, 2016, 10:12 am", label: .date, rule: "t", value: "2016-03-03")
        let a = ArticleBuilder.build(source: "s", format: "text", blocks: [byline])
        XCTAssertEqual(a.published, "2016-03-03")
        XCTAssertEqual(a.publishedTime, "2016-03-03T10:12")
        var meta = Block(index: 0, text: "2016-03-03", label: .date, rule: "t", value: "2016-03-03")
        meta.time = "2016-03-03T09:00:00-05:00"
        XCTAssertEqual(ArticleBuilder.build(source: "s", format: "html", blocks: [meta]).publishedTime, "2016-03-03T09:00:00-05:00")
        meta.time = "2016-03-04T09:00:00-05:00"     // another day: not this date's time
        XCTAssertNil(ArticleBuilder.build(source: "s", format: "html", blocks: [meta]).publishedTime)
        let dateOnly = parse("A Headline For The Date Test\n\nMarch 3, 2016\n\n\(para1)\n\n\(para2)\n")
        XCTAssertEqual(dateOnly.published, "2016-03-03")
        XCTAssertNil(dateOnly.publishedTime)
    }

    func testDeclaredLanguageCodes() {
        let cases: [(String, String?)] = [
            ("en", "en"), ("en-US", "en"), ("pt_BR", "pt"), ("DE", "de"), (" fr-CA ", "fr"), ("zh-Hans-CN", "zh"),
            ("iw", "he"), ("in", "id"), ("nb-NO", "no"), ("nn", "no"),
            ("x-default", nil), ("und", nil), ("eng", nil), ("", nil), ("qq", nil), ("e", nil),
        ]
        for (s, want) in cases { XCTAssertEqual(LanguageDetector.normalizeDeclared(s), want, s) }
        var a = Article(source: "s")
        a.sections = [Section(heading: nil, paragraphs: [Paragraph(text: String(repeating: "the cat and the dog are in the house with a ball. ", count: 5))])]
        XCTAssertEqual(a.language, "en")
        a.declaredLanguage = "de"
        XCTAssertEqual(a.language, "de", "a declaration wins over the body")
    }

    func testDetectionAbstains() {
        XCTAssertNil(LanguageDetector.detect(["The cat and the dog are in the house."]), "under 20 words")
        XCTAssertNil(LanguageDetector.detect([String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 5)]))
        XCTAssertNil(LanguageDetector.detect([String(repeating: "1234 5678 — 42 % ", count: 20)]))
        // Only words Indonesian and Malay share: neither wins clearly.
        XCTAssertNil(LanguageDetector.detect([String(repeating: "yang dan di ini itu dengan untuk tidak dari dalam orang rumah ", count: 3)]))
        XCTAssertEqual(LanguageDetector.detect([String(repeating: "yang dan di ini itu karena tersebut bisa orang rumah ", count: 3)]), "id")
        XCTAssertEqual(LanguageDetector.detect([String(repeating: "yang dan di ini itu kerana beliau boleh orang rumah ", count: 3)]), "ms")
        // Capitals count as their lower case (Latin, Latin-1, Cyrillic).
        XCTAssertEqual(LanguageDetector.detect([String(repeating: "THE HOUSE OF THE PEOPLE IS IN THE TOWN. ", count: 3)]), "en")
        XCTAssertEqual(LanguageDetector.detect([String(repeating: "ÉTÉ À LA MAISON DE LA VILLE ET DU PAYS. ", count: 3)]), "fr")
        XCTAssertEqual(LanguageDetector.detect([String(repeating: "ЭТО И В НЕ НА ЧТО ДОМ ГОРОД ", count: 3)]), "ru")
        XCTAssertEqual(LanguageDetector.detect([String(repeating: "ЦЕ І В НЕ НА ЩО ДІМ МІСТО ", count: 3)]), "uk")
        // Only the first 500 words count.
        let english = String(repeating: "the house of the people is in the town ", count: 60)     // 540 words
        XCTAssertEqual(LanguageDetector.detect([english, String(repeating: "der und die das ist nicht ", count: 1000)]), "en")
        XCTAssertEqual(LanguageDetector.detect(["the house is old. ", String(repeating: "der und die das ist nicht ", count: 1000)]), "de")
    }

    /// Every fixture page of the seven corpora (100 pages, 22 languages): the
    /// language of its body. Turkish is not one the detector knows: null.
    func testFixtureLanguages() throws {
        let notEnglish: [String: String?] = [
            "holdout/ar_01.txt": "ar", "holdout/de_01.txt": "de", "holdout/hi_01.txt": "hi", "holdout/it_01.txt": "it",
            "holdout/pt_01.txt": "pt", "holdout2/frca_01.txt": "fr", "holdout2/ja_01.txt": "ja", "holdout2/pl_01.txt": "pl",
            "holdout2/tr_01.txt": nil, "holdout3/ko_01.txt": "ko", "holdout3/nl_01.txt": "nl", "holdout4/he_01.txt": "he",
            "holdout4/id_01.txt": "id", "holdout4/latam_01.txt": "es", "holdout4/sv_01.txt": "sv", "holdout4/uk_01.txt": "uk",
            "holdout5/ca_01.txt": "ca", "holdout5/el_01.txt": "el", "holdout5/ms_01.txt": "ms", "layouts/es_01.txt": "es",
            "layouts/fr_01.txt": "fr", "layouts/ru_01.txt": "ru", "layouts/zh_01.txt": "zh",
        ]
        var pages = 0
        for corpus in ["dumps", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "layouts"] {
            let dir = fixturesDirectory + "/" + corpus
            for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where name.hasSuffix(".txt") {
                let key = corpus + "/" + name
                let a = TextReader().parse(text: TextDecoding.decode(try readBytes(dir + "/" + name)).text, source: key)
                let want = notEnglish[key] ?? "en"
                XCTAssertEqual(a.language, want, key)
                pages += 1
            }
        }
        XCTAssertEqual(pages, 100)
    }
}
