// The real page in seeds/ against its expected parse.

import XCTest
import ArticleModel
@testable import ArticleParser

final class SeedTests: XCTestCase {
    func loadExpected(_ dir: String) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/expected.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    func testSeedMatchesExpected() throws {
        let expected = try loadExpected(seedsDirectory)
        XCTAssertFalse(expected.isEmpty)
        for (name, e) in expected {
            let bytes = try readBytes(seedsDirectory + "/" + name)
            let (text, warning) = TextDecoding.decode(bytes)
            XCTAssertNil(warning)
            let a = TextReader().parse(text: text, source: name)
            check(a, against: e, name: name)
        }
    }

    func testSeedDetails() throws {
        let name = "000_8f5469b864b2d86d.txt"
        let text = TextDecoding.decode(try readBytes(seedsDirectory + "/" + name)).text
        let a = parse(text)
        XCTAssertEqual(a.title, "The Growing China-Russia Relationship")
        XCTAssertEqual(a.author, "Stephen Paul Brooker")
        XCTAssertEqual(a.imageCredit, "MaoNo / Pixabay")
        XCTAssertNil(a.published)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Historic Sino-Russian Relations", "Divergent Goals"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 7, 4])
        XCTAssertEqual(a.tags, [])
        XCTAssertEqual(a.comments.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertTrue(a.comments[0].text.hasPrefix("People in charge don’t"))
        XCTAssertTrue(a.commentsClosed)
        XCTAssertTrue(a.authorBio?.hasPrefix("Stephen Paul Brooker is a writer") ?? false)
        // Every body paragraph is exactly one line of the file.
        let lines = Set(text.split(separator: "\n").map { String($0) })
        for p in a.paragraphs { XCTAssertTrue(lines.contains(p.text), "not a line of the file: \(p.text.prefix(60))") }
        XCTAssertEqual(a.paragraphs.first?.text.hasPrefix("Increasingly, Russia and China"), true)
        // The boilerplate between, with its kinds.
        XCTAssertEqual(a.boilerplate.map(\.kind), ["widget", "promo", "promo", "meta", "widget"])
        XCTAssertEqual(a.boilerplate.first?.text, "Play Quizzes 4")
    }

    func testSeedBlockLinesAndRules() throws {
        let text = TextDecoding.decode(try readBytes(seedsDirectory + "/000_8f5469b864b2d86d.txt")).text
        let bs = blocks(text)
        XCTAssertEqual(bs.first?.line, 1)
        XCTAssertEqual(block("MaoNo / Pixabay", in: bs)?.line, 4)
        XCTAssertEqual(block("Play Quizzes 4", in: bs)?.rule, "rules:widget 'play quizzes #'")
        XCTAssertEqual(block("Historic Sino-Russian Relations", in: bs)?.label, .heading)
        XCTAssertEqual(block("Updated on", in: bs)?.label, .boilerplate("meta"))
        let nav = bs.first { $0.label == .navPrevious }
        XCTAssertEqual(nav?.line, 45)
        XCTAssertEqual(nav?.value, "Apple iPhone 6S Event: How And Where To Watch The Live Stream")
        XCTAssertEqual(bs.last?.label, .commentsClosed)
        for (k, b) in bs.enumerated() {
            XCTAssertEqual(b.index, k)
            XCTAssertFalse(b.rule.isEmpty)
            XCTAssertEqual(b.text, b.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Fixture corpora written in the same format (Fixtures/**/expected.json).
    func testFixtureCorpora() throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: fixturesDirectory) else { return }
        // Exact on the development corpus; held-out corpora are scored (see docs/FIXTURES.md).
        for case let rel as String in walker where rel.hasSuffix("expected.json") && rel.hasPrefix("layouts/") {
            let dir = (fixturesDirectory + "/" + rel).split(separator: "/").dropLast().joined(separator: "/")
            guard let expected = try? loadExpected("/" + dir) else { continue }
            for (name, e) in expected {
                guard let bytes = try? readBytes("/" + dir + "/" + name) else { continue }
                let a = TextReader().parse(text: TextDecoding.decode(bytes).text, source: name)
                check(a, against: e, name: rel + ": " + name)
            }
        }
    }
}
