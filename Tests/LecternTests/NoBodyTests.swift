import Foundation
import XCTest

/// Articles read with no paragraph (a video page, a page whose story the reader
/// did not find) are no failure, but every total over bodies silently lacks
/// them: the run's summary line says how many, through parts and merges too.
final class NoBodyTests: XCTestCase {
    let video = "<html><head><title>Video: the mayor speaks</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><video src=\"talk.mp4\"></video><footer>(c) 2024 City News</footer></body></html>"

    func testTheSummarySaysHowManyArticlesHaveNoBodyText() throws {
        let dir = try tempDir(self)
        try write(dir, "a-video.html", video)
        let story = try String(contentsOf: repoRoot.appendingPathComponent(seedPath), encoding: .utf8)
        try write(dir, "b-story.txt", story)
        let r = try lectern(["parse", "--format", "jsonl", dir.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out.split(separator: "\n").count, 2)
        XCTAssertEqual(r.err, "lectern: 2 articles read, 0 failed, 1 with no body text (--explain shows why)\n")
        // --quiet: no summary when nothing failed.
        XCTAssertEqual(try lectern(["parse", "--quiet", dir.path]).err, "")
        // A script's run says it too; its totals are unchanged.
        let s = try write(dir, "count.lua", "function article(a) state.n = (state.n or 0) + 1 end\nfunction finish() print(state.n) end\n")
        let run = try lectern(["run", s, dir.path])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertEqual(run.out, "2\n")
        XCTAssertEqual(run.err, "lectern: 2 articles read, 0 failed, 1 with no body text (--explain shows why)\n")
        // Every article has a body: no line.
        XCTAssertEqual(try lectern(["run", s, seedPath]).err, "")
    }

    func testTheCountAddsUpThroughPartsAndMerge() throws {
        let dir = try tempDir(self)
        let one = dir.appendingPathComponent("one"), two = dir.appendingPathComponent("two")
        try FileManager.default.createDirectory(at: one, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: two, withIntermediateDirectories: true)
        try write(one, "v1.html", video)
        try write(two, "v2.html", video)
        try write(two, "v3.html", video)
        let s = try write(dir, "count.lua", "function article(a) state.n = (state.n or 0) + 1 end\nfunction finish() print(state.n) end\n")
        let p1 = dir.appendingPathComponent("p1").path, p2 = dir.appendingPathComponent("p2").path
        XCTAssertEqual(try lectern(["run", s, one.path, "--partial", p1]).status, 0)
        XCTAssertEqual(try lectern(["run", s, two.path, "--partial", p2]).status, 0)
        let m = try lectern(["merge", s, p1, p2])
        XCTAssertEqual(m.status, 0, m.err)
        XCTAssertEqual(m.out, "3\n")
        XCTAssertEqual(m.err, "lectern: 3 articles read, 0 failed, 3 with no body text (--explain shows why)\n")
    }
}
