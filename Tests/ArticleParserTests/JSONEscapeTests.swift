// JSON strings as Lectern writes them: one record per line for every reader.

import XCTest
import ArticleModel

final class JSONEscapeTests: XCTestCase {
    func escaped(_ s: String) -> String {
        var out = ""
        JSONWriter.escape(s, into: &out)
        return out
    }

    func testControlsQuotesAndBackslashes() {
        XCTAssertEqual(escaped("a\"b\\c\nd\re\tf\u{1}g\u{1f}"), #""a\"b\\c\nd\re\tf\u0001g\u001f""#)
    }

    /// U+2028/U+2029 are legal in JSON, but Python's splitlines and older
    /// JavaScript end a line there, splitting a JSONL record in two.
    func testLineAndParagraphSeparatorsAreEscaped() {
        XCTAssertEqual(escaped("one\u{2028}two\u{2029}three"), #""one\u2028two\u2029three""#)
        // Past the eight-byte fast path, and at the very end.
        XCTAssertEqual(escaped("abcdefghijklmnop\u{2028}"), #""abcdefghijklmnop\u2028""#)
        // Other characters with the same lead byte stay as they are.
        XCTAssertEqual(escaped("“quoted” – ok…\u{2027}"), "\"“quoted” – ok…\u{2027}\"")
        // A lone 0xE2 lead at the end cannot come from a Swift String, but
        // E2 80 at the end of a longer scalar run must not read past the end.
        XCTAssertEqual(escaped("\u{2000}"), "\"\u{2000}\"")
    }

    func testArticleRecordHasNoRawSeparator() {
        var a = Article(source: "x.html")
        a.title = "Title\u{2028}with a separator"
        let line = a.json()
        XCTAssertFalse(line.unicodeScalars.contains("\u{2028}"))
        XCTAssertTrue(line.contains(#""title":"Title\u2028with a separator""#), line)
    }
}
