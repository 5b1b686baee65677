import XCTest
import ArticleModel
import HTMLExtractor

/// `language` from the page's declaration and `published_time` from its
/// metadata (issue 14).
final class LanguageTimeTests: XCTestCase {
    func read(head: String = "", htmlAttributes: String = "", body: String? = nil) -> Article {
        let html = """
        <html\(htmlAttributes)><head><title>Storm Closes Schools Across The Valley</title>\(head)</head><body>
        <article><h1>Storm Closes Schools Across The Valley</h1>
        <div class="article-body">
        \(body ?? """
        <p>Heavy snow closed every school in the valley on Monday, and officials said classes would not resume before Wednesday at the earliest.</p>
        <p>Road crews worked through the night, but drifts of more than a metre blocked the main routes into the town for most of the morning.</p>
        """)
        </div></article></body></html>
        """
        return HTMLReader().article(bytes: Array(html.utf8), source: "page.html").article
    }

    func testDeclarationsInOrder() {
        XCTAssertEqual(read().language, "en", "no declaration: detected from the body")
        XCTAssertNil(read().declaredLanguage)
        XCTAssertEqual(read(htmlAttributes: " lang=\"de-AT\"").language, "de")
        XCTAssertEqual(read(htmlAttributes: " class=\"no-js\" LANG=\"pt_BR\"").language, "pt")
        XCTAssertEqual(read(head: "<meta http-equiv=\"Content-Language\" content=\"nl\">").language, "nl")
        XCTAssertEqual(read(head: "<meta property=\"og:locale\" content=\"fr_FR\">").language, "fr")
        XCTAssertEqual(read(head: "<meta name=\"DC.language\" content=\"da\">").language, "da")
        XCTAssertEqual(read(head: "<meta name=\"language\" content=\"fi\"><meta property=\"og:locale\" content=\"fr_FR\">").language, "fi")
        XCTAssertEqual(read(head: "<meta http-equiv=\"content-language\" content=\"pl\"><meta name=\"language\" content=\"fi\">").language, "pl")
        // JSON-LD (the article itself) before <html lang> before meta tags.
        let ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"inLanguage\":\"es-ES\"}</script>"
        XCTAssertEqual(read(head: ld + "<meta property=\"og:locale\" content=\"fr_FR\">", htmlAttributes: " lang=\"it\"").language, "es")
        XCTAssertEqual(read(head: "<meta property=\"og:locale\" content=\"fr_FR\">", htmlAttributes: " lang=\"it\"").language, "it")
        // Not a language code: the body decides.
        XCTAssertEqual(read(htmlAttributes: " lang=\"x-default\"").language, "en")
        XCTAssertEqual(read(htmlAttributes: " lang=\"\"").language, "en")
        // A declaration holds even when the body is too short to tell.
        XCTAssertEqual(read(htmlAttributes: " lang=\"sv\"", body: "<p>Snö.</p>").language, "sv")
        XCTAssertNil(read(body: "<p>Heavy snow closed every school in the valley on Monday.</p>").language)
    }

    func testPublishedTimeFromMetadata() {
        let meta = read(head: "<meta property=\"article:published_time\" content=\"2024-03-14T10:00:00.000+01:00\">")
        XCTAssertEqual(meta.published, "2024-03-14")
        XCTAssertEqual(meta.publishedTime, "2024-03-14T10:00:00+01:00")
        let ld = read(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2024-03-14T09:30:00Z"}</script>
            <meta property="article:published_time" content="2024-03-14T10:00:00+01:00">
            """)
        XCTAssertEqual(ld.publishedTime, "2024-03-14T09:30:00Z", "the source of `published` gives the time")
        // JSON-LD has the date only; a meta tag of the same date has the time.
        let both = read(head: """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2024-03-14"}</script>
            <meta property="article:published_time" content="2024-03-14T10:00:00+01:00">
            """)
        XCTAssertEqual(both.published, "2024-03-14")
        XCTAssertEqual(both.publishedTime, "2024-03-14T10:00:00+01:00")
        let dateOnly = read(head: "<meta name=\"date\" content=\"2024-03-14\">")
        XCTAssertEqual(dateOnly.published, "2024-03-14")
        XCTAssertNil(dateOnly.publishedTime)
        let timeElement = read(body: """
            <p class="meta"><time datetime="2024-03-14T08:15-05:00">March 14, 2024</time></p>
            <p>Heavy snow closed every school in the valley on Monday, and officials said classes would not resume before Wednesday at the earliest.</p>
            """)
        XCTAssertEqual(timeElement.published, "2024-03-14")
        XCTAssertEqual(timeElement.publishedTime, "2024-03-14T08:15-05:00")
    }
}
