import Foundation
import XCTest

/// Every example's output against its golden file, the docs' code blocks, and
/// the Lua annotation file against the model.
final class ExamplesTests: XCTestCase {
    /// The rows of the table in examples/expected/README.md: (golden file, command).
    func goldenCases() throws -> [(file: String, args: [String])] {
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/README.md"), encoding: .utf8)
        var cases: [(String, [String])] = []
        for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            let file = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let command = cells[2].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            var words = command.split(separator: " ").map(String.init)
            XCTAssertEqual(words.first, "lectern", command)
            words.removeFirst()
            cases.append((file, words))
        }
        return cases
    }

    func testEveryExampleMatchesItsGoldenFile() throws {
        let cases = try goldenCases()
        XCTAssertGreaterThanOrEqual(cases.count, 14)
        var covered = Set<String>()
        for c in cases {
            let r = try lectern(c.args)
            XCTAssertEqual(r.status, 0, "\(c.args.joined(separator: " ")): \(r.err)")
            let golden = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/\(c.file)"), encoding: .utf8)
            XCTAssertEqual(r.out, golden, "lectern \(c.args.joined(separator: " ")) differs from examples/expected/\(c.file)")
            covered.insert(c.args[1])
            // the same bytes with several workers
            let r2 = try lectern(c.args + ["--jobs", "3"])
            XCTAssertEqual(r2.out, r.out, "--jobs 3 changed \(c.file)")
        }
        // every example script has a golden file
        let scripts = try FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".lua") }.map { "examples/" + $0 }
        for s in scripts { XCTAssertTrue(covered.contains(s), "\(s) has no golden file in examples/expected/README.md") }
    }

    func testExamplesCommandListsEveryExample() throws {
        let r = try lectern(["examples"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("word_frequency.lua"), r.out)
        XCTAssertTrue(r.out.contains("quotes.lua"), r.out)
        XCTAssertFalse(r.out.contains("(no description)"), r.out)
    }

    /// ```lua script blocks of the docs are whole scripts: each runs over seeds/.
    func testDocsScriptBlocksRun() throws {
        let dir = try tempDir(self)
        var count = 0
        for doc in ["docs/SCRIPTING.md", "docs/HOOKS.md", "README.md"] {
            let text = try String(contentsOf: repoRoot.appendingPathComponent(doc), encoding: .utf8)
            let parts = text.components(separatedBy: "```lua script\n")
            for (i, part) in parts.dropFirst().enumerated() {
                let code = part.components(separatedBy: "\n```")[0]
                let name = doc.replacingOccurrences(of: "/", with: "_") + "_\(i).lua"
                let path = try write(dir, name, code + "\n")
                let r = try lectern(["run", path, "seeds/", "--lua-path", "examples/lib"])
                XCTAssertEqual(r.status, 0, "\(doc) block \(i + 1) failed: \(r.err)\n\(code)")
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 5)
    }

    /// The LuaLS annotations name every field of the model's JSON.
    func testAnnotationsNameEveryModelField() throws {
        let meta = try String(contentsOf: repoRoot.appendingPathComponent("lua/lectern.d.lua"), encoding: .utf8)
        XCTAssertTrue(meta.hasPrefix("---@meta"))
        let r = try lectern(["parse", seedPath])
        let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        var fields = Set(obj.keys)
        fields.formUnion(["heading", "paragraphs", "text", "kind", "previous", "next", "number"])
        for f in fields.sorted() {
            XCTAssertTrue(meta.contains("---@field \(f) ") || meta.contains("---@field \(f)? "), "lua/lectern.d.lua does not describe field '\(f)'")
        }
        for hook in ["setup", "article", "section", "paragraph", "comment", "boilerplate", "classify", "finish"] {
            XCTAssertTrue(meta.contains("function \(hook)("), "lua/lectern.d.lua does not describe hook \(hook)")
        }
        for fn in ["words", "sentences", "lower", "upper", "ngrams", "kwic", "stopwords", "counter", "top"] {
            XCTAssertTrue(meta.contains("function text.\(fn)("), "lua/lectern.d.lua does not describe text.\(fn)")
        }
        // the globals a script calls at its top level
        for fn in ["emit(", "columns(", "chart(", "merge.mean("] {
            XCTAssertTrue(meta.contains("function \(fn)"), "lua/lectern.d.lua does not describe \(fn)")
        }
        XCTAssertTrue(meta.contains("---@overload fun(kinds: table<string, MergeKind>)\nmerge = {}"))
    }
}
