import Foundation
import XCTest

/// `lectern run --partial` and `lectern merge` (docs/SCALE.md): a corpus cut
/// into parts and merged gives the bytes of one run; parts of other runs are refused.
final class PartialTests: XCTestCase {
    /// Text (60 generated articles, the layout fixtures) and HTML pages.
    static let corpus: [String] = [MergeTortureTests.corpus, "Tests/ArticleParserTests/Fixtures/layouts", "examples/pages"]

    /// The corpus's files in run order, cut into consecutive slices of these sizes (the rest last).
    func slices(_ sizes: [Int]) throws -> [[String]] {
        let r = try lectern(["inputs"] + Self.corpus)
        XCTAssertEqual(r.status, 0, r.err)
        var files = r.out.split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(files.count, 70)
        var out: [[String]] = []
        for n in sizes { out.append(Array(files.prefix(n))); files.removeFirst(min(n, files.count)) }
        out.append(files)
        return out
    }

    /// One run over the corpus, and the same through parts: (one run, merged).
    func throughParts(_ script: String, run runArgs: [String] = [], merge mergeArgs: [String] = [],
                      sizes: [Int] = [25, 3], chunks: [String] = ["16", "7"]) throws -> (one: Result, merged: Result) {
        let dir = try tempDir(self)
        let one = try lectern(["run", script] + Self.corpus + runArgs + mergeArgs + ["--chunk-size", chunks[0]])
        var parts: [String] = []
        for (i, slice) in try slices(sizes).enumerated() {
            let part = dir.appendingPathComponent("part\(i)").path
            let r = try lectern(["run", script] + slice + runArgs + ["--partial", part, "--chunk-size", chunks[1]])
            XCTAssertLessThanOrEqual(r.status, 1, "part \(i) of \(script): \(r.err)")
            XCTAssertEqual(r.out, "", "a part run writes nothing to standard output")
            parts.append(part)
        }
        let merged = try lectern(["merge", script] + parts + mergeArgs)
        return (one, merged)
    }

    /// Every example (with its golden file's arguments) over three parts.
    func testEveryExampleThroughPartsIsOneRun() throws {
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/README.md"), encoding: .utf8)
        var count = 0
        for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
            let command = line.split(separator: "|")[2].trimmingCharacters(in: CharacterSet(charactersIn: " `"))
            let words = command.split(separator: " ").map(String.init)   // lectern run SCRIPT PATH options...
            var runArgs: [String] = [], mergeArgs: [String] = []
            var i = 4
            while i + 1 < words.count {
                if words[i] == "--format" { mergeArgs += [words[i], words[i + 1]] } else { runArgs += [words[i], words[i + 1]] }
                i += 2
            }
            let (one, merged) = try throughParts(words[2], run: runArgs, merge: mergeArgs)
            XCTAssertEqual(one.status, 0, "\(command): \(one.err)")
            XCTAssertEqual(merged.status, 0, "\(words[2]) merge: \(merged.err)")
            XCTAssertFalse(one.out.isEmpty, command)
            XCTAssertEqual(merged.out, one.out, "\(words[2]): the merged parts differ from one run")
            count += 1
        }
        XCTAssertGreaterThanOrEqual(count, 14)
    }

    /// Values that JSON alone would change: ints against floats, integer keys
    /// beside the list part, inf, -nan, -0.0, strings with control characters.
    func testStateValuesSurviveThePartFile() throws {
        let script = try write(try tempDir(self), "values.lua", """
        merge { big = "max", odd = "last", neg = "last", keys = "counts", names = "list" }
        function article(a)
          state.n = (state.n or 0) + 1
          state.f = (state.f or 0) + 0.25
          state.big = math.huge
          state.odd = 0/0
          state.neg = -0.0
          state.keys = state.keys or {}
          state.keys[1] = (state.keys[1] or 0) + 1
          state.keys[1000] = (state.keys[1000] or 0) + 1
          state.keys[2.5] = (state.keys[2.5] or 0) + 1
          state.names = state.names or {}
          if a.source:find("blog_0[12]") then state.names[#state.names + 1] = "a\\tb\\0c\\n" .. #a.paragraphs end
        end
        function finish()
          print(math.type(state.n), state.n, math.type(state.f), state.f, state.big, state.odd, state.neg)
          print(state.keys[1], state.keys[1000], state.keys[2.5], #state.keys)
          for _, s in ipairs(state.names) do print(string.format("%q", s)) end
          emit { n = state.n, f = state.f, big = tostring(state.big) }
        end
        """)
        // One chunk per run and per part: the self-check, which has no two chunks
        // to compare, lets NaN through (it finds NaN unequal to itself).
        let (one, merged) = try throughParts(script, chunks: ["1000", "1000"])
        XCTAssertEqual(one.status, 0, one.err)
        XCTAssertEqual(merged.status, 0, merged.err)
        XCTAssertTrue(one.out.contains("integer\t81\tfloat\t20.25\tinf\t"), one.out)
        XCTAssertEqual(merged.out, one.out)
    }

    /// Failures inside parts: messages given again by merge, exit 1, finish still runs.
    func testFailuresInPartsAreReportedByMerge() throws {
        let script = try write(try tempDir(self), "fails.lua", """
        function article(a)
          if a.source:find("blog_02") then error("no blogs") end
          state.n = (state.n or 0) + 1
        end
        function finish() emit { n = state.n } end
        """)
        let (one, merged) = try throughParts(script)
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(merged.status, 1, merged.err)
        XCTAssertEqual(merged.out, one.out)
        XCTAssertTrue(merged.err.contains("blog_02.txt"), merged.err)
        XCTAssertTrue(merged.err.contains("fails.lua:2: no blogs"), merged.err)
        XCTAssertTrue(merged.err.contains("81 articles read, 1 failed"), merged.err)
    }

    // MARK: refused parts

    func makeParts(_ script: String, args: [String] = []) throws -> (dir: URL, parts: [String]) {
        let dir = try tempDir(self)
        var parts: [String] = []
        for (i, slice) in try slices([30]).enumerated() {
            let part = dir.appendingPathComponent("p\(i).part").path
            let r = try lectern(["run", script] + slice + args + ["--partial", part])
            XCTAssertEqual(r.status, 0, r.err)
            parts.append(part)
        }
        return (dir, parts)
    }

    func assertRefused(_ args: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try lectern(["merge"] + args)
        XCTAssertEqual(r.status, 2, r.err, file: file, line: line)
        XCTAssertEqual(r.out, "", file: file, line: line)
        XCTAssertTrue(r.err.contains(message), "expected «\(message)» in: \(r.err)", file: file, line: line)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)", file: file, line: line)
    }

    func testPartsOfAnotherScriptAreRefused() throws {
        let (dir, parts) = try makeParts("examples/word_frequency.lua")
        try assertRefused(["examples/ngrams.lua"] + parts,
                          "\(parts[0]): made by another script: examples/ngrams.lua has sha256 ")
        // the same path, edited since
        let copy = dir.appendingPathComponent("count.lua")
        try "function article(a) state.n = (state.n or 0) + 1 end\nfunction finish() emit { n = state.n } end\n".write(to: copy, atomically: true, encoding: .utf8)
        let (_, own) = try makeParts(copy.path)
        XCTAssertEqual(try lectern(["merge", copy.path] + own + ["--format", "csv"]).status, 0)
        try (try String(contentsOf: copy, encoding: .utf8) + "\n-- edited\n").write(to: copy, atomically: true, encoding: .utf8)
        try assertRefused([copy.path] + own, "\(own[0]): made by another script: \(copy.path) has sha256 ")
        try assertRefused(["examples/word_frequency.lua", "--script", "examples/ngrams.lua"] + parts,
                          "\(parts[0]): made with 1 script (examples/word_frequency.lua), merge was given 2")
    }

    func testPartsOfAnotherVersionOrRunAreRefused() throws {
        let (dir, parts) = try makeParts("examples/kwic.lua", args: ["--arg", "term=Moscow"])
        let old = dir.appendingPathComponent("old.part").path
        let text = try String(contentsOfFile: parts[1], encoding: .utf8)
        try text.replacingOccurrences(of: "\"version\":\"", with: "\"version\":\"0.0.0-").write(toFile: old, atomically: true, encoding: .utf8)
        try assertRefused(["examples/kwic.lua", parts[0], old], "\(old): made by Lectern 0.0.0-")
        // another --arg: parts of different runs
        let other = dir.appendingPathComponent("other.part").path
        let slice = try slices([30])[1]
        XCTAssertEqual(try lectern(["run", "examples/kwic.lua"] + slice + ["--arg", "term=China", "--partial", other]).status, 0)
        try assertRefused(["examples/kwic.lua", parts[0], other],
                          "\(other): made with --arg term=China, but \(parts[0]) with --arg term=Moscow")
    }

    func testBrokenPartFilesAreRefused() throws {
        let (dir, parts) = try makeParts("examples/overview.lua")
        let data = try Data(contentsOf: URL(fileURLWithPath: parts[1]))
        let truncated = dir.appendingPathComponent("truncated.part").path
        try data.prefix(data.count - 40).write(to: URL(fileURLWithPath: truncated))
        try assertRefused(["examples/overview.lua", parts[0], truncated], "\(truncated): ")
        let cut = dir.appendingPathComponent("cut.part").path
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: lines.count - 2)   // the end line
        try lines.joined(separator: "\n").write(toFile: cut, atomically: true, encoding: .utf8)
        try assertRefused(["examples/overview.lua", parts[0], cut], "\(cut): truncated part file: it has no end line")
        let corrupt = dir.appendingPathComponent("corrupt.part").path
        var c = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        c.insert("{\"record\": nonsense", at: 1)
        try (c.joined(separator: "\n") + "\n").write(toFile: corrupt, atomically: true, encoding: .utf8)
        try assertRefused(["examples/overview.lua", corrupt], "\(corrupt): corrupt part file: line 2 is not JSON")
        let lost = dir.appendingPathComponent("lost.part").path
        c.remove(at: 1); c.remove(at: 1)   // a record line lost
        try (c.joined(separator: "\n") + "\n").write(toFile: lost, atomically: true, encoding: .utf8)
        try assertRefused(["examples/overview.lua", lost], "\(lost): corrupt part file: the end line counts")
        try assertRefused(["examples/overview.lua", "examples/overview.lua"], "examples/overview.lua: not a part file")
        try assertRefused(["examples/overview.lua", dir.appendingPathComponent("none.part").path], "none.part: cannot read the part file")
    }

    func testPartsOfOtherOptionsOrAnotherSetupAreRefused() throws {
        let dir = try tempDir(self)
        let (_, parts) = try makeParts("examples/overview.lua")
        let other = dir.appendingPathComponent("other.part").path
        XCTAssertEqual(try lectern(["run", "examples/overview.lua"] + (try slices([30])[1]) + ["--max-bytes", "1M", "--partial", other]).status, 0)
        try assertRefused(["examples/overview.lua", parts[0], other],
                          "\(other): made with other --rules or --max-bytes than \(parts[0]): the parts are of different runs")
        // setup reads a file (--unsafe) that changes between the parts, then before the merge
        let value = dir.appendingPathComponent("value.txt")
        let script = try write(dir, "reads.lua", """
        function setup() local f = io.open("\(value.path)"); state.v = f:read("a"); f:close() end
        function article(a) state.n = (state.n or 0) + 1 end
        function finish() emit { v = state.v, n = state.n } end
        """)
        var made: [String] = []
        for (i, slice) in try slices([30]).enumerated() {
            try "\(i == 0 ? "a" : "b")".write(to: value, atomically: true, encoding: .utf8)
            made.append(dir.appendingPathComponent("s\(i).part").path)
            XCTAssertEqual(try lectern(["run", script] + slice + ["--unsafe", "--partial", made[i]]).status, 0)
        }
        try assertRefused([script, "--unsafe"] + made,
                          "\(made[1]): setup left another state than in \(made[0]): the parts are of different runs")
        try "c".write(to: value, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.json").path
        try assertRefused([script, "--unsafe", made[1], "--format", "json", "--output", out],
                          "\(made[1]): setup gives another state now than when the parts were made")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("out.json") }, [],
                       "a refused merge leaves no output file, partial or temporary")
    }

    /// A part stopped by --fail-fast: merge writes up to it, runs no finish, exits 1, as one run does.
    func testIncompletePartStopsTheMerge() throws {
        let script = try write(try tempDir(self), "stops.lua", """
        function article(a)
          if a.source:find("blog_02") then error("stop here") end
          emit { s = a.source }
        end
        function finish() emit { done = true } end
        """)
        let (one, merged) = try throughParts(script, run: ["--fail-fast"], sizes: [62, 4])
        XCTAssertEqual(one.status, 1, one.err)
        XCTAssertEqual(merged.status, 1, merged.err)
        XCTAssertEqual(merged.out, one.out)
        XCTAssertFalse(merged.out.contains("done"), merged.out)
        XCTAssertTrue(merged.out.contains("blog_01"), merged.out)
    }

    /// finish's guards: a global that article hooks changed is unreadable in finish after a merge too.
    func testFinishGuardsHoldAfterMerge() throws {
        let script = try write(try tempDir(self), "global.lua", """
        total = 0
        function article(a) total = total + 1 end
        function finish() emit { total = total } end
        """)
        let (one, merged) = try throughParts(script)
        XCTAssertEqual(one.status, 1, one.err)
        XCTAssertEqual(merged.status, 1, merged.err)
        XCTAssertEqual(merged.out, one.out)
        let line = one.err.split(separator: "\n").first { $0.contains("finish") }.map(String.init) ?? "(none)"
        XCTAssertTrue(merged.err.contains(line), "expected «\(line)» in: \(merged.err)")
    }

    /// The xargs recipe of docs/SCALE.md, as written there.
    func testXargsRecipeOfTheDocs() throws {
        let doc = try String(contentsOf: repoRoot.appendingPathComponent("docs/SCALE.md"), encoding: .utf8)
        let recipe = doc.components(separatedBy: "lectern inputs /shared/corpus > files.txt")[1].components(separatedBy: "```")[0]
        let dir = try tempDir(self)
        try write(dir, "script.lua", "function article(a) state.n = (state.n or 0) + 1; emit { s = a.source } end\nfunction finish() emit { n = state.n } end\n")
        let corpus = Self.corpus.map { $0.hasPrefix("/") ? $0 : repoRoot.appendingPathComponent($0).path }
        let sh = "set -e; lectern inputs \(corpus.joined(separator: " ")) > files.txt" + recipe
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", sh]
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = lecternBinary.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "")
        p.environment = env
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let parts = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".part") }
        XCTAssertEqual(parts.count, 32)
        let one = try lectern(["run", dir.appendingPathComponent("script.lua").path] + corpus + ["--format", "csv"])
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("result.csv"), encoding: .utf8), one.out)
    }

    func testPartialTakesNoFormatAndLeavesNoPartOnFailure() throws {
        let dir = try tempDir(self)
        let part = dir.appendingPathComponent("x.part").path
        let r = try lectern(["run", "examples/overview.lua", "seeds/", "--partial", part, "--format", "csv"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("--partial writes records, not formatted output: give --format and --output to lectern merge"), r.err)
        let none = try lectern(["run", "examples/overview.lua", dir.appendingPathComponent("missing").path, "--partial", part])
        XCTAssertEqual(none.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: part), "no part after a run that read nothing")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "no temporary file left")
    }

    /// WARC records skipped in each part are counted in the merge's summary, as one run counts them.
    func testSkippedWARCRecordsAddUpInTheMerge() throws {
        let dir = try tempDir(self)
        let script = try write(dir, "w.lua", "function article(a) emit { s = a.source } end\n")
        let warc = "Tests/LecternTests/Fixtures/warc"
        let one = try lectern(["run", script, "\(warc)/pages.warc.gz", "\(warc)/pages.wet"])
        XCTAssertEqual(one.status, 0, one.err)
        let p1 = dir.appendingPathComponent("1.part").path, p2 = dir.appendingPathComponent("2.part").path
        XCTAssertEqual(try lectern(["run", script, "\(warc)/pages.warc.gz", "--partial", p1]).status, 0)
        XCTAssertEqual(try lectern(["run", script, "\(warc)/pages.wet", "--partial", p2]).status, 0)
        let merged = try lectern(["merge", script, p1, p2])
        XCTAssertEqual(merged.status, 0, merged.err)
        XCTAssertEqual(merged.out, one.out)
        XCTAssertTrue(one.err.contains("WARC records skipped"), one.err)
        XCTAssertEqual(merged.err, one.err)
    }

    func testInputsListsWhatARunReads() throws {
        let r = try lectern(["inputs", "--sizes", "seeds/", "examples/pages"])
        XCTAssertEqual(r.status, 0, r.err)
        let size = try FileManager.default.attributesOfItem(atPath: repoRoot.appendingPathComponent("seeds/000_8f5469b864b2d86d.txt").path)[.size] as! Int
        XCTAssertEqual(r.out, "\(size)\tseeds/000_8f5469b864b2d86d.txt\n1251\texamples/pages/ledger_grain_deal.html\n")
    }
}

extension MergeTortureTests {
    /// A script that merges right (`.same`) gives the same bytes cut into three
    /// parts and merged; it is also saved in .build/merge-torture/ for
    /// scripts/test-spark, which runs the same scripts on Spark.
    func checkThroughParts(_ name: String, _ path: String, truth: Result, file: StaticString, line: UInt) throws {
        let files = try lectern(["inputs", Self.corpus]).out.split(separator: "\n").map(String.init)
        let dir = try tempDir(self)
        var parts: [String] = []
        for (i, slice) in [files[..<20], files[20..<45], files[45...]].enumerated() {
            let part = dir.appendingPathComponent("\(i).part").path
            let r = try lectern(["run", path] + slice + ["--partial", part] + chunked)
            XCTAssertEqual(r.status, 0, "\(name) part \(i): \(r.err)", file: file, line: line)
            parts.append(part)
        }
        let merged = try lectern(["merge", path] + parts)
        XCTAssertEqual(merged.status, 0, "\(name) merge: \(merged.err)", file: file, line: line)
        XCTAssertEqual(merged.out, truth.out, "\(name): three parts merged are not the in-order answer", file: file, line: line)
        let saved = repoRoot.appendingPathComponent(".build/merge-torture")
        try? FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: saved.appendingPathComponent("\(name).lua"))
        try? FileManager.default.copyItem(atPath: path, toPath: saved.appendingPathComponent("\(name).lua").path)
    }
}
