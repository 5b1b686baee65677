// DateNormalizer: the date forms news pages use.

import XCTest
import ArticleModel

final class DateTests: XCTestCase {
    func testForms() {
        let cases: [(String, String?)] = [
            ("March 14, 2024", "2024-03-14"),
            ("14 March 2024", "2024-03-14"),
            ("2024-03-14", "2024-03-14"),
            ("2024-03-14T10:00:00Z", "2024-03-14"),
            ("2024/3/4", "2024-03-04"),
            ("Mar 3, 2016, 10:12 am", "2016-03-03"),
            ("Updated on March 3, 2016", "2016-03-03"),
            ("Published: Sept. 5, 2019", "2019-09-05"),
            ("Sept 5 2019", "2019-09-05"),
            ("Sep. 30, 2019", "2019-09-30"),
            ("March 14th, 2024", "2024-03-14"),
            ("1st of May, 2020", "2020-05-01"),
            ("Thu, 14 Mar 2024 10:00:00 +0000", "2024-03-14"),
            ("03/14/2024", "2024-03-14"),
            ("14/03/2024", "2024-03-14"),
            ("14.03.2024", "2024-03-14"),
            // German typesetting: a space (often thin) after each dot.
            ("4. 2. 2022", "2022-02-04"),
            ("Von Jane Doe 4.\u{2009}2.\u{2009}2022.", "2022-02-04"),
            ("12.\u{202F}März\u{202F}2023", "2023-03-12"),
            ("4. 2.2022", nil),
            ("4 . 2. 2022", nil),
            // A two-digit year run into the time by a forum's markup: 28.09.19 12:44.
            ("macbacchi28.09.1912:44", "2019-09-28"),
            ("28.09.1912", "1912-09-28"),
            ("14.03.2023:12", "2023-03-14"),
            ("2024年3月14日", "2024-03-14"),
            ("February 29, 2024", "2024-02-29"),
            ("February 29, 2023", nil),
            ("2024-13-01", nil),
            ("Updated on", nil),
            ("March 2024", nil),
            ("On May 19th, Simon Brewer spoke", nil),
            ("in 12345-12-12", nil),
            ("", nil),
        ]
        for (s, want) in cases { XCTAssertEqual(DateNormalizer.normalize(s), want, s) }
    }

    func testMonthNames() {
        XCTAssertEqual(DateNormalizer.monthNumber(Array("Sept".utf8)), 9)
        XCTAssertEqual(DateNormalizer.monthNumber(Array("DECEMBER".utf8)), 12)
        XCTAssertEqual(DateNormalizer.monthNumber(Array("Mayo".utf8)), 5)
        XCTAssertEqual(DateNormalizer.monthNumber(Array("АПРЕЛЯ".utf8)), 4)
        XCTAssertEqual(DateNormalizer.monthNumber(Array("Mayday".utf8)), 0)
    }
}

final class MultilingualDateTests: XCTestCase {
    func testOtherLanguages() {
        let cases: [(String, String?)] = [
            ("12 avril 2023", "2023-04-12"),
            ("Publié le 1er mai 2023 à 08h15", "2023-05-01"),
            ("12. April 2023", "2023-04-12"),
            ("Veröffentlicht am 3. März 2024", "2024-03-03"),
            ("12 de abril de 2023", "2023-04-12"),
            ("12 aprile 2023", "2023-04-12"),
            ("5 de março de 2022", "2022-03-05"),
            ("14 марта 2024", "2024-03-14"),
            ("14 МАРТА 2024 г.", "2024-03-14"),
            ("2024년 3월 14일", "2024-03-14"),
            ("2024年03月14日 10:05", "2024-03-14"),
        ]
        for (s, want) in cases { XCTAssertEqual(DateNormalizer.normalize(s), want, s) }
    }

    func testAmbiguousNumericDates() {
        var s = "04/05/2023"
        let m = s.withUTF8 { DateNormalizer.find(in: $0) }
        XCTAssertEqual(m?.iso, "2023-04-05")
        XCTAssertEqual(m?.ambiguous, true)
        s = "25/05/2023"
        XCTAssertEqual(s.withUTF8 { DateNormalizer.find(in: $0) }?.ambiguous, false)
    }
}
