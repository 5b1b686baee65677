import Foundation
import XCTest

/// `site`, `id`, `language`, `published_time` (issue 14) in `lectern parse`
/// JSON and in Lua.
final class ModelFieldsCLITests: XCTestCase {
    let body = [
        "The committee met on Tuesday to discuss the proposal, which has divided members for months and will be decided in the spring.",
        "Officials said a decision would come later this year, after a public consultation that is expected to draw thousands of replies.",
    ]

    func objects(_ out: String) throws -> [[String: Any]] {
        try out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// What `printf %s S | sha256sum | cut -c1-16` prints (the documented way to check an id).
    func sha16(_ s: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe; p.standardOutput = outPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(s.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = String(decoding: outPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(out.prefix(16))
    }

    func testParsePrintsTheFieldsInPlace() throws {
        let dir = try tempDir(self)
        let text = try write(dir, "corpus/bbc/a.txt", "Committee Weighs The Plan\n\nMarch 3, 2016, 10:12 am\n\n" + body.joined(separator: "\n\n") + "\n")
        let jsonl = try write(dir, "corpus/feeds/f.jsonl", #"{"url":"https://www.Example.com/news/1","published":"2024-03-14T09:30:00+01:00","text":"\#(body[0])\n\n\#(body[1])"}"# + "\n")
        let r = try lectern(["parse", text, jsonl])
        XCTAssertEqual(r.status, 0, r.err)
        let (a, b) = try (objects(r.out)[0], objects(r.out)[1])
        XCTAssertEqual(a["site"] as? String, "bbc")
        XCTAssertEqual(a["id"] as? String, try sha16(text))
        XCTAssertEqual(a["language"] as? String, "en")
        XCTAssertEqual(a["published"] as? String, "2016-03-03")
        XCTAssertEqual(a["published_time"] as? String, "2016-03-03T10:12")
        XCTAssertEqual(b["site"] as? String, "example.com")
        XCTAssertEqual(b["id"] as? String, try sha16("https://www.Example.com/news/1"))
        XCTAssertEqual(b["published"] as? String, "2024-03-14")
        XCTAssertEqual(b["published_time"] as? String, "2024-03-14T09:30:00+01:00")
        // site, id and language follow url; published_time follows published.
        let line = String(r.out.split(separator: "\n")[0])
        let keys = ["url", "site", "id", "language", "title", "author", "published", "published_time", "image_credit"]
        let positions = keys.map { line.range(of: "\"\($0)\":")!.lowerBound }
        XCTAssertEqual(positions, positions.sorted(), "keys out of order in \(line)")
        // Standard input has no directory: site is null.
        let s = try lectern(["parse", "-"], stdin: sampleArticle(title: "A Headline Here", paragraphs: body))
        let o = try objects(s.out)[0]
        XCTAssertTrue(o["site"] is NSNull)
        XCTAssertEqual(o["id"] as? String, try sha16("-"))
    }

    /// A JSON Lines `published` without a time keeps the page's time of that day.
    func testJSONLDateAndThePagesTime() throws {
        let dir = try tempDir(self)
        let page = "Committee Weighs The Plan\\n\\nMarch 3, 2016, 10:12 am\\n\\n\(body[0])\\n\\n\(body[1])"
        let f = try write(dir, "f.jsonl", """
            {"published":"2016-03-03","text":"\(page)"}
            {"published":"2016-03-04","text":"\(page)"}
            {"text":"\(page)"}

            """)
        let r = try lectern(["parse", f])
        XCTAssertEqual(r.status, 0, r.err)
        let o = try objects(r.out)
        XCTAssertEqual(o.map { $0["published"] as? String }, ["2016-03-03", "2016-03-04", "2016-03-03"])
        XCTAssertEqual(o.map { $0["published_time"] as? String }, ["2016-03-03T10:12", nil, "2016-03-03T10:12"])
    }

    func testWARCRecordIDIsTheID() throws {
        let r = try lectern(["parse", "Tests/LecternTests/Fixtures/warc/pages.warc.gz"])
        XCTAssertEqual(r.status, 0, r.err)
        let articles = try objects(r.out)
        XCTAssertFalse(articles.isEmpty)
        for a in articles {
            XCTAssertEqual(a["id"] as? String, try sha16(a["record_id"] as! String))
            let url = URL(string: a["url"] as! String)!
            XCTAssertEqual(a["site"] as? String, url.host!.lowercased().replacingOccurrences(of: "www.", with: ""))
        }
    }

    func testLuaReadsTheFieldsAndTheyDoNotDependOnJobs() throws {
        let dir = try tempDir(self)
        for i in 1...5 {
            try write(dir, "corpus/site\(i % 2)/a\(i).txt", sampleArticle(title: "Headline Number \(i) Here", paragraphs: body))
        }
        try write(dir, "corpus/de/x.html", """
            <html lang="de-DE"><head><title>Schulen geschlossen</title>
            <meta property="article:published_time" content="2024-03-14T10:00:00+01:00"></head>
            <body><article><h1>Schulen geschlossen</h1><p>\(body[0])</p><p>\(body[1])</p></article></body></html>
            """)
        let script = try write(dir, "f.lua", """
            function article(a)
              emit { site = a.site, id = a.id, language = a.language or "nil", time = a.published_time or "nil" }
            end
            """)
        let one = try lectern(["run", script, dir.appendingPathComponent("corpus").path, "--jobs", "1", "--format", "csv"])
        let three = try lectern(["run", script, dir.appendingPathComponent("corpus").path, "--jobs", "3", "--format", "csv"])
        XCTAssertEqual(one.status, 0, one.err)
        XCTAssertEqual(one.out, three.out)
        let rows = one.out.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows.count, 7)
        XCTAssertEqual(rows[0], ["id", "language", "site", "time"])
        XCTAssertEqual(rows[1][0].count, 16)
        XCTAssertEqual(Array(rows[1].dropFirst()), ["de", "de", "2024-03-14T10:00:00+01:00"])   // declared, not detected
        XCTAssertEqual(Array(rows[2].dropFirst()), ["en", "site0", "nil"])
        XCTAssertEqual(Set(rows.dropFirst().map { $0[0] }).count, 6, "ids differ between articles")
        // A misspelt new field names the right one.
        let bad = try write(dir, "b.lua", "function article(a) return a.langauge end")
        let e = try lectern(["run", bad, dir.appendingPathComponent("corpus/de").path])
        XCTAssertEqual(e.status, 1)
        XCTAssertTrue(e.err.contains("a.langauge: the article has no field 'langauge' (did you mean language?)"), e.err)
    }
}
