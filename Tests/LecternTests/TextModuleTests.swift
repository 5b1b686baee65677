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
}
