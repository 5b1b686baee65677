// The command line (CONTRACT.md): parse, run, and the helpers around them.
import ArgumentParser
import Foundation
import ArticleModel
import ArticleParser
import CorpusRunner
import LuaHost

@main
struct Lectern: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "Parse scraped news articles and run Lua analysis scripts over a corpus.",
        discussion: """
        Examples:
          lectern parse seeds/000_8f5469b864b2d86d.txt
          lectern run examples/word_frequency.lua seeds/ --format table
          lectern run examples/kwic.lua corpus/ --arg term=China --format csv --output kwic.csv
          lectern run examples/country_mentions.lua seeds/ --format html --output report.html
          lectern info examples/word_frequency.lua
        Docs: README.md, docs/SCRIPTING.md (scripts), docs/HOOKS.md (hooks), docs/INPUTS.md (files).
        """,
        version: lecternVersion,
        subcommands: [Parse.self, Run.self, Merge.self, InputsCommand.self, Info.self, Examples.self, Rules.self, Eval.self]
    )

    /// As ParsableCommand.main, but bad usage exits 2 (CONTRACT.md), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version
            FileHandle.standardError.write(Data((terminalSafe(fullMessage(for: error)) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Options shared by `run` and `merge`: where records go and the Lua host's limits.
struct HostAndOutputOptions: ParsableArguments {
    @Option(help: "Record format: jsonl, csv, json, table, markdown, or html (a report with the charts the scripts declare; docs/REPORTS.md).")
    var format: String = "jsonl"

    @Option(help: "Write records to FILE (a regular file is replaced whole at the end, never half; a device or FIFO is written directly).")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "Write emit's records to DIR/records.EXT and emit_to(NAME, ...)'s to DIR/NAME.EXT, in --format (each replaced whole at the end).")
    var outputDir: String?

    @Option(name: .customLong("lua-path"), help: "Another folder where require looks for modules (repeatable).")
    var luaPath: [String] = []

    @Option(help: "Seconds one hook call may run before it fails (0: no limit).")
    var timeout: Double = 30

    @Option(help: "Memory cap per Lua state, e.g. 512M or 2G (0: no cap).")
    var memory: String = "1G"

    @Flag(help: "Lift the sandbox: os, io, debug, package, dofile, loadfile and C modules (see docs/SCRIPTING.md).")
    var unsafe = false

    func apply(to c: inout RunConfig) throws {
        guard let f = RecordFormat(rawValue: format) else {
            throw ValidationError("--format must be one of \(RecordFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        c.format = f
        c.output = output
        c.outputDir = try checkedOutputDir(output: output, outputDir: outputDir)
        c.host.luaPath = luaPath
        guard timeout >= 0 else { throw ValidationError("--timeout must be 0 or more seconds") }
        c.host.timeout = timeout
        c.host.memoryLimit = try parseSize(memory, option: "--memory", range: 0...sizeCeiling, examples: "512M or 2G (0: no cap)")
        c.host.unsafe = unsafe
    }
}

/// Options shared by every command that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(name: .customLong("jobs"), help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("rules"), help: "A rules file that adds boilerplate phrases and patterns (see `lectern rules`). Repeatable.")
    var rules: [String] = []

    @Option(name: .customLong("max-bytes"), help: "Skip files larger than this many bytes (after decompression). Accepts K/M/G suffixes.")
    var maxBytes: String = "64M"

    @Flag(name: .customLong("quiet"), help: "No progress line on standard error.")
    var quiet = false

    @Flag(name: .customLong("fail-fast"), help: "Stop at the first failing article or hook call.")
    var failFast = false

    func apply(to c: inout RunConfig) throws {
        if let jobs {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            c.jobs = jobs
        }
        c.maxBytes = try parseSize(maxBytes, option: "--max-bytes", range: 1...sizeCeiling, examples: "5000000, 64M or 1G")
        c.quiet = quiet
        c.failFast = failFast
        for path in rules {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(path): cannot read the rules file")
            }
            let text = String(decoding: data, as: UTF8.self)
            var check = ParserRules.defaults()
            do {
                try check.load(text: text, origin: path)
            } catch {
                throw ValidationError(error.description)
            }
            c.ruleFiles.append((text, path))
        }
    }
}

/// The largest size an option takes: 1024G (more memory or file than any
/// machine here has; beyond it Int conversions would overflow).
let sizeCeiling = 1 << 40

/// A size with an optional K/M/G suffix (binary), checked against `range`
/// before any conversion: `inf`, `nan` and `1e30` are usage errors, not traps.
func parseSize(_ s: String, option: String, range: ClosedRange<Int>, examples: String) throws -> Int {
    let rangeText = "from \(range.lowerBound == 0 ? "0" : "1 byte") to 1024G"
    let bad = ValidationError("\(option) takes a size \(rangeText), such as \(examples); got '\(s)'")
    let t = s.trimmingCharacters(in: .whitespaces).uppercased()
    var mult = 1
    var num = Substring(t)
    if let last = t.last, "KMG".contains(last) {
        mult = last == "K" ? 1 << 10 : last == "M" ? 1 << 20 : 1 << 30
        num = num.dropLast()
    }
    if num.hasSuffix("B") { num = num.dropLast() }
    guard let v = Double(num), v.isFinite else { throw bad }
    let bytes = v * Double(mult)
    guard bytes >= Double(range.lowerBound), bytes <= Double(range.upperBound) else { throw bad }
    return Int(bytes)
}

enum ParseFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, json }

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the article model of each page as JSON.",
        discussion: "PATH is a file, a directory (read recursively, in sorted path order) or - for standard input.")

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String]

    @Option(help: "jsonl: one JSON object per article per line; json: one pretty-printed array.")
    var format: ParseFormat = .jsonl

    @Flag(help: "Show every block of the page, the label it got and the rule that decided it.")
    var explain = false

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        var c = RunConfig()
        try corpus.apply(to: &c)
        c.mode = explain ? .explain : .parse
        c.paths = paths
        c.parseJSONPretty = format == .json
        throw ExitCode(Runner(config: c).run())
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Lua scripts' hooks over every article of a corpus.",
        discussion: """
        SCRIPT is a Lua 5.4 file; its hooks are global functions (setup, article, section,
        paragraph, comment, boilerplate, classify, finish) or keys of a table it returns.
        Records from emit() go to standard output (or --output) in --format; text from
        print() goes to standard output; warnings and errors to standard error.
        Exit status: 0 all succeeded; 1 some articles or hook calls failed; 2 nothing ran.
        """)

    @Argument(help: "The script, then files, directories, or - for standard input.")
    var scriptAndPaths: [String]

    @Option(name: .customLong("script"), help: "Another script to run in the same pass (repeatable).")
    var extraScripts: [String] = []

    @Option(name: .customLong("arg"), help: "KEY=VALUE passed to the scripts' setup(args) (repeatable).")
    var args: [String] = []

    @OptionGroup var host: HostAndOutputOptions

    @Option(name: .customLong("chunk-size"), help: "Articles per chunk (default 256): each chunk starts from the state after setup; see docs/SCRIPTING.md, \"Merging state\".")
    var chunkSize: Int?

    @Option(name: .customLong("partial"), help: "Run all but finish() and write a part to FILE, for `lectern merge` (docs/SCALE.md).")
    var partial: String?

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        guard scriptAndPaths.count >= 2 else {
            throw ValidationError(scriptAndPaths.isEmpty ? "missing SCRIPT and PATH" : "missing PATH: give files, directories, or - for standard input")
        }
        var c = RunConfig()
        try corpus.apply(to: &c)
        c.mode = .run
        c.scripts = [scriptAndPaths[0]] + extraScripts
        c.paths = Array(scriptAndPaths.dropFirst())
        try host.apply(to: &c)
        try applyPartial(to: &c)
        for a in args {
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                throw ValidationError("--arg takes KEY=VALUE, got '\(a)'")
            }
            c.args.append((String(a[..<eq]), String(a[a.index(after: eq)...])))
        }
        for key in argsWithInvalidUTF8() {
            FileHandle.standardError.write(Data("lectern: --arg \(terminalSafe(key)): the value is not valid UTF-8; setup(args) gets U+FFFD for the bad bytes\n".utf8))
        }
        if let chunkSize {
            guard chunkSize >= 1 && chunkSize <= 1_000_000_000 else { throw ValidationError("--chunk-size must be between 1 and 1000000000 articles") }
            c.chunkArticles = chunkSize
            c.chunkBytes = Int.max
        }
        throw ExitCode(Runner(config: c).run())
    }
}

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show a script's description, arguments and hooks.")

    @Argument(help: "Lua scripts.")
    var scripts: [String]

    func run() throws {
        var status: Int32 = 0
        for path in scripts {
            do {
                let h = try ScriptHost(options: HostOptions())
                try h.load(path: path)
                let m = h.meta(0)
                print(path)
                print("  " + (m.description ?? "(no description)").replacingOccurrences(of: "\n", with: "\n  "))
                if m.args.isEmpty {
                    print("  args: none")
                } else {
                    print("  args:")
                    for a in m.args {
                        var line = "    --arg \(a.name)=VALUE"
                        if let d = a.defaultValue { line += "  (default: \(d))" }
                        if let help = a.help { line += "  \(help)" }
                        print(line)
                    }
                }
                print("  hooks: " + (m.hooks.isEmpty ? "none" : m.hooks.joined(separator: ", ")))
            } catch {
                FileHandle.standardError.write(Data("lectern: \(terminalSafe("\(error)"))\n".utf8))
                status = 2
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}

struct Examples: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "examples", abstract: "List the example scripts with their descriptions.")

    @Option(help: "The examples folder (default: $LECTERN_EXAMPLES, ./examples, or the one beside the lectern binary: its build tree or PREFIX/share/lectern/examples).")
    var dir: String?

    func run() throws {
        let fm = FileManager.default
        var candidates = [dir, ProcessInfo.processInfo.environment["LECTERN_EXAMPLES"], "examples"].compactMap { $0 }
        // The running binary (found through PATH too), then folders above it: a build tree or a prefix.
        let selfPath = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let exe = URL(fileURLWithPath: selfPath).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.appendingPathComponent("../share/lectern/examples").standardized.path)
        var up = exe
        for _ in 0..<4 {
            up = up.deletingLastPathComponent()
            candidates.append(up.appendingPathComponent("examples").path)
        }
        guard let folder = candidates.first(where: { var d: ObjCBool = false; return fm.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }) else {
            throw ValidationError("no examples folder found (give --dir)")
        }
        let files = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".lua") }.sorted()
        print("Examples in \(folder) (run one with: lectern run \(folder)/NAME.lua seeds/ --format table)\n")
        for f in files {
            let path = (folder as NSString).appendingPathComponent(f)
            var desc = "(no description)"
            if let h = try? ScriptHost(options: HostOptions()), (try? h.load(path: path)) != nil {
                desc = h.meta(0).description?.split(separator: "\n").first.map(String.init) ?? desc
            }
            print("  " + f.padding(toLength: max(24, f.count + 2), withPad: " ", startingAt: 0) + desc)
        }
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print the built-in boilerplate rules (copy them to start a --rules file).")

    func run() throws {
        print(ParserRules.defaultRulesText, terminator: ParserRules.defaultRulesText.hasSuffix("\n") ? "" : "\n")
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the parser against an expected.json (field accuracy; with/without snippet precision, recall, F1).")

    @Argument(help: "The expected.json file (trafilatura-style: fields plus with/without snippets).")
    var expected: String

    @Argument(help: "The folder holding the articles it names.")
    var dir: String

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        var c = RunConfig()
        try corpus.apply(to: &c)
        guard let data = FileManager.default.contents(atPath: expected) else {
            throw ValidationError("\(expected): cannot read")
        }
        let articles = try ParseOnce.parseAll(dir: dir, expected: data, config: c)
        let report = try Evaluation.evaluate(expectedJSON: [UInt8](data), articles: articles)
        print(report.text, terminator: report.text.hasSuffix("\n") ? "" : "\n")
    }
}

extension Run {
    /// --partial: a part holds records, not formatted output; `merge` formats them.
    func applyPartial(to c: inout RunConfig) throws {
        guard let partial else { return }
        guard host.output == nil, host.outputDir == nil, host.format == "jsonl" else {
            throw ValidationError("--partial writes records, not formatted output: give --format and --output to lectern merge")
        }
        c.partial = partial
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge parts made by `lectern run --partial` and run finish(), as one run over all their inputs.",
        discussion: """
        Parts are merged in the order given: give them in the order of their inputs. The output is
        what one `lectern run` over all the parts' inputs in that order writes. Parts of another
        script (or an edited one), another Lectern version or other --arg values are refused (exit 2).
        The parts' --arg values reach setup; see docs/SCALE.md.
        """)

    @Argument(help: "The script, then the part files in input order.")
    var scriptAndParts: [String]

    @Option(name: .customLong("script"), help: "Another script of the same runs (repeatable, in the order the parts were made with).")
    var extraScripts: [String] = []

    @OptionGroup var host: HostAndOutputOptions

    func run() throws {
        guard scriptAndParts.count >= 2 else {
            throw ValidationError(scriptAndParts.isEmpty ? "missing SCRIPT and PART" : "missing PART: give the files that lectern run --partial wrote")
        }
        var c = RunConfig()
        c.mode = .run
        c.scripts = [scriptAndParts[0]] + extraScripts
        try host.apply(to: &c)
        switch PartReader.check(parts: Array(scriptAndParts.dropFirst()), scripts: c.scripts) {
        case .failure(let e):
            FileHandle.standardError.write(Data("lectern: \(e.description)\n".utf8))
            throw ExitCode(2)
        case .success(let ok):
            c.args = ok.header.args
            c.merge = ok.input
        }
        throw ExitCode(Runner(config: c).run())
    }
}

struct InputsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inputs",
        abstract: "List the files a run over PATH... reads, one a line, in the order it reads them.",
        discussion: "Cut this list into consecutive slices to make parts with `lectern run --partial` (docs/SCALE.md).")

    @Argument(help: "Files and directories, as given to lectern run.")
    var paths: [String]

    @Flag(help: "Put each file's size in bytes and a tab before its path.")
    var sizes = false

    func run() throws {
        guard !paths.contains("-") else { throw ValidationError("standard input cannot be listed") }
        var out = ""
        corpusFiles(paths) { path, size in
            out += sizes ? "\(size)\t\(path)\n" : path + "\n"
            if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(Data(out.utf8)); out = "" }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// --output and --output-dir name one place each: not both.
func checkedOutputDir(output: String?, outputDir: String?) throws -> String? {
    if output != nil && outputDir != nil {
        throw ValidationError("give --output FILE or --output-dir DIR, not both (with --output-dir, emit's records go to DIR/records.EXT)")
    }
    return outputDir
}

/// The keys of --arg values that are not valid UTF-8, read from the raw
/// argv (CommandLine.arguments has already replaced the bad bytes).
func argsWithInvalidUTF8() -> [String] {
    var keys: [String] = []
    var valueNext = false
    for i in 1..<Int(CommandLine.argc) {
        guard let p = CommandLine.unsafeArgv[i] else { continue }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        var value: ArraySlice<UInt8>? = nil
        if valueNext { value = bytes[...] } else if bytes.starts(with: Array("--arg=".utf8)) { value = bytes[6...] }
        valueNext = !valueNext && bytes == Array("--arg".utf8)
        if bytes == Array("--".utf8) { break }
        guard let v = value, !v.withUnsafeBufferPointer({ UTF8Check.isValid($0) }) else { continue }
        keys.append(String(decoding: v.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self))
    }
    return keys
}
