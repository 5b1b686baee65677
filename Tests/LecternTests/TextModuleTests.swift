import Foundation
import XCTest
@testable import LuaHost

/// The text module: UAX #29 conformance in-process, everything else through the
/// real binary (messages, exit status, --memory and --timeout).
final class TextModuleTests: XCTestCase {
    /// Runs a script's finish() over the seed and returns what it printed.
    func run(_ body: String, args: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let s = try write(try tempDir(self), "t.lua", "local function show(t) return table.concat(t, \"|\") end\nfunction finish()\n\(body)\nend\n")
        return try lectern(["run", s, seedPath] + args)
    }

    func output(_ body: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try run(body)
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        return r.out
    }

    // MARK: UAX #29

    /// Every line of the Unicode Consortium's WordBreakTest.txt (a copy of the
    /// file in Debian's unicode-data, the version the tables were generated from).
    func testWordBreakTestConformance() throws {
        let url = repoRoot.appendingPathComponent("Tests/Unicode/WordBreakTest.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var cases = 0, failures: [String] = []
        for line in lines {
            let data = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let fields = data.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            var scalars: [Unicode.Scalar] = [], expected: [Int] = []
            for f in fields {
                if f == "÷" { expected.append(scalars.count) } else if f != "×" {
                    scalars.append(Unicode.Scalar(UInt32(f, radix: 16)!)!)
                }
            }
            var s = String(String.UnicodeScalarView(scalars))
            let got = s.withUTF8 { WordBreak.boundaries(ScalarRun($0).values) }
            cases += 1
            if got != expected { failures.append("\(data): got \(got), expected \(expected)") }
        }
        XCTAssertGreaterThan(cases, 1800)
        XCTAssertEqual(failures.count, 0, failures.prefix(5).joined(separator: "\n"))
    }

    // MARK: words

    func testWordsFollowUAX29() throws {
        let out = try output("""
          print(show(text.words("The U.S. economy grew 5.2% to $4,100,000; don't/don’t stop Moscow’s Sino-Russian talks.")))
          print(show(text.words("中国人民 カタカナ ひらがな 한국어 Ελλάδα עִבְרִית 🇺🇸🇬🇧 e\u{301}te\u{301}")))
          print(show(text.words("مرحبا بالعالم ภาษาไทย")))
        """)
        XCTAssertEqual(out, """
        The|U.S|economy|grew|5.2|to|4,100,000|don't|don’t|stop|Moscow’s|Sino|Russian|talks
        中|国|人|民|カタカナ|ひ|ら|が|な|한국어|Ελλάδα|עִבְרִית|e\u{301}te\u{301}
        مرحبا|بالعالم|ภ|า|ษ|า|ไ|ท|ย

        """)
    }

    func testWordsOptions() throws {
        let r = try run("""
          local s = "See https://example.com/a_(b)?x=1, www.lectern.org. Mail first.last@example.co.uk. Sino-Russian 1,200 2024"
          print(show(text.words(s)))
          print(show(text.words(s, {urls = true, emails = true, hyphens = true, numbers = false})))
          text.words("x", {url = true})
        """)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, """
        See|https|example.com|a_|b|x|1|www.lectern.org|Mail|first.last|example.co.uk|Sino|Russian|1,200|2024
        See|https://example.com/a_(b)?x=1|www.lectern.org|Mail|first.last@example.co.uk|Sino-Russian

        """)
        XCTAssertTrue(r.err.contains("t.lua:6: text.words: unknown option 'url' (known: numbers, urls, emails, hyphens)"), r.err)
    }

    func testSentencesSplitAtABlankLine() throws {
        let out = try output("""
          print(show(text.sentences("Heading\\n\\nBody starts here. The U.S. President spoke.\\n \\nNext paragraph")))
        """)
        XCTAssertEqual(out, "Heading|Body starts here.|The U.S. President spoke.|Next paragraph\n")
    }

    // MARK: patterns and code points

    func testUnicodePatterns() throws {
        let r = try run("""
          print(text.find("Путин сказал: «да»", "%a+", 3))
          print(text.find("don’t", "[’']"))
          print(text.find("a.b", ".", 1, true))
          print(text.match("Émile Zola, 1902", "(%u%l+) (%u%l+), (%d+)"))
          print(text.match("key = value", "()=()"))
          local out = {}
          for w in text.gmatch("Ελλάδα, été, 中国 and Москва!", "%a+") do out[#out + 1] = w end
          print(show(out))
          out = {}
          for k, v in text.gmatch("a=1, b=22", "(%w+)=(%w+)") do out[#out + 1] = k .. ":" .. v end
          print(show(out))
          out = {}
          for w in text.gmatch("abc", "x*") do out[#out + 1] = "[" .. w .. "]" end
          print(show(out))
          print(text.find("f(a(b)c)d", "%b()"))
          print(text.find("THE (quick) fox", "%f[%a]%l+%f[%A]"))
          print(text.match("price ١٢٣ now", "%d+"), text.match("a\u{A0}b", "a%sb"), text.match("x—y", "%p"),
                text.match("€5", "%p"), text.match("a\\tb", "%c"), text.match("été", "^(.)"))
          print(pcall(text.match, "x", "%"))
          text.find("x", "[a")
        """)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, """
        3\t10
        4\t6
        2\t2
        Émile\tZola\t1902
        5\t6
        Ελλάδα|été|中国|and|Москва
        a:1|b:22
        []|[]|[]|[]
        2\t8
        6\t10
        ١٢٣\ta\u{A0}b\t—\t€\t\t\té
        false\ttext.match: malformed pattern (ends with '%')

        """)
        XCTAssertTrue(r.err.contains("t.lua:22: text.find: malformed pattern (missing ']')"), r.err)
    }

    func testCodePointTestsAndNormalize() throws {
        let out = try output("""
          print(text.isletter("Путин"), text.isletter("R2"), text.isletter(0x4E2D), text.isupper("U.S."), text.isupper("Été"))
          print(text.islower("été!"), text.islower("123"), text.isdigit("١٢٣"), pcall(text.isletter, -1))
          print(text.normalize("  Don’t \u{2014} e\u{301}te\u{301}\u{A0}\u{A0}ok\u{AD}ay\\n \\n\\n next  "))
          print(text.normalize("a \u{2019}  b\u{2013}c", {apostrophes = false, dashes = false}))
          print(text.normalize("‘quoted’ ʼokina a\u{200B}b c\u{2212}d"))
          print(text.normalize("e\u{301}  x", {nfc = false, whitespace = false}) == "e\u{301}  x")
        """)
        XCTAssertEqual(out, """
        true\tfalse\ttrue\ttrue\tfalse
        true\tfalse\ttrue\tfalse\ttext.isletter: -1 is not a code point
        Don't - été okay

        next
        a \u{2019} b\u{2013}c
        'quoted' 'okina ab c-d
        true

        """)
    }

    // MARK: kwic and stopwords

    func testKwicMatchesTokens() throws {
        let r = try run("""
          local function hits(k)
            local o = {}
            for _, h in ipairs(k) do o[#o + 1] = h.left .. "[" .. h.keyword .. "]" .. h.right .. "@" .. h.word end
            return show(o)
          end
          local s = "Moscow’s plan: in moscow, Muscovites won’t wait. MOSCOW said so."
          print(hits(text.kwic(s, "Moscow", 4)))
          print(hits(text.kwic(s, "Moscow", {width = 4, case_sensitive = true})))
          print(hits(text.kwic(s, "mus*", 3)))
          print(hits(text.kwic(s, "won't wait", 3)))
          print(text.words(s)[6])
          print(hits(text.kwic("北京和中国人民，中国。", "中国", 2)))
          print(hits(text.kwic("first line\\nMoscow\\nlast", "moscow", 6)))
          text.kwic(s, "x", {widht = 3})
        """)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, """
        [Moscow’s] pla@1| in [moscow], Mu@4|it. [MOSCOW] sai@8
        [Moscow’s] pla@1
        w, [Muscovites] wo@5
        es [won’t wait]. M@6
        won’t
        京和[中国]人民@4|民，[中国]。@8
         line [Moscow] last@3

        """)
        XCTAssertTrue(r.err.contains("t.lua:16: text.kwic: unknown option 'widht' (known: width, case_sensitive)"), r.err)
    }

    func testStopwordsForTheParsersLanguages() throws {
        let r = try run("""
          local en, fr, de = text.stopwords("en"), text.stopwords("fr"), text.stopwords("de")
          print(en["the"], en["don’t"], en["don't"], en["said"], en["us"])
          print(fr["aujourd’hui"], fr["les"], de["und"], text.stopwords("ZH")["的"], text.stopwords("ru")["и"])
          text.stopwords("xx")
        """)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "true\ttrue\ttrue\tnil\tnil\ntrue\ttrue\ttrue\ttrue\ttrue\n")
        XCTAssertTrue(r.err.contains("t.lua:6: text.stopwords: no list for 'xx' (available: en, ar, ca, cs, da, de, el, es, fi, fr, hi, id, it, ja, ms, nl, no, pl, pt, ro, ru, sk, sv, tl, uk, zh)"), r.err)
    }

    // MARK: limits (issue 11)

    /// Results the host builds count against --memory: each function refuses
    /// before building what would not fit, and a script can catch that.
    func testMemoryLimitBoundsWhatTextFunctionsBuild() throws {
        let r = try run("""
          local w = {}
          for i = 1, 8000 do w[i] = "word" .. i end
          print(pcall(text.ngrams, w, 4000))
          print(pcall(text.kwic, string.rep("Moscow ", 70000), "moscow"))
          print(pcall(text.words, string.rep("a ", 4000000)))
          print(pcall(text.sentences, string.rep("Go. ", 1000000)))
          collectgarbage()
          local big = string.rep("A", 12000000)
          print(pcall(text.lower, big))
          print(#text.ngrams(w, 2))
          text.ngrams(w, 4000)
        """, args: ["--memory", "32M"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.out, String(repeating: "false\tnot enough memory\n", count: 5) + "7999\n")
        XCTAssertTrue(r.err.contains("t.lua:13: memory limit exceeded (--memory 32 MB) (in hook 'finish')"), r.err)
    }

    /// A long host loop stops when the watchdog fires. Uninterrupted, this
    /// pattern search takes about 40 s in a debug build, so the test ends
    /// either way.
    func testTimeoutStopsLongTextLoops() throws {
        let r = try run("""
          print(text.find(string.rep("a", 1000), ".-.-b"))
        """, args: ["--timeout", "1"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("time limit exceeded (--timeout 1 s) (in hook 'finish')"), r.err)
        XCTAssertTrue(r.err.contains("t.lua:3: in function"), r.err)
    }

    func testTimeoutStopsLongNgrams() throws {
        let r = try run("""
          local w = {}
          for i = 1, 12000 do w[i] = "w" .. i end
          -- the time limit cannot be caught: the hook call stops
          print(pcall(text.ngrams, w, 4000))
          print("went on")
        """, args: ["--timeout", "1"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("time limit exceeded (--timeout 1 s)"), r.err)
    }

    /// Every function of the text table is annotated for editors and documented.
    func testEveryTextFunctionIsDocumented() throws {
        let out = try output("""
          local names = {}
          for k in pairs(text) do names[#names + 1] = k end
          table.sort(names)
          print(table.concat(names, " "))
        """)
        let names = out.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        XCTAssertGreaterThanOrEqual(names.count, 17, out)
        let meta = try String(contentsOf: repoRoot.appendingPathComponent("lua/lectern.d.lua"), encoding: .utf8)
        let docs = try String(contentsOf: repoRoot.appendingPathComponent("docs/SCRIPTING.md"), encoding: .utf8)
        for n in names {
            XCTAssertTrue(meta.contains("function text.\(n)("), "lua/lectern.d.lua does not describe text.\(n)")
            XCTAssertTrue(docs.contains("`text.\(n)("), "docs/SCRIPTING.md does not describe text.\(n)")
        }
    }

    /// On ASCII, text.find and text.gmatch agree with Lua's string.find and
    /// string.gmatch (random subjects and patterns, fixed seed), and bad bytes
    /// in subjects or patterns crash neither the matcher nor the tokenizer.
    func testPatternsAgreeWithLuaOnASCII() throws {
        let out = try output("""
          math.randomseed(14)
          local pat = {"a", "b", "A", "1", ".", " ", "%a", "%d", "%s", "%w", "%p", "%u", "%l", "%A", "(", ")", "()",
            "[ab]", "[^a]", "[%d.]", "*", "+", "-", "?", "^", "$", "%b()", "%f[%w]", "%1", "x", ",", "[a-c]"}
          local sub = {"a", "b", "A", "1", ".", " ", "(", ")", "x", "-", ",", "c", "B", "\\t", "$", "%"}
          local bad = {"\\255", "\\xC3", "\\xE2\\x80", "é", "中", "%b中", "(", "[", "%", "http://", "@", "a.b", "-", "\\n"}
          local function rnd(al, n)
            local t = {}
            for i = 1, math.random(0, n) do t[i] = al[math.random(#al)] end
            return table.concat(t)
          end
          local function all(...) local t = table.pack(...) for k = 1, t.n do t[k] = tostring(t[k]) end return table.concat(t, ",") end
          local same, differ, errors = 0, 0, 0
          for i = 1, 4000 do
            local s, p, init = rnd(sub, 15), rnd(pat, 5), math.random(-3, 18)
            local ok1, ok2 = pcall(string.find, s, p, init), pcall(text.find, s, p, init)
            if not ok1 and not ok2 then errors = errors + 1
            elseif all(pcall(string.find, s, p, init)) == all(pcall(text.find, s, p, init)) then same = same + 1
            else differ = differ + 1; print(string.format("%q %q %d", s, p, init)) end
            if not p:find("^", 1, true) and ok1 then
              local function list(gmatch)
                local t = {}
                local ok = pcall(function() for x, y in gmatch(s, p) do t[#t + 1] = all(x, y) end end)
                return ok and table.concat(t, ";") or "error"
              end
              if list(string.gmatch) ~= list(text.gmatch) then differ = differ + 1; print("gmatch", s, p) end
            end
            local bs, bp = rnd(bad, 12) .. s, rnd(bad, 3) .. p
            pcall(text.find, bs, bp, init); pcall(text.match, bs, bp)
            text.words(bs, {urls = true, emails = true, hyphens = true}); text.kwic(bs, "a* b", 3)
            text.sentences(bs); text.normalize(bs); text.isupper(bs)
          end
          print(differ, same > 3000, errors > 100)
        """)
        XCTAssertEqual(out, "0\ttrue\ttrue\n")
    }

    /// Invalid UTF-8 reads as U+FFFD, one per bad byte, and never shifts a piece.
    func testInvalidUTF8() throws {
        let out = try output("""
          print(table.concat(text.sentences("Bad \\xFF\\xFE byte. Next one."), "|"))
          local k = text.kwic("x \\xFF\\xFE\\xFD Moscow y", "moscow", 5)[1]
          print(k.left .. "[" .. k.keyword .. "]" .. k.right, k.word)
          print(table.concat(text.words("a\\xFFb c\\xE2\\x80"), "|"))
        """)
        XCTAssertEqual(out, "Bad \u{FFFD}\u{FFFD} byte.|Next one.\n \u{FFFD}\u{FFFD}\u{FFFD} [Moscow] y\t2\na|b|c\n")
    }
}
