// Shared helpers for the parser tests.

import XCTest
import ArticleModel
@testable import ArticleParser

func parse(_ text: String, rules: ParserRules = .defaults()) -> Article {
    TextReader(rules: rules).parse(text: text, source: "test")
}

func blocks(_ text: String, rules: ParserRules = .defaults()) -> [Block] {
    TextReader(rules: rules).blocks(from: text)
}

/// The first block whose text is `text`.
func block(_ text: String, in blocks: [Block], file: StaticString = #filePath, line: UInt = #line) -> Block? {
    let b = blocks.first { $0.text == text }
    if b == nil { XCTFail("no block '\(text)' in \(blocks.map(\.text))", file: file, line: line) }
    return b
}

/// A long-enough body paragraph.
let para1 = "The committee met on Tuesday to discuss the proposal, which has divided members for months."
let para2 = "Officials said a decision would come later this year, after a public consultation."
let para3 = "Critics argue the plan does too little, while supporters say it is a careful first step."

/// Directory of the repository's `seeds/`.
let seedsDirectory: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast(3)                     // Tests/ArticleParserTests/Support.swift
    return parts.joined(separator: "/") + "/seeds"
}()

let fixturesDirectory: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    parts.removeLast()
    return parts.joined(separator: "/") + "/Fixtures"
}()

func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// Checks an article against one entry of an expected.json file (the format of
/// seeds/expected.json). Every absent key is left unchecked.
func check(_ a: Article, against e: [String: Any], name: String, file: StaticString = #filePath, line: UInt = #line) {
    func eq<T: Equatable>(_ got: T?, _ key: String) {
        guard e.keys.contains(key) else { return }
        let want = e[key] is NSNull ? nil : e[key] as? T
        XCTAssertEqual(got, want, "\(name): \(key)", file: file, line: line)
    }
    eq(a.title, "title")
    eq(a.author, "author")
    eq(a.imageCredit, "image_credit")
    eq(a.published, "published")
    eq(a.commentsClosed, "comments_closed")
    if let h = e["headings"] as? [Any] {
        XCTAssertEqual(a.sections.map { $0.heading ?? "<null>" }, h.map { ($0 as? String) ?? "<null>" },
                       "\(name): headings", file: file, line: line)
    }
    if let p = e["paragraphs_per_section"] as? [Int] {
        XCTAssertEqual(a.sections.map { $0.paragraphs.count }, p, "\(name): paragraphs_per_section", file: file, line: line)
    }
    if let nav = e["navigation"] as? [String: Any] {
        XCTAssertEqual(a.navigation.previous, nav["previous"] as? String, "\(name): navigation.previous", file: file, line: line)
        XCTAssertEqual(a.navigation.next, nav["next"] as? String, "\(name): navigation.next", file: file, line: line)
    }
    if let t = e["tags"] as? [String] { XCTAssertEqual(a.tags, t, "\(name): tags", file: file, line: line) }
    if let c = e["comments"] as? Int { XCTAssertEqual(a.comments.count, c, "\(name): comments", file: file, line: line) }
    // "Body" here is what a reader of the article sees: headings and paragraphs.
    let body = a.sections.map { s in ([s.heading ?? ""] + s.paragraphs.map(\.text)).joined(separator: "\n\n") }
        .joined(separator: "\n\n")
    for s in e["with"] as? [String] ?? [] {
        XCTAssertTrue(body.contains(s), "\(name): body lacks '\(s)'", file: file, line: line)
    }
    for s in e["without"] as? [String] ?? [] {
        XCTAssertFalse(body.contains(s), "\(name): body has '\(s)'", file: file, line: line)
    }
}
