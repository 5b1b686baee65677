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
    }

    /// Printed text: always standard output, in order with records written there.
    func text(_ s: String) { stdout.write(s) }

    func record(_ r: Record) {
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
            let row = header.map { key in r.value(key).map { RecordSink.csvField($0.text) } ?? "" }
            records.write(row.joined(separator: ",") + "\n")
        case .table, .markdown, .html:
            buffered.append(r)
        }
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
        default: break
        }
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
        guard first, let tempPath, let finalPath, let outputPath else { return problem }
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
        var widths = keys.map { $0.count }
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, c) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - c.count)
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
