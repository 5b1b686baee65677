import Foundation
import XCTest
@testable import CorpusRunner

/// The directory walker reads each entry's name where readdir left it. glibc
/// packs directory entries by their names' lengths; a walker that copied the
/// declared 256-byte `d_name` read past the directory buffer and crashed now
/// and then on large folders (`lectern parse --jobs 2` over 2,599 files). The
/// overread itself shows only under AddressSanitizer, where the first test
/// reports a heap-buffer-overflow in `walkDir` on the old code every time
/// (scripts/test runs it so: `swift test --sanitize=address --filter InputsWalkTests`);
/// without it these tests check that every name, of every length up to the
/// file system's 255 bytes, comes back whole and in order.
final class InputsWalkTests: XCTestCase {
    /// Names of 1 to 255 bytes, ASCII and two-byte UTF-8, over `count` files.
    func names(_ count: Int) -> [String] {
        (0..<count).map { i in
            let len = 1 + (i * 37) % 255
            let tag = String(i)
            if i % 3 == 0 {
                // "é" is two bytes: a multi-byte name of at most 255 bytes.
                let pairs = max(0, (len - tag.utf8.count) / 2)
                return tag + String(repeating: "é", count: pairs)
            }
            return tag + String(repeating: "n", count: max(0, len - tag.utf8.count))
        }
    }

    func testEveryNameOfEveryLengthComesBackWholeAndSorted() throws {
        let dir = try tempDir(self)
        let want = names(3000)
        for n in want {
            XCTAssertTrue(FileManager.default.createFile(atPath: dir.appendingPathComponent(n).path, contents: Data("x".utf8)), n)
        }
        var got: [String] = []
        var problems: [String] = []
        Inputs.walk([dir.path], maxBytes: 1 << 20) { item in
            if case .problem(let p) = item.content { problems.append(p) }
            got.append(String(item.source.dropFirst(dir.path.count + 1)))
            return true
        }
        XCTAssertEqual(problems, [])
        XCTAssertEqual(got.count, want.count)
        XCTAssertEqual(got, want.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(got.map(\.utf8.count).max(), 255)
    }

    func testLongNamesInNestedFoldersWithTwoJobsParseEveryFile() throws {
        // The crash's own shape: two workers over a large folder of long names.
        let dir = try tempDir(self)
        let all = names(1200)
        for (k, n) in all.enumerated() {
            let sub = dir.appendingPathComponent("part\(k % 3)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let text = "Title \(k)\n\nThe council voted on Tuesday to build the new tram line to the hospital after a long debate.\n"
            XCTAssertTrue(FileManager.default.createFile(atPath: sub.appendingPathComponent(n).path, contents: Data(text.utf8)))
        }
        let r = try lectern(["parse", "--jobs", "2", "--format", "jsonl", "--quiet", dir.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out.split(separator: "\n").count, all.count)
    }
}
