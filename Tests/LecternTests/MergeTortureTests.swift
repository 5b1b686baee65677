import Foundation
import XCTest

/// The merge torture suite (docs/SCRIPTING.md, "Merging state"): scripts that
/// keep totals in every way analysts write them, run over a corpus of four
/// chunks with --jobs 1, 2 and 5. Each must either give the answer of one
/// worker reading the corpus in order (the same script run as one chunk) with
/// the same bytes for every --jobs, or be refused (exit 1) with a message
/// that names the key and the merge kind to declare.
final class MergeTortureTests: XCTestCase {
    enum Expect {
        case same                 // right, for every --jobs
        case refusedAll([String]) // exit 1 with these in the message, for every --jobs
        static func refused(_ m: String...) -> Expect { .refusedAll(m) }
    }

    static let corpus: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-merge-corpus-\(getpid())")
        if !FileManager.default.fileExists(atPath: dir.path) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", repoRoot.appendingPathComponent("scripts/gen-corpus").path, "60", dir.path]
            p.standardOutput = FileHandle.nullDevice
            try! p.run()
            p.waitUntilExit()
        }
        return dir.path
    }()

    /// 60 articles in chunks of 16: four chunks, the last one short.
    let chunked = ["--chunk-size", "16"]

    func check(_ name: String, _ script: String, _ expect: Expect, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try write(try tempDir(self), "\(name).lua", script)
        let truth = try lectern(["run", path, Self.corpus, "--chunk-size", "1000000", "--jobs", "1"])
        var outs: [String] = [], errs: [String] = []
        for jobs in ["1", "2", "5"] {
            let r = try lectern(["run", path, Self.corpus, "--jobs", jobs] + chunked)
            outs.append(r.out)
            errs.append(r.err)
            switch expect {
            case .same:
                XCTAssertEqual(truth.status, 0, "\(name): \(truth.err)", file: file, line: line)
                XCTAssertEqual(r.status, 0, "\(name) --jobs \(jobs): \(r.err)", file: file, line: line)
                XCTAssertEqual(r.out, truth.out, "\(name) --jobs \(jobs): not the in-order answer", file: file, line: line)
                XCTAssertFalse(r.out.isEmpty, "\(name): no output", file: file, line: line)
            case .refusedAll(let messages):
                XCTAssertEqual(r.status, 1, "\(name) --jobs \(jobs): \(r.err)", file: file, line: line)
                for message in messages {
                    XCTAssertTrue(r.err.contains(message), "\(name) --jobs \(jobs): expected «\(message)» in:\n\(r.err)", file: file, line: line)
                }
            }
        }
        if case .same = expect { try checkThroughParts(name, path, truth: truth, file: file, line: line) }
        XCTAssertEqual(Set(outs).count, 1, "\(name): output differs between --jobs 1, 2, 5", file: file, line: line)
        XCTAssertEqual(Set(errs).count, 1, "\(name): messages differ between --jobs 1, 2, 5", file: file, line: line)
    }

    // MARK: numbers

    func testSumByDefault() throws {
        try check("sum", """
        function article(a) state.n = (state.n or 0) + 1; state.p = (state.p or 0) + #a.paragraphs end
        function finish() emit { n = state.n, p = state.p } end
        """, .same)
    }

    func testDeclaredSumOfFloats() throws {
        try check("fsum", """
        merge { w = "sum" }
        function article(a) state.w = (state.w or 0) + #a.paragraphs / 7 end
        function finish() emit { w = string.format("%.6f", state.w) } end
        """, .same)
    }

    func testMaxUndeclaredIsRefused() throws {
        try check("max", """
        function article(a) state.longest = math.max(state.longest or 0, #a.paragraphs) end
        function finish() emit { longest = state.longest } end
        """, .refused("state.longest is not what reading the corpus in order gives: merging the first two chunks (articles 1-16 and 17-32) gives",
                      "Declare how it combines: merge { longest = \"max\" }"))
    }

    func testMaxDeclared() throws {
        try check("max2", """
        merge { longest = "max" }
        function article(a) state.longest = math.max(state.longest or 0, #a.paragraphs) end
        function finish() emit { longest = state.longest } end
        """, .same)
    }

    func testMinUndeclaredIsRefusedAndDeclaredIsRight() throws {
        try check("min", """
        function article(a) state.shortest = math.min(state.shortest or 1e9, #a.paragraphs) end
        function finish() emit { shortest = state.shortest } end
        """, .refused("merge { shortest = \"min\" }"))
        try check("min2", """
        merge { shortest = "min" }
        function article(a) state.shortest = math.min(state.shortest or 1e9, #a.paragraphs) end
        function finish() emit { shortest = state.shortest } end
        """, .same)
    }

    func testMeanDeclared() throws {
        try check("mean", """
        merge { paras = "mean" }
        function article(a) state.paras = merge.mean(state.paras, #a.paragraphs) end
        function finish() emit { mean = string.format("%.4f", state.paras.mean), n = state.paras.count } end
        """, .same)
    }

    func testRunningMeanHasNoKindAndIsRefused() throws {
        try check("runmean", """
        function article(a)
          local k = (state.k or 0)
          state.avg = ((state.avg or 0) * k + #a.paragraphs) / (k + 1)
          state.k = k + 1
        end
        function finish() emit { avg = state.avg } end
        """, .refused("state.avg is not what reading the corpus in order gives"))
    }

    // MARK: first, last, types

    func testFirstUndeclaredIsRefusedAndDeclaredIsRight() throws {
        try check("first", """
        function article(a) state.first = state.first or a.source end
        function finish() emit { first = state.first } end
        """, .refused("merge { first = \"first\" }"))
        try check("first2", """
        merge { first = "first" }
        function article(a) state.first = state.first or a.source end
        function finish() emit { first = state.first } end
        """, .same)
    }

    func testLastNumberUndeclaredIsRefusedAndDeclaredIsRight() throws {
        try check("last", """
        function article(a) state.last = #a.paragraphs end
        function finish() emit { last = state.last } end
        """, .refused("merge { last = \"max\" } (on these articles \"max\", \"last\" all give the in-order value: declare the one you mean)"))
        try check("last2", """
        merge { last = "last", src = "last" }
        function article(a) state.last = #a.paragraphs; state.src = a.source end
        function finish() emit { last = state.last, src = state.src } end
        """, .same)
    }

    func testValueThatChangesTypeDeclaredLast() throws {
        try check("types", """
        merge { v = "last" }
        function article(a) if #a.paragraphs % 2 == 0 then state.v = "even" else state.v = #a.paragraphs end end
        function finish() emit { v = state.v } end
        """, .same)
    }

    func testKeepIsRefusedWhenArticleHooksChangeIt() throws {
        try check("keep", """
        merge { limit = "keep" }
        function setup() state.limit = 5 end
        function article(a) state.limit = state.limit + 1 end
        function finish() emit { limit = state.limit } end
        """, .refused("state.limit is declared 'keep' (set in setup, never changed) but article hooks changed it"))
        try check("keep2", """
        merge { limit = "keep" }
        function setup() state.limit = 5 end
        function article(a) if #a.paragraphs > state.limit then state.n = (state.n or 0) + 1 end end
        function finish() emit { limit = state.limit, n = state.n } end
        """, .same)
    }

    // MARK: tables

    func testIntegerKeyedHistogramUndeclaredIsRefused() throws {
        try check("hist", """
        function article(a)
          state.hist = state.hist or {}
          state.hist[#a.sections] = (state.hist[#a.sections] or 0) + 1
        end
        function finish() for k, v in pairs(state.hist) do emit { k = k, v = v } end end
        """, .refused("merge { hist = \"counts\" }"))
    }

    func testIntegerKeyedHistogramAsCounts() throws {
        try check("hist2", """
        merge { hist = "counts" }
        function article(a)
          state.hist = state.hist or {}
          state.hist[#a.sections] = (state.hist[#a.sections] or 0) + 1
        end
        function finish()
          local keys = {} for k in pairs(state.hist) do keys[#keys + 1] = k end
          table.sort(keys)
          for _, k in ipairs(keys) do emit { k = k, v = state.hist[k] } end
        end
        """, .same)
    }

    func testWordCountsByKey() throws {
        try check("words", """
        function article(a)
          state.words = state.words or {}
          for _, w in ipairs(text.words(a.title or "")) do local l = text.lower(w); state.words[l] = (state.words[l] or 0) + 1 end
        end
        function finish() for _, e in ipairs(text.top(state.words, 10)) do emit { w = e.key, n = e.count } end end
        """, .same)
    }

    func testNestedTablesNeedAWildcardDeclaration() throws {
        let body = """
        function article(a)
          state.by_author = state.by_author or {}
          local k = a.author or "?"
          local e = state.by_author[k] or { n = 0, longest = 0 }
          e.n = e.n + 1
          e.longest = math.max(e.longest, #a.paragraphs)
          state.by_author[k] = e
        end
        function finish()
          local keys = {} for k in pairs(state.by_author) do keys[#keys + 1] = k end
          table.sort(keys)
          for _, k in ipairs(keys) do emit { author = k, n = state.by_author[k].n, longest = state.by_author[k].longest } end
        end
        """
        try check("nested", body, .refused("merge { [\"by_author.*.longest\"] = \"max\" }"))
        try check("nested2", "merge { [\"by_author.*.longest\"] = \"max\" }\n" + body, .same)
    }

    func testSetsByDefaultAndDeclared() throws {
        let body = """
        function article(a) state.authors = state.authors or {}; state.authors[a.author or "?"] = true end
        function finish()
          local keys = {} for k in pairs(state.authors) do keys[#keys + 1] = k end
          table.sort(keys)
          emit { authors = table.concat(keys, ";"), n = #keys }
        end
        """
        try check("set", body, .same)
        try check("set2", "merge { authors = \"set\" }\n" + body, .same)
    }

    func testListsAppendInInputOrder() throws {
        try check("list", """
        function article(a) state.rows = state.rows or {}; table.insert(state.rows, a.source) end
        function finish() emit { n = #state.rows, first = state.rows[1], last = state.rows[#state.rows] } end
        """, .same)
        try check("list2", """
        merge { rows = "list" }
        function article(a) state.rows = state.rows or {}; state.rows[#state.rows + 1] = #a.paragraphs end
        function finish() emit { rows = table.concat(state.rows, ",") } end
        """, .same)
    }

    func testStringBuiltAcrossArticlesIsRefused() throws {
        try check("concat", """
        function article(a) state.s = (state.s or "") .. (#a.paragraphs % 10) end
        function finish() emit { s = state.s } end
        """, .refused("state.s is not what reading the corpus in order gives"))
    }

    func testBooleanFlagsDeclared() throws {
        try check("bool", """
        merge { any_long = "max", all_short = "min" }
        function article(a)
          state.any_long = math.max(state.any_long or 0, #a.paragraphs > 12 and 1 or 0)
          state.all_short = math.min(state.all_short or 1, #a.paragraphs < 30 and 1 or 0)
        end
        function finish() emit { any_long = state.any_long == 1, all_short = state.all_short == 1 } end
        """, .same)
    }

    // MARK: values kept outside state

    func testLocalCounterReadInFinishIsRefused() throws {
        try check("local", """
        local n = 0
        function article(a) n = n + 1 end
        function finish() emit { n = n } end
        """, .refused("finish() reads local 'n' (an upvalue of the function at"))
    }

    func testGlobalCounterReadInFinishIsRefused() throws {
        try check("global", """
        count = 0
        function article(a) count = count + 1 end
        function finish() emit { n = count } end
        """, .refused("global 'count' was changed by per-article hooks"))
    }

    func testLocalSeenTableForEmitOnceIsRefused() throws {
        try check("seen", """
        local seen = {}
        function article(a)
          local k = a.author or "?"
          if not seen[k] then seen[k] = true; emit { author = k } end
        end
        """, .refused("the output of articles 17-32 changes when those articles are read after the ones before them"))
    }

    func testEmitOnceFromStateIsRefused() throws {
        try check("seenstate", """
        function article(a)
          state.seen = state.seen or {}
          local k = a.author or "?"
          if not state.seen[k] then state.seen[k] = true; emit { author = k } end
        end
        """, .refused("the output of articles 17-32 changes"))
    }

    func testScratchLocalsThatDoNotCarryAnythingAreFine() throws {
        // a buffer reused per article: changed, reset per chunk, answer unaffected
        try check("scratch", """
        local buf = {}
        function article(a)
          for i = #buf, 1, -1 do buf[i] = nil end
          for _, p in ipairs(a.paragraphs) do buf[#buf + 1] = #p.text end
          emit { src = a.source, n = #buf }
        end
        """, .same)
    }

    // MARK: failures

    func testTopLevelErrorInSomeWorkerFailsTheWholeRun() throws {
        let path = try write(try tempDir(self), "flaky.lua", """
        if math.random(3) == 1 then error("flaky top level") end
        function article(a) emit { s = a.source } end
        """)
        for _ in 0..<4 {
            let r = try lectern(["run", path, Self.corpus, "--jobs", "5"] + chunked)
            if r.status == 0 {
                XCTAssertEqual(r.out.split(separator: "\n").count, 60, "a run that exits 0 has every record")
            } else {
                XCTAssertEqual(r.status, 2, r.err)
                XCTAssertTrue(r.err.contains("flaky.lua:1: flaky top level"), r.err)
                XCTAssertEqual(r.out, "", "nothing is written when a worker cannot run setup")
            }
        }
        let always = try write(try tempDir(self), "setupfail.lua", """
        local states = 0
        function setup() if lectern_worker_marker then error("x") end end
        function article(a) emit { s = a.source } end
        """)
        let r = try lectern(["run", always, Self.corpus, "--jobs", "2"] + chunked)
        XCTAssertEqual(r.status, 0, r.err)
    }

    func testFailFastWritesEverythingBeforeTheFailureInInputOrder() throws {
        let path = try write(try tempDir(self), "ff.lua", """
        function article(a)
          emit { s = a.source }
          if a.source:match("000037") then error("boom") end
        end
        """)
        var outs: [String] = []
        for jobs in ["1", "2", "5"] {
            let r = try lectern(["run", path, Self.corpus, "--fail-fast", "--jobs", jobs] + chunked)
            XCTAssertEqual(r.status, 1, r.err)
            XCTAssertTrue(r.err.contains("ff.lua:3: boom"), r.err)
            outs.append(r.out)
        }
        XCTAssertEqual(Set(outs).count, 1)
        let lines = outs[0].split(separator: "\n")
        XCTAssertEqual(lines.count, 38, "articles 000000..000037, nothing after")
        XCTAssertTrue(lines.last!.contains("000037"), String(lines.last!))
    }

    // MARK: declarations

    func testBadDeclarationsNameTheLine() throws {
        let dir = try tempDir(self)
        let bad = try write(dir, "bad.lua", "merge { longest = \"maximum\" }\nfunction article(a) end\n")
        var r = try lectern(["run", bad, seedPath])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("bad.lua:1: merge: unknown kind \"maximum\" for longest (kinds: sum, max, min, first, last, list, set, counts, mean, keep)"), r.err)
        let late = try write(dir, "late.lua", "function article(a) merge { x = \"max\" } end\n")
        r = try lectern(["run", late, seedPath])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("late.lua:1: merge { ... } must be called at the top of the script or in setup"), r.err)
        let wrongType = try write(dir, "wrong.lua", """
        merge { rows = "counts" }
        function article(a) state.rows = state.rows or {}; table.insert(state.rows, a.source) end
        function finish() emit { n = #state.rows } end
        """)
        r = try lectern(["run", wrongType, Self.corpus] + chunked)
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("state.rows[1] holds a string, but state.rows is declared 'counts'"), r.err)
        XCTAssertTrue(r.err.contains("finish() was not run: the state of"), r.err)
        XCTAssertEqual(r.out, "")
    }

    /// The default chunk size (256 articles) with a corpus of three chunks, and
    /// an answer computed outside Lua from `lectern parse`.
    func testDefaultChunksAgainstAnIndependentCount() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-merge-600-\(getpid())")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", repoRoot.appendingPathComponent("scripts/gen-corpus").path, "600", dir.path]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let parsed = try lectern(["parse", dir.path])
        XCTAssertEqual(parsed.status, 0)
        var longest = 0
        var hist: [Int: Int] = [:]
        for line in parsed.out.split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let sections = obj["sections"] as! [[String: Any]]
            let paras = sections.reduce(0) { $0 + ($1["paragraphs"] as! [Any]).count }
            longest = max(longest, paras)
            hist[sections.count, default: 0] += 1
        }
        let script = try write(try tempDir(self), "m.lua", """
        merge { longest = "max", hist = "counts" }
        function article(a)
          state.longest = math.max(state.longest or 0, #a.paragraphs)
          state.hist = state.hist or {}
          state.hist[#a.sections] = (state.hist[#a.sections] or 0) + 1
        end
        function finish()
          local keys = {} for k in pairs(state.hist) do keys[#keys + 1] = k end
          table.sort(keys)
          local parts = {} for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. state.hist[k] end
          print(state.longest, table.concat(parts, " "))
        end
        """)
        let want = "\(longest)\t" + hist.keys.sorted().map { "\($0)=\(hist[$0]!)" }.joined(separator: " ") + "\n"
        for jobs in ["1", "2", "5"] {
            let r = try lectern(["run", script, dir.path, "--jobs", jobs])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, want)
        }
        // and the mistake, undeclared, is caught on the default chunks too
        let wrong = try write(try tempDir(self), "w.lua", """
        function article(a) state.longest = math.max(state.longest or 0, #a.paragraphs) end
        function finish() print(state.longest) end
        """)
        let r = try lectern(["run", wrong, dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("(articles 1-256 and 257-512)"), r.err)
        XCTAssertTrue(r.err.contains("merge { longest = \"max\" }"), r.err)
    }
}
