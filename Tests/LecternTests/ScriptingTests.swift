import Foundation
import XCTest

/// Hooks, state merging, plugins, the text module: through the real binary.
final class ScriptingTests: XCTestCase {
    /// A corpus of `n` small articles in the seed's layout, in a temp folder.
    func corpus(_ n: Int) throws -> String {
        let dir = try tempDir(self)
        for i in 0..<n {
            try write(dir, String(format: "%03d.txt", i), sampleArticle(
                title: "Article Number \(i) About Russia",
                paragraphs: ["Russia and China met in \(1990 + i). The talks were long and the U.S. watched closely from afar.",
                             "Second paragraph of article \(i), about trade with India and the EU, longer than a heading."],
                comments: i % 2 == 0 ? ["A reader's comment on article \(i)."] : []))
        }
        return dir.path
    }

    func testOutputIsTheSameForAnyJobs() throws {
        let dir = try corpus(40)
        let script = try write(try tempDir(self), "s.lua", """
        function article(a)
          state.titles = state.titles or {}
          table.insert(state.titles, a.title)
          state.n = (state.n or 0) + 1
          state.words = state.words or {}
          for _, w in ipairs(text.words(a:text())) do
            local l = text.lower(w)
            state.words[l] = (state.words[l] or 0) + 1
          end
          emit{source = a.source, paragraphs = #a.paragraphs}
        end
        function finish()
          print(state.n, state.titles[1], state.titles[#state.titles])
          for _, it in ipairs(text.top(state.words, 5)) do emit{word = it.key, count = it.count} end
        end
        """)
        var outputs: [String] = []
        for jobs in ["1", "2", "8"] {
            // small chunks so that several workers really share the corpus
            let r = try lectern(["run", script, dir, "--jobs", jobs], cwd: repoRoot)
            XCTAssertEqual(r.status, 0, r.err)
            outputs.append(r.out)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
        XCTAssertTrue(outputs[0].contains("40\tArticle Number 0 About Russia\tArticle Number 39 About Russia"), outputs[0])
        XCTAssertTrue(outputs[0].hasPrefix("{\"paragraphs\":2,\"source\":\"\(dir)/000.txt\"}\n"), outputs[0])
    }

    func testGlobalsChangedByArticleHooksAreRefusedInFinish() throws {
        let script = try write(try tempDir(self), "globals.lua", """
        count = 0
        function article(a) count = count + 1 end
        function finish() print(count) end
        """)
        let r = try lectern(["run", script, seedPath])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("globals.lua:3: global 'count' was changed by per-article hooks"), r.err)
        XCTAssertTrue(r.err.contains("state.count"), r.err)
    }

    func testStateFromSetupIsTheStartingPoint() throws {
        let dir = try corpus(5)
        let script = try write(try tempDir(self), "s.lua", """
        function setup() state.n = 100; state.list = {"start"}; state.label = "x" end
        function article(a) state.n = state.n + 1; table.insert(state.list, a.title:match("%d+")) end
        function finish() print(state.n, table.concat(state.list, ","), state.label) end
        """)
        for jobs in ["1", "3"] {
            let r = try lectern(["run", script, dir, "--jobs", jobs])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, "105\tstart,0,1,2,3,4\tx\n")
        }
    }

    func testElementHooksRunInDocumentOrder() throws {
        let script = try write(try tempDir(self), "order.lua", """
        function article(a) print("article") end
        function section(s, a) print("section", s.index, s.heading) end
        function paragraph(p, a) print("paragraph", p.index, p.section) end
        function boilerplate(b, a) print("boilerplate", b.kind) end
        function comment(c, a) print("comment", c.number) end
        """)
        let r = try lectern(["run", script, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "article")
        XCTAssertEqual(lines[1], "section\t1\tnil")
        XCTAssertEqual(lines[2], "paragraph\t1\t1")
        XCTAssertEqual(lines[3], "boilerplate\twidget")
        XCTAssertEqual(lines[4], "section\t2\tHistoric Sino-Russian Relations")
        XCTAssertEqual(lines.filter { $0.hasPrefix("paragraph") }.count, 12)
        XCTAssertEqual(lines.filter { $0.hasPrefix("comment") }, (1...5).map { "comment\t\($0)" })
        // the promo sits between paragraphs 2 and 3 of the second section
        let promo = lines.firstIndex { $0.hasPrefix("boilerplate\tpromo") }!
        XCTAssertEqual(lines[promo - 1], "paragraph\t2\t2")
    }

    func testArticleFieldsInLua() throws {
        let script = try write(try tempDir(self), "fields.lua", """
        function article(a)
          print(a.source, a.format, a.url, a.title, a.author, a.published, a.image_credit)
          print(#a.sections, #a.paragraphs, #a.comments, #a.tags, a.comments_closed, a.navigation.next)
          print(a.sections[2].paragraphs[1] == a.paragraphs[2], a.paragraphs[2].line)
          print(#a:text(), a:text():sub(1, 12), #a:xpath("//p"))
          print(a.comments[1].number, a.boilerplate[1].kind, a.author_bio:sub(1, 20))
        end
        """)
        let r = try lectern(["run", script, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, """
        \(seedPath)\ttext\tnil\tThe Growing China-Russia Relationship\tStephen Paul Brooker\tnil\tMaoNo / Pixabay
        3\t12\t5\t0\ttrue\tUnited States Policies Escalating South China Sea Tension
        true\t12
        \(try bodyLength())\tIncreasingly\t0
        1\twidget\tStephen Paul Brooker

        """)
    }

    /// The seed's body as a:text() gives it (paragraphs joined by a blank line), in bytes.
    func bodyLength() throws -> Int {
        let r = try lectern(["parse", seedPath])
        let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let paragraphs = (obj["sections"] as! [[String: Any]]).flatMap { ($0["paragraphs"] as! [[String: Any]]).map { $0["text"] as! String } }
        return paragraphs.joined(separator: "\n\n").utf8.count
    }

    func testStaleArticleFieldsAreAnError() throws {
        let script = try write(try tempDir(self), "stale.lua", """
        local keep
        function article(a) if keep then print(keep.title) end keep = a end
        """)
        let dir = try corpus(2)
        let r = try lectern(["run", script, dir])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("stale.lua:2: a.title: this article's hooks have finished"), r.err)
    }

    func testStaleArticleIsAnErrorInPairsToo() throws {
        let script = try write(try tempDir(self), "stalepairs.lua", """
        local keep
        function article(a) if keep then for k in pairs(keep) do end end keep = a end
        """)
        let r = try lectern(["run", script, try corpus(2)])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("stalepairs.lua:2: pairs(a): this article's hooks have finished"), r.err)
    }

    func testPluginDeclaresAndFiresAHook() throws {
        let dir = try tempDir(self)
        try write(dir, "lib/years.lua", """
        lectern.hook("year")
        lectern.on("paragraph", function(p, a)
          for y in p.text:gmatch("%f[%d](1[89]%d%d)%f[%D]") do lectern.fire("year", tonumber(y), a) end
        end)
        return {}
        """)
        let a = try write(dir, "a.lua", """
        require "years"
        function year(y, a) emit{script = "a", year = y} end
        """)
        let b = try write(dir, "b.lua", """
        function year(y) if y == 1991 then error("b does not like 1991") end emit{script = "b", year = y} end
        """)
        let r = try lectern(["run", a, "--script", b, seedPath])
        XCTAssertEqual(r.status, 1)
        let years = r.out.split(separator: "\n").filter { $0.contains("\"a\"") }.count
        XCTAssertEqual(years, 6, r.out)  // 1949 1953 1961 1969 1976 1991
        XCTAssertTrue(r.out.contains("{\"script\":\"b\",\"year\":1976}"))
        XCTAssertFalse(r.out.contains("{\"script\":\"b\",\"year\":1991}"))
        XCTAssertTrue(r.err.contains("b.lua:1: b does not like 1991 (in hook 'year')"), r.err)
    }

    func testInspectRendersTables() throws {
        let s = try write(try tempDir(self), "i.lua", """
        function finish()
          local t = {1, "two", n = 3, ["a key"] = {x = true}, s = "line\\nbreak"}
          t.self = t
          print(lectern.inspect(t))
          print(lectern.inspect(nil), lectern.inspect(4.5))
        end
        """)
        let r = try lectern(["run", s, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "{1, \"two\", [\"a key\"] = {x = true}, n = 3, s = \"line\\nbreak\", self = <cycle>}\nnil\t4.5\n")
    }

    func testScriptsKeepTheirOwnGlobals() throws {
        let dir = try tempDir(self)
        let a = try write(dir, "a.lua", "name = 'A'\nfunction finish() print('a sees', name) end\n")
        let b = try write(dir, "b.lua", "name = 'B'\nfunction finish() print('b sees', name) end\n")
        let r = try lectern(["run", a, "--script", b, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "a sees\tA\nb sees\tB\n")
    }

    func testRequireFindsModulesBesideInLibAndOnLuaPath() throws {
        let dir = try tempDir(self)
        let other = try tempDir(self)
        try write(dir, "beside.lua", "return {x = 'beside'}")
        try write(dir, "lib/inlib.lua", "return {x = 'inlib'}")
        try write(other, "far.lua", "return {x = 'far'}")
        let s = try write(dir, "s.lua", """
        function finish() print(require('beside').x, require('inlib').x, require('far').x) end
        """)
        let r = try lectern(["run", s, seedPath, "--lua-path", other.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "beside\tinlib\tfar\n")
        let r2 = try lectern(["run", s, seedPath])
        XCTAssertEqual(r2.status, 1)
        XCTAssertTrue(r2.err.contains("module 'far' not found"), r2.err)
    }

    func testClassifyRelabelsBlocks() throws {
        let s = try write(try tempDir(self), "fix.lua", """
        function classify(b)
          if b.text:match("^Divergent") then return "boilerplate:quirk" end
          if b.label == "boilerplate:widget" then return "paragraph" end
        end
        function article(a)
          for _, s in ipairs(a.sections) do print(s.heading, #s.paragraphs) end
          print(a.paragraphs[2].text, a.boilerplate[#a.boilerplate].kind)
        end
        """)
        let r = try lectern(["run", s, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        // both widgets ("Play Quizzes 4", "No posts to display") became paragraphs; the
        // last heading became boilerplate, so its paragraphs joined the section before
        XCTAssertTrue(r.out.hasPrefix("nil\t2\nHistoric Sino-Russian Relations\t12\nPlay Quizzes 4\t"), r.out)
        let bad = try write(try tempDir(self), "bad.lua", "function classify(b) return 'paragrph' end")
        let r2 = try lectern(["run", bad, seedPath])
        XCTAssertEqual(r2.status, 1)
        XCTAssertTrue(r2.err.contains("classify returned 'paragrph', which is not a label"), r2.err)
    }

    func testTextModule() throws {
        let s = try write(try tempDir(self), "t.lua", """
        local function show(t) return table.concat(t, "|") end
        function finish()
          print(show(text.words("Moscow’s Sino-Russian talks: don't stop, 4.2% — Путин сказал!")))
          print(show(text.sentences("Increasingly, it dismays the U.S. China is rising. Mr. Smith met Dr. Jones at 4.2 p.m. today. The U.S. President spoke. Really? Yes.")))
          print(text.lower("ÉTÉ Россия"), text.upper("straße"))
          print(show(text.ngrams({"a", "b", "c", "d"}, 2)), #text.ngrams({"a"}, 2))
          local k = text.kwic("Russia and China. Then china again, and CHINA.", "china", 6)
          print(#k, k[1].left .. "[" .. k[1].keyword .. "]" .. k[1].right, k[3].keyword)
          local sw = text.stopwords("en")
          print(sw["the"], sw["russia"])
          local c = text.counter()
          c:add("x"); c:add("y", 3); c:add("x")
          print(c:get("x"), c:total(), c:top(1)[1].key)
        end
        """)
        let r = try lectern(["run", s, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, """
        Moscow’s|Sino|Russian|talks|don't|stop|4.2|Путин|сказал
        Increasingly, it dismays the U.S.|China is rising.|Mr. Smith met Dr. Jones at 4.2 p.m. today.|The U.S. President spoke.|Really?|Yes.
        été россия\tSTRASSE
        a b|b c|c d\t0
        3\ta and [China]. Then\tCHINA
        true\tnil
        2\t5\ty

        """)
    }
}
