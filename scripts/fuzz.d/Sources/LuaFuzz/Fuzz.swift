// One fuzz input is a Lua script, run as `lectern run` would run it over one
// article, with small limits (16 MB per state, 1 s per hook call): load, setup,
// classify and the article hooks over the seed article, state read back, finish.
// A crash, a sanitizer report, a hang past -timeout or memory past
// -rss_limit_mb is a finding: a script must never get past the sandbox's limits.
import Foundation
import ArticleModel
import ArticleParser
import LuaHost

/// The seed article's blocks (scripts/fuzz runs from the repository root).
let seedBlocks: [Block] = {
    let path = ProcessInfo.processInfo.environment["LECTERN_FUZZ_ARTICLE"] ?? "seeds/000_8f5469b864b2d86d.txt"
    let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        ?? Array("A Headline\n\nA paragraph of body text.\n".utf8)
    let (text, _) = TextDecoding.decode(bytes)
    return TextReader(rules: .defaults()).blocks(from: text)
}()

/// ScriptHost loads scripts from files: one file per process, rewritten per input.
let scriptPath = NSTemporaryDirectory() + "lectern-luafuzz-\(getpid()).lua"

let options: HostOptions = {
    var o = HostOptions()
    o.memoryLimit = 16 << 20
    o.timeout = 1
    return o
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // An empty file makes FileManager.contents(atPath:) leak 4 KB (in
    // swift-foundation's readBytesFromFile, not Lectern): LeakSanitizer would
    // report it on every empty input. An empty script defines nothing anyway.
    if size == 0 { return 0 }
    guard FileManager.default.createFile(atPath: scriptPath, contents: Data(bytes: data, count: size)) else { return 0 }
    guard let host = try? ScriptHost(options: options) else { return 0 }
    do { try host.load(path: scriptPath) } catch { return 0 }
    host.source = nil
    guard host.setup(args: [:]) else { return 0 }
    _ = host.takeOutput()
    let states = host.readStates().compactMap { try? $0.get() }
    host.source = "fuzz.txt"
    let blocks = host.classify(seedBlocks)
    let article = ArticleBuilder.build(source: "fuzz.txt", format: "text", blocks: blocks)
    _ = host.run(article: article)
    _ = host.takeOutput()
    let after = host.readStates().compactMap { try? $0.get() }
    if after.count == states.count { host.writeStates(after) }
    host.source = nil
    _ = host.finish()
    _ = host.takeOutput()
    return 0
}
