import XCTest
import ArticleModel
import HTMLExtractor

/// A news page with every part the reader knows about.
let samplePage = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rivers Are Rising Faster Than Expected | The Daily Planet</title>
<meta property="og:title" content="Rivers Are Rising Faster Than Expected">
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:url" content="https://example.com/og-url">
<meta name="author" content="Meta Author">
<meta property="article:published_time" content="2021-06-03T08:00:00Z">
<meta property="article:tag" content="Climate">
<meta property="article:tag" content="Rivers">
<link rel="canonical" href="https://example.com/news/rivers">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Daily Planet"},
 {"@type":"NewsArticle","headline":"Rivers Are Rising Faster Than Expected",
  "author":[{"@type":"Person","name":"Jane Doe"}],"datePublished":"2021-06-02T21:00:00-05:00"}]}
</script>
<style>.x { color: red }</style>
<script>var ads = "Advertisement text in a script";</script>
</head>
<body>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/science">Science</a></li></ul></nav></header>
<main>
<article class="post">
<h1 class="entry-title">Rivers Are Rising Faster Than Expected</h1>
<div class="byline">By <a rel="author" href="/jane">Jane Doe</a></div>
<time datetime="2021-06-02">June 2, 2021</time>
<figure class="lead"><img src="a.jpg" alt=""><figcaption>The river at dawn. <span class="credit">MaoNo / Pixabay</span></figcaption></figure>
<div class="entry-content">
<p>Scientists say the world's great rivers are rising faster than their models expected, with floods arriving earlier in the spring, and lasting longer into the summer.</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<p>The study, published on Tuesday, looked at forty years of gauge data from six continents, and found that peak flows had grown in most basins.</p>
<h2>What the data show</h2>
<p>In the Mekong, the Danube and the Mississippi, the average spring peak arrived nine days earlier than in the 1980s, the authors wrote in their report.</p>
<ul><li>Peaks arrive earlier in the year than they used to, by about nine days.</li><li>Floods last longer, often by a week or more in the larger basins.</li></ul>
<aside class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another story about rivers</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
<blockquote>We did not expect the change to be this fast, said one of the authors, a hydrologist.</blockquote>
<p>Advertisement</p>
<p>Local officials, who have to plan levees and reservoirs, said the findings would change how they prepare for the coming decades.</p>
</div>
<div class="tags">Tags: <a href="/t/rivers">rivers</a>, <a href="/t/floods">floods</a></div>
<div class="author-bio"><p>Jane Doe is a science writer who covers water, weather and the people who study them.</p></div>
<div class="post-navigation"><div class="nav-previous"><a href="/p" rel="prev">Previous article: Snow Melts Early In The Alps</a></div><div class="nav-next"><a href="/n" rel="next">Next article: Lakes Are Warming Too</a></div></div>
</article>
<section id="comments" class="comments-area">
<h2 class="comments-title">2 thoughts on this story</h2>
<ol class="commentlist">
<li class="comment"><div class="comment-author">Bob</div><div class="comment-content"><p>Great reporting, thank you for covering this.</p></div></li>
<li class="comment"><div class="comment-author">Alice</div><div class="comment-content"><p>My town flooded twice this year already.</p></div></li>
</ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea></textarea><button>Post</button></form></div>
</section>
</main>
<div class="sidebar"><div class="widget"><h3>Popular</h3><ul><li><a href="/x">Most read story one</a></li><li><a href="/y">Most read story two</a></li></ul></div></div>
<div class="newsletter-signup"><p>Sign up for our newsletter to get the news every morning in your inbox.</p></div>
<footer class="site-footer"><p>© 2021 The Daily Planet. All rights reserved.</p></footer>
</body>
</html>
"""

final class HTMLReaderTests: XCTestCase {
    func read(_ html: String, source: String = "page.html") -> (Article, HTMLPage) {
        let page = HTMLReader().read(bytes: Array(html.utf8), source: source)
        return (ArticleBuilder.build(source: source, format: "html", url: page.url, blocks: page.blocks), page)
    }

    func testSamplePageFields() {
        let (a, page) = read(samplePage)
        XCTAssertEqual(a.title, "Rivers Are Rising Faster Than Expected")
        XCTAssertEqual(a.author, "Jane Doe")
        XCTAssertEqual(a.published, "2021-06-02")
        XCTAssertEqual(a.imageCredit, "MaoNo / Pixabay")
        XCTAssertEqual(page.url, "https://example.com/news/rivers")
        XCTAssertEqual(a.url, "https://example.com/news/rivers")
        XCTAssertEqual(a.tags, ["rivers", "floods"])
        XCTAssertEqual(a.navigation.previous, "Snow Melts Early In The Alps")
        XCTAssertEqual(a.navigation.next, "Lakes Are Warming Too")
        XCTAssertEqual(a.authorBio, "Jane Doe is a science writer who covers water, weather and the people who study them.")
        XCTAssertEqual(a.comments.map(\.text), ["Great reporting, thank you for covering this.",
                                                "My town flooded twice this year already."])
    }

    func testSoftHyphensAreDropped() {
        let para = "Die Ver&shy;nat&shy;sch\u{00AD}trau\u{00AD}be wächst an den Hängen oberhalb der Stadt, und ihre Weine überzeugen mit zarter Frucht und feiner Säure."
        let (a, _) = read("<html><head><title>Wein</title></head><body><article><p>\(para)</p><p>\(para)</p></article></body></html>")
        XCTAssertEqual(a.sections.first?.paragraphs.first?.text,
                       "Die Vernatschtraube wächst an den Hängen oberhalb der Stadt, und ihre Weine überzeugen mit zarter Frucht und feiner Säure.")
    }

    func testSamplePageBody() {
        let (a, _) = read(samplePage)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "What the data show"])
        let body = a.bodyText
        for want in ["Scientists say the world's great rivers", "The study, published on Tuesday",
                     "In the Mekong, the Danube", "Peaks arrive earlier", "Floods last longer",
                     "We did not expect the change", "Local officials, who have to plan levees"] {
            XCTAssertTrue(body.contains(want), "missing: \(want)")
        }
        for unwanted in ["Share on Facebook", "Another story about rivers", "Advertisement", "Home",
                         "Most read story", "Sign up for our newsletter", "All rights reserved",
                         "Great reporting", "Leave a Reply", "Jane Doe is a science writer",
                         "Previous article", "Tags:", "The river at dawn", "var ads"] {
            XCTAssertFalse(body.contains(unwanted), "leaked: \(unwanted)")
        }
        XCTAssertEqual(a.paragraphs.count, 7)
    }

    func testBoilerplateKinds() {
        let (a, _) = read(samplePage)
        let kinds = Set(a.boilerplate.map(\.kind))
        for k in ["nav", "share", "related", "footer", "newsletter", "comment-form", "caption"] {
            XCTAssertTrue(kinds.contains(k), "no boilerplate of kind \(k): \(kinds)")
        }
        XCTAssertTrue(a.boilerplate.contains { $0.kind == "advert" && $0.text == "Advertisement" })
        XCTAssertFalse(a.boilerplate.contains { $0.text.contains("Advertisement text in a script") })
        for b in a.boilerplate {
            XCTAssertFalse(b.kind.isEmpty)
            XCTAssertEqual(b.kind, b.kind.lowercased())
        }
    }

    func testBlocksCarryRuleTagAndLine() {
        let (_, page) = read(samplePage)
        let lines = samplePage.split(separator: "\n", omittingEmptySubsequences: false)
        guard let p = page.blocks.first(where: { $0.label == .paragraph }) else { return XCTFail("no paragraph") }
        XCTAssertEqual(p.tag, "p")
        XCTAssertTrue(p.rule.hasPrefix("content root"), p.rule)
        XCTAssertTrue(lines[p.line - 1].contains("Scientists say"), "line \(p.line): \(lines[p.line - 1])")
        let h = page.blocks.first { $0.label == .heading }
        XCTAssertEqual(h?.tag, "h2")
        XCTAssertEqual(h?.text, "What the data show")
        XCTAssertEqual(page.blocks.map(\.index), Array(0..<page.blocks.count))
        // Page-level fields come first.
        XCTAssertEqual(page.blocks.first?.label, .title)
        for b in page.blocks { XCTAssertFalse(b.rule.isEmpty, "no rule for \(b.label.name) \(b.text)") }
    }

    func testTitleFallbacks() {
        let t1 = read("<html><head><title>Budget Passes Senate - The Herald</title></head><body><p>x</p></body></html>").0.title
        XCTAssertEqual(t1, "Budget Passes Senate")
        let t2 = read("<html><head><title>Budget Passes Senate | Herald</title><meta property='og:site_name' content='Herald'></head><body></body></html>").0.title
        XCTAssertEqual(t2, "Budget Passes Senate")
        let t3 = read("<html><head><title>Site</title></head><body><div><h1>A Headline That Is Long Enough</h1><p>Body text of the article, long enough to count as a paragraph here.</p></div></body></html>").0.title
        XCTAssertEqual(t3, "A Headline That Is Long Enough")
        XCTAssertNil(read("<html><body><p>No title anywhere.</p></body></html>").0.title)
    }

    func testMetaAuthorDateAndKeywords() {
        let html = """
        <html><head><meta name="author" content="Sam Smith"><meta name="date" content="March 4, 2019">
        <meta name="keywords" content="politics, economy ,  trade"></head>
        <body><article><p>Text of the article body that is long enough to be a real paragraph in the page.</p></article></body></html>
        """
        let (a, _) = read(html)
        XCTAssertEqual(a.author, "Sam Smith")
        XCTAssertEqual(a.published, "2019-03-04")
        XCTAssertEqual(a.tags, ["politics", "economy", "trade"])
    }

    func testJSONLDVariants() {
        let html = """
        <html><head><script type="application/ld+json">
        [{"@type":"BreadcrumbList"},{"@type":["ReportageNewsArticle"],"author":{"@type":"Person","name":"Ana Ruiz"},
          "datePublished":"2018-10-09","keywords":["elections","senate"],"headline":"Senate adjourns"}]
        </script></head><body><article><p>Article text long enough to be considered a paragraph of the story.</p></article></body></html>
        """
        let (a, _) = read(html)
        XCTAssertEqual(a.author, "Ana Ruiz")
        XCTAssertEqual(a.published, "2018-10-09")
        XCTAssertEqual(a.tags, ["elections", "senate"])
        XCTAssertEqual(a.title, "Senate adjourns")
        // Broken JSON-LD is ignored, not fatal.
        let (b, _) = read("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": </script></head><body><p>x</p></body></html>")
        XCTAssertNil(b.author)
    }

    func testBylineInPage() {
        let html = """
        <html><body><article><h1>Storm Hits Coast</h1><p class="byline">By Maria Lopez, Staff Writer</p>
        <p>The storm hit the coast on Monday night, knocking out power to thousands of homes, officials said.</p>
        <p>Crews worked through the night to restore power, and most homes had it back by morning, they said.</p></article></body></html>
        """
        let (a, _) = read(html)
        XCTAssertEqual(a.author, "Maria Lopez")
        XCTAssertFalse(a.bodyText.contains("By Maria"))
    }

    func testBrSeparatedParagraphs() {
        let html = """
        <html><body><div class="article-body">First paragraph of text, long enough to matter in scoring.<br><br>Second paragraph, also long enough to matter here.<br>A second line of it.<br><br>Third one.</div></body></html>
        """
        let (a, _) = read(html)
        XCTAssertEqual(a.paragraphs.map(\.text), ["First paragraph of text, long enough to matter in scoring.",
                                                  "Second paragraph, also long enough to matter here.\nA second line of it.",
                                                  "Third one."])
    }

    func testWhitespaceEntitiesAndPre() {
        let html = "<html><body><article><p>  Caf&eacute;&nbsp;&amp; \r\n  bar&#8217;s   <b>bold</b>text  &nbsp;</p><pre>line 1\r\n  line 2\n</pre></article></body></html>"
        let (a, _) = read(html)
        XCTAssertEqual(a.paragraphs.first?.text, "Café\u{a0}& bar’s boldtext")
        XCTAssertEqual(a.paragraphs.last?.text, "line 1\n  line 2")
        for p in a.paragraphs {
            XCTAssertFalse(p.text.contains("\r"))
            XCTAssertFalse(p.text.contains("\u{feff}"))
        }
    }

    func testCommentsClosedAndHiddenText() {
        let html = """
        <html><body><article><p>Body paragraph with enough words in it to be the main content of the page.</p>
        <p style="display: none">Hidden paragraph that should not appear anywhere at all.</p>
        <p hidden>Also hidden.</p><span class="sr-only">Screen reader only</span>
        </article><p>Comments are closed.</p></body></html>
        """
        let (a, page) = read(html)
        XCTAssertTrue(a.commentsClosed)
        XCTAssertFalse(page.blocks.contains { $0.text.contains("Hidden") || $0.text.contains("Screen reader") })
    }

    func testEmptyAndTrivialInputs() {
        for input in ["", " ", "\n\n", "<", "<html>", "<!-- only a comment -->", "plain text, no markup"] {
            let page = HTMLReader().read(bytes: Array(input.utf8), source: "x")
            let a = ArticleBuilder.build(source: "x", format: "html", url: page.url, blocks: page.blocks)
            XCTAssertNil(a.author)
            _ = a.json()
        }
        let plain = read("plain text, no markup").0
        XCTAssertEqual(plain.bodyText, "plain text, no markup")
    }

    func testRepeatedReadsAreDeterministic() {
        let a = read(samplePage).0.json()
        for _ in 0..<3 { XCTAssertEqual(read(samplePage).0.json(), a) }
    }

    func testConcurrentReads() {
        let pages = (0..<16).map { i in samplePage.replacingOccurrences(of: "forty years", with: "\(i) years") }
        let expected = pages.map { read($0).0.json() }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var byPage: [Int: Set<String>] = [:]
            func add(_ i: Int, _ s: String) { lock.lock(); byPage[i, default: []].insert(s); lock.unlock() }
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: pages.count * 4) { k in
            let i = k % pages.count
            let page = HTMLReader().read(bytes: Array(pages[i].utf8), source: "page.html")
            _ = page.document?.xpath("//p")
            _ = page.document?.xpath("//p[")
            results.add(i, ArticleBuilder.build(source: "page.html", format: "html", url: page.url, blocks: page.blocks).json())
        }
        for i in pages.indices { XCTAssertEqual(results.byPage[i], [expected[i]]) }
    }

    /// Scripts and styles are skipped without libxml2 reading them; the text
    /// after them, and its line numbers, are as if it had.
    func testRawTextSkipKeepsLinesAndText() {
        let body = "A paragraph after scripts and styles, long enough to be read as the article body here."
        let html = """
        <html><head><title>T</title>
        <style>
        p { color: red }
        /* </p> </div> */
        </style>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Raw Text Headline"}</script>
        </head><body>
        <script>
        var s = "<p>not text</p>"; if (a < b) { x = "</div>"; }
        </SCRIPT>
        <script><div>template</div>
        </script>
        <script></script><style></style><script/>
        <div class="article-body">
        <script>
        1
        2
        </scriptx> still script </script >
        <p>\(body)</p>
        </div>
        <script>never closed
        </body></html>
        """
        let (a, page) = read(html)
        XCTAssertEqual(a.title, "Raw Text Headline")
        let lines = html.split(separator: "\n", omittingEmptySubsequences: false)
        guard let p = page.blocks.first(where: { $0.label == .paragraph }) else { return XCTFail("no paragraph") }
        XCTAssertEqual(p.text, body)
        XCTAssertTrue(lines[p.line - 1].contains("A paragraph after"), "line \(p.line)")
        XCTAssertFalse(page.blocks.contains { $0.text.contains("not text") || $0.text.contains("template") || $0.text.contains("still script") })
    }

    /// A page whose story a script writes (Blogger's `text/template`) and
    /// gives again in `<noscript>` for readers without scripts.
    static func scriptedPage(extra: String = "") -> String {
        let paras = [
            "Over the past few years we have seen threats on the web becoming more sophisticated, with phishing sites that change their addresses every hour.",
            "Turning on the enhanced mode increases protection from dangerous websites and downloads by sharing real-time data with the checking service.",
            "Over the next year we will add more protections to this mode, including warnings tailored to phishing sites and downloaded files.",
        ].map { "<p>\($0)</p>" }.joined()
        return """
        <html><head><title>Enhanced Protection Now Available</title></head><body>
        <h2 class="post-title">Enhanced Protection Now Available</h2>\(extra)
        <div class="post-body"><script type="text/template">\(paras)</script><noscript>\(paras)</noscript></div>
        <noscript><img src="pixel.gif" alt=""></noscript>
        </body></html>
        """
    }

    func testNoscriptIsReadWhenThePageGaveNoBody() {
        let (a, page) = read(Self.scriptedPage())
        XCTAssertEqual(a.sections.flatMap(\.paragraphs).map(\.text).map { String($0.prefix(24)) },
                       ["Over the past few years ", "Turning on the enhanced ", "Over the next year we wi"])
        let p = page.blocks.first { $0.label == .paragraph }
        XCTAssertTrue(p?.rule.contains("; read from <noscript>; p") ?? false, p?.rule ?? "no paragraph")
    }

    func testNoscriptStaysUnreadBesideABody() {
        let story = (1...3).map { "<p>Paragraph \($0) of the story itself, long enough to be read as prose by the extractor, with a full stop at its end.</p>" }.joined()
        let (a, _) = read(Self.scriptedPage(extra: "<article>\(story)</article>"))
        XCTAssertEqual(a.sections.flatMap(\.paragraphs).map(\.text).map { String($0.prefix(12)) },
                       ["Paragraph 1 ", "Paragraph 2 ", "Paragraph 3 "])
    }
}
