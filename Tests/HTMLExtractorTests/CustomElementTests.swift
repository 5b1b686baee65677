import XCTest
import ArticleModel
import HTMLExtractor

/// Custom elements (names with a hyphen) are inline, as browsers show an
/// element they do not know: a citation marker set in one stays inside its
/// sentence. Blocks inside a custom element still make their own paragraphs.
final class CustomElementTests: XCTestCase {
    func paragraphs(_ html: String) -> [String] {
        HTMLReader().read(bytes: Array(html.utf8), source: "page.html").blocks
            .filter { $0.label == .paragraph }.map(\.text)
    }

    static func page(_ body: String) -> String {
        """
        <html><head><title>River Levels Fall</title></head><body>
        <h1>River Levels Fall</h1>
        <article>
        \(body)
        </article>
        </body></html>
        """
    }

    func testCitationMarkerInACustomElementStaysInItsSentence() {
        let got = paragraphs(CustomElementTests.page("""
        <p>The river fell by two metres over the summer months, the lowest level recorded since the gauges were installed\
        <trusted-source><a href="#ref1">1</a></trusted-source> in the valley.</p>
        <p>Farmers along the lower reaches said the water they pump for their fields had turned brackish by August.</p>
        """))
        XCTAssertEqual(got, [
            "The river fell by two metres over the summer months, the lowest level recorded since the gauges were installed1 in the valley.",
            "Farmers along the lower reaches said the water they pump for their fields had turned brackish by August.",
        ])
    }

    func testParagraphsInsideACustomElementStayApart() {
        let got = paragraphs(CustomElementTests.page("""
        <story-body>
        <p>The river fell by two metres over the summer months, the lowest level recorded since the gauges were installed.</p>
        <p>Farmers along the lower reaches said the water they pump for their fields had turned brackish by August.</p>
        </story-body>
        """))
        XCTAssertEqual(got, [
            "The river fell by two metres over the summer months, the lowest level recorded since the gauges were installed.",
            "Farmers along the lower reaches said the water they pump for their fields had turned brackish by August.",
        ])
    }
}
