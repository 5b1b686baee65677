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
    /// --output-dir DIR: emit to DIR/records.EXT, emit_to(NAME, ...) to DIR/NAME.EXT.
    public var outputDir: String?
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
    /// --partial FILE: run all but finish and write a part there (Partial.swift).
    public var partial: String?
    /// `lectern merge`: the parts to merge instead of reading a corpus.
    public var merge: MergeInput?
    public init() {}
}

/// What a chunk produced, handed from a worker to the writer.
struct ChunkResult {
    var index: Int
    var items = 0                   // work items in the chunk
    var changedGlobals: [[String]] = []   // per script, globals per-article hooks changed
    var changedLocals: [[String]] = []    // per script, locals (upvalues) they changed
    var stoppedAtFailure = false    // --fail-fast: the chunk ends at its first failing article
    var check: CheckRun?            // chunk 0 only: the next chunk read on in the same state
    var output: [OutputItem] = []
    var messages: [String] = []     // failures and warnings, in article order
    var articles = 0
    var failedArticles = 0
    var noBody = 0                  // articles read with no paragraph (a menu-only page, a video page)
    var inputProblems = 0           // files skipped: unreadable, binary, empty, ...
    var missing = 0                 // of those, paths that do not exist
    var reasons: [String: Int] = [:]
    var states: [Result<StateValue, StateError>] = []
}

struct Chunk: Sendable {
    var index: Int
    var items: [WorkItem]
    /// Chunk 0 only: the next chunk's items, which the same worker reads on
    /// from chunk 0's end (as one worker reading in order would) for the self-check.
    var checkItems: [WorkItem]? = nil
}

/// The self-check's sequential run over the first chunk boundary.
struct CheckRun {
    var states: [Result<StateValue, StateError>]
    var output: [OutputItem]
    var complete: Bool
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

/// How many chunks the producer may run ahead of the writer. Unlike a
/// DispatchSemaphore it can be closed with waiters still blocked (a run that
/// stops early), which releases them.
final class Window: @unchecked Sendable {
    private let cond = NSCondition()
    private var free: Int
    private var closed = false
    init(_ n: Int) { free = n }
    /// Takes a slot; false once closed.
    func acquire() -> Bool {
        cond.lock(); defer { cond.unlock() }
        while free == 0 && !closed { cond.wait() }
        if closed { return false }
        free -= 1
        return true
    }
    func release() { cond.lock(); free += 1; cond.signal(); cond.unlock() }
    func close() { cond.lock(); closed = true; cond.broadcast(); cond.unlock() }
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
    /// WARC records that are not articles, by reason (WARC.swift).
    let skippedRecords = SkippedRecords()

    public init(config: RunConfig) { self.config = config }

    /// --partial: where output items and messages go instead of the sink.
    var partialWriter: PartialWriter?

    func warn(_ s: String) {
        stderrLock.lock()
        partialWriter?.message(s)
        // script messages and file names may hold escape sequences
        FileHandle.standardError.write(Data(("lectern: " + terminalSafe(s) + "\n").utf8))
        stderrLock.unlock()
    }

    /// --fail-fast: the first chunk (in input order) that stopped at a failing article.
    var failedChunk = Int.max

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
    /// --fail-fast: chunks after `chunk` are not needed; chunks before it are
    /// read whole, since they come first in the output.
    func failed(inChunk chunk: Int) {
        stopLock.lock()
        failedChunk = min(failedChunk, chunk)
        stopLock.unlock()
    }
    /// Whether work on chunk `index` should stop (Ctrl-C, a stop, or a fail-fast failure before it).
    func shouldStop(chunk index: Int) -> Bool {
        stopLock.lock(); defer { stopLock.unlock() }
        return stopRequested || index > failedChunk
    }
    var producerShouldStop: Bool {
        stopLock.lock(); defer { stopLock.unlock() }
        return stopRequested || failedChunk != Int.max
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
            for w in mainHost!.hookNameWarnings() { warn(w) }
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
            for w in h.takeWarnings() { warn(w) }
        }
        let sink: RecordSink
        do throws(InputError) {
            var recordsPath = config.output
            if let dir = config.outputDir {
                switch RecordSink.prepareDirectory(dir, format: config.format) {
                case .success(let p): recordsPath = p
                case .failure(let e): throw e
                }
            }
            sink = try RecordSink(format: config.format, outputPath: recordsPath, columns: mainHost?.columns,
                                  warn: { [unowned self] in self.warn($0) })
            if let h = mainHost { try configureOutputs(sink, host: h) }
        } catch {
            warn(error.description)
            return 2
        }
        stopLock.lock(); activeSink = sink; let early = stopSignal != 0; stopLock.unlock()
        if early { sink.abandon() }
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
        if let h = mainHost { sink.reportHeading = ReportHeading(host: h) }   // for --format html
        let progress = Progress(enabled: !config.quiet && isatty(2) != 0)

        let plans = mainHost?.mergePlans() ?? []
        if let p = config.partial {
            do { partialWriter = try PartialWriter(path: p, config: config) } catch { warn(error.description); return 2 }
        }
        defer { partialWriter?.discard() }
        let outcome = config.merge.map {
            mergeParts($0, initialStates: initialStates, plans: plans, setupOutput: setupOutput, sink: sink)
        } ?? process(initialStates: initialStates, plans: plans, argTable: argTable,
                     setupOutput: config.partial == nil ? setupOutput : [], sink: sink, progress: progress)
        progress.clear()
        if let message = outcome.refused {
            warn(message)
            sink.discard()
            return 2
        }
        if let message = outcome.workerFailure {
            warn(message)
            warn("a worker could not load the scripts or run setup; nothing was run")
            _ = sink.close(complete: false)
            return 2
        }
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
        var finishSkipped: String? = nil
        if let w = partialWriter, let problem = finishPartial(w, outcome, initialStates: initialStates) {
            warn(problem)
            return 2
        }
        if let h = mainHost, !outcome.stoppedEarly, partialWriter == nil {
            // A local that article hooks changed holds only its value after setup here.
            let reads = h.finishReads(outcome.changedLocals)
            for (i, list) in reads.enumerated() where !list.isEmpty {
                finishSkipped = "finish() was not run"
                for label in list {
                    warn("\(config.scripts[i]): finish() reads \(label), which per-article hooks changed; each chunk of articles has its own copy, so finish would see only its value after setup. Keep the total in state (docs/SCRIPTING.md, \"Merging state\")")
                }
            }
            if outcome.stateFailures > 0 { finishSkipped = "finish() was not run: the state of \(outcome.stateFailures) chunk\(outcome.stateFailures == 1 ? "" : "s") could not be merged" }
        }
        if let h = mainHost, !outcome.stoppedEarly, finishSkipped == nil, partialWriter == nil {
            h.poisonGlobals(outcome.changedGlobals)
            h.writeStates(outcome.merged)
            h.source = nil
            if !h.finish() { finishFailed = true }
            // Ctrl-C: the summary says so; no trace of the interrupted call
            for f in h.failures where f.reason != .interrupted { warn(f.report) }
            for w in h.takeWarnings() { warn(w) }
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
            || outcome.checkFailed || finishSkipped != nil
        let skipped = skippedRecords.summary()
        // Articles with no body text are no failure, but every total over bodies
        // silently lacks them: the summary says how many (--explain shows why).
        if failed || interrupted || progress.enabled || ((skipped != nil || outcome.noBody > 0) && !config.quiet) {
            var line = "\(outcome.articles) article\(outcome.articles == 1 ? "" : "s") read, \(outcome.failedArticles) failed"
            if !outcome.reasons.isEmpty {
                line += " (" + outcome.reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
            }
            if outcome.noBody > 0 { line += ", \(outcome.noBody) with no body text (--explain shows why)" }
            if outcome.problems > 0 { line += ", \(outcome.problems) input\(outcome.problems == 1 ? "" : "s") skipped" }
            if outcome.stateFailures > 0 && finishSkipped == nil { line += ", state of \(outcome.stateFailures) chunk\(outcome.stateFailures == 1 ? "" : "s") not merged" }
            if let skipped { line += ", " + skipped }
            if finishFailed { line += ", finish failed" }
            if let finishSkipped { line += ", " + finishSkipped }
            if outcome.checkFailed { line += ", stopped by the merge self-check" }
            if interrupted { line = "interrupted: " + line }
            warn(line)
        }
        if interrupted { return signalStatus! }  // 130 / 143, as shells report SIGINT / SIGTERM
        return failed ? 1 : 0
    }

    /// For `parse --format json`: articles written so far into the array.
    var jsonArticles = 0

    func write(_ items: [OutputItem], to sink: RecordSink) {
        if let p = partialWriter { p.add(items); return }
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
            if !anyDeclares {
                // A value nothing declares would be read by nobody, or silently misspelt.
                return .failure(InputError(description: "--arg \(k)=...: \(h.scriptCount == 1 ? "the script declares" : "none of the scripts declares") no `args`, so it takes no --arg; a script that reads args.\(k) in setup declares it: args = { \(k) = { help = \"...\" } } (docs/SCRIPTING.md, \"Script metadata\")"))
            }
            if declared[k] == nil {
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
        /// Articles with no paragraph: read, and in every total, but with nothing in them.
        var noBody = 0
        var problems = 0
        var missing = 0
        var stateFailures = 0
        var seenItems = 0
        var reasons: [String: Int] = [:]
        var merged: [StateValue] = []
        var changedGlobals: [[String]] = []
        var changedLocals: [[String]] = []
        var stoppedEarly = false
        var interrupted = false
        /// A worker could not load the scripts or run setup: nothing was run.
        var workerFailure: String?
        /// The self-check found a total that the merge gets wrong.
        var checkFailed = false
        /// `merge` refused a part: nothing was run (exit 2).
        var refused: String?
    }

    func process(initialStates: [StateValue], plans: [MergePlan], argTable: [String: String],
                 setupOutput: [OutputItem], sink: RecordSink, progress: Progress) -> Outcome {
        let jobs = max(1, config.jobs)
        let queue = BoundedQueue<Chunk>(capacity: jobs * 2)
        let results = NSCondition()
        let doneBox = Box<[Int: ChunkResult]>([:])
        let totalChunks = Box<Int?>(nil)
        let seen = Box(0)
        // The producer may run at most this many chunks ahead of the writer.
        let window = Window(jobs * 4)
        // LECTERN_SELF_CHECK=off exists for scripts/bench, to measure what the check costs.
        let selfCheck = config.mode == .run && ProcessInfo.processInfo.environment["LECTERN_SELF_CHECK"] != "off"

        let producer = Thread { [unowned self] in
            var chunk = Chunk(index: 0, items: [])
            var bytes = 0
            var count = 0
            // Chunk 0 waits for chunk 1 to be cut: its worker reads chunk 1 on (the self-check).
            var held: Chunk? = nil
            func put(_ c: Chunk) -> Bool {
                guard window.acquire() else { return false }
                return queue.put(c)
            }
            func flush() -> Bool {
                guard !chunk.items.isEmpty else { return true }
                let c = chunk
                chunk = Chunk(index: c.index + 1, items: [])
                bytes = 0
                if c.index == 0 && selfCheck { held = c; return true }
                if var h = held {
                    held = nil
                    h.checkItems = c.items
                    guard put(h) else { return false }
                }
                return put(c)
            }
            Inputs.walk(config.paths, maxBytes: config.maxBytes) { item in
                if self.producerShouldStop { return false }
                chunk.items.append(item)
                count += 1
                bytes += item.size
                if chunk.items.count >= config.chunkArticles || bytes >= config.chunkBytes {
                    return flush()
                }
                return true
            }
            _ = flush()
            if let h = held { _ = put(h) }
            results.lock()
            totalChunks.value = chunk.index
            seen.value = count
            results.broadcast()
            results.unlock()
            progress.setTotal(count, final: true)
            queue.close()
        }
        producer.name = "lectern-paths"

        // Workers load the scripts and run setup before any article is read: a
        // worker that cannot is a failed run (exit 2), never a silently empty one.
        var workers: [Thread] = []
        let workersDone = DispatchGroup()
        let ready = DispatchGroup()
        let initFailures = Box<[Int: String]>([:])
        for w in 0..<jobs {
            workersDone.enter()
            ready.enter()
            let t = Thread { [unowned self] in
                defer { workersDone.leave() }
                let worker: Worker
                switch Worker.make(runner: self, initialStates: initialStates, args: argTable) {
                case .failure(let message):
                    results.lock(); initFailures.value[w] = message.description; results.unlock()
                    ready.leave()
                    return
                case .success(let x): worker = x
                }
                ready.leave()
                while let c = queue.take() {
                    let r = worker.process(c)
                    results.lock()
                    doneBox.value[r.index] = r
                    results.broadcast()
                    results.unlock()
                }
            }
            t.name = "lectern-worker-\(w)"
            t.stackSize = 16 << 20
            workers.append(t)
        }
        for t in workers { t.start() }
        ready.wait()
        var outcome = Outcome()
        outcome.merged = initialStates
        if let (w, message) = initFailures.value.min(by: { $0.key < $1.key }) {
            queue.close()
            workersDone.wait()
            outcome.workerFailure = "worker \(w + 1) of \(jobs): \(message)"
            return outcome
        }
        write(setupOutput, to: sink)
        // A hook call that no hook can stop (a long C call, a __gc loop) or that
        // ignores Ctrl-C: keep what was written, say which script and article, exit.
        setScriptLastResort { [unowned self] message, status in
            self.emergencyStopOutput(reason: message)
            exit(status)
        }
        producer.start()
        if progress.enabled && !config.paths.contains("-") {
            // The producer only runs a few chunks ahead; a quick count gives the ETA early.
            let counter = Thread { [unowned self] in
                if let n = Inputs.count(self.config.paths, stop: { self.shouldStop }) { progress.setTotal(n) }
            }
            counter.name = "lectern-count"
            counter.start()
        }

        // The writer: chunks in order.
        var next = 0
        var firstChunk: (states: [Result<StateValue, StateError>], items: Int, check: CheckRun?)? = nil
        outcome.changedGlobals = Array(repeating: [], count: initialStates.count)
        outcome.changedLocals = Array(repeating: [], count: initialStates.count)
        while true {
            results.lock()
            while doneBox.value[next] == nil && !(totalChunks.value.map { next >= $0 } ?? false) { results.wait() }
            if let total = totalChunks.value, next >= total, doneBox.value[next] == nil {
                results.unlock()
                break
            }
            let r = doneBox.value.removeValue(forKey: next)!
            results.unlock()
            window.release()
            next += 1
            write(r.output, to: sink)
            sink.flush()  // a chunk's output reaches the reader (a pipe, a file) as soon as it is in order
            for m in r.messages { warn(m) }
            outcome.articles += r.articles
            outcome.failedArticles += r.failedArticles
            outcome.noBody += r.noBody
            outcome.problems += r.inputProblems
            outcome.missing += r.missing
            for (k, v) in r.reasons { outcome.reasons[k, default: 0] += v }
            fold(states: r.states, into: &outcome, initial: initialStates, plans: plans)
            for (i, label) in addChanged(globals: r.changedGlobals, locals: r.changedLocals, to: &outcome) {
                warn("\(config.scripts[i]): \(label) was changed by per-article hooks; every chunk of articles starts from its value after setup (so the answer is the same for any --jobs), so it cannot carry anything across the corpus: keep totals in state (docs/SCRIPTING.md, \"Merging state\")")
            }
            progress.advance(r.articles + r.inputProblems)
            if r.index == 0 { firstChunk = (r.states, r.items, r.check) }
            if r.index == 1, let first = firstChunk, let check = first.check, check.complete, !r.stoppedAtFailure, !shouldStop,
               outcome.stateFailures == 0 {
                if !selfCheckPasses(first: first.states, firstItems: first.items, second: r, check: check,
                                    initial: initialStates, plans: plans, merged: outcome.merged) {
                    outcome.checkFailed = true
                    requestStop()
                    break
                }
            }
            if r.stoppedAtFailure { break }   // --fail-fast: nothing after the failing article
        }
        outcome.stoppedEarly = shouldStop || failedChunk != Int.max
        requestStopProducerOnly()
        window.close()
        queue.close()
        workersDone.wait()
        outcome.seenItems = seen.value
        outcome.interrupted = interrupted
        return outcome
    }

    /// Folds a chunk's (or a part's) end state into the total, in input order;
    /// a state that does not merge is reported and counted.
    func fold(states: [Result<StateValue, StateError>], into outcome: inout Outcome,
              initial: [StateValue], plans: [MergePlan]) {
        for (i, s) in states.enumerated() where i < outcome.merged.count {
            switch s {
            case .success(let v):
                do {
                    try outcome.merged[i].merge(chunk: v, base: initial[i], plan: plans[i], path: "state")
                } catch {
                    warn("\(config.scripts[i]): \(error.description)")
                    outcome.stateFailures += 1
                }
            case .failure(let e):
                warn(e.description)
                outcome.stateFailures += 1
            }
        }
    }

    /// Adds the globals and locals that per-article hooks changed; returns the
    /// locals not seen before (script index, label), in order.
    func addChanged(globals: [[String]], locals: [[String]], to outcome: inout Outcome) -> [(Int, String)] {
        for (i, g) in globals.enumerated() where i < outcome.changedGlobals.count {
            outcome.changedGlobals[i] = Array(Set(outcome.changedGlobals[i] + g)).sorted()
        }
        var new: [(Int, String)] = []
        for (i, l) in locals.enumerated() where i < outcome.changedLocals.count {
            for label in l where !outcome.changedLocals[i].contains(label) {
                outcome.changedLocals[i].append(label)
                new.append((i, label))
            }
        }
        return new
    }

    /// The writer is done: the producer and workers stop, without marking the run interrupted.
    func requestStopProducerOnly() {
        stopLock.lock()
        failedChunk = min(failedChunk, -1)
        stopLock.unlock()
    }

    /// The self-check: the first two chunks merged must equal the same articles
    /// read in order by one worker (state and output). On a difference it
    /// explains which key and which merge kind to declare, and returns false.
    func selfCheckPasses(first: [Result<StateValue, StateError>], firstItems: Int, second: ChunkResult, check: CheckRun,
                         initial: [StateValue], plans: [MergePlan], merged: [StateValue]) -> Bool {
        let range = "articles 1-\(firstItems) and \(firstItems + 1)-\(firstItems + second.items)"
        for i in merged.indices {
            guard i < check.states.count, i < first.count, i < second.states.count,
                  case .success(let seq) = check.states[i], case .success(let c0) = first[i],
                  case .success(let c1) = second.states[i] else { continue }
            guard let d = StateValue.firstDifference(merged[i], seq) else { continue }
            var msg = "\(config.scripts[i]): \(d.path) is not what reading the corpus in order gives: merging the first two chunks (\(range)) gives \(d.merged?.brief ?? "nil"), reading them in order gives \(d.sequential?.brief ?? "nil"). "
            let s = StateValue.suggestKinds(for: d, initial: initial[i], first: c0, second: c1, sequential: seq, plan: plans[i])
            if let best = s.kinds.first {
                msg += "Declare how it combines: \(mergeDeclaration(s.path, best))"
                if s.kinds.count > 1 {
                    msg += " (on these articles " + s.kinds.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + " all give the in-order value: declare the one you mean)"
                }
                msg += " (docs/SCRIPTING.md, \"Merging state\")."
            } else {
                msg += "No merge kind gives the in-order value: keep per-article values in state (a list, or counts) and compute it in finish (docs/SCRIPTING.md, \"Merging state\")."
            }
            warn(msg + " The run was stopped: its totals cannot be trusted.")
            return false
        }
        if let k = firstOutputDifference(second.output, check.output) {
            warn("the output of articles \(firstItems + 1)-\(firstItems + second.items) changes when those articles are read after the ones before them (\(k)): the script carries values from one article to the next outside `state`, or emits from state that earlier chunks filled; every chunk of \(config.chunkArticles) articles starts from the state after setup, so this output would depend on how the corpus is cut. Keep totals in state and emit them in finish (docs/SCRIPTING.md, \"Merging state\"). The run was stopped.")
            return false
        }
        return true
    }

    /// Where two chunk outputs first differ, in words; nil when they are the same.
    func firstOutputDifference(_ a: [OutputItem], _ b: [OutputItem]) -> String? {
        func lines(_ items: [OutputItem]) -> [String] {
            var out: [String] = []
            for item in items {
                switch item {
                case .record(let r): out.append("record " + r.json)
                case .text(let t): out.append(contentsOf: t.split(separator: "\n", omittingEmptySubsequences: false).map { "printed \"" + $0 + "\"" })
                }
            }
            return out
        }
        let x = lines(a), y = lines(b)
        if x == y { return nil }
        let n = zip(x, y).prefix { $0 == $1 }.count
        func cut(_ s: String) -> String { s.count > 100 ? String(s.prefix(97)) + "..." : s }
        let got = n < x.count ? cut(x[n]) : "nothing"
        let want = n < y.count ? cut(y[n]) : "nothing"
        return "item \(n + 1): \(got) when the chunk starts fresh, \(want) when read in order; \(x.count) against \(y.count) items"
    }

    /// `merge { key = "max" }` in Lua syntax.
    func mergeDeclaration(_ path: [String], _ kind: MergeKind) -> String {
        let p = path.joined(separator: ".")
        let isName = p.first.map { $0.isLetter || $0 == "_" } == true && p.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return "merge { \(isName ? p : "[\"" + p + "\"]") = \"\(kind.rawValue)\" }"
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
struct WorkerError: Error, CustomStringConvertible, Sendable {
    var description: String
}

final class Worker {
    let runner: Runner
    let config: RunConfig
    let host: ScriptHost?
    let initialStates: [StateValue]
    /// Built on the first text page: HTML-only runs never compile all the
    /// rules, only the edge phrases of `htmlRules` (start-up of every
    /// `lectern parse` of HTML pages).
    private(set) lazy var textReader: TextReader = Worker.makeTextReader(config)
    /// The HTML reader's rules: the built-in phrases for the story's edges
    /// and the `--rules` files; the worker's own copy, as for the text reader.
    private(set) lazy var htmlRules: HTMLRules = Worker.makeHTMLRules(config)
    let needsArticles: Bool
    /// The chunk being read (for --fail-fast).
    var chunkIndex = 0

    /// A worker with its own Lua state, the scripts loaded and setup run; or
    /// the message that says why it could not be made.
    static func make(runner: Runner, initialStates: [StateValue], args: [String: String]) -> Result<Worker, WorkerError> {
        let config = runner.config
        guard config.mode == .run else { return .success(Worker(runner: runner, host: nil, initialStates: initialStates)) }
        let h: ScriptHost
        do {
            h = try ScriptHost(options: config.host)
            // Same scripts and setup as the main state, whose output (top level included) was written there.
            h.discardOutput = true
            for s in config.scripts { try h.load(path: s) }
        } catch {
            return .failure(WorkerError(description: error.description))
        }
        let ok = h.setup(args: args)
        h.discardOutput = false
        if !ok {
            return .failure(WorkerError(description: h.failures.map(\.report).joined(separator: "\n")))
        }
        h.failures.removeAll()
        h.snapshotGlobals()
        return .success(Worker(runner: runner, host: h, initialStates: initialStates))
    }

    private init(runner: Runner, host: ScriptHost?, initialStates: [StateValue]) {
        self.runner = runner
        self.config = runner.config
        self.initialStates = initialStates
        self.host = host
        if let host {
            needsArticles = ["classify", "article", "section", "paragraph", "boilerplate", "comment"].contains { host.has($0) }
        } else {
            needsArticles = true
        }
    }

    static func makeTextReader(_ config: RunConfig) -> TextReader {
        // Each worker builds its own rules: values shared between threads make
        // their reference counts a point of contention (measured: --jobs 2 no
        // faster than --jobs 1 with one shared copy).
        var rules = ParserRules.empty()
        try? rules.load(text: ParserRules.defaultRulesText, origin: ParserRules.builtInOrigin)
        for f in config.ruleFiles { try? rules.load(text: f.text, origin: f.origin) }
        return TextReader(rules: rules)
    }

    static func makeHTMLRules(_ config: RunConfig) -> HTMLRules {
        let edges = HTMLRules.builtInEdges
        var files: ParserRules? = nil
        if !config.ruleFiles.isEmpty {
            var r = ParserRules.empty()
            for f in config.ruleFiles { try? r.load(text: f.text, origin: f.origin) }
            files = r
        }
        return HTMLRules(edges: edges, files: files)
    }

    func process(_ chunk: Chunk) -> ChunkResult {
        var r = ChunkResult(index: chunk.index)
        r.items = chunk.items.count
        if runner.shouldStop(chunk: chunk.index) { return r }
        chunkIndex = chunk.index
        host?.writeStates(initialStates)
        for item in chunk.items {
            if runner.shouldStop(chunk: chunk.index) || r.stoppedAtFailure { break }
            processItem(item, into: &r)
        }
        if let host {
            r.states = host.readStates()
            if let more = chunk.checkItems, !r.stoppedAtFailure {
                // The self-check: read the next chunk on from here, as one worker
                // reading in order would; its messages are the real chunk's to give.
                var c = ChunkResult(index: chunk.index + 1)
                var complete = true
                for item in more {
                    if runner.shouldStop(chunk: chunk.index + 1) { complete = false; break }
                    processItem(item, into: &c, checking: true)
                }
                r.check = CheckRun(states: host.readStates(), output: c.output, complete: complete)
            }
            // Globals and locals go back to their values after setup (counted as changed).
            (r.changedGlobals, r.changedLocals) = host.endChunk()
        }
        return r
    }

    /// The page's blocks and page-level fields, or a message saying why not.
    struct Page {
        var blocks: [Block]
        var format: String
        var url: String?
        var xpath: XPathFunction?
        var fields: JSONLFields?
        /// The language the page declares (HTML), ISO 639-1.
        var language: String? = nil
    }

    func load(_ item: WorkItem) -> Result<Page, InputError> {
        var bytes: [UInt8]
        var kind: InputKind? = nil
        var fields: JSONLFields? = nil
        var name = item.source
        switch item.content {
        case .problem(let m):
            return .failure(InputError(description: m))
        case .skipped(let why):
            return .failure(InputError(description: "\(item.source): \(why); skipped"))
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
            let page = HTMLInput.read(bytes, source: item.source, rules: htmlRules)
            return .success(Page(blocks: page.blocks, format: "html", url: fields?.url ?? page.url,
                                 xpath: page.xpath, fields: fields, language: page.language))
        }
        // Text: refuse binary files (NUL bytes without a UTF-16 byte-order mark).
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if !utf16, bytes.withUnsafeBufferPointer({ b in b.baseAddress.map { memchr($0, 0, min(b.count, 65536)) != nil } ?? false }) {
            return .failure(InputError(description: "\(item.source): binary file (not text or HTML); skipped"))
        }
        let (text, warning) = TextDecoding.decode(bytes)
        if let warning { runner.warn("\(item.source): \(warning)") }
        let md = name.lowercased().hasSuffix(".md") || name.lowercased().hasSuffix(".markdown")
        let blocks = textReader.blocks(from: text, markdown: md ? true : nil)
        return .success(Page(blocks: blocks, format: "text", url: fields?.url ?? TextReader.headerURL(blocks),
                             xpath: nil, fields: fields))
    }

    func processItem(_ item: WorkItem, into r: inout ChunkResult, checking: Bool = false) {
        // (the self-check reads chunk 1 a second time: count its skipped records once)
        if case .skipped(let why) = item.content { if !checking { runner.skippedRecords.add(why) }; return }
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
            if config.failFast && !checking { r.stoppedAtFailure = true; runner.failed(inChunk: chunkIndex) }
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
            if a.hasNoParagraph { r.noBody += 1 }
            r.output.append(.text(config.parseJSONPretty ? a.json(pretty: true, indentLevel: 1) : a.json() + "\n"))
        case .run:
            guard let host else { return }
            host.source = item.source
            let blocks = host.classify(page.blocks)
            let a = build(item, page, blocks)
            if a.hasNoParagraph { r.noBody += 1 }
            _ = host.run(article: a, xpath: page.xpath)
            r.output.append(contentsOf: host.takeOutput())
            r.messages.append(contentsOf: host.takeWarnings())
            if !host.failures.isEmpty {
                r.failedArticles += 1
                for f in host.failures {
                    // Ctrl-C: the summary says how far the run got; no trace per call
                    if f.reason != .interrupted { r.messages.append(f.report) }
                    r.reasons[f.reason.rawValue, default: 0] += 1
                }
                host.failures.removeAll()
                if config.failFast && !checking { r.stoppedAtFailure = true; runner.failed(inChunk: chunkIndex) }
            }
        }
    }

    func build(_ item: WorkItem, _ page: Page, _ blocks: [Block]) -> Article {
        var a = ArticleBuilder.build(source: item.source, format: page.format, url: page.url, blocks: blocks)
        a.declaredLanguage = page.language
        if let f = page.fields {
            if let t = f.title { a.title = t }
            if let au = f.author { a.author = au }
            if let p = f.published, let d = DateNormalizer.normalize(p) {
                // The page's time of day stays when the record gives the same date without one.
                a.publishedTime = DateNormalizer.timestamp(p) ?? (a.published == d ? a.publishedTime : nil)
                a.published = d
            }
            a.fetched = f.fetched
            a.recordID = f.recordID
        }
        return a
    }
}
