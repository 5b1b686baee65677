import Foundation
import XCTest

let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The lectern binary that `swift build` made, as LecternTests finds it.
let lecternBinary: URL = {
    if let env = ProcessInfo.processInfo.environment["LECTERN_BIN"] { return URL(fileURLWithPath: env) }
    let beside = Bundle.main.bundleURL.appendingPathComponent("lectern")
    if FileManager.default.fileExists(atPath: beside.path) { return beside }
    return repoRoot.appendingPathComponent(".build/debug/lectern")
}()

/// Runs a program and captures its output; standard error goes to a file so
/// that neither pipe can fill up.
func runProgram(_ exe: URL, _ args: [String], cwd: URL = repoRoot) throws -> (out: String, err: String, status: Int32) {
    let p = Process()
    p.executableURL = exe
    p.arguments = args
    p.currentDirectoryURL = cwd
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-report-\(UUID().uuidString).err")
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errFile) }
    let outPipe = Pipe()
    p.standardOutput = outPipe
    p.standardError = try FileHandle(forWritingTo: errFile)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let err = (try? Data(contentsOf: errFile)) ?? Data()
    return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), p.terminationStatus)
}

func lectern(_ args: [String]) throws -> (out: String, err: String, status: Int32) {
    try runProgram(lecternBinary, args)
}

func tempDir(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// The golden reports of examples/expected/ and the commands that make them
/// (docs/REPORTS.md lists the same).
let goldenReports: [(file: String, args: [String])] = [
    ("word_frequency.html", ["run", "examples/word_frequency.lua", "seeds/", "--format", "html"]),
    ("country_mentions.html", ["run", "examples/country_mentions.lua", "seeds/", "--format", "html"]),
    ("timeline.html", ["run", "examples/timeline.lua", "seeds/", "--format", "html"]),
    ("comment_stats.html", ["run", "examples/comment_stats.lua", "seeds/", "--format", "html"]),
    ("dispersion.html", ["run", "examples/dispersion.lua", "Tests/ArticleParserTests/Fixtures/layouts/", "--format", "html",
                         "--arg", "term=government"]),
    ("keyness.html", ["run", "examples/keyness.lua", "Tests/ArticleParserTests/Fixtures/layouts/", "--format", "html",
                      "--arg", "top=3"]),
]

final class ReportCLITests: XCTestCase {
    func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    func testExampleReportsMatchTheirGoldenFiles() throws {
        for g in goldenReports {
            let r = try lectern(g.args)
            XCTAssertEqual(r.status, 0, "\(g.args.joined(separator: " ")): \(r.err)")
            XCTAssertEqual(r.err, "", g.file)
            let golden = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/\(g.file)"), encoding: .utf8)
            XCTAssertEqual(r.out, golden, "lectern \(g.args.joined(separator: " ")) differs from examples/expected/\(g.file)")
            let r3 = try lectern(g.args + ["--jobs", "3"])
            XCTAssertEqual(r3.out, r.out, "--jobs 3 changed \(g.file)")
        }
    }

    /// Self-contained: nothing is fetched from anywhere.
    func testReportsLoadNothingFromOutside() throws {
        for g in goldenReports {
            let html = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/\(g.file)"), encoding: .utf8)
            for needle in ["src=", "href=", "@import", "url(", "<link", "http://", "https://"] {
                let allowed = needle == "http://" ? count(html, "xmlns=\"http://www.w3.org/2000/svg\"") : 0
                XCTAssertEqual(count(html, needle), allowed, "\(g.file) contains \(needle)")
            }
        }
    }

    /// The records of the table are the records of --format jsonl, and the bars
    /// are the records the chart selects.
    func testTableAndBarsFollowTheRecords() throws {
        let jsonl = try lectern(["run", "examples/word_frequency.lua", "seeds/", "--arg", "top=7"])
        let html = try lectern(["run", "examples/word_frequency.lua", "seeds/", "--arg", "top=7", "--format", "html"])
        XCTAssertEqual(html.status, 0, html.err)
        let records = jsonl.out.split(separator: "\n")
        XCTAssertEqual(records.count, 7)
        XCTAssertEqual(count(html.out, "<rect class=\"bar\""), 7)
        XCTAssertEqual(count(html.out, "<tr>"), 8)
        XCTAssertTrue(html.out.contains("<tr><td class=\"num\" data-value=\"1\">1</td><td>china</td><td class=\"num\" data-value=\"32\">32</td></tr>"))
        XCTAssertTrue(html.out.contains("<h2>Most frequent words</h2>"))
        // country_mentions: the bar chart takes only the (all) rows, the network its links
        let cm = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/country_mentions.html"), encoding: .utf8)
        XCTAssertEqual(count(cm, "<rect class=\"bar\""), 10)
        XCTAssertEqual(count(cm, "<circle class=\"node\""), 10)
        XCTAssertTrue(cm.contains("<title>China – Russia: 11</title>"), "one link for China (11) and Russia (11)")
        let tl = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/timeline.html"), encoding: .utf8)
        XCTAssertEqual(count(tl, "<line class=\"stem\""), 7, "seven years")
        XCTAssertTrue(tl.contains(">1950</text>") && tl.contains(">2010</text>"), "years on the time axis")
        // dispersion: labels without their common folder; labels that would cover another are left out
        let di = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/dispersion.html"), encoding: .utf8)
        XCTAssertTrue(di.contains("<p class=\"note\">source without the common Tests/ArticleParserTests/Fixtures/layouts/</p>"))
        XCTAssertTrue(di.contains(">blog_02.txt</text>"))
        XCTAssertEqual(count(di, "<circle class=\"point\""), 20)
        let labels = count(di, "class=\"point-label\"")
        XCTAssertTrue(labels > 5 && labels < 20, "\(labels) labels")
    }

    func testOutputFileAndPrintedText() throws {
        let dir = try tempDir(self)
        let script = dir.appendingPathComponent("s.lua")
        try Data(#"""
        chart { kind = "bar", x = "title", y = "paragraphs" }
        function article(a) print("seen"); emit { title = a.title, paragraphs = #a.paragraphs } end
        """#.utf8).write(to: script)
        let out = dir.appendingPathComponent("report.html")
        let r = try lectern(["run", script.path, "seeds/", "--format", "html", "--output", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "seen\n", "printed text stays on standard output")
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<title>s.lua · Lectern report</title>"))
        XCTAssertEqual(count(html, "<rect class=\"bar\""), 1)
        let both = try lectern(["run", script.path, "seeds/", "--format", "html"])
        XCTAssertTrue(both.out.hasPrefix("seen\n<!DOCTYPE html>"), "printed text first, then the page")
    }

    func testBadChartsStopTheRunBeforeAnyArticle() throws {
        let dir = try tempDir(self)
        let cases: [(String, String)] = [
            (#"chart { kind = "pie", x = "a" }"#, "chart: kind must be one of bar, line, histogram, scatter, network, not 'pie'"),
            (#"chart { kind = "bar", x = "word" }"#, #"chart: a bar chart needs x and y, as in chart { kind = "bar", x = "word", y = "count" }"#),
            (#"chart "bar""#, "chart expects a table"),
            (#"function finish() chart { kind = "bar", x = "a", y = "b" } end"#, "chart{...} must be called at the top of the script or in setup"),
        ]
        for (i, c) in cases.enumerated() {
            let script = dir.appendingPathComponent("bad\(i).lua")
            try Data((c.0 + "\nfunction article(a) end\n").utf8).write(to: script)
            let r = try lectern(["run", script.path, "seeds/", "--format", "html"])
            XCTAssertTrue(r.err.contains(c.1), "\(c.0): \(r.err)")
            XCTAssertTrue(r.err.contains("bad\(i).lua:1:"), "the message names the script and line: \(r.err)")
            if i < 3 {
                XCTAssertEqual(r.status, 2, c.0)
                XCTAssertEqual(r.out, "", "nothing ran")
            } else {
                XCTAssertEqual(r.status, 1, "finish failed")
            }
        }
        // a field no record has: the report says so, and so does standard error
        let script = dir.appendingPathComponent("typo.lua")
        try Data(#"chart { kind = "bar", x = "titel", y = "n" }; function article(a) emit { title = a.title, n = 1 } end"#.utf8).write(to: script)
        let r = try lectern(["run", script.path, "seeds/", "--format", "html"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("lectern: html: chart 1 (bar) has nothing to draw: no record has the field 'titel' (fields: n, title)"), r.err)
        XCTAssertTrue(r.out.contains("no record has the field &#39;titel&#39;"), "in the chart's box")
    }
}
