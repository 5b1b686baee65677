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
