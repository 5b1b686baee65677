import XCTest
@testable import HTMLExtractor

/// Exact event streams of the own tokenizer + tree builder for small made-up
/// inputs ("<p@LINE attr=value>", "</p>", "[text]" as Page receives them).
final class TokenizerTests: XCTestCase {
    func events(_ s: String) -> String { Tokenizer.trace(Array(s.utf8)) }

    func testImpliedElementsAndParagraphs() {
        XCTAssertEqual(events("<p>one<p>two"),
                       "<html@1><body@1><p@1>[one]</p><p@1>[two]</p></body></html>")
        XCTAssertEqual(events("<ul><li>a<li>b</ul><dl><dt>t<dd>d<dt>u</dl>"),
                       "<html@1><body@1><ul@1><li@1>[a]</li><li@1>[b]</li></ul><dl@1><dt@1>[t]</dt><dd@1>[d]</dd><dt@1>[u]</dt></dl></body></html>")
        XCTAssertEqual(events("<table><tr><td>a<td>b<tr><th>c</table>"),
                       "<html@1><body@1><table@1><tr@1><td@1>[a]</td><td@1>[b]</td></tr><tr@1><th@1>[c]</th></tr></table></body></html>")
        XCTAssertEqual(events("<select><option>a<option>b</select>"),
                       "<html@1><body@1><select@1><option@1>[a]</option><option@1>[b]</option></select></body></html>")
        // A block closes an open p only when the p is the current element (libxml2).
        XCTAssertEqual(events("<p>a<div>b</div><p><span>c<div>d"),
                       "<html@1><body@1><p@1>[a]</p><div@1>[b]</div><p@1><span@1>[c]<div@1>[d]</div></span></p></body></html>")
        // Head elements imply a head; text that is not blank in the head opens body and p.
        XCTAssertEqual(events("<title>T</title><meta name=a content=b>text<p>x"),
                       "<html@1><head@1><title@1>[T]</title><meta@1 name=a content=b></meta></head><body@1><p@1>[text]</p><p@1>[x]</p></body></html>")
        XCTAssertEqual(events("<html> \n <head> <script>s</script> </head>\n<body class=k><div>x</div></body></html>"),
                       "<html@1>[ \n ]<head@2>[ ]<script@2>[s]</script>[ ]</head>[\n]<body@3 class=k><div@3>[x]</div></body></html>")
        // A second html or body start tag is dropped, and so is its end tag.
        XCTAssertEqual(events("<body><p>a<body class=x>b</body>c"),
                       "<html@1><body@1><p@1>[a]</p>[b][c]</body></html>")
        // Text after </body></html> gets an implied p (and html) of its own.
        XCTAssertEqual(events("<p>x</body>y</html>z"),
                       "<html@1><body@1><p@1>[x]</p></body><p@1>[y]</p></html><html@1><p@1>[z]</p></html>")
    }

    func testEndTags() {
        // Stray end tags are ignored, </p> without a p too.
        XCTAssertEqual(events("<div>x</span>y</p></div>z</div>"),
                       "<html@1><body@1><div@1>[x][y]</div>[z]</body></html>")
        // An end tag closes what is open above its element...
        XCTAssertEqual(events("<div><span><b>x</div>y"),
                       "<html@1><body@1><div@1><span@1><b@1>[x]</b></span></div>[y]</body></html>")
        // ...unless one of them ranks higher: </div> does not close a td.
        XCTAssertEqual(events("<div><table><tr><td>x</div>y</td></tr></table></div>"),
                       "<html@1><body@1><div@1><table@1><tr@1><td@1>[x][y]</td></tr></table></div></body></html>")
        XCTAssertEqual(events("<span><div>x</span>y</div>"),
                       "<html@1><body@1><span@1><div@1>[x][y]</div></span></body></html>")
    }

    func testDeepAndWide() {
        // An end tag more than 1,024 open elements down closes nothing; the end of the page does.
        let deep = "<div>" + String(repeating: "<b>", count: 1100) + "x</div>y"
        let t = events(deep)
        XCTAssertTrue(t.hasSuffix("[x][y]" + String(repeating: "</b>", count: 1100) + "</div></body></html>"))
        let shallow = "<div>" + String(repeating: "<b>", count: 1000) + "x</div>y"
        XCTAssertTrue(events(shallow).hasSuffix("[x]" + String(repeating: "</b>", count: 1000) + "</div>[y]</body></html>"))
        // 100,000 attributes, duplicates dropped (first wins), in linear time.
        let attrs = (0..<100_000).map { "a\($0 % 50_000)=\"v\($0)\"" }.joined(separator: " ")
        let w = events("<div \(attrs)>t</div>")
        XCTAssertTrue(w.contains(" a49999=v49999>[t]"))
        XCTAssertFalse(w.contains("v50000"))
    }

    func testVoidAndSelfClosing() {
        XCTAssertEqual(events("<p>a<br>b<img src=x>c<wbr>d<hr>e"),
                       "<html@1><body@1><p@1>[a]<br@1></br>[b]<img@1 src=x></img>[c]<wbr@1></wbr>[d]</p><hr@1></hr>[e]</body></html>")
        // An unquoted value takes the '/': not self-closing.
        XCTAssertEqual(events("<div/>x<br/><span class=a/>y"),
                       "<html@1><body@1><div@1></div>[x]<br@1></br><span@1 class=a/>[y]</span></body></html>")
    }

    func testAttributes() {
        XCTAssertEqual(events("<div CLASS=\"a b\" class=c ID='x' data-x=1 hidden title=\"a&amp;b\" href=\"?a=1&copy=2&amp=3\" e= f>"),
                       "<html@1><body@1><div@1 class=a b id=x data-x=1 hidden title=a&b href=?a=1&copy=2&amp=3 e=f></div></body></html>")
        // Odd names: everything up to space, '/', '>' or '='.
        XCTAssertEqual(events("<a \"q\"=1 @click=go x/y>t</a>"),
                       "<html@1><body@1><a@1 \"q\"=1 @click=go x y>[t]</a></body></html>")
        // A '>' inside a quoted value does not end the tag.
        XCTAssertEqual(events("<a title=\"1 > 0\">t</a>"),
                       "<html@1><body@1><a@1 title=1 > 0>[t]</a></body></html>")
    }

    func testCharacterReferences() {
        XCTAssertEqual(events("<p>a &amp; b &copy 2 &notit; &notin; &#150; &#x1F600; &#0; &#xD800; &#1114112; &bogus; &#; &AMP &lt</p>"),
                       "<html@1><body@1><p@1>[a ][&][ b ][©][ 2 ][¬][it; ][∉][ ][–][ ][😀][ ][\u{FFFD}][ ][\u{FFFD}][ ][\u{FFFD}][ ][&][bogus; ][&][#; ][&][ ][<]</p></body></html>")
        // Two code points.
        XCTAssertEqual(events("<p>&NotEqualTilde;</p>"), "<html@1><body@1><p@1>[\u{2242}\u{338}]</p></body></html>")
    }

    func testRawTextAndRCDATA() {
        XCTAssertEqual(events("<script>if (a<b) x='</div>'; y='</scripts>'</script><p>x"),
                       "<html@1><head@1><script@1>[if (a<b) x='</div>'; y='</scripts>']</script></head><body@1><p@1>[x]</p></body></html>")
        XCTAssertEqual(events("<style>p > a {}</STYLE ><title>A &amp; <b>B</b></title>"),
                       "<html@1><head@1><style@1>[p > a {}]</style><title@1>[A ][&][ <b>B</b>]</title></head></html>")
        XCTAssertEqual(events("<div><textarea><p>t</textarea><xmp><b></xmp><iframe><p>no</p></iframe></div>"),
                       "<html@1><body@1><div@1><textarea@1>[<p>t]</textarea><xmp@1>[<b>]</xmp><iframe@1>[<p>no</p>]</iframe></div></body></html>")
        // Unclosed: raw text to the end of the page.
        XCTAssertEqual(events("<p>a<script>b<p>c"), "<html@1><body@1><p@1>[a]<script@1>[b<p>c]</script></p></body></html>")
        // `<script/>` ends at once (libxml2).
        XCTAssertEqual(events("<script src=x /><p>y"), "<html@1><head@1><script@1 src=x></script></head><body@1><p@1>[y]</p></body></html>")
    }

    func testCommentsDoctypeAndStrayMarkup() {
        XCTAssertEqual(events("<!DOCTYPE html><!-- a <p> --><p>x<!--->y<!-->z<![if !IE]>w<![endif]><?php x ?>v<![CDATA[c]]>u</p>"),
                       "<html@1><body@1><p@1>[x][y][z][w][v][u]</p></body></html>")
        // '<' that starts no tag is text, an event of its own; "</>" is dropped.
        XCTAssertEqual(events("<p>a < b <3 </> c</ d></p>"),
                       "<html@1><body@1><p@1>[a ][<][ b ][<][3 ][ c]</p></body></html>")
        // Unterminated comment: to the end.
        XCTAssertEqual(events("<p>a<!-- b <p>c"), "<html@1><body@1><p@1>[a]</p></body></html>")
    }

    func testTruncatedTags() {
        XCTAssertEqual(events("<p>a<div class=\"x"), "<html@1><body@1><p@1>[a]</p></body></html>")
        XCTAssertEqual(events("<p>a</p"), "<html@1><body@1><p@1>[a]</p></body></html>")
        // A '<' or '</' at the very end is a cut-off tag too.
        XCTAssertEqual(events("<p>a<"), "<html@1><body@1><p@1>[a]</p></body></html>")
        XCTAssertEqual(events("<p>a</"), "<html@1><body@1><p@1>[a]</p></body></html>")
        XCTAssertEqual(events(""), "")
        XCTAssertEqual(events("<"), "")
        XCTAssertEqual(events("a</"), "<html@1><body@1><p@1>[a]</p></body></html>")
    }

    func testLines() {
        // A start tag's line is the line of its end; text has the line of its end.
        XCTAssertEqual(events("<p>a\r\nb</p>\r\n<p\r\nclass=x>c\n</p>"),
                       "<html@1><body@1><p@1>[a\r\nb]</p>[\r\n]<p@4 class=x>[c\n]</p></body></html>")
        // A lone CR is no line break in a file that has LFs (libxml2)...
        XCTAssertEqual(events("<p>a\rb</p><p>c\n"), "<html@1><body@1><p@1>[a\rb]</p><p@1>[c\n]</p></body></html>")
        // ... but ends the lines of a file with none (old Mac files), so --explain's lines are right there too.
        XCTAssertEqual(events("<p>a\rb</p><p>c"), "<html@1><body@1><p@1>[a\rb]</p><p@2>[c]</p></body></html>")
        // Raw text lines count too.
        XCTAssertEqual(events("<script>\n\n</script><p>x"),
                       "<html@1><head@1><script@1>[\n\n]</script></head><body@3><p@3>[x]</p></body></html>")
        // Long text comes in pieces of at least 1,000 bytes, each with its own line.
        let long = String(repeating: "a", count: 999) + "\n" + String(repeating: "b", count: 10)
        XCTAssertEqual(events("<p>" + long + "</p>"),
                       "<html@1><body@1><p@1>[" + String(repeating: "a", count: 999) + "\n][" + String(repeating: "b", count: 10) + "]</p></body></html>")
    }

    func testInvalidUTF8AndNULPassThrough() {
        // The tokenizer looks at ASCII only: other bytes pass through untouched.
        let bytes: [UInt8] = Array("<p>a".utf8) + [0xFF, 0xC3, 0x00, 0x80] + Array("b<i\u{0}x>c</p>".utf8)
        let t = Tokenizer.trace(bytes)
        XCTAssertTrue(t.hasPrefix("<html@1><body@1><p@1>[a"), t)
        // NUL in a name or value becomes U+FFFD (a C string would end there).
        XCTAssertTrue(t.hasSuffix("b]<i\u{FFFD}x@1>[c]</i\u{FFFD}x></p></body></html>"), t)
        XCTAssertEqual(events("<a title=\"x\u{0}y\">t</a>"), "<html@1><body@1><a@1 title=x\u{FFFD}y>[t]</a></body></html>")
    }

    func testConversionToUTF8() {
        let w: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x81, 0x80]
        XCTAssertEqual(String(decoding: w.withUnsafeBufferPointer { Charset.toUTF8($0, from: "windows-1252") }, as: UTF8.self),
                       "café \u{201C}q\u{201D} \u{81}€")
        // iconv: an invalid sequence becomes U+FFFD and reading goes on.
        let sj: [UInt8] = [0x82, 0xA0, 0xFF, 0x41, 0x82]
        XCTAssertEqual(String(decoding: sj.withUnsafeBufferPointer { Charset.toUTF8($0, from: "shift_jis") }, as: UTF8.self),
                       "あ\u{FFFD}A\u{FFFD}")
        let le: [UInt8] = [0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00, 0x3E, 0x00, 0xE9, 0x00]
        XCTAssertEqual(String(decoding: le.withUnsafeBufferPointer { Charset.toUTF8($0, from: "UTF-16LE") }, as: UTF8.self),
                       "\u{FEFF}<p>é")
        // Unknown encodings read as windows-1252.
        XCTAssertEqual(String(decoding: [0xE9].withUnsafeBufferPointer { Charset.toUTF8($0, from: "x-no-such") }, as: UTF8.self), "é")
    }

    /// The own parser and libxml2's give the same Page on ordinary pages.
    func testSameAsLibXMLOnSamplePages() {
        let pages = [samplePage,
                     "<html><head><title>T</title><meta property=og:title content=X></head><body><div class=story><h1>H</h1><p>One, two.<br>Three <a href=/x>link</a></p><ul><li>a<li>b</ul><table><tr><td>c<td>d</table></div></body></html>"]
        for s in pages {
            let b = Array(s.utf8)
            let own = b.withUnsafeBufferPointer { Page.parseOwn($0, encoding: "UTF-8").dump() }
            let lib = b.withUnsafeBufferPointer { Page.parseLibXML($0, encoding: "UTF-8").dump() }
            XCTAssertEqual(own, lib)
            XCTAssertFalse(own.isEmpty)
        }
    }

    func testPageDropsNULAndControls() {
        let b: [UInt8] = Array("<html><body><p>a".utf8) + [0] + Array("b\u{1}c &#0; d</p></body></html>".utf8)
        let page = b.withUnsafeBufferPointer { Page.parseOwn($0, encoding: "UTF-8") }
        XCTAssertEqual(page.chunks.map { page.text($0) }, ["abc \u{FFFD} d"])
    }
}
