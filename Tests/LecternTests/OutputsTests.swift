import Foundation
import XCTest

/// Named outputs (emit_to, --output-dir), the script column of several
/// scripts, and CSV's empty header and non-finite numbers (docs/SCRIPTING.md,
/// "Output: emit, columns, print").
final class OutputsTests: XCTestCase {
    /// Five articles titled a1..a5, in that order; with --chunk-size 2 they make three chunks.
    func corpus() throws -> String {
        let dir = try tempDir(self).appendingPathComponent("corpus")
        for i in 1...5 {
            try write(dir, "a\(i).txt", sampleArticle(title: "A\(i)", paragraphs: [
                "The first paragraph of article number \(i), long enough to be a body paragraph of the page.",
                "The second paragraph of article \(i) says a little more about the same thing, at length.",
            ]))
        }
        return dir.path
    }

    /// A script with emit and two named outputs, one with declared columns.
    static let network = """
    columns_for("edges", { "source", "target", "weight" })
    function article(a)
      emit { title = a.source:match("(a%d)%.txt$") }
      emit_to("nodes", { id = a.source:match("(a%d)%.txt$"), size = #a.paragraphs })
      emit_to("edges", { weight = 1, target = "hub", source = a.source:match("(a%d)%.txt$") })
    end
    function finish() emit_to("edges", { source = "hub", target = "hub", weight = 0 }) end
    """

    func read(_ url: URL, _ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    func files(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func testOutputDirWritesOneFilePerNameInInputOrderForAnyJobs() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "net.lua", Self.network)
        let corpus = try corpus()
        for jobs in ["1", "3"] {
            let out = dir.appendingPathComponent("out\(jobs)")
            let r = try lectern(["run", script, corpus, "--format", "csv", "--output-dir", out.path, "--jobs", jobs, "--chunk-size", "2"])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, "", "records go to the files, not standard output")
            XCTAssertEqual(try files(out), ["edges.csv", "nodes.csv", "records.csv"], "no temporary file is left")
            XCTAssertEqual(try read(out, "records.csv"), "title\na1\na2\na3\na4\na5\n")
            XCTAssertEqual(try read(out, "nodes.csv"), "id,size\na1,1\na2,1\na3,1\na4,1\na5,1\n")
            XCTAssertEqual(try read(out, "edges.csv"),
                           "source,target,weight\na1,hub,1\na2,hub,1\na3,hub,1\na4,hub,1\na5,hub,1\nhub,hub,0\n")
        }
        // other formats: the extension follows --format
        let out = dir.appendingPathComponent("tables")
        let r = try lectern(["run", script, corpus, "--format", "table", "--output-dir", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try files(out), ["edges.txt", "nodes.txt", "records.txt"])
        XCTAssertEqual(try read(out, "nodes.txt"), "id  size\n--  ----\na1     1\na2     1\na3     1\na4     1\na5     1\n")
    }

    func testWithoutOutputDirNamedRecordsCarryAnOutputField() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "net.lua", Self.network)
        let corpus = try corpus()
        let r = try lectern(["run", script, corpus + "/a1.txt"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, """
        {"title":"a1"}
        {"_output":"nodes","id":"a1","size":1}
        {"_output":"edges","source":"a1","target":"hub","weight":1}
        {"_output":"edges","source":"hub","target":"hub","weight":0}

        """)
        // csv: one header with emit's columns, _output and every columns_for list,
        // then the first record's other fields; nodes declared none, so its fields are left out, with a warning
        let csv = try lectern(["run", script, corpus + "/a1.txt", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.err)
        XCTAssertEqual(csv.out, "_output,source,target,weight,title\n,,,,a1\nnodes,,,,\nedges,a1,hub,1,\nedges,hub,hub,0,\n")
        XCTAssertTrue(csv.err.contains("csv: field 'id' is not in the header"), csv.err)
    }

    func testDeclaredNamedOutputGetsItsHeaderAndUnusedRecordsFileIsLeftOut() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "quiet.lua", """
        columns_for("edges", { "source", "target" })
        function article(a) if a.source == "none" then emit_to("edges", { source = 1, target = 2 }) end end
        """)
        let out = dir.appendingPathComponent("out")
        let r = try lectern(["run", script, try corpus(), "--format", "csv", "--output-dir", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try files(out), ["edges.csv"])
        XCTAssertEqual(try read(out, "edges.csv"), "source,target\n")
    }

    func testCSVWithDeclaredColumnsWritesTheHeaderWithoutRecords() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "none.lua", """
        columns { "word", "count" }
        function article(a) end
        """)
        let r = try lectern(["run", script, try corpus(), "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "word,count\n")
        // without declared columns there is nothing to say
        let bare = try write(dir, "bare.lua", "function article(a) end\n")
        XCTAssertEqual(try lectern(["run", bare, try corpus(), "--format", "csv"]).out, "")
    }

    func testNaNAndInfinityAreEmptyCSVCellsWithOneWarning() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "nan.lua", """
        columns { "name", "ratio" }
        function article(a) end
        function finish()
          emit { name = "nan", ratio = 0/0 }
          emit { name = "inf", ratio = math.huge }
          emit { name = "one", ratio = 1.5 }
          emit { name = "nil" }
        end
        """)
        let r = try lectern(["run", script, try corpus(), "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "name,ratio\nnan,\ninf,\none,1.5\nnil,\n")
        XCTAssertEqual(r.err.components(separatedBy: "written as an empty cell").count - 1, 1, r.err)
        XCTAssertTrue(r.err.contains("csv: field 'ratio' is NaN, written as an empty cell"), r.err)
        // JSON keeps writing null
        let j = try lectern(["run", script, try corpus()])
        XCTAssertTrue(j.out.hasPrefix("{\"name\":\"nan\",\"ratio\":null}\n"), j.out)
    }

    func testSeveralScriptsGetAScriptColumnAndAUnionHeader() throws {
        let dir = try tempDir(self)
        let one = try write(dir, "one.lua", """
        columns { "title", "words" }
        function article(a) emit { words = 3, title = a.source:match("(a%d)%.txt$") } end
        """)
        let two = try write(dir, "two.lua", """
        columns { "title", "paragraphs" }
        function article(a) emit { title = a.source:match("(a%d)%.txt$"), paragraphs = #a.paragraphs } end
        """)
        let corpus = try corpus()
        let csv = try lectern(["run", one, corpus + "/a1.txt", corpus + "/a2.txt", "--script", two, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.err)
        XCTAssertEqual(csv.err, "", "no field is dropped")
        XCTAssertEqual(csv.out, "script,title,words,paragraphs\none.lua,a1,3,\ntwo.lua,a1,,1\none.lua,a2,3,\ntwo.lua,a2,,1\n")
        let jsonl = try lectern(["run", one, corpus + "/a1.txt", "--script", two])
        XCTAssertEqual(jsonl.out, "{\"script\":\"one.lua\",\"title\":\"a1\",\"words\":3}\n{\"script\":\"two.lua\",\"title\":\"a1\",\"paragraphs\":1}\n")
        // one script alone: no script column
        XCTAssertEqual(try lectern(["run", one, corpus + "/a1.txt"]).out, "{\"title\":\"a1\",\"words\":3}\n")
    }

    func testNamedRecordsSurvivePartialAndMerge() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "net.lua", Self.network)
        let other = try write(dir, "other.lua", #"function article(a) emit_to("nodes", { id = a.source:match("(a%d)%.txt$") .. "'" }) end"# + "\n")
        let corpus = try corpus()
        let whole = dir.appendingPathComponent("whole")
        let one = try lectern(["run", script, corpus, "--script", other, "--format", "csv", "--output-dir", whole.path])
        XCTAssertEqual(one.status, 0, one.err)
        let files = ["a1", "a2", "a3", "a4", "a5"].map { corpus + "/\($0).txt" }
        var parts: [String] = []
        for (i, slice) in [Array(files[..<2]), Array(files[2...])].enumerated() {
            let part = dir.appendingPathComponent("part\(i)").path
            let r = try lectern(["run", script] + slice + ["--script", other, "--partial", part])
            XCTAssertEqual(r.status, 0, r.err)
            parts.append(part)
        }
        let merged = dir.appendingPathComponent("merged")
        let m = try lectern(["merge", script] + parts + ["--script", other, "--format", "csv", "--output-dir", merged.path])
        XCTAssertEqual(m.status, 0, m.err)
        XCTAssertEqual(try self.files(merged), ["edges.csv", "nodes.csv", "records.csv"])
        for f in ["edges.csv", "nodes.csv", "records.csv"] {
            XCTAssertEqual(try read(merged, f), try read(whole, f), "\(f): merged parts differ from one run")
        }
        let nodes = try read(merged, "nodes.csv")
        XCTAssertTrue(nodes.hasPrefix("script,id,size\nnet.lua,a1,1\nother.lua,a1',\n"), nodes)
    }

    func testBadNamesAndOptionsAreRefusedClearly() throws {
        let dir = try tempDir(self)
        let corpus = try corpus()
        let bad = try write(dir, "bad.lua", "function article(a) emit_to(\"../x\", { a = 1 }) end\n")
        let r = try lectern(["run", bad, corpus + "/a1.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("emit_to: output name '../x' is not a name: use letters, digits, '_' and '-'"), r.err)
        let taken = try write(dir, "taken.lua", "function article(a) emit_to(\"records\", { a = 1 }) end\n")
        XCTAssertTrue(try lectern(["run", taken, corpus + "/a1.txt"]).err.contains("output name 'records' is taken"))
        let late = try write(dir, "late.lua", "function article(a) columns_for(\"x\", { \"a\" }) end\n")
        XCTAssertTrue(try lectern(["run", late, corpus + "/a1.txt"]).err.contains("columns_for(...) must be called at the top of the script or in setup"))
        let fine = try write(dir, "fine.lua", Self.network)
        let both = try lectern(["run", fine, corpus, "--output", dir.appendingPathComponent("x").path, "--output-dir", dir.path])
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.err.contains("give --output FILE or --output-dir DIR, not both"), both.err)
        let file = try write(dir, "plain", "x")
        let notDir = try lectern(["run", fine, corpus, "--output-dir", file])
        XCTAssertEqual(notDir.status, 2)
        XCTAssertTrue(notDir.err.contains("\(file): --output-dir takes a directory, and this is not one"), notDir.err)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x")
        let partial = try lectern(["run", fine, corpus, "--partial", dir.appendingPathComponent("p").path, "--output-dir", dir.path])
        XCTAssertEqual(partial.status, 2)
    }

    func testTableAlignsWideCharactersByDisplayWidth() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "wide.lua", """
        columns { "name", "n" }
        function finish()
          emit { name = "北京市", n = 1 }
          emit { name = "Zürich", n = 22 }
          emit { name = "e\\u{301}t\\u{E9}", n = 3 }
          emit { name = "😀x", n = 4 }
        end
        """)
        let r = try lectern(["run", script, try corpus(), "--format", "table"])
        XCTAssertEqual(r.status, 0, r.err)
        // 北京市 is six columns wide, é (e + combining accent) one, 😀 two
        XCTAssertEqual(r.out, """
        name     n
        ------  --
        北京市   1
        Zürich  22
        été      3
        😀x      4

        """)
    }

    /// On a terminal (a pseudo-terminal from script(1)) long cells are cut to
    /// its width; in a pipe or a file they never are (the test above).
    func testTableFitsLongCellsToTheTerminalWidth() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let dir = try tempDir(self)
        let script = try write(dir, "long.lua", """
        columns { "n", "text" }
        function finish() emit { n = 1, text = string.rep("word ", 20) .. "end" } emit { n = 2, text = "short" } end
        """)
        let corpus = try corpus()
        // script(1)'s terminal takes COLUMNS from the environment lectern inherits
        setenv("COLUMNS", "30", 1)
        defer { unsetenv("COLUMNS") }
        let text = try ProgressTests(name: "terminal", testClosure: { _ in }).runInTerminal(["run", script, corpus, "--format", "table", "--quiet"])
            .replacingOccurrences(of: "\r\n", with: "\n")
        XCTAssertEqual(text, "n  text\n-  ---------------------------\n1  word word word word word w…\n2  short\n")
    }

    func testInvalidUTF8InRecordsAndArgsIsWarnedNamingTheRecord() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "bytes.lua", """
        args = { tag = {} }
        function setup(args) emit { tag = args.tag } end
        function article(a) emit { ok = "é", bad = "caf\\xE9", list = { "\\xFF" } } end
        """)
        let corpus = try corpus()
        let r = try lectern(["run", script, corpus + "/a1.txt", "--arg", "tag=fine"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "{\"tag\":\"fine\"}\n{\"bad\":\"caf\u{FFFD}\",\"list\":[\"\u{FFFD}\"],\"ok\":\"é\"}\n")
        XCTAssertEqual(r.err, "lectern: \(script): emit for \(corpus)/a1.txt: fields 'bad', 'list' are not valid UTF-8; the bad bytes are written as U+FFFD in the record {\"bad\":\"caf\u{FFFD}\",\"list\":[\"\u{FFFD}\"],\"ok\":\"é\"}\n")
        // an --arg value: Foundation cannot pass invalid bytes to Process, so a shell does
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "'\(lecternBinary.path)' run '\(script)' '\(corpus)/a1.txt' --arg \"$(printf 'tag=x\\377')\" 2>&1 >/dev/null"]
        let err = Pipe()
        shell.standardOutput = err
        try shell.run()
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertTrue(said.contains("lectern: --arg tag: the value is not valid UTF-8; setup(args) gets U+FFFD for the bad bytes"), said)
        XCTAssertEqual(said.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 2, said)   // and the record's warning
    }

    func testEmptyTableDeclaredAnObjectIsWrittenAsAnObject() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "obj.lua", """
        columns { "n", "meta", object = { "meta" } }
        columns_for("x", { "m", object = { "m" } })
        function finish()
          emit { n = 1, meta = {}, list = {} }
          emit { n = 2, meta = { k = 1 } }
          emit_to("x", { m = {} })
        end
        """)
        let r = try lectern(["run", script, try corpus()])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "{\"n\":1,\"meta\":{},\"list\":[]}\n{\"n\":2,\"meta\":{\"k\":1}}\n{\"_output\":\"x\",\"m\":{}}\n")
        let bad = try write(dir, "bad.lua", "columns { \"n\", object = \"meta\" }\nfunction article(a) end\n")
        let b = try lectern(["run", bad, try corpus()])
        XCTAssertEqual(b.status, 2)
        XCTAssertTrue(b.err.contains("columns: object lists the fields that are JSON objects, as in object = {\"meta\"}"), b.err)
    }

    /// Ctrl-C: every file of --output-dir stays as it was; what was written is in FILE.partial.
    func testCtrlCLeavesTheDirectorysFilesAndSavesPartials() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "slow.lua", """
        function article(a) emit_to("nodes", { id = a.source:match("(a%d)%.txt$") }) end
        function finish()
          emit { done = true }
          lectern.log("finishing")
          local t = os.clock() while os.clock() - t < 4 do end
        end
        """)
        let out = dir.appendingPathComponent("out")
        try write(out, "nodes.jsonl", "previous run\n")
        let p = try OutputSafetyTests.Running(["run", script, try corpus() + "/a1.txt", "--output-dir", out.path])
        XCTAssertTrue(p.waitFor("lectern.log: finishing"), p.err)
        kill(p.process.processIdentifier, SIGINT)
        XCTAssertEqual(p.finish(), 130, p.err)
        XCTAssertEqual(try files(out), ["nodes.jsonl", "nodes.jsonl.partial", "records.jsonl.partial"], p.err)
        XCTAssertEqual(try read(out, "nodes.jsonl"), "previous run\n")
        XCTAssertEqual(try read(out, "nodes.jsonl.partial"), "{\"id\":\"a1\"}\n")
        XCTAssertEqual(try read(out, "records.jsonl.partial"), "{\"done\":true}\n")
    }

    func testHTMLChartsStayInTheRecordsReport() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "h.lua", """
        chart { kind = "bar", x = "w", y = "n" }
        function finish() emit { w = "a", n = 1 } emit_to("other", { q = 1 }) end
        """)
        let out = dir.appendingPathComponent("out")
        let r = try lectern(["run", script, try corpus(), "--format", "html", "--output-dir", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, "", "no chart is asked to draw a named output's records")
        XCTAssertEqual(try files(out), ["other.html", "records.html"])
        XCTAssertTrue(try read(out, "other.html").contains("<title>h.lua: other · Lectern report"))
        XCTAssertFalse(try read(out, "other.html").contains("data-kind=\"bar\""))
        XCTAssertTrue(try read(out, "records.html").contains("data-kind=\"bar\""))
    }
}
