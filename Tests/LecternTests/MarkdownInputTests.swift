// docs/INPUTS.md and docs/TEXT.md: Markdown files in a directory are read, as
// Markdown, with the reader header's URL; --explain says why a menu is out.
import Foundation
import XCTest

final class MarkdownInputTests: XCTestCase {
    func testMarkdownFilesInADirectoryAreReadAsMarkdown() throws {
        let dir = try tempDir(self)
        let page = """
            Title: Ferry service suspended
            URL Source: https://news.example.com/ferry
            Markdown Content:
            # Ferry service suspended

            The **ferry** will be out of service for three weeks, the [operator](https://x.example/op) said on Monday.

            Passengers can take a smaller replacement boat, which carries twelve people but no cars at all.
            """
        try page.write(to: dir.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try "ignored".write(to: dir.appendingPathComponent("b.lua"), atomically: true, encoding: .utf8)
        let r = try lectern(["parse", dir.path])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let a = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(a["title"] as? String, "Ferry service suspended")
        XCTAssertEqual(a["url"] as? String, "https://news.example.com/ferry")
        let sections = try XCTUnwrap(a["sections"] as? [[String: Any]])
        let paras = try XCTUnwrap(sections.first?["paragraphs"] as? [[String: Any]])
        XCTAssertEqual(paras.first?["text"] as? String,
                       "The ferry will be out of service for three weeks, the operator said on Monday.")
    }

    func testExplainSaysWhyAMenuLineIsOut() throws {
        let menu = (1...12).map { "* Section \($0)" }.joined(separator: "\n")
        let para = "The council voted on Tuesday to build the new tram line, which has divided the city for years."
        let page = menu + "\n\nCouncil approves the new tram line after years of debate\n\n" + [para, para, para].joined(separator: "\n\n") + "\n"
        let r = try lectern(["parse", "--explain", "-"], stdin: page)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("<- nav: outside the main prose region (lines 14-20): run of 12 short link-like lines"), r.out)
        XCTAssertTrue(r.out.contains("title                Council approves the new tram line after years of debate"), r.out)
    }
}
