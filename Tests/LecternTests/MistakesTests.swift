import Foundation
import XCTest

/// Mistakes analysts make, caught early with a message that says what to do.
final class MistakesTests: XCTestCase {
    func testFunctionsNamedAlmostLikeHooksAreFlagged() throws {
        let s = try write(try tempDir(self), "near.lua", """
        function paragraphs(p) end
        function Article(a) end
        function finsh() end
        function article(a) end
        function count_words(s) return 0 end
        """)
        let r = try lectern(["run", s, seedPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("near.lua: function 'paragraphs' is not a hook, so it is never called; did you mean paragraph?"), r.err)
        XCTAssertTrue(r.err.contains("function 'Article' is not a hook, so it is never called; did you mean article?"), r.err)
        XCTAssertTrue(r.err.contains("function 'finsh' is not a hook, so it is never called; did you mean finish?"), r.err)
        XCTAssertFalse(r.err.contains("count_words"), r.err)
        XCTAssertEqual(r.err.components(separatedBy: "is not a hook").count - 1, 3, "one warning each")
    }

    func testArgToAScriptThatDeclaresNoArgsIsRefused() throws {
        let s = try write(try tempDir(self), "noargs.lua", "function setup(args) print(args.top) end\n")
        let r = try lectern(["run", s, seedPath, "--arg", "top=5"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("--arg top=...: the script declares no `args`, so it takes no --arg; a script that reads args.top in setup declares it: args = { top = { help = \"...\" } }"), r.err)
    }

    func testExamplesAreFoundFromAnyDirectory() throws {
        let elsewhere = try tempDir(self)
        let r = try lectern(["examples"], cwd: elsewhere)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Examples in \(repoRoot.appendingPathComponent("examples").path)"), r.out)
        let count = try FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".lua") }.count
        XCTAssertEqual(r.out.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(".lua") }.count, count)
        // and the README says how many there are
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        XCTAssertTrue(readme.contains("; \(words[count]) ready scripts"), "README's count of examples should be \(words[count])")
        let env = try lectern(["examples", "--dir", repoRoot.appendingPathComponent("examples").path], cwd: elsewhere)
        XCTAssertEqual(env.status, 0, env.err)
    }
}
