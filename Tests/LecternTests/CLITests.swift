import Foundation
import XCTest

/// The command line of CONTRACT.md: outputs, messages and exit statuses.
final class CLITests: XCTestCase {
    func testParseSeedGivesTheExpectedModel() throws {
        let r = try lectern(["parse", seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let obj = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        let expectedAll = try JSONSerialization.jsonObject(with: Data(contentsOf: repoRoot.appendingPathComponent("seeds/expected.json"))) as! [String: Any]
        let expected = expectedAll["000_8f5469b864b2d86d.txt"] as! [String: Any]
        XCTAssertEqual(obj["source"] as? String, seedPath)
        XCTAssertEqual(obj["title"] as? String, expected["title"] as? String)
        XCTAssertEqual(obj["author"] as? String, expected["author"] as? String)
        XCTAssertEqual(obj["image_credit"] as? String, expected["image_credit"] as? String)
        XCTAssertTrue(obj["published"] is NSNull)
        let sections = obj["sections"] as! [[String: Any]]
        XCTAssertEqual(sections.map { $0["heading"] as? String }, (expected["headings"] as! [Any]).map { $0 as? String })
        XCTAssertEqual(sections.map { ($0["paragraphs"] as! [Any]).count }, expected["paragraphs_per_section"] as! [Int])
        let nav = obj["navigation"] as! [String: Any]
        let enav = expected["navigation"] as! [String: Any]
        XCTAssertEqual(nav["previous"] as? String, enav["previous"] as? String)
        XCTAssertEqual(nav["next"] as? String, enav["next"] as? String)
        XCTAssertEqual((obj["tags"] as! [Any]).count, 0)
        XCTAssertEqual((obj["comments"] as! [Any]).count, expected["comments"] as? Int)
        XCTAssertEqual(obj["comments_closed"] as? Bool, true)
        // Every body paragraph is a line of the file, exactly.
        let fileLines = Set(try String(contentsOf: repoRoot.appendingPathComponent(seedPath), encoding: .utf8)
            .split(separator: "\n").map(String.init))
        let body = sections.flatMap { ($0["paragraphs"] as! [[String: Any]]).map { $0["text"] as! String } }
        for p in body { XCTAssertTrue(fileLines.contains(p), "not a line of the seed: \(p.prefix(60))") }
        let joined = body.joined(separator: "\n\n")
        for s in expected["with"] as! [String] { XCTAssertTrue(joined.contains(s), "missing: \(s)") }
        for s in expected["without"] as! [String] { XCTAssertFalse(joined.contains(s), "leaked: \(s)") }
        // The JSON keys come in CONTRACT.md order.
        let keys = ["source", "format", "url", "title", "author", "author_bio", "published", "image_credit",
                    "sections", "boilerplate", "navigation", "tags", "comments", "comments_closed"]
        var last = lines[0].startIndex
        for k in keys {
            let range = lines[0].range(of: "\"\(k)\":")!
            XCTAssertTrue(range.lowerBound >= last, "key \(k) out of order")
            last = range.lowerBound
        }
    }

    func testParseJSONIsOnePrettyArray() throws {
        let r = try lectern(["parse", "seeds/", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("[\n  {\n"))
        let arr = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [[String: Any]]
        XCTAssertEqual(arr.count, 1, "seeds/expected.json is not an article")
    }

    func testParseFromStandardInput() throws {
        let r = try lectern(["parse", "-"], stdin: sampleArticle(title: "A Headline Here", paragraphs: ["One paragraph of body text, long enough to be a paragraph of the article."]))
        XCTAssertEqual(r.status, 0, r.err)
        let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        XCTAssertEqual(obj["source"] as? String, "-")
        XCTAssertEqual(obj["title"] as? String, "A Headline Here")
    }

    func testMissingPathExitsTwoWithOneLine() throws {
        let r = try lectern(["parse", "no/such/file.txt"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("no/such/file.txt: no such file or directory"), r.err)
        XCTAssertEqual(r.out, "")
        let dir = try tempDir(self)
        let s = try write(dir, "fin.lua", "function finish() print('finish ran') end\n")
        let r2 = try lectern(["run", s, "no/such/dir"])
        XCTAssertEqual(r2.status, 2)
        XCTAssertTrue(r2.err.contains("no/such/dir: no such file or directory"), r2.err)
        XCTAssertEqual(r2.out, "", "finish must not run when nothing was read")
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let r3 = try lectern(["run", s, empty.path])
        XCTAssertEqual(r3.status, 2)
        XCTAssertTrue(r3.err.contains("no input found in"), r3.err)
        XCTAssertEqual(r3.out, "")
    }

    func testMissingPathAmongGoodOnesExitsOneAndKeepsTheRest() throws {
        let r = try lectern(["parse", "missing.txt", seedPath])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("missing.txt: no such file or directory"), r.err)
        XCTAssertEqual(r.out.split(separator: "\n").count, 1)
    }

    func testScriptErrorNamesFileLineAndArticle() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "bad.lua", """
        function article(a)
          local x = nil
          return x.y
        end
        """)
        let r = try lectern(["run", script, seedPath])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains(seedPath), r.err)
        XCTAssertTrue(r.err.contains("bad.lua:3:"), r.err)
        XCTAssertTrue(r.err.contains("attempt to index a nil value"), r.err)
        XCTAssertTrue(r.err.contains("1 article read, 1 failed"), r.err)
    }

    func testScriptThatDoesNotLoadExitsTwo() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "syntax.lua", "function article(a)\n  emit({x = }\nend\n")
        let r = try lectern(["run", script, seedPath])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("syntax.lua:2:"), r.err)
        XCTAssertEqual(r.out, "")
        let r2 = try lectern(["run", "nope.lua", seedPath])
        XCTAssertEqual(r2.status, 2)
        XCTAssertTrue(r2.err.contains("nope.lua: no such script"), r2.err)
    }

    func testSetupErrorStopsTheRunWithStatusTwo() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "setup.lua", "function setup(args)\n  local n = tonumber(args.top) + 1\nend\nfunction article(a) print('no') end\n")
        let r = try lectern(["run", s, seedPath])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("setup.lua:2: attempt to perform arithmetic on a nil value"), r.err)
        XCTAssertTrue(r.err.contains("setup failed; nothing was run"), r.err)
    }

    func testHooksAsGlobalsAndAsReturnedTable() throws {
        let dir = try tempDir(self)
        let g = try write(dir, "globals.lua", """
        args = { who = { help = "who ran it" } }
        function setup(args) n = 0; who = args.who end
        function article(a) emit{title = a.title, who = who, paragraphs = #a.paragraphs} end
        """)
        let t = try write(dir, "table.lua", """
        local M = { args = { who = "nobody" } }
        function M.setup(args) M.who = args.who end
        function M.article(a) emit{title = a.title, who = M.who, paragraphs = #a.paragraphs} end
        return M
        """)
        for s in [g, t] {
            let r = try lectern(["run", s, seedPath, "--arg", "who=me"])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, "{\"paragraphs\":12,\"title\":\"The Growing China-Russia Relationship\",\"who\":\"me\"}\n")
        }
    }

    func testFormats() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "rows.lua", """
        columns{"name", "n"}
        function finish()
          emit{name = "alpha", n = 3, ok = true}
          emit{name = "b, with comma", n = 12.5, ok = false}
        end
        """)
        func run(_ f: String) throws -> String {
            let r = try lectern(["run", s, seedPath, "--format", f])
            XCTAssertEqual(r.status, 0, r.err)
            return r.out
        }
        XCTAssertEqual(try run("jsonl"), "{\"name\":\"alpha\",\"n\":3,\"ok\":true}\n{\"name\":\"b, with comma\",\"n\":12.5,\"ok\":false}\n")
        XCTAssertEqual(try run("csv"), "name,n,ok\nalpha,3,true\n\"b, with comma\",12.5,false\n")
        XCTAssertEqual(try run("json"), "[\n  {\"name\":\"alpha\",\"n\":3,\"ok\":true},\n  {\"name\":\"b, with comma\",\"n\":12.5,\"ok\":false}\n]\n")
        XCTAssertEqual(try run("table"), """
        name              n  ok
        -------------  ----  -----
        alpha             3  true
        b, with comma  12.5  false

        """)
        XCTAssertEqual(try run("markdown"), """
        | name | n | ok |
        | --- | ---: | --- |
        | alpha | 3 | true |
        | b, with comma | 12.5 | false |

        """)
        let bad = try lectern(["run", s, seedPath, "--format", "xml"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("--format must be one of jsonl, csv, json, table, markdown"), bad.err)
    }

    func testJSONStaysWholeWhenScriptsAlsoPrint() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "both.lua", "function article(a) print('hello') emit{n = #a.paragraphs} end\n")
        let r = try lectern(["run", s, seedPath, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "hello\n[\n  {\"n\":12}\n]\n")
    }

    func testOutputFileIsWrittenWhole() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "one.lua", "function article(a) emit{t = a.title} print('printed') end\n")
        let out = dir.appendingPathComponent("out.jsonl").path
        let r = try lectern(["run", s, seedPath, "--output", out])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "printed\n")
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "{\"t\":\"The Growing China-Russia Relationship\"}\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testUnknownArgNamesTheAcceptedOnes() throws {
        let r = try lectern(["run", "examples/word_frequency.lua", seedPath, "--arg", "nope=1"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("unknown --arg 'nope'"), r.err)
        XCTAssertTrue(r.err.contains("top"), r.err)
    }

    func testBadUsageExitsTwoWithAMessage() throws {
        let r = try lectern(["run", "examples/word_frequency.lua"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("missing PATH"), r.err)
        let r2 = try lectern(["parse", seedPath, "--jobs", "0"])
        XCTAssertEqual(r2.status, 2)
        XCTAssertTrue(r2.err.contains("--jobs must be at least 1"), r2.err)
        let r3 = try lectern(["frobnicate"])
        XCTAssertEqual(r3.status, 2)
        let help = try lectern(["run", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("--arg"), help.out)
    }

    func testInfoShowsDescriptionArgsAndHooks() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "meta.lua", """
        description = "Counts things."
        args = {top = {default = "10", help = "how many"}, term = "war"}
        function article(a) end
        function finish() end
        """)
        let r = try lectern(["info", s])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, """
        \(s)
          Counts things.
          args:
            --arg term=VALUE  (default: war)
            --arg top=VALUE  (default: 10)  how many
          hooks: article, finish

        """)
    }
}

/// The progress line: on a terminal only, and not with --quiet.
final class ProgressTests: XCTestCase {
    func runInTerminal(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([lecternBinary.path] + args).map { "'\($0)'" }.joined(separator: " ")
        p.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        p.currentDirectoryURL = repoRoot
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testProgressOnATerminalOnly() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("util-linux script(1) is not installed")
        }
        let dir = try tempDir(self)
        for i in 0..<600 {
            try write(dir, String(format: "c/%04d.txt", i), sampleArticle(title: "Headline \(i)", paragraphs: ["A paragraph of body text for article \(i), long enough."]))
        }
        let c = dir.appendingPathComponent("c").path
        let tty = try runInTerminal(["parse", c, "--jobs", "1"])
        XCTAssertTrue(tty.contains("/600 articles, "), String(tty.suffix(300)))
        XCTAssertTrue(tty.contains(" elapsed"), String(tty.suffix(300)))
        let quiet = try runInTerminal(["parse", c, "--jobs", "1", "--quiet"])
        XCTAssertFalse(quiet.contains(" elapsed"))
        let piped = try lectern(["parse", c, "--jobs", "1"])
        XCTAssertEqual(piped.err, "")
    }
}
