import XCTest
import HTMLExtractor

final class XPathTests: XCTestCase {
    let html = """
    <html><head><title>T</title><link rel="canonical" href="https://e.com/a"></head>
    <body><div id="main" class="story"><h1>  Big   News </h1><p>One</p><p>Two <b>bold</b></p>
    <a href="/x">link</a></div></body></html>
    """

    var doc: HTMLDocument { HTMLReader().read(bytes: Array(html.utf8), source: "t").document! }

    func testNodeSets() {
        XCTAssertEqual(try doc.xpath("//p").get(), ["One", "Two bold"])
        XCTAssertEqual(try doc.xpath("//h1").get(), ["Big News"])
        XCTAssertEqual(try doc.xpath("//link[@rel='canonical']/@href").get(), ["https://e.com/a"])
        XCTAssertEqual(try doc.xpath("//div/@class").get(), ["story"])
        XCTAssertEqual(try doc.xpath("//p/text()").get(), ["One", "Two "])
        XCTAssertEqual(try doc.xpath("//table").get(), [])
    }

    func testScalars() {
        XCTAssertEqual(try doc.xpath("count(//p)").get(), ["2"])
        XCTAssertEqual(try doc.xpath("count(//p) div 4").get(), ["0.5"])
        XCTAssertEqual(try doc.xpath("boolean(//h1)").get(), ["true"])
        XCTAssertEqual(try doc.xpath("string(//title)").get(), ["T"])
        XCTAssertEqual(try doc.xpath("name(//*[@id='main'])").get(), ["div"])
    }

    func testInvalidExpressionFailsQuietly() {
        let stderrOut = captureStderr {
            for bad in ["//p[", "///", "count(", "@@", "//p[@class='x'"] {
                switch doc.xpath(bad) {
                case .success(let v): XCTFail("\(bad) succeeded: \(v)")
                case .failure(let e): XCTAssertTrue(e.message.hasPrefix("invalid XPath expression: \(bad)"), e.message)
                }
            }
        }
        XCTAssertEqual(stderrOut, "", "libxml2 printed to stderr")
    }

    func testDocumentOfEmptyAndBinaryInput() {
        for bytes: [UInt8] in [[], [0, 1, 2, 3, 255], Array("just text".utf8)] {
            let d = HTMLReader().read(bytes: bytes, source: "x").document!
            XCTAssertNoThrow(try d.xpath("//p").get())
            XCTAssertNoThrow(try d.xpath("count(//*)").get())
        }
    }

    func testStandaloneDocument() {
        let d = HTMLDocument(bytes: Array("<p>hi</p>".utf8))
        XCTAssertEqual(try d.xpath("//p").get(), ["hi"])
    }

    func testManyDocumentsAreFreed() {
        // Not a leak check as such; makes sure creating and dropping documents
        // (parsed and never parsed) is fine.
        for i in 0..<200 {
            let d = HTMLReader().read(bytes: Array(html.utf8), source: "t").document!
            if i % 2 == 0 { _ = d.xpath("//p") }
        }
    }
}

/// Runs `body` with file descriptor 2 redirected to a pipe; returns what was written.
func captureStderr(_ body: () -> Void) -> String {
    fflush(nil)
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { body(); return "" }
    let saved = dup(2)
    dup2(fds[1], 2)
    body()
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    close(fds[1])
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = read(fds[0], &buf, buf.count)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    close(fds[0])
    return String(decoding: out, as: UTF8.self)
}
