import Foundation
import XCTest

/// The repository root (Tests/LecternTests/Support.swift is two levels down).
let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The lectern binary that `swift build` made (scripts/test builds before testing).
let lecternBinary: URL = {
    if let env = ProcessInfo.processInfo.environment["LECTERN_BIN"] { return URL(fileURLWithPath: env) }
    // The test bundle sits beside the products on Linux.
    let beside = Bundle.main.bundleURL.appendingPathComponent("lectern")
    if FileManager.default.fileExists(atPath: beside.path) { return beside }
    return repoRoot.appendingPathComponent(".build/debug/lectern")
}()

struct Result {
    var out: String
    var err: String
    var status: Int32
}

/// Runs lectern in the repository root and captures everything.
@discardableResult
func lectern(_ args: [String], stdin: String? = nil, cwd: URL = repoRoot) throws -> Result {
    let p = Process()
    p.executableURL = lecternBinary
    p.arguments = args
    p.currentDirectoryURL = cwd
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    p.standardOutput = outPipe
    p.standardError = errPipe
    p.standardInput = inPipe
    try p.run()
    if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so neither fills up.
    final class Sink: @unchecked Sendable { var data = Data() }
    let errSink = Sink()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errSink.data = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errSink.data
    p.waitUntilExit()
    return Result(out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self),
                  status: p.terminationStatus)
}

/// A fresh temporary folder, removed at the end of the test.
func tempDir(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Writes a file and returns its path.
@discardableResult
func write(_ dir: URL, _ name: String, _ text: String) throws -> String {
    let url = dir.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
}

let seedPath = "seeds/000_8f5469b864b2d86d.txt"

/// A small article in the seed's layout.
func sampleArticle(title: String, paragraphs: [String], comments: [String] = []) -> String {
    var s = "\(title)\n\n"
    for p in paragraphs { s += p + "\n\n" }
    if !comments.isEmpty {
        s += "No posts to display\n\n"
        for (i, c) in comments.enumerated() { s += "  \(i + 1). \(c)\n\n" }
        s += "Comments are closed.\n"
    }
    return s
}
