import XCTest
import ArticleModel
@testable import ArticleParser

/// Inputs `scripts/fuzz parser` found crashing a reader, minimised
/// (`ParserFuzz -minimize_crash=1`), each kept once fixed (docs/FUZZING.md).
final class FuzzFindingsTests: XCTestCase {
    /// 2026-12-04: a comments header ("3 thoughts on ...") above a comment form
    /// ("Name *", "Email *") moved the prose region above the form, and the
    /// story-end scan then asked about a line outside the old region: a range
    /// whose lower bound passed its upper one trapped, killing the whole run.
    func testCommentsHeaderAboveAFormOutsideTheRegion() {
        let bytes: [UInt8] = [
        51, 32, 116, 104, 111, 117, 103, 104, 116, 115, 32, 111, 110, 32, 104, 32, 85, 32, 77, 32, 58, 32,
        111, 32, 108, 32, 80, 10, 45, 10, 108, 10, 101, 10, 109, 10, 42, 10, 111, 10, 78, 97, 109, 101, 32,
        42, 10, 69, 109, 97, 105, 108, 32, 42, 10, 114, 32, 97, 32, 46, 32, 101, 32, 6, 32, 101, 32, 101,
        32, 255, 32, 255, 32, 255, 32, 115, 32, 101, 32, 255, 32, 255, 32, 255, 32, 255, 32, 101, 32, 112,
        32, 101, 32, 104, 32, 115, 32, 101, 32, 255, 32, 255, 32, 255, 32, 115, 32, 101, 32, 255, 32, 255,
        32, 255
        ]
        let (text, _) = TextDecoding.decode(bytes)
        let blocks = TextReader(rules: .defaults()).blocks(from: text)
        XCTAssertFalse(blocks.isEmpty)
        XCTAssertEqual(blocks.first?.text, "3 thoughts on h U M : o l P")
    }
}
