// The corpus runner: one producer walks the paths into chunks of consecutive
// articles, N workers (each with its own Lua state) parse and run hooks, and the
// main thread writes each chunk's output in input order and merges `state`.
//
// Chunks are cut by article count and bytes, never by --jobs, and every chunk
// starts from the state that setup left: so each chunk computes the same thing
// whatever the number of workers, and the merged state (StateValue.merge) is
// the same bytes for --jobs 1 and --jobs 8.
import Foundation
import ArticleModel
import ArticleParser
import LuaHost

public struct RunConfig: Sendable {
    public enum Mode: Sendable { case parse, explain, run }
    public var mode: Mode = .run
    public var paths: [String] = []
    public var scripts: [String] = []
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var format: RecordFormat = .jsonl
    public var parseJSONPretty = false
    public var output: String?
    public var args: [(key: String, value: String)] = []
    public var host = HostOptions()
    public var maxBytes = 64 << 20
    public var quiet = false
    public var failFast = false
    /// Rules files given with --rules (text, path), added to the built-in rules.
    public var ruleFiles: [(text: String, origin: String)] = []
    /// Chunk limits: consecutive articles handled by one worker with one state.
    public var chunkArticles = 256
    public var chunkBytes = 4 << 20
    public init() {}
}

/// What a chunk produced, handed from a worker to the writer.
struct ChunkResult {
    var index: Int
    var output: [OutputItem] = []
    var messages: [String] = []     // failures and warnings, in article order
    var articles = 0
    var failedArticles = 0
    var inputProblems = 0           // files skipped: unreadable, binary, empty, ...
    var missing = 0                 // of those, paths that do not exist
    var reasons: [String: Int] = [:]
    var states: [Result<StateValue, StateError>] = []
}

struct Chunk: Sendable {
    var index: Int
    var items: [WorkItem]
}

/// A thread-safe queue with a bound (producer blocks when full).
final class BoundedQueue<T>: @unchecked Sendable {
    private let cond = NSCondition()
    private var items: [T] = []
    private var closed = false
    private let capacity: Int
    init(capacity: Int) { self.capacity = capacity }

    func put(_ x: T) -> Bool {
        cond.lock(); defer { cond.unlock() }
        while items.count >= capacity && !closed { cond.wait() }
        if closed { return false }
        items.append(x)
        cond.broadcast()
        return true
    }
    func take() -> T? {
        cond.lock(); defer { cond.unlock() }
        while items.isEmpty && !closed { cond.wait() }
        if items.isEmpty { return nil }
        let x = items.removeFirst()
        cond.broadcast()
        return x
    }
    /// No more puts; takers drain what is there, then get nil.
    func close() {
        cond.lock(); closed = true; cond.broadcast(); cond.unlock()
    }
}

final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ v: T) { value = v }
}

public final class Runner: @unchecked Sendable {
    let config: RunConfig
    let stderrLock = NSLock()
    var stopRequested = false
    var interrupted = false
    /// SIGINT or SIGTERM once one arrived (the exit status is 128 + it).
    var stopSignal: Int32 = 0
    /// The sink a signal or the watchdog's last resort must save.
    var activeSink: RecordSink?
    let stopLock = NSLock()

    public init(config: RunConfig) { self.config = config }

    func warn(_ s: String) {
        stderrLock.lock()
        // script messages and file names may hold escape sequences
        FileHandle.standardError.write(Data(("lectern: " + terminalSafe(s) + "\n").utf8))
        stderrLock.unlock()
    }

    var shouldStop: Bool {
        stopLock.lock(); defer { stopLock.unlock() }
        return stopRequested
    }
    func requestStop(interrupt: Bool = false) {
        stopLock.lock()
        stopRequested = true
        if interrupt { interrupted = true }
        stopLock.unlock()
    }

    // MARK: - Entry

    /// Runs the whole thing; returns the exit status of CONTRACT.md.
    public func run() -> Int32 {
        // --output is checked before anything runs; signals are caught from here on
        if let o = config.output, case .failure(let e) = OutputTarget.check(o) {
            warn(e.description)
            return 2
        }
        let signalSources = installInterruptHandler()
        defer { for s in signalSources { s.cancel() } }
        // Load the scripts in the main state first: a script that does not load stops everything (exit 2).
        var mainHost: ScriptHost? = nil
        var argTable: [String: String] = [:]
        if config.mode == .run {
            do {
                let h = try ScriptHost(options: config.host)
                for s in config.scripts { try h.load(path: s) }
                mainHost = h
            } catch {
                warn("\(error)")
                return signalStatus ?? 2  // Ctrl-C while a script's top level runs
            }
            switch validateArgs(mainHost!) {
            case .failure(let e): warn(e.description); return 2
            case .success(let t): argTable = t
            }
        }
        // Setup output goes out before anything else; the sink needs the columns it set.
        var setupOutput: [OutputItem] = []
        if let h = mainHost {
            h.source = nil
            if !h.setup(args: argTable) {
                for f in h.failures { warn(f.report) }
                warn("setup failed; nothing was run")
                return signalStatus ?? 2
            }
            setupOutput = h.takeOutput()
        }
        let sink: RecordSink
        do {
            sink = try RecordSink(format: config.format, outputPath: config.output, columns: mainHost?.columns,
                                  warn: { [unowned self] in self.warn($0) })
        } catch {
            warn(error.description)
            return 2
        }
        stopLock.lock(); activeSink = sink; let early = stopSignal != 0; stopLock.unlock()
        if early { sink.abandon() }
        write(setupOutput, to: sink)

        let initialStates: [StateValue]
        if let h = mainHost {
            var states: [StateValue] = []
            for r in h.readStates() {
                switch r {
                case .success(let v): states.append(v)
                case .failure(let e): warn("after setup: \(e.description)"); return 2
                }
            }
            initialStates = states
        } else {
            initialStates = []
        }
        let progress = Progress(enabled: !config.quiet && isatty(2) != 0)

        let outcome = process(initialStates: initialStates, argTable: argTable, sink: sink, progress: progress)
        progress.clear()
        if config.mode == .parse && config.parseJSONPretty { sink.text(jsonArticles == 0 ? "[]\n" : "\n]\n") }

        // Every path missing, or nothing to read in them: nothing ran, finish included.
        if outcome.seenItems == 0 || outcome.missing == outcome.seenItems {
            _ = sink.close(complete: true)
            if outcome.seenItems == 0 {
                warn("no input found in \(config.paths.joined(separator: " ")) (directories are searched for .txt, .html, .htm, .jsonl and .gz files, and files without an extension)")
            } else {
                warn("no input found")
            }
            return 2
        }
        var finishFailed = false
        if let h = mainHost, !outcome.stoppedEarly {
            h.poisonGlobals(outcome.changedGlobals)
            h.writeStates(outcome.merged)
            h.source = nil
            if !h.finish() { finishFailed = true }
            // Ctrl-C: the summary says so; no trace of the interrupted call
            for f in h.failures where f.reason != .interrupted { warn(f.report) }
            write(h.takeOutput(), to: sink)
        }
        let closeProblem = sink.close(complete: !outcome.interrupted)
        // a signal that came before the output was complete (during finish too)
        let interrupted = !sink.completed && signalStatus != nil
        if let problem = closeProblem {
            warn(problem)
            return interrupted ? signalStatus! : 1
        }
        let failed = outcome.failedArticles > 0 || outcome.problems > 0 || outcome.stateFailures > 0 || finishFailed
        if failed || interrupted || progress.enabled {
            var line = "\(outcome.articles) article\(outcome.articles == 1 ? "" : "s") read, \(outcome.failedArticles) failed"
            if !outcome.reasons.isEmpty {
                line += " (" + outcome.reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
            }
            if outcome.problems > 0 { line += ", \(outcome.problems) input\(outcome.problems == 1 ? "" : "s") skipped" }
            if outcome.stateFailures > 0 { line += ", state of \(outcome.stateFailures) chunk\(outcome.stateFailures == 1 ? "" : "s") not merged" }
            if finishFailed { line += ", finish failed" }
            if interrupted { line = "interrupted: " + line }
            warn(line)
        }
        if interrupted { return signalStatus! }  // 130 / 143, as shells report SIGINT / SIGTERM
        return failed ? 1 : 0
    }

    /// For `parse --format json`: articles written so far into the array.
    var jsonArticles = 0

    func write(_ items: [OutputItem], to sink: RecordSink) {
        for item in items {
            switch item {
            case .text(let s) where config.mode == .parse && config.parseJSONPretty:
                sink.text((jsonArticles == 0 ? "[\n  " : ",\n  ") + s)
                jsonArticles += 1
            case .text(let s): sink.text(s)
            case .record(let r): sink.record(r)
            }
        }
    }

    /// --arg values checked against the scripts' declared args; defaults filled in.
    func validateArgs(_ h: ScriptHost) -> Result<[String: String], InputError> {
        var table: [String: String] = [:]
        var declared: [String: (script: String, help: String?)] = [:]
        var anyDeclares = false
        for i in 0..<h.scriptCount {
            let m = h.meta(i)
            if m.declaresArgs { anyDeclares = true }
            for a in m.args {
                declared[a.name] = (m.path, a.help)
                if let d = a.defaultValue, table[a.name] == nil { table[a.name] = d }
            }
        }
        for (k, v) in config.args {
            if anyDeclares && declared[k] == nil {
                let accepted = declared.keys.sorted()
                return .failure(InputError(description: "unknown --arg '\(k)': " +
                    (accepted.isEmpty ? "the scripts take no arguments" : "the scripts accept \(accepted.joined(separator: ", "))") +
                    " (see lectern info SCRIPT)"))
            }
            table[k] = v
        }
        return .success(table)
    }

    // MARK: - Workers

    struct Outcome {
        var articles = 0
        var failedArticles = 0
        var problems = 0
        var missing = 0
        var stateFailures = 0
        var seenItems = 0
        var reasons: [String: Int] = [:]
        var merged: [StateValue] = []
        var changedGlobals: [[String]] = []
        var stoppedEarly = false
        var interrupted = false
    }

    func process(initialStates: [StateValue], argTable: [String: String], sink: RecordSink, progress: Progress) -> Outcome {
        let jobs = max(1, config.jobs)
        let queue = BoundedQueue<Chunk>(capacity: jobs * 2)
        let results = NSCondition()
        let doneBox = Box<[Int: ChunkResult]>([:])
        let totalChunks = Box<Int?>(nil)
        let seen = Box(0)
        // The producer may run at most this many chunks ahead of the writer.
        let window = DispatchSemaphore(value: jobs * 4)

        let producer = Thread { [unowned self] in
            var chunk = Chunk(index: 0, items: [])
            var bytes = 0
            var count = 0
            func flush() -> Bool {
                guard !chunk.items.isEmpty else { return true }
                window.wait()
                let ok = queue.put(chunk)
                chunk = Chunk(index: chunk.index + 1, items: [])
                bytes = 0
                return ok
            }
            Inputs.walk(config.paths, maxBytes: config.maxBytes) { item in
                if self.shouldStop { return false }
                chunk.items.append(item)
                count += 1
                bytes += item.size
                if chunk.items.count >= config.chunkArticles || bytes >= config.chunkBytes {
                    return flush()
                }
                return true
            }
            _ = flush()
            results.lock()
            totalChunks.value = chunk.index
            seen.value = count
            results.broadcast()
            results.unlock()
            progress.setTotal(count, final: true)
            queue.close()
        }
        producer.name = "lectern-paths"

        let changed = Box<[[String]]>([])
        var workers: [Thread] = []
        let workersDone = DispatchGroup()
        for w in 0..<jobs {
            workersDone.enter()
            let t = Thread { [unowned self] in
                defer { workersDone.leave() }
                let worker = Worker(runner: self, initialStates: initialStates, args: argTable)
                while let c = queue.take() {
                    let r = worker.process(c)
                    results.lock()
                    doneBox.value[r.index] = r
                    results.broadcast()
                    results.unlock()
                }
                if let g = worker.changedGlobals() {
                    results.lock()
                    if changed.value.isEmpty { changed.value = g } else {
                        for i in g.indices { changed.value[i] = Array(Set(changed.value[i] + g[i])).sorted() }
                    }
                    results.unlock()
                }
            }
            t.name = "lectern-worker-\(w)"
            t.stackSize = 16 << 20
            workers.append(t)
        }
        producer.start()
        for t in workers { t.start() }
        if progress.enabled && !config.paths.contains("-") {
            // The producer only runs a few chunks ahead; a quick count gives the ETA early.
            let counter = Thread { [unowned self] in
                if let n = Inputs.count(self.config.paths, stop: { self.shouldStop }) { progress.setTotal(n) }
            }
            counter.name = "lectern-count"
            counter.start()
        }

        // The writer: chunks in order.
        var outcome = Outcome()
        outcome.merged = initialStates
        var next = 0
        while true {
            results.lock()
            while doneBox.value[next] == nil && !(totalChunks.value.map { next >= $0 } ?? false) { results.wait() }
            if let total = totalChunks.value, next >= total, doneBox.value[next] == nil {
                results.unlock()
                break
            }
            let r = doneBox.value.removeValue(forKey: next)!
            results.unlock()
            window.signal()
            next += 1
            write(r.output, to: sink)
            sink.flush()  // a chunk's output reaches the reader (a pipe, a file) as soon as it is in order
            for m in r.messages { warn(m) }
            outcome.articles += r.articles
            outcome.failedArticles += r.failedArticles
            outcome.problems += r.inputProblems
            outcome.missing += r.missing
            for (k, v) in r.reasons { outcome.reasons[k, default: 0] += v }
            for (i, s) in r.states.enumerated() where i < outcome.merged.count {
                switch s {
                case .success(let v): outcome.merged[i].merge(chunk: v, base: initialStates[i])
                case .failure(let e):
                    warn(e.description)
                    outcome.stateFailures += 1
                }
            }
            progress.advance(r.articles + r.inputProblems)
            if config.failFast && (r.failedArticles > 0 || r.inputProblems > 0) { requestStop() }
        }
        queue.close()
        workersDone.wait()
        outcome.seenItems = seen.value
        outcome.changedGlobals = changed.value
        outcome.interrupted = interrupted
        outcome.stoppedEarly = shouldStop
        return outcome
    }

    /// 128 + the signal that stopped the run, nil when none came.
    var signalStatus: Int32? {
        stopLock.lock(); defer { stopLock.unlock() }
        return stopSignal == 0 ? nil : 128 + stopSignal
    }

    /// Ctrl-C and SIGTERM: the first stops the run cleanly (calls interrupted,
    /// FILE kept, FILE.partial saved); a second one stops at once.
    func installInterruptHandler() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            src.setEventHandler { [weak self] in
                guard let self else { return }
                self.stopLock.lock()
                let again = self.stopSignal != 0
                if !again { self.stopSignal = sig }
                let sink = self.activeSink
                self.stopLock.unlock()
                if again {
                    self.emergencyStopOutput(reason: "stopped at once (second signal)")
                    _exit(128 + sig)
                }
                sink?.abandon()
                self.requestStop(interrupt: true)
                interruptAllScripts()
            }
            src.resume()
            return src
        }
    }

    /// For a stop that cannot wait for the run to end (the watchdog's last
    /// resort, a second Ctrl-C): saves what was written (FILE.partial, or a
    /// flush of standard output or the device) and says where. Thread-safe;
    /// returns within about a second. The caller exits.
    public func emergencyStopOutput(reason: String) {
        stopLock.lock(); let sink = activeSink; stopLock.unlock()
        guard let sink else { warn(reason); return }
        if let saved = sink.emergencyStop(), let o = config.output {
            warn("\(reason): what was written is in \(saved); \(o) was left as it was")
        } else {
            warn(reason)
        }
    }
}

/// A worker thread's reader and Lua state.
final class Worker {
    let runner: Runner
    let config: RunConfig
    let host: ScriptHost?
    let initialStates: [StateValue]
    let textReader: TextReader
    let needsArticles: Bool

    init(runner: Runner, initialStates: [StateValue], args: [String: String]) {
        self.runner = runner
        self.config = runner.config
        self.initialStates = initialStates
        // Each worker builds its own rules: values shared between threads make
        // their reference counts a point of contention (measured: --jobs 2 no
        // faster than --jobs 1 with one shared copy).
        var rules = ParserRules.empty()
        try? rules.load(text: ParserRules.defaultRulesText, origin: ParserRules.builtInOrigin)
        for f in runner.config.ruleFiles { try? rules.load(text: f.text, origin: f.origin) }
        self.textReader = TextReader(rules: rules)
        var h: ScriptHost? = nil
        if config.mode == .run {
            // Same scripts and setup as the main state; setup's output was already written there.
            if let x = try? ScriptHost(options: config.host) {
                var ok = true
                for s in config.scripts { do { try x.load(path: s) } catch { ok = false } }
                if ok {
                    x.discardOutput = true
                    _ = x.setup(args: args)
                    x.failures.removeAll()
                    x.discardOutput = false
                    x.snapshotGlobals()
                    h = x
                }
            }
        }
        host = h
        if let h {
            needsArticles = ["classify", "article", "section", "paragraph", "boilerplate", "comment"].contains { h.has($0) }
        } else {
            needsArticles = true
        }
    }

    func changedGlobals() -> [[String]]? { host?.changedGlobals() }

    func process(_ chunk: Chunk) -> ChunkResult {
        var r = ChunkResult(index: chunk.index)
        host?.writeStates(initialStates)
        for item in chunk.items {
            if runner.shouldStop { break }
            processItem(item, into: &r)
        }
        if let host { r.states = host.readStates() }
        return r
    }

    /// The page's blocks and page-level fields, or a message saying why not.
    struct Page {
        var blocks: [Block]
        var format: String
        var url: String?
        var xpath: XPathFunction?
        var fields: JSONLFields?
    }

    func load(_ item: WorkItem) -> Result<Page, InputError> {
        var bytes: [UInt8]
        var kind: InputKind? = nil
        var fields: JSONLFields? = nil
        var name = item.source
        switch item.content {
        case .problem(let m):
            return .failure(InputError(description: m))
        case .bytes(let b, let k, let f):
            bytes = b; kind = k; fields = f
        case .file(let path):
            switch Inputs.readFile(path, maxBytes: config.maxBytes) {
            case .success(let b): bytes = b
            case .failure(let e): return .failure(InputError(description: "\(item.source): \(e.description)"))
            }
        }
        if Inputs.isGzip(bytes) {
            switch Inputs.gunzip(bytes, limit: config.maxBytes) {
            case .success(let b): bytes = b
            case .failure(let e): return .failure(InputError(description: "\(item.source): \(e.description)"))
            }
            if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(InputError(description: "\(item.source): \(bytes.isEmpty ? "empty file" : "blank file (only white space)"); skipped"))
        }
        if kind == nil {
            let lower = name.lowercased()
            if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") || Inputs.looksLikeHTML(bytes) {
                kind = .html
            } else {
                kind = .text
            }
        }
        if kind == .html {
            let page = HTMLInput.read(bytes, source: item.source)
            return .success(Page(blocks: page.blocks, format: "html", url: fields?.url ?? page.url,
                                 xpath: page.xpath, fields: fields))
        }
        // Text: refuse binary files (NUL bytes without a UTF-16 byte-order mark).
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if !utf16, bytes.prefix(65536).contains(0) {
            return .failure(InputError(description: "\(item.source): binary file (not text or HTML); skipped"))
        }
        let (text, warning) = TextDecoding.decode(bytes)
        if let warning { runner.warn("\(item.source): \(warning)") }
        return .success(Page(blocks: textReader.blocks(from: text), format: "text", url: fields?.url,
                             xpath: nil, fields: fields))
    }

    func processItem(_ item: WorkItem, into r: inout ChunkResult) {
        if !needsArticles, config.mode == .run, case .file = item.content {
            // No hook reads articles: count them without reading or parsing.
            r.articles += 1
            return
        }
        let page: Page
        switch load(item) {
        case .failure(let e):
            r.messages.append(e.description)
            r.inputProblems += 1
            if config.failFast { runner.requestStop() }
            if e.description.hasSuffix("no such file or directory") { r.missing += 1 }
            return
        case .success(let p): page = p
        }
        r.articles += 1
        switch config.mode {
        case .explain:
            r.output.append(.text(Explain.render(source: item.source, format: page.format, blocks: page.blocks)))
        case .parse:
            let a = build(item, page, page.blocks)
            r.output.append(.text(config.parseJSONPretty ? a.json(pretty: true, indentLevel: 1) : a.json() + "\n"))
        case .run:
            guard let host else { return }
            host.source = item.source
            let blocks = host.classify(page.blocks)
            let a = build(item, page, blocks)
            _ = host.run(article: a, xpath: page.xpath)
            r.output.append(contentsOf: host.takeOutput())
            if !host.failures.isEmpty {
                r.failedArticles += 1
                for f in host.failures {
                    // Ctrl-C: the summary says how far the run got; no trace per call
                    if f.reason != .interrupted { r.messages.append(f.report) }
                    r.reasons[f.reason.rawValue, default: 0] += 1
                }
                host.failures.removeAll()
                if config.failFast { runner.requestStop() }
            }
        }
    }

    func build(_ item: WorkItem, _ page: Page, _ blocks: [Block]) -> Article {
        var a = ArticleBuilder.build(source: item.source, format: page.format, url: page.url, blocks: blocks)
        if let f = page.fields {
            if let t = f.title { a.title = t }
            if let au = f.author { a.author = au }
            if let p = f.published { a.published = DateNormalizer.normalize(p) ?? a.published }
        }
        return a
    }
}
