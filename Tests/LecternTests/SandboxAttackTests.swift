import Foundation
import XCTest

/// The hostile-script probe of the sandbox issue, each attack a test: no
/// crash, a clear message with exit status 1 (or the run's own status), and
/// bounded time and memory, measured here by running lectern under wait4()
/// with a kill after a generous bound.
final class SandboxAttackTests: XCTestCase {
    struct Bounded {
        var out: String
        var err: String
        var status: Int32      // exit status, or 128 + signal
        var maxRSSMB: Double
        var killed: Bool       // still running at the bound: it hung
    }

    /// Runs lectern with stdout/stderr in files; kills it after `seconds`.
    func run(_ args: [String], seconds: Double = 60, stdin: String? = nil, signalAfter: (Int32, String)? = nil) throws -> Bounded {
        let dir = try tempDir(self)
        let outPath = dir.appendingPathComponent("out").path, errPath = dir.appendingPathComponent("err").path
        let inPath = dir.appendingPathComponent("in").path
        FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // paths relative to the repository (seeds/...) made absolute: the child keeps our cwd
        let args = args.map { $0.hasPrefix("seeds") ? repoRoot.appendingPathComponent($0).path : $0 }
        let argv = ([lecternBinary.path] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, lecternBinary.path, &actions, nil, argv, environ)
        XCTAssertEqual(rc, 0, "spawn failed")
        var status: Int32 = 0
        var usage = rusage()
        let start = Date()
        var killed = false
        var signalled = false
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if let (sig, marker) = signalAfter, !signalled,
               let e = try? String(contentsOfFile: errPath, encoding: .utf8), e.contains(marker) {
                kill(pid, sig)
                signalled = true
            }
            if Date().timeIntervalSince(start) > seconds {
                kill(pid, SIGKILL)
                killed = true
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(20_000)
        }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Bounded(out: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       err: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                       status: code, maxRSSMB: Double(usage.ru_maxrss) / 1024, killed: killed)
    }

    func script(_ name: String, _ source: String) throws -> String {
        try write(try tempDir(self), name, source)
    }

    func expectFailure(_ r: Bounded, _ message: String, status: Int32 = 1, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(r.killed, "hung: \(r.err)", file: file, line: line)
        XCTAssertEqual(r.status, status, r.err, file: file, line: line)
        XCTAssertTrue(r.err.contains(message), "expected «\(message)» in:\n\(r.err)", file: file, line: line)
    }

    // MARK: memory safety

    func testModelFieldsAreReadOnly() throws {
        for (assign, hook) in [("a.paragraphs = 42", "function paragraph(p, a) end"),
                               ("a.comments = true", "function comment(c, a) end"),
                               ("a.sections = 'str'", "function section(s, a) end")] {
            let s = try script("ro.lua", "function article(a) \(assign) end\n\(hook)\n")
            let r = try run(["run", s, seedPath])
            expectFailure(r, "ro.lua:1: a.\(assign.split(separator: " ")[0].dropFirst(2)) = ...: the article's fields are read-only")
        }
        // rawset puts a value in the object itself; the host reads its own cache
        let s = try script("raw.lua", """
        function article(a) rawset(a, "paragraphs", "str"); rawset(a, "comments", 1) end
        function paragraph(p, a) state.n = (state.n or 0) + 1 end
        function comment(c, a) state.c = (state.c or 0) + 1 end
        function finish() print(state.n, state.c) end
        """)
        let r = try run(["run", s, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "12\t5\n")
    }

    func testPairsListsTheFieldsInJSONOrder() throws {
        // The article table is empty (reads go through __index); pairs and
        // lectern.inspect still show the fields, nil ones skipped.
        let s = try script("pairs.lua", """
        function article(a)
          local ks = {}
          for k, v in pairs(a) do ks[#ks + 1] = k .. ":" .. type(v) end
          print(table.concat(ks, " "))
          print(lectern.inspect(a):match('^{author = "Stephen Paul Brooker", author_bio = ') ~= nil)
        end
        """)
        let r = try run(["run", s, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "source:string format:string site:string id:string language:string title:string author:string "
            + "authors:table author_bio:string image_credit:string sections:table paragraphs:table boilerplate:table "
            + "navigation:table tags:table comments:table comments_closed:boolean\ntrue\n")
    }

    func testUnknownFieldsNameTheNearestOne() throws {
        let s = try script("typo.lua", "function article(a) print(a.date) end\n")
        expectFailure(try run(["run", s, seedPath]), "typo.lua:1: a.date: the article has no field 'date' (did you mean published?)")
        let t = try script("typo2.lua", "function article(a) print(a.titel) end\n")
        expectFailure(try run(["run", t, seedPath]), "a.titel: the article has no field 'titel' (did you mean title?)")
    }

    func testDeepStateAndEmitValues() throws {
        let ok = try script("deep.lua", """
        function article(a) local t = state for i = 1, 40 do t.x = {} t = t.x end
          local e = {} local u = e for i = 1, 40 do u.x = {} u = u.x end emit { deep = e } end
        function finish() local n, t = 0, state while t.x do n = n + 1 t = t.x end print(n) end
        """)
        var r = try run(["run", ok, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasSuffix("40\n"), r.out)
        let bad = try script("deeper.lua", "function article(a) local t = state for i = 1, 70 do t.x = {} t = t.x end end\n")
        r = try run(["run", bad, seedPath])
        expectFailure(r, "is nested more than 64 levels deep")
        let badEmit = try script("deepemit.lua", "function article(a) local e = {} local u = e for i = 1, 70 do u.x = {} u = u.x end emit { deep = e } end\n")
        expectFailure(try run(["run", badEmit, seedPath]), "deepemit.lua:1: emit: deep.x.x")
    }

    func testKeyTypesAndInfiniteKeys() throws {
        let s = try script("keys.lua", "function article(a) state[{}] = 1 end\n")
        expectFailure(try run(["run", s, seedPath]), "has a key of type table")
        let inf = try script("inf.lua", "function article(a) emit { t = {[math.huge] = 1, [-math.huge] = 2} } end\n")
        let r = try run(["run", inf, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "{\"t\":{\"-inf\":2,\"inf\":1}}\n")
    }

    // MARK: time limits

    func testTimeLimitCannotBeCaught() throws {
        let attacks = [
            "while true do pcall(function() while true do end end) end",
            "while true do xpcall(function() while true do end end, function() while true do end end) end",
            "coroutine.wrap(function() while true do end end)()",
            "local co = coroutine.create(function() while true do end end) while true do coroutine.resume(co) end",
            "do local x <close> = setmetatable({}, {__close = function() while true do end end}) while true do end end",
        ]
        for body in attacks {
            let s = try script("loop.lua", "function article(a) \(body) end\n")
            let r = try run(["run", s, seedPath, "--timeout", "1"], seconds: 60)
            expectFailure(r, "loop.lua:1: time limit exceeded (--timeout 1 s)")
        }
    }

    func testTimeoutInsideAPluginHookStopsTheCall() throws {
        let s = try script("fire.lua", """
        lectern.hook("slow")
        function slow() while true do end end
        function article(a) lectern.fire("slow") while true do end end
        """)
        expectFailure(try run(["run", s, seedPath, "--timeout", "1"]), "time limit exceeded (--timeout 1 s)")
    }

    func testCallsNoHookCanStopEndTheRunWithAMessage() throws {
        for body in ["print(('a'):rep(3000):find('.-.-.-b'))",
                     "do local x = setmetatable({}, {__gc = function() while true do end end}) end collectgarbage()"] {
            let s = try script("stuck.lua", "function article(a) emit { ok = 1 } \(body) end\n")
            let dir = try tempDir(self)
            let out = dir.appendingPathComponent("out.jsonl").path
            let r = try run(["run", s, seedPath, "seeds", "--timeout", "1", "--jobs", "1", "--output", out], seconds: 60)
            expectFailure(r, "stuck.lua: hook 'article' on ")
            XCTAssertTrue(r.err.contains("ran past its time limit and did not return within 5 s"), r.err)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "the output file is not put in place")
        }
    }

    func testLongSingleCallsAreBounded() throws {
        let s = try script("long.lua", """
        function article(a) print(#string.rep("", 1e15), #(""):rep(1e15)) table.move({}, 1, 1e13, 1) end
        """)
        let r = try run(["run", s, seedPath])
        XCTAssertEqual(r.out, "0\t0\n")
        expectFailure(r, "long.lua:1: memory limit exceeded (--memory 1024 MB)")
    }

    func testScriptCodeTheHostRunsIsUnderTheWatchdog() throws {
        let args = try script("args.lua", """
        args = setmetatable({}, {__index = function() while true do end end, __pairs = function() while true do end end})
        function article(a) end
        """)
        var r = try run(["info", args], seconds: 60)
        XCTAssertFalse(r.killed, r.err)
        r = try run(["run", args, seedPath, "--timeout", "1"], seconds: 60)
        XCTAssertFalse(r.killed, r.err)
        XCTAssertEqual(r.status, 0, r.err)
        let hooks = try script("hooks.lua", """
        return setmetatable({}, {__index = function() while true do end end})
        """)
        r = try run(["run", hooks, seedPath, "--timeout", "1"], seconds: 60)
        XCTAssertFalse(r.killed, r.err)
        let global = try script("pairs.lua", """
        g = setmetatable({}, {__pairs = function() while true do end end, __index = function() while true do end end})
        function article(a) g.x = nil end
        function finish() print("done") end
        """)
        r = try run(["run", global, seedPath, "--timeout", "1"], seconds: 60)
        XCTAssertFalse(r.killed, r.err)
        XCTAssertEqual(r.out, "done\n", r.err)
    }

    func testCtrlCStopsALoopWithNoTimeLimit() throws {
        let s = try script("forever.lua", "function article(a) lectern.log('looping') while true do end end\n")
        let r = try run(["run", s, seedPath, "--timeout", "0"], seconds: 60, signalAfter: (SIGINT, "looping"))
        XCTAssertFalse(r.killed, "Ctrl-C did not stop the run: \(r.err)")
        XCTAssertEqual(r.status, 130, r.err)
    }

    // MARK: memory limits

    func testHeldOutputCountsAgainstTheMemoryCap() throws {
        let s = try script("emits.lua", """
        local big = string.rep("x", 1024 * 1024)
        function article(a) for i = 1, 1500 do emit { i = i, s = big } end end
        """)
        let r = try run(["run", s, seedPath, "--memory", "32M"])
        expectFailure(r, "emits.lua:2: memory limit exceeded (--memory 32 MB)")
        XCTAssertLessThan(r.maxRSSMB, 400, "held output is bounded by the cap")
        let p = try script("prints.lua", """
        function article(a) for i = 1, 40000 do print(i) end end
        """)
        let q = try run(["run", p, seedPath])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertEqual(q.out.split(separator: "\n").count, 40000)
        XCTAssertTrue(q.out.hasSuffix("39999\n40000\n"))
    }

    func testMemoryErrorsNameTheLine() throws {
        let s = try script("grow.lua", "function article(a)\n  local t = {}\n  for i = 1, 1e9 do t[i] = i end\nend\n")
        expectFailure(try run(["run", s, seedPath, "--memory", "32M"]), "grow.lua:3: memory limit exceeded (--memory 32 MB)")
    }

    // MARK: the sandbox's walls

    func testStdinAndDevicesCannotBeRead() throws {
        let fifo = try tempDir(self).appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for body in ["for l in io.lines('/proc/self/fd/0') do end", "io.open('/dev/stdin'):read('a')", "io.open('/dev/zero')",
                     "io.open('\(fifo)')", "require('x', io.lines('/proc/self/environ'))"] {
            let s = try script("stdin.lua", "function article(a) \(body) end\n")
            let r = try run(["run", s, seedPath], seconds: 60, stdin: "secret\n")
            expectFailure(r, "the sandbox reads regular files only")
        }
    }

    func testStringDumpIsNotReachable() throws {
        let s = try script("dump.lua", "function article(a) print(getmetatable('').__index.dump) end\n")
        expectFailure(try run(["run", s, seedPath]), "attempt to index a boolean value")
        let t = try script("dump2.lua", "function article(a) print(('').dump) end\n")
        let r = try run(["run", t, seedPath])
        XCTAssertEqual(r.out, "nil\n", r.err)
    }

    func testOneScriptCannotChangeAnother() throws {
        let dir = try tempDir(self)
        let a = try write(dir, "a.lua", """
        string.upper = function() return "pwned" end
        text.words = function() return {} end
        local ok = pcall(function() getmetatable(_G).__index.emit = function() end end)
        print("a can reach base:", ok)
        local ok2 = pcall(setmetatable, _G, {__metatable = "mine"})
        print("a can replace its env metatable:", ok2)
        function article(x) end
        """)
        let b = try write(dir, "b.lua", """
        function article(x) emit { up = string.upper("ok"), up2 = ("ok"):upper(), words = #text.words("a b c") } end
        """)
        let r = try run(["run", a, seedPath, "--script", b])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "a can reach base:\tfalse\na can replace its env metatable:\tfalse\n{\"script\":\"b.lua\",\"up\":\"OK\",\"up2\":\"OK\",\"words\":3}\n")
    }

    func testTheFinishGuardHoldsAgainstAProtectedEnvironment() throws {
        let s = try script("meta.lua", """
        pcall(setmetatable, _G, {__metatable = false})
        count = 0
        function article(a) count = count + 1 end
        function finish() print(count) end
        """)
        expectFailure(try run(["run", s, seedPath]), "global 'count' was changed by per-article hooks")
    }
}
