// Where records are written, in the run's order: jsonl and csv stream; json,
// table and markdown are rendered at the end (a table needs every width).
// `--output FILE` (OutputTarget): a regular file is written to a temporary file
// beside it and renamed when the run ends, so a failed or interrupted run never
// leaves half a file in its place; a device or FIFO is written in place.
import Foundation
import LuaHost
import ArticleModel

public enum RecordFormat: String, Sendable, CaseIterable {
    case jsonl, csv, json, table, markdown, html

    /// The file name extension of --output-dir's files.
    public var fileExtension: String {
        switch self {
        case .jsonl: return "jsonl"
        case .csv: return "csv"
        case .json: return "json"
        case .table: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        }
    }
}

/// Buffered writes to a file descriptor. Locked: `RecordSink.emergencyStop`
/// flushes from another thread while the writer may be mid-record.
final class FDWriter: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var failure: String?
    private let lock = NSLock()

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    var failed: String? { lock.lock(); defer { lock.unlock() }; return failure }

    func write(_ s: String) {
        lock.lock(); defer { lock.unlock() }
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flushLocked() }
    }

    func flush() {
        lock.lock(); defer { lock.unlock() }
        flushLocked()
    }

    private func flushLocked() {
        var off = 0
        while off < buffer.count {
            let n = buffer[off...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What `--output PATH` names, decided before the run and again when the file
/// is opened. Following a symbolic link (not refusing it) is what `>` does.
enum OutputTarget {
    /// A character device (/dev/null) or a FIFO: written in place, never replaced.
    case direct(path: String)
    /// A regular file, or none yet: written to a temporary file in the same
    /// directory and renamed over `file` (a symlink's target, resolved).
    /// `existing`: the file's stat, to keep its mode and owner.
    case atomic(file: String, existing: stat?)

    static let accepted = "--output takes a regular file, a character device such as /dev/null, or a FIFO"

    static func check(_ path: String) -> Result<OutputTarget, InputError> {
        func fail(_ m: String) -> Result<OutputTarget, InputError> { .failure(InputError(description: "\(path): \(m)")) }
        if path.isEmpty { return .failure(InputError(description: "--output needs a file name")) }
        if path.hasSuffix("/") { return fail("is a directory; \(accepted)") }
        var st = stat()
        if lstat(path, &st) != 0 {
            guard errno == ENOENT else { return fail("cannot write the output file: \(String(cString: strerror(errno)).lowercased())") }
            let dir = (path as NSString).deletingLastPathComponent
            var dst = stat()
            guard stat(dir.isEmpty ? "." : dir, &dst) == 0, (dst.st_mode & S_IFMT) == S_IFDIR else {
                return fail("cannot write the output file: no such directory")
            }
            guard access(dir.isEmpty ? "." : dir, W_OK) == 0 else {
                return fail("cannot write the output file: the directory is not writable")
            }
            return .success(.atomic(file: path, existing: nil))
        }
        var file = path
        if (st.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                return fail("a symbolic link to nothing (\(String(cString: strerror(errno)).lowercased())); give the file itself")
            }
            file = String(cString: resolved)
            free(resolved)
            guard stat(file, &st) == 0 else { return fail("cannot write the output file: \(String(cString: strerror(errno)).lowercased())") }
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            // rename would replace a file we may not write: refuse as `>` would
            guard access(file, W_OK) == 0 else { return fail("cannot write the output file: permission denied") }
            let dir = (file as NSString).deletingLastPathComponent
            guard access(dir.isEmpty ? "." : dir, W_OK) == 0 else {
                return fail("cannot write the output file: its directory is not writable (the file is replaced whole)")
            }
            return .success(.atomic(file: file, existing: st))
        case S_IFCHR, S_IFIFO:
            return .success(.direct(path: path))
        case S_IFDIR: return fail("is a directory; \(accepted)")
        case S_IFSOCK: return fail("is a socket; \(accepted)")
        case S_IFBLK: return fail("is a block device; \(accepted)")
        default: return fail("is not a regular file; \(accepted)")
        }
    }

    /// Creates the temporary file: a random name, O_CREAT|O_EXCL|O_NOFOLLOW, so
    /// nothing planted at a guessable name can redirect the write. A new file
    /// gets 0666 & ~umask (open applies the umask); an existing one keeps its
    /// mode (and owner, where allowed).
    static func createTemp(for file: String, existing: stat?) -> Result<(fd: Int32, path: String), InputError> {
        let dir = (file as NSString).deletingLastPathComponent
        let base = (file as NSString).lastPathComponent
        var lastError: Int32 = 0
        for _ in 0..<100 {
            let tag = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let tmp = (dir.isEmpty ? "" : dir + "/") + ".\(base).lectern-\(tag).tmp"
            let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 {
                if let existing {
                    _ = fchown(fd, existing.st_uid, existing.st_gid)  // works as root or within one's groups
                    _ = fchmod(fd, existing.st_mode & 0o7777)
                }
                return .success((fd, tmp))
            }
            lastError = errno
            if lastError != EEXIST { break }
        }
        return .failure(InputError(description: "\(file): cannot write the output file: \(String(cString: strerror(lastError)).lowercased())"))
    }
}

final class RecordSink: @unchecked Sendable {
    let format: RecordFormat
    let stdout: FDWriter
    let records: FDWriter
    let outputPath: String?
    /// The temporary file and the file it becomes (regular files only).
    let tempPath: String?
    let finalPath: String?
    var columns: [String]?
    var csvHeader: [String]?
    var warnedKeys: Set<String> = []
    var buffered: [Record] = []
    var jsonCount = 0
    var warn: (String) -> Void
    /// For --format html: the scripts' names, descriptions and charts (ReportOutput.swift).
    var reportHeading: ReportHeading?
    /// Several scripts run: every record gets a `script` column (its script's file name).
    var scriptColumn = false
    /// --output-dir: emit_to's records go to DIR/NAME.EXT (`named`); without
    /// it they stay here with an `_output` column.
    var outputDir: String?
    var namedColumns: [String: [String]] = [:]
    var named: [String: RecordSink] = [:]
    var namedFailure: String?
    /// Records written (an --output-dir records file with none and no columns is not kept).
    var recordCount = 0
    var dropEmpty = false
    var warnedNonFinite = false

    // Who puts the file in place: close() or emergencyStop(), once.
    private let state = NSLock()
    private var settled = false
    private var abandoned = false
    private var finishedWhole = false

    init(format: RecordFormat, outputPath: String?, columns: [String]?, warn: @escaping (String) -> Void) throws(InputError) {
        self.format = format
        self.columns = columns
        self.warn = warn
        self.outputPath = outputPath
        stdout = FDWriter(fd: 1)
        guard let outputPath else {
            tempPath = nil
            finalPath = nil
            records = stdout
            return
        }
        switch OutputTarget.check(outputPath) {
        case .failure(let e): throw e
        case .success(.direct(let path)):
            // no O_CREAT, no O_TRUNC: a device or FIFO is written, never made
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw InputError(description: "\(outputPath): cannot write the output file: \(String(cString: strerror(errno)).lowercased())")
            }
            tempPath = nil
            finalPath = nil
            records = FDWriter(fd: fd)
        case .success(.atomic(let file, let existing)):
            switch OutputTarget.createTemp(for: file, existing: existing) {
            case .failure(let e): throw e
            case .success(let t):
                tempPath = t.path
                finalPath = file
                records = FDWriter(fd: t.fd)
            }
        }
    }

    /// Whether close() wrote the output whole (not stopped by a signal).
    var completed: Bool { state.lock(); defer { state.unlock() }; return finishedWhole }

    /// A signal arrived: whatever happens next, FILE is not replaced.
    func abandon() {
        state.lock(); abandoned = true; state.unlock()
        for name in named.keys.sorted() { named[name]!.abandon() }
    }

    /// Last resort, from any thread, while another may be writing: what was
    /// written goes to FILE.partial (regular files) or is flushed (standard
    /// output, devices). Waits at most about a second for a blocked writer.
    /// Returns where the records went, for the message.
    @discardableResult
    func emergencyStop() -> String? {
        state.lock()
        let first = !settled
        settled = true
        abandoned = true
        state.unlock()
        var saved: String? = nil
        for name in named.keys.sorted() { _ = named[name]!.emergencyStop() }
        if first, let tempPath, let finalPath {
            // rename first: data flushed after it still lands in the same file
            if rename(tempPath, finalPath + ".partial") == 0 { saved = finalPath + ".partial" } else { unlink(tempPath) }
        }
        let done = DispatchSemaphore(value: 0)
        let flusher = Thread { [stdout, records] in
            stdout.flush()
            if records !== stdout { records.flush() }
            done.signal()
        }
        flusher.start()
        _ = done.wait(timeout: .now() + 1)
        return saved
    }

    func flush() {
        stdout.flush()
        if records !== stdout { records.flush() }
        for name in named.keys.sorted() { named[name]!.flush() }
    }

    /// Printed text: always standard output, in order with records written there.
    func text(_ s: String) { stdout.write(s) }

    func record(_ r: Record) {
        if let name = r.output, outputDir != nil {
            if let sink = namedSink(name) { sink.record(Record(fields: r.fields, script: r.script)) }
            return
        }
        let r = decorated(r)
        recordCount += 1
        switch format {
        case .jsonl:
            records.write(r.json)
            records.write("\n")
        case .json where records === stdout:
            // printed text shares standard output: keep the array whole, after it
            buffered.append(r)
        case .json:
            records.write(jsonCount == 0 ? "[\n  " : ",\n  ")
            records.write(r.json)
            jsonCount += 1
        case .csv:
            if csvHeader == nil {
                // columns{...} first, then the first record's other fields
                let cols = columns ?? []
                csvHeader = cols + r.fields.map(\.key).filter { !cols.contains($0) }
                records.write(csvHeader!.map(RecordSink.csvField).joined(separator: ",") + "\n")
            }
            let header = csvHeader!
            for f in r.fields where !header.contains(f.key) && !warnedKeys.contains(f.key) {
                warnedKeys.insert(f.key)
                warn("csv: field '\(f.key)' is not in the header (\(header.joined(separator: ","))) and is left out; declare every column with columns{...}")
            }
            let row = header.map { key in r.value(key).map { csvCell($0, key: key) } ?? "" }
            records.write(row.joined(separator: ",") + "\n")
        case .table, .markdown, .html:
            buffered.append(r)
        }
    }

    /// The cell of `v` in a CSV row: NaN and infinities have no CSV spelling
    /// (JSON writes null), so they are empty cells, with one warning.
    func csvCell(_ v: RecordValue, key: String) -> String {
        if case .double(let d) = v, !d.isFinite {
            if !warnedNonFinite {
                warnedNonFinite = true
                warn("csv: field '\(key)' is \(d.isNaN ? "NaN" : d > 0 ? "inf" : "-inf"), written as an empty cell (and so is every other NaN or infinity)")
            }
            return ""
        }
        return RecordSink.csvField(v.text)
    }

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// Writes what was held back, flushes, and puts the output file in place
    /// (or, when `complete` is false or a signal came, saves it as FILE.partial).
    func close(complete: Bool) -> String? {
        switch format {
        case .json:
            for r in buffered {
                records.write(jsonCount == 0 ? "[\n  " : ",\n  ")
                records.write(r.json)
                jsonCount += 1
            }
            records.write(jsonCount == 0 ? "[]\n" : "\n]\n")
        case .table, .markdown:
            renderTable()
        case .html:
            renderReport()
        case .csv where csvHeader == nil && !(columns ?? []).isEmpty:
            // declared columns: the header even when no record came
            records.write(columns!.map(RecordSink.csvField).joined(separator: ",") + "\n")
        default: break
        }
        var namedProblems: [String] = namedFailure.map { [$0] } ?? []
        for name in named.keys.sorted() { if let p = named[name]!.close(complete: complete) { namedProblems.append(p) } }
        stdout.flush()
        if records !== stdout { records.flush() }
        var problem = stdout.failed.map { "standard output: \($0)" } ?? records.failed.map { "\(outputPath!): \($0)" }
        state.lock()
        let first = !settled
        settled = true
        let whole = complete && !abandoned
        finishedWhole = whole && first
        state.unlock()
        if records !== stdout { Foundation.close(records.fd) }
        if problem == nil && !namedProblems.isEmpty { problem = namedProblems.joined(separator: "; ") }
        guard first, let tempPath, let finalPath, let outputPath else { return problem }
        if dropEmpty && recordCount == 0 && (columns ?? []).isEmpty && problem == nil {
            unlink(tempPath)   // --output-dir and emit wrote nothing: no empty records file
            return nil
        }
        if problem != nil {
            // a failed write (disk full): the file stays as it was
            unlink(tempPath)
            return problem! + "; \(outputPath) was left as it was"
        }
        let target = whole ? finalPath : finalPath + ".partial"
        if rename(tempPath, target) != 0 {
            problem = "\(target): cannot move the output into place: \(String(cString: strerror(errno)))"
            unlink(tempPath)
            state.lock(); finishedWhole = false; state.unlock()
        } else if !whole {
            warn("the run did not finish: what was computed is in \(target); \(outputPath) was left as it was")
        }
        return problem
    }

    private func renderTable() {
        guard !buffered.isEmpty else { return }
        var keys = columns ?? []
        for r in buffered { for f in r.fields where !keys.contains(f.key) { keys.append(f.key) } }
        let rows: [[String]] = buffered.map { r in keys.map { k in
            (r.value(k)?.text ?? "").replacingOccurrences(of: "\n", with: " ")
        } }
        let numeric: [Bool] = keys.indices.map { i in
            buffered.allSatisfy { r in r.value(keys[i]).map { $0.isNumber } ?? true }
        }
        if format == .markdown {
            func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
            records.write("| " + keys.map(cell).joined(separator: " | ") + " |\n")
            records.write("|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n")
            for row in rows { records.write("| " + row.map(cell).joined(separator: " | ") + " |\n") }
            return
        }
        // display widths: a CJK character or an emoji takes two columns
        var widths = keys.map(DisplayWidth.of)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        // on a terminal (never in a file or a pipe), long cells are cut to fit its width
        let fitted = records === stdout ? DisplayWidth.terminalColumns().map { DisplayWidth.fit(widths, limit: $0) } : nil
        if let fitted { widths = fitted }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, full) in cells.enumerated() {
                let c = fitted == nil ? full : DisplayWidth.truncate(full, to: widths[i])
                let pad = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(c)))
                let cellText = numeric[i] ? pad + c : c + (i == cells.count - 1 ? "" : pad)
                out += (i == 0 ? "" : "  ") + cellText
            }
            return out + "\n"
        }
        records.write(line(keys))
        records.write(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n")
        for row in rows { records.write(line(row)) }
    }
}

// MARK: - Named outputs and the script column

extension RecordSink {
    /// --output-dir DIR: checks DIR (made if missing, its parent must exist);
    /// the path of emit's records file, DIR/records.EXT.
    static func prepareDirectory(_ dir: String, format: RecordFormat) -> Result<String, InputError> {
        if dir.isEmpty { return .failure(InputError(description: "--output-dir needs a directory name")) }
        var st = stat()
        if stat(dir, &st) != 0 {
            guard errno == ENOENT, mkdir(dir, 0o777) == 0 else {
                return .failure(InputError(description: "\(dir): cannot make the output directory: \(String(cString: strerror(errno)).lowercased())"))
            }
        } else if (st.st_mode & S_IFMT) != S_IFDIR {
            return .failure(InputError(description: "\(dir): --output-dir takes a directory, and this is not one"))
        }
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        return .success(base + "/records." + format.fileExtension)
    }

    /// Turns on --output-dir: emit_to's outputs with declared columns get their
    /// files now (a CSV header even if no record comes), the others with their first record.
    func useOutputDirectory(_ dir: String, namedColumns: [String: [String]]) {
        outputDir = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        self.namedColumns = namedColumns
        dropEmpty = true
        for name in namedColumns.keys.sorted() { _ = namedSink(name) }
    }

    /// The sink of DIR/NAME.EXT, made on first use; nil (and the run fails) when it cannot be.
    func namedSink(_ name: String) -> RecordSink? {
        if let s = named[name] { return s }
        guard let dir = outputDir, namedFailure == nil else { return nil }
        var cols = namedColumns[name]
        if scriptColumn { cols = ["script"] + (cols ?? []).filter { $0 != "script" } }
        do {
            let s = try RecordSink(format: format, outputPath: dir + "/" + name + "." + format.fileExtension, columns: cols, warn: warn)
            s.scriptColumn = scriptColumn
            // chart{...} draws emit's records: a named output's report is its table
            s.reportHeading = reportHeading.map { var h = $0; h.charts = []; h.title += ": " + name; return h }
            named[name] = s
            return s
        } catch {
            namedFailure = error.description
            return nil
        }
    }

    /// Several scripts: `script` comes first among the columns, before the union of the scripts' declared ones.
    func useScriptColumn() {
        scriptColumn = true
        columns = ["script"] + (columns ?? []).filter { $0 != "script" }
    }

    /// The record as written: `script` (several scripts) and `_output` (emit_to
    /// without --output-dir) first. A field of the script's own with that name wins.
    func decorated(_ r: Record) -> Record {
        guard (scriptColumn && r.script != nil) || r.output != nil else { return r }
        var front: [(key: String, value: RecordValue)] = []
        if scriptColumn, let s = r.script, r.value("script") == nil { front.append(("script", .string(s))) }
        if let o = r.output, r.value("_output") == nil { front.append(("_output", .string(o))) }
        return Record(fields: front + r.fields, output: r.output, script: r.script)
    }
}

extension Runner {
    /// The script column (several scripts) and --output-dir's named files, before any record.
    func configureOutputs(_ sink: RecordSink, host: ScriptHost) throws(InputError) {
        if host.scriptCount > 1 { sink.useScriptColumn() }
        if config.format == .html { sink.reportHeading = ReportHeading(host: host) }   // the named files' too
        if let dir = config.outputDir {
            sink.useOutputDirectory(dir, namedColumns: host.namedColumns)
        } else if !host.namedColumns.isEmpty {
            // one stream for all: emit's columns, _output, then each named output's, by name
            var cols = (sink.columns ?? []) + ["_output"]
            for name in host.namedColumns.keys.sorted() { for c in host.namedColumns[name]! where !cols.contains(c) { cols.append(c) } }
            sink.columns = cols
        }
        if let problem = sink.namedFailure { sink.discard(); throw InputError(description: problem) }
    }
}
