// TextDecoding: BOM, UTF-16, Windows-1252, line ends, soft hyphens; text otherwise untouched.

import XCTest
import ArticleModel
@testable import ArticleParser

final class DecodingTests: XCTestCase {
    func testPlainUTF8Unchanged() {
        let s = "Title\n\nCurly “quotes” — dashes, non\u{A0}breaking space, Москва, 北京.\n"
        let (t, w) = TextDecoding.decode(Array(s.utf8))
        XCTAssertEqual(t, s)
        XCTAssertNil(w)
    }

    func testSoftHyphensDropped() {
        // "í" is C3 AD: the AD byte alone is no soft hyphen.
        let (t, w) = TextDecoding.decode(Array("Ver\u{AD}natsch\u{AD}wein aus Bozen, día\r\n".utf8))
        XCTAssertEqual(t, "Vernatschwein aus Bozen, día\n")
        XCTAssertNil(w)
        XCTAssertEqual(TextDecoding.decode(Array("Vernatsch\u{AD}wein\n".utf8)).text, "Vernatschwein\n")
        // Windows-1252: 0xAD is the soft hyphen.
        XCTAssertEqual(TextDecoding.decode([0x56, 0x65, 0x72, 0xAD, 0x6E, 0x61, 0x74, 0x73, 0x63, 0x68, 0xE9]).text, "Vernatsché")
    }

    func testBOMStripped() {
        let (t, w) = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Héllo\n".utf8))
        XCTAssertEqual(t, "Héllo\n")
        XCTAssertNil(w)
    }

    func testCRLFAndLoneCR() {
        XCTAssertEqual(TextDecoding.decode(Array("a\r\nb\r\n\r\nc".utf8)).text, "a\nb\n\nc")
        XCTAssertEqual(TextDecoding.decode(Array("a\rb\r\rc\r".utf8)).text, "a\nb\n\nc\n")
        XCTAssertEqual(TextDecoding.decode(Array("a\r\r\nb".utf8)).text, "a\n\nb")
    }

    func testUTF16LittleEndianWithBOM() {
        let s = "Заголовок\r\n\r\n标题 “x”"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in s.utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let (t, w) = TextDecoding.decode(bytes)
        XCTAssertEqual(t, "Заголовок\n\n标题 “x”")
        XCTAssertNil(w)
    }

    func testUTF16BigEndianWithBOM() {
        let s = "Title 😀\rBody"
        var bytes: [UInt8] = [0xFE, 0xFF]
        for u in s.utf16 { bytes.append(UInt8(u >> 8)); bytes.append(UInt8(u & 0xFF)) }
        XCTAssertEqual(TextDecoding.decode(bytes).text, "Title 😀\nBody")
    }

    func testWindows1252Fallback() {
        // “Caf\xE9” with curly quotes, an en dash and the euro sign in Windows-1252.
        let bytes: [UInt8] = [0x93] + Array("Caf".utf8) + [0xE9, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x0D, 0x0A, 0x78]
        let (t, w) = TextDecoding.decode(bytes)
        XCTAssertEqual(t, "“Café” – €5\nx")
        XCTAssertEqual(w, "not valid UTF-8; decoded as Windows-1252")
    }

    func testInvalidUTF8Sequences() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
            XCTAssertNotNil(TextDecoding.decode(Array("ok ".utf8) + bad).warning, "\(bad)")
        }
        let good = Array("ascii then ünïcödé 😀 and 中文 and more ascii text".utf8)
        XCTAssertNil(TextDecoding.decode(good).warning)
    }

    func testParseBytesReportsWarning() {
        let (a, w) = TextReader().parse(bytes: Array("Caf".utf8) + [0xE9, 0x0A, 0x0A] + Array(para1.utf8), source: "x")
        XCTAssertEqual(a.title, "Café")
        XCTAssertNotNil(w)
    }

    func testDecodedPagesParseTheSame() {
        let page = "Title\r\n\r\nBy Jane Doe\r\n\r\n\(para1)\r\n\r\nMore\r\n\r\n\(para2)\r\n"
        let a = parse(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(page.utf8)).text)
        XCTAssertEqual(a.title, "Title")
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.paragraphs.map(\.text), [para1, para2])
        XCTAssertEqual(a.sections.map(\.heading), [nil, "More"])
    }
}

final class UTF16WithoutBOMTests: XCTestCase {
    func testDetected() {
        let s = "Title\n\nBody text here."
        var le: [UInt8] = [], be: [UInt8] = []
        for u in s.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        XCTAssertEqual(TextDecoding.decode(le).text, s)
        XCTAssertEqual(TextDecoding.decode(le).warning, "no byte-order mark; decoded as UTF-16LE")
        XCTAssertEqual(TextDecoding.decode(be).text, s)
    }
}
