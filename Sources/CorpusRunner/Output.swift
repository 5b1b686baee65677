// Where records are written, in the run's order: jsonl and csv stream; json,
// table and markdown are rendered at the end (a table needs every width).
// `--output FILE` is written to a temporary file beside it and renamed when the
// run ends, so a failed or interrupted run never leaves half a file in its place.
import Foundation
import LuaHost
import ArticleModel

public enum RecordFormat: String, Sendable, CaseIterable {
    case jsonl, csv, json, table, markdown, html
}

/// Buffered writes to a file descriptor.
final class FDWriter {
    let fd: Int32
    var buffer: [UInt8] = []
    var failed: String?

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var off = 0
        while off < buffer.count {
            let n = buffer[off...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = String(cString: strerror(errno))
                break
            }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

final class RecordSink {
    let format: RecordFormat
    let stdout: FDWriter
    let records: FDWriter
    let outputPath: String?
    let tempPath: String?
    var columns: [String]?
    var csvHeader: [String]?
    var warnedKeys: Set<String> = []
    var buffered: [Record] = []
    var jsonCount = 0
    var warn: (String) -> Void
    /// For --format html: the scripts' names, descriptions and charts (ReportOutput.swift).
    var reportHeading: ReportHeading?

    init(format: RecordFormat, outputPath: String?, columns: [String]?, warn: @escaping (String) -> Void) throws(InputError) {
        self.format = format
        self.columns = columns
        self.warn = warn
        self.outputPath = outputPath
        stdout = FDWriter(fd: 1)
        if let outputPath {
            let dir = (outputPath as NSString).deletingLastPathComponent
            let base = (outputPath as NSString).lastPathComponent
            let tmp = (dir.isEmpty ? "" : dir + "/") + ".\(base).lectern-\(getpid()).tmp"
            let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else {
                throw InputError(description: "\(outputPath): cannot write the output file: \(String(cString: strerror(errno)).lowercased())")
            }
            tempPath = tmp
            records = FDWriter(fd: fd)
        } else {
            tempPath = nil
            records = stdout
        }
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
    /// (or, when `keep` is false, saves it beside as FILE.partial).
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
        if let tempPath, let outputPath {
            Foundation.close(records.fd)
            let target = complete ? outputPath : outputPath + ".partial"
            if rename(tempPath, target) != 0 {
                problem = "\(target): cannot move the output into place: \(String(cString: strerror(errno)))"
                unlink(tempPath)
            } else if !complete {
                warn("the run did not finish: what was computed is in \(target); \(outputPath) was left as it was")
            }
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
