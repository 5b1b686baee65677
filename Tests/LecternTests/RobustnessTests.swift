import Foundation
import XCTest

/// Issue 6: the sandbox, limits, bad inputs; every case asserts its message and exit status.
final class RobustnessTests: XCTestCase {
    // MARK: sandbox

    func testSandboxBlocksDangerousCallsWithFileAndLine() throws {
        let dir = try tempDir(self)
        let cases: [(String, String)] = [
            ("os.execute('true')", "os.execute is blocked by the sandbox"),
            ("io.popen('ls')", "io.popen is blocked by the sandbox"),
            ("os.remove('x')", "os.remove is blocked by the sandbox"),
            ("os.exit(3)", "os.exit is blocked by the sandbox"),
            ("io.open('/tmp/lectern-sandbox-test', 'w')", "io.open(\"/tmp/lectern-sandbox-test\", \"w\") is blocked by the sandbox"),
            ("debug.getinfo(1)", "debug.getinfo is blocked by the sandbox"),
            ("package.loadlib('x', 'y')", "package.loadlib is blocked by the sandbox"),
            ("load(string.char(27) .. 'Lua')", "attempt to load a binary chunk"),
            ("dofile('/etc/hostname')", "dofile is blocked by the sandbox"),
        ]
        for (i, c) in cases.enumerated() {
            let s = try write(dir, "s\(i).lua", "function article(a)\n  local ok = true\n  assert(\(c.0))\nend\n")
            let r = try lectern(["run", s, seedPath])
            XCTAssertEqual(r.status, 1, c.0)
            XCTAssertTrue(r.err.contains("s\(i).lua:3: \(c.1)") || (c.1.hasPrefix("attempt") && r.err.contains(c.1)), "\(c.0): \(r.err)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/lectern-sandbox-test"))
    }

    func testReadingFilesStaysPossible() throws {
        let dir = try tempDir(self)
        let words = try write(dir, "words.txt", "alpha\nbeta\n")
        let s = try write(dir, "read.lua", """
        function finish()
          local n = 0
          for line in io.lines("\(words)") do n = n + 1 end
          local f = io.open("\(words)", "r"); local all = f:read("a"); f:close()
          print(n, #all)
        end
        """)
        let r = try lectern(["run", s, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "2\t11\n")
    }

    func testUnsafeLiftsTheSandbox() throws {
        let dir = try tempDir(self)
        let target = dir.appendingPathComponent("written.txt").path
        let s = try write(dir, "w.lua", "function finish() local f = assert(io.open('\(target)', 'w')); f:write('hi'); f:close(); print(os.execute('true')) end\n")
        let r = try lectern(["run", s, seedPath, "--unsafe"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "hi")
    }

    // MARK: limits

    func testEndlessLoopTimesOutAndTheRunGoesOn() throws {
        let dir = try tempDir(self)
        for i in 0..<3 {
            try write(dir, "c/\(i).txt", sampleArticle(title: "Headline \(i)", paragraphs: ["A paragraph of body text for article \(i), long enough."]))
        }
        let s = try write(dir, "loop.lua", """
        function article(a)
          if a.title == "Headline 1" then while true do end end
          emit{title = a.title}
        end
        """)
        let r = try lectern(["run", s, dir.appendingPathComponent("c").path, "--timeout", "0.5"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "{\"title\":\"Headline 0\"}\n{\"title\":\"Headline 2\"}\n")
        XCTAssertTrue(r.err.contains("c/1.txt: "), r.err)
        XCTAssertTrue(r.err.contains("loop.lua:2: time limit exceeded (--timeout 0.5 s)"), r.err)
        XCTAssertTrue(r.err.contains("3 articles read, 1 failed (1 timeout)"), r.err)
    }

    func testMemoryCapFailsTheCallNotTheProcess() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "mem.lua", """
        function article(a)
          local ok, err = pcall(string.rep, "x", 1e12)
          print("caught", ok)
          local t = {}
          for i = 1, 1e9 do t[i] = {i} end
        end
        function finish() print("finish ran") end
        """)
        let r = try lectern(["run", s, seedPath, "--memory", "64M"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "caught\tfalse\nfinish ran\n")
        XCTAssertTrue(r.err.contains("memory limit exceeded (--memory 64 MB)"), r.err)
        XCTAssertTrue(r.err.contains("(1 memory)"), r.err)
    }

    func testFailFastStopsAtTheFirstFailure() throws {
        let dir = try tempDir(self)
        for i in 0..<5 {
            try write(dir, "c/\(i).txt", sampleArticle(title: "Headline \(i)", paragraphs: ["A paragraph of body text for article \(i), long enough."]))
        }
        let s = try write(dir, "fail.lua", "function article(a) error('boom') end\n")
        let r = try lectern(["run", s, dir.appendingPathComponent("c").path, "--fail-fast", "--jobs", "1"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err.components(separatedBy: "fail.lua:1: boom").count - 1, 1, r.err)
    }

    // MARK: inputs

    func testBadInputsGetOneLineEachAndTheRestIsProcessed() throws {
        let dir = try tempDir(self)
        let c = dir.appendingPathComponent("c")
        try write(c, "a_empty.txt", "")
        try write(c, "b_blank.txt", "  \n\n \t\n")
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00] + Array(repeating: 0x41, count: 100)).write(to: c.appendingPathComponent("c_binary.txt"))
        try write(c, "d_good.txt", sampleArticle(title: "A Good Page", paragraphs: ["The one good paragraph of this corpus, long enough to count."]))
        // Windows-1252: “quotes” and café
        try Data(Array("Caf".utf8) + [0xE9] + Array(" Headline\n\n".utf8) + [0x93] + Array("Quoted words,".utf8) + [0x94] + Array(" said the caf".utf8) + [0xE9] + Array(" owner in a long paragraph.\n".utf8))
            .write(to: c.appendingPathComponent("e_cp1252.txt"))
        try Data([0xFF, 0xFE] + Array("UTF-16 Headline\r\n\r\nA paragraph in UTF-16 with a byte-order mark, long enough.\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: c.appendingPathComponent("f_utf16.txt"))
        try FileManager.default.createSymbolicLink(atPath: c.appendingPathComponent("g_loop").path, withDestinationPath: c.path)
        try FileManager.default.createSymbolicLink(atPath: c.appendingPathComponent("h_dangling.txt").path, withDestinationPath: "/nonexistent/x")
        if getuid() != 0 {  // root reads every file
            let unreadable = try write(c, "i_unreadable.txt", "secret")
            chmod(unreadable, 0)
        }
        let s = try write(dir, "titles.lua", "function article(a) emit{title = a.title} end\n")
        let r = try lectern(["run", s, c.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, """
        {"title":"A Good Page"}
        {"title":"Café Headline"}
        {"title":"UTF-16 Headline"}

        """)
        let err = r.err
        XCTAssertTrue(err.contains("a_empty.txt: empty file; skipped"), err)
        XCTAssertTrue(err.contains("b_blank.txt: blank file (only white space); skipped"), err)
        XCTAssertTrue(err.contains("c_binary.txt: binary file (not text or HTML); skipped"), err)
        XCTAssertTrue(err.contains("e_cp1252.txt: not valid UTF-8; decoded as Windows-1252"), err)
        XCTAssertTrue(err.contains("g_loop: symbolic link loop"), err)
        XCTAssertTrue(err.contains("h_dangling.txt: broken symbolic link"), err)
        if getuid() != 0 { XCTAssertTrue(err.contains("i_unreadable.txt: permission denied"), err) }
        XCTAssertTrue(err.contains("articles read"), err)
    }

    func testOversizedFileIsSkippedWithItsSize() throws {
        let dir = try tempDir(self)
        try write(dir, "big.txt", String(repeating: "word ", count: 300_000))
        let r = try lectern(["parse", dir.appendingPathComponent("big.txt").path, "--max-bytes", "1M"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("big.txt: 1 MB is over --max-bytes (1 MB); skipped"), r.err)
    }

    func testHugeOneLineAndManyLineFilesParse() throws {
        let dir = try tempDir(self)
        // 30 MB on one line
        let line = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 30 * 1024 * 1024 / 57)
        try write(dir, "oneline.txt", "Title Of A Long Page\n\n" + line + "\n")
        // 200,000 comment-like lines
        var many = "Title Of A Commented Page\n\nA body paragraph that is long enough to be a paragraph of the article.\n\n"
        for i in 1...200_000 { many += "  \(i). comment number \(i)\n" }
        try write(dir, "many.txt", many)
        let s = try write(dir, "count.lua", "function article(a) emit{title = a.title, paragraphs = #a.paragraphs, comments = #a.comments, len = #a:text()} end\n")
        let r = try lectern(["run", s, dir.appendingPathComponent("oneline.txt").path, dir.appendingPathComponent("many.txt").path])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].contains("\"title\":\"Title Of A Long Page\""), String(lines[0]))
        XCTAssertTrue(lines[0].contains("\"paragraphs\":1"), String(lines[0]))
        XCTAssertTrue(lines[1].contains("\"title\":\"Title Of A Commented Page\""), String(lines[1]))
    }

    func testGzipAndJSONLines() throws {
        let dir = try tempDir(self)
        let page = sampleArticle(title: "Zipped Headline", paragraphs: ["A paragraph inside a gzip file, long enough to count as body."])
        let plain = try write(dir, "z.txt", page)
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gz.arguments = ["-k", plain]
        try gz.run(); gz.waitUntilExit()
        try FileManager.default.removeItem(atPath: plain)
        try write(dir, "lines.jsonl", """
        {"url": "https://example.com/a", "title": "From JSONL", "published": "March 14, 2024", "text": "Ignored Title\\n\\nA paragraph of text from a JSON Lines record, long enough."}
        not json
        {"html": "<html><head><title>HTML Line</title></head><body><article><h1>HTML Line</h1><p>A paragraph of HTML in a JSON Lines record, long enough to be the body of the article.</p></article></body></html>"}

        """)
        let s = try write(dir, "t.lua", "function article(a) emit{source = a.source, title = a.title, url = a.url, published = a.published, format = a.format} end\n")
        let r = try lectern(["run", s, dir.path, "--format", "csv"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("lines.jsonl:2: not a JSON object"), r.err)
        XCTAssertEqual(r.out, """
        format,published,source,title,url
        text,2024-03-14,\(dir.path)/lines.jsonl:1,From JSONL,https://example.com/a
        html,,\(dir.path)/lines.jsonl:3,HTML Line,
        text,,\(dir.path)/z.txt.gz,Zipped Headline,

        """)
        // a truncated gzip file
        let bytes = try Data(contentsOf: dir.appendingPathComponent("z.txt.gz"))
        try bytes.prefix(bytes.count / 2).write(to: dir.appendingPathComponent("broken.txt.gz"))
        let r2 = try lectern(["parse", dir.appendingPathComponent("broken.txt.gz").path])
        XCTAssertEqual(r2.status, 1)
        XCTAssertTrue(r2.err.contains("broken.txt.gz: truncated gzip data"), r2.err)
    }
}

/// Ctrl-C: workers stop, the summary says how far the run got, nothing computed is lost.
final class InterruptTests: XCTestCase {
    func testInterruptStopsCleanlyAndKeepsWhatWasComputed() throws {
        let dir = try tempDir(self)
        for i in 0..<1200 {
            try write(dir, String(format: "c/%04d.txt", i), sampleArticle(title: "Headline \(i)", paragraphs: ["A paragraph of body text for article \(i), long enough to count."]))
        }
        let s = try write(dir, "slow.lua", "function article(a) local x = 0 for i = 1, 1e6 do x = x + i end emit{t = a.title} print(a.title) end\n")
        let out = dir.appendingPathComponent("out.jsonl").path
        try "previous run\n".write(toFile: out, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = lecternBinary
        p.arguments = ["run", s, dir.appendingPathComponent("c").path, "--output", out, "--jobs", "1"]
        let errPipe = Pipe(), outPipe = Pipe()
        p.standardError = errPipe
        p.standardOutput = outPipe
        try p.run()
        // wait until the first chunk is written (its printed titles arrive), then press Ctrl-C
        let first = outPipe.fileHandleForReading.availableData
        XCTAssertTrue(String(decoding: first, as: UTF8.self).hasPrefix("Headline 0\n"))
        kill(p.processIdentifier, SIGINT)
        _ = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: errPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 130, err)
        XCTAssertTrue(err.contains("interrupted: "), err)
        XCTAssertTrue(err.contains("out.jsonl.partial"), err)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous run\n")
        let partial = try String(contentsOfFile: out + ".partial", encoding: .utf8)
        XCTAssertTrue(partial.hasPrefix("{\"t\":\"Headline 0\"}\n"), partial)
        XCTAssertFalse(err.contains("traceback"), err)
    }
}
