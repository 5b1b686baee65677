// Partial runs and their merge (docs/SCALE.md): `lectern run --partial FILE`
// runs everything but `finish` and writes FILE, a part; `lectern merge` folds
// parts in the order given and runs `finish`, so that cutting a corpus into
// parts (Spark tasks, Slurm array jobs, xargs -P) gives what one run gives.
//
// A part is JSON Lines: a header, then the part's output items and messages in
// order, then one `end` line with the merged `state` of the part, the state
// after setup it started from, and the counts. Values are tagged (["i","3"],
// ["d","0.5"], ["t",[list],[[key,value]...]]) because plain JSON loses ints
// against doubles, integer keys against the list part, and inf/NaN.
import Foundation
import ArticleModel
import LuaHost

/// The version of the part format; a reader refuses any other.
public let partialFormatVersion = 1

public struct PartError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// What a part says about how it was made.
public struct PartHeader: Sendable {
    public var version: String
    public var scripts: [(path: String, sha256: String)]
    public var args: [(key: String, value: String)]
    public var rules: [String]          // sha256 of each --rules file's text
    public var maxBytes: Int
    public var inputs: [String]
}

/// What `merge` reads: the parts, checked, and the state after setup they started from (encoded).
public struct MergeInput: Sendable {
    public var paths: [String]
    var bases: [String]
}

/// The part's `end` line.
struct PartTrailer {
    var complete = true
    var checkFailed = false
    var articles = 0, failedArticles = 0, problems = 0, missing = 0, seen = 0, stateFailures = 0
    var noBody = 0                          // articles with no paragraph (optional in the end line)
    var items = 0
    var reasons: [String: Int] = [:]
    var warcSkipped: [String: Int] = [:]   // WARC records skipped, by reason (the summary line)
    var states: [StateValue] = []
    var bases: [StateValue] = []
    var globals: [[String]] = []
    var locals: [[String]] = []
}

// MARK: - Tagged values

enum PartCodec {
    static func encode(_ v: StateValue, into out: inout String) {
        switch v {
        case .int(let i): out += "[\"i\",\"\(i)\"]"
        case .double(let d): out += "[\"d\",\"\(text(d))\"]"
        case .string(let s): out += "[\"s\","; JSONWriter.escape(s, into: &out); out += "]"
        case .bool(let b): out += b ? "[\"b\",true]" : "[\"b\",false]"
        case .table(let list, let map):
            out += "[\"t\",["
            for (i, x) in list.enumerated() { if i > 0 { out += "," }; encode(x, into: &out) }
            out += "],["
            for (i, k) in map.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                out += "["; encode(key: k, into: &out); out += ","; encode(map[k]!, into: &out); out += "]"
            }
            out += "]]"
        }
    }

    static func encode(key k: StateKey, into out: inout String) {
        switch k {
        case .int(let i): encode(.int(i), into: &out)
        case .double(let d): encode(.double(d), into: &out)
        case .string(let s): encode(.string(s), into: &out)
        case .bool(let b): encode(.bool(b), into: &out)
        }
    }

    /// Shortest round-trip digits; a NaN as its bits (Lua prints -nan and nan apart).
    static func text(_ d: Double) -> String {
        d.isNaN ? "0x" + String(d.bitPattern, radix: 16) : "\(d)"
    }
    static func double(_ s: String) -> Double? {
        if s.hasPrefix("0x") { return UInt64(s.dropFirst(2), radix: 16).map { Double(bitPattern: $0) } }
        return Double(s)
    }

    static func encoded(_ v: StateValue) -> String { var s = ""; encode(v, into: &s); return s }

    static func encode(_ r: Record, into out: inout String) {
        out += "["
        for (i, f) in r.fields.enumerated() {
            if i > 0 { out += "," }
            out += "["; JSONWriter.escape(f.key, into: &out); out += ","
            switch f.value {
            case .string(let s): out += "[\"s\","; JSONWriter.escape(s, into: &out); out += "]"
            case .int(let n): out += "[\"i\",\"\(n)\"]"
            case .double(let d): out += "[\"d\",\"\(text(d))\"]"
            case .bool(let b): out += b ? "[\"b\",true]" : "[\"b\",false]"
            case .json(let j): out += "[\"j\","; JSONWriter.escape(j, into: &out); out += "]"
            }
            out += "]"
        }
        out += "]"
    }

    struct Bad: Error {}

    static func decode(_ x: Any) throws(Bad) -> StateValue {
        guard let a = x as? [Any], let tag = a.first as? String, a.count >= 2 else { throw Bad() }
        switch tag {
        case "i": guard let s = a[1] as? String, let i = Int64(s) else { throw Bad() }; return .int(i)
        case "d": guard let s = a[1] as? String, let d = double(s) else { throw Bad() }; return .double(d)
        case "s": guard let s = a[1] as? String else { throw Bad() }; return .string(s)
        case "b": guard let b = a[1] as? Bool else { throw Bad() }; return .bool(b)
        case "t":
            guard a.count == 3, let l = a[1] as? [Any], let m = a[2] as? [Any] else { throw Bad() }
            var list: [StateValue] = []
            for item in l { list.append(try decode(item)) }
            var map: [StateKey: StateValue] = [:]
            for pair in m {
                guard let p = pair as? [Any], p.count == 2 else { throw Bad() }
                let key: StateKey
                switch try decode(p[0]) {
                case .int(let i): key = .int(i)
                case .double(let d): key = .double(d)
                case .string(let s): key = .string(s)
                case .bool(let b): key = .bool(b)
                case .table: throw Bad()
                }
                map[key] = try decode(p[1])
            }
            return .table(list: list, map: map)
        default: throw Bad()
        }
    }

    static func decodeRecord(_ x: Any) throws(Bad) -> Record {
        guard let fields = x as? [Any] else { throw Bad() }
        var out: [(key: String, value: RecordValue)] = []
        for f in fields {
            guard let p = f as? [Any], p.count == 2, let key = p[0] as? String,
                  let v = p[1] as? [Any], v.count == 2, let tag = v[0] as? String else { throw Bad() }
            let value: RecordValue
            switch (tag, v[1]) {
            case ("s", let s as String): value = .string(s)
            case ("j", let s as String): value = .json(s)
            case ("i", let s as String): guard let i = Int64(s) else { throw Bad() }; value = .int(i)
            case ("d", let s as String): guard let d = double(s) else { throw Bad() }; value = .double(d)
            case ("b", let b as Bool): value = .bool(b)
            default: throw Bad()
            }
            out.append((key, value))
        }
        return Record(fields: out)
    }
}

// MARK: - Writing a part

/// Streams a part to a temporary file beside FILE; renamed into place only
/// when the part is whole, so a failed or interrupted run leaves no part.
final class PartialWriter: @unchecked Sendable {
    let path: String
    let tempPath: String
    private let out: FDWriter
    private let lock = NSLock()
    private var items = 0
    private var isOpen = true

    init(path: String, config: RunConfig) throws(InputError) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        tempPath = (dir.isEmpty ? "" : dir + "/") + ".\((path as NSString).lastPathComponent).lectern-\(getpid()).tmp"
        let fd = open(tempPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw InputError(description: "\(path): cannot write the part file: \(String(cString: strerror(errno)).lowercased())")
        }
        out = FDWriter(fd: fd)
        var line = "{\"lectern_partial\":\(partialFormatVersion),\"version\":"
        JSONWriter.escape(lecternVersion, into: &line)
        line += ",\"scripts\":["
        for (i, s) in config.scripts.enumerated() {
            let bytes = FileManager.default.contents(atPath: s).map { [UInt8]($0) } ?? []
            line += (i > 0 ? "," : "") + "{\"path\":"
            JSONWriter.escape(s, into: &line)
            line += ",\"sha256\":\"\(SHA256.hex(bytes))\"}"
        }
        line += "],\"args\":["
        for (i, a) in config.args.enumerated() {
            line += i > 0 ? ",[" : "["
            JSONWriter.escape(a.key, into: &line); line += ","; JSONWriter.escape(a.value, into: &line); line += "]"
        }
        line += "],\"rules\":[" + config.ruleFiles.map { "\"\(SHA256.hex(Array($0.text.utf8)))\"" }.joined(separator: ",")
        line += "],\"max_bytes\":\(config.maxBytes),\"inputs\":["
        for (i, p) in config.paths.enumerated() { if i > 0 { line += "," }; JSONWriter.escape(p, into: &line) }
        out.write(line + "]}\n")
    }

    func add(_ list: [OutputItem]) {
        lock.lock(); defer { lock.unlock() }
        for item in list {
            var line: String
            switch item {
            case .text(let s): line = "{\"print\":"; JSONWriter.escape(s, into: &line)
            case .record(let r):
                line = "{\"record\":"; PartCodec.encode(r, into: &line)
                // emit_to's name and the writing script, beside the fields
                if let o = r.output { line += ",\"output\":"; JSONWriter.escape(o, into: &line) }
                if let sc = r.script { line += ",\"script\":"; JSONWriter.escape(sc, into: &line) }
            }
            out.write(line + "}\n")
            items += 1
        }
    }

    /// A warning or failure of the run, given again on standard error by `merge`.
    func message(_ s: String) {
        lock.lock(); defer { lock.unlock() }
        guard isOpen else { return }
        var line = "{\"message\":"
        JSONWriter.escape(s, into: &line)
        out.write(line + "}\n")
        items += 1
    }

    /// Writes the end line and puts the part in place; a message on failure.
    func finish(_ t: PartTrailer) -> String? {
        lock.lock(); defer { lock.unlock() }
        var line = "{\"end\":{\"complete\":\(t.complete),\"check_failed\":\(t.checkFailed),\"articles\":\(t.articles),\"failed\":\(t.failedArticles),\"skipped\":\(t.problems),\"missing\":\(t.missing),\"seen\":\(t.seen),\"state_failures\":\(t.stateFailures),\"no_body\":\(t.noBody),\"items\":\(items),\"reasons\":{"
        line += t.reasons.keys.sorted().map { k in var s = ""; JSONWriter.escape(k, into: &s); return s + ":\(t.reasons[k]!)" }.joined(separator: ",")
        line += "},\"warc_skipped\":{" + t.warcSkipped.keys.sorted().map { k in var s = ""; JSONWriter.escape(k, into: &s); return s + ":\(t.warcSkipped[k]!)" }.joined(separator: ",")
        line += "},\"states\":[" + t.states.map(PartCodec.encoded).joined(separator: ",")
        line += "],\"bases\":[" + t.bases.map(PartCodec.encoded).joined(separator: ",")
        func lists(_ l: [[String]]) -> String {
            "[" + l.map { "[" + $0.map { var s = ""; JSONWriter.escape($0, into: &s); return s }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        }
        line += "],\"globals\":" + lists(t.globals) + ",\"locals\":" + lists(t.locals) + "}}\n"
        out.write(line)
        out.flush()
        isOpen = false
        let failed = out.failed
        close(out.fd)
        if let failed { unlink(tempPath); return "\(path): cannot write the part file: \(failed.lowercased())" }
        if rename(tempPath, path) != 0 {
            let e = String(cString: strerror(errno)).lowercased()
            unlink(tempPath)
            return "\(path): cannot write the part file: \(e)"
        }
        return nil
    }

    /// The run did not finish: no part.
    func discard() {
        lock.lock(); defer { lock.unlock() }
        guard isOpen else { return }
        isOpen = false
        close(out.fd)
        unlink(tempPath)
    }
}

// MARK: - Reading parts

/// One line of a part after the header.
enum PartLine {
    case item(OutputItem)
    case message(String)
    case end(PartTrailer)
}

public enum PartReader {
    /// Calls `body` with the header, then every line in order; checks that the
    /// file is whole (an `end` line last, as many items as it counts).
    static func read(_ path: String, header: (PartHeader) throws(PartError) -> Void,
                     line body: (PartLine) throws(PartError) -> Void) throws(PartError) {
        guard let fh = FileHandle(forReadingAtPath: path) else {
            throw PartError(description: "\(path): cannot read the part file")
        }
        defer { try? fh.close() }
        var buffer = Data()
        var number = 0
        var items = 0
        var ended = false
        func handle(_ data: Data) throws(PartError) {
            number += 1
            if ended { throw PartError(description: "\(path): corrupt part file: line \(number) follows the end line") }
            guard let obj = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                if number == 1 { throw PartError(description: "\(path): not a part file (lectern run --partial writes them)") }
                throw PartError(description: "\(path): corrupt part file: line \(number) is not JSON")
            }
            if number == 1 {
                try header(try parseHeader(obj, path))
                return
            }
            do {
                if let t = obj["print"] as? String {
                    items += 1; try body(.item(.text(t)))
                } else if let r = obj["record"] {
                    var record = try PartCodec.decodeRecord(r)
                    record.output = obj["output"] as? String
                    record.script = obj["script"] as? String
                    items += 1; try body(.item(.record(record)))
                } else if let m = obj["message"] as? String {
                    items += 1; try body(.message(m))
                } else if let e = obj["end"] as? [String: Any] {
                    let t = try parseTrailer(e)
                    guard t.items == items else {
                        throw PartError(description: "\(path): corrupt part file: the end line counts \(t.items) items, the file has \(items)")
                    }
                    ended = true
                    try body(.end(t))
                } else {
                    throw PartCodec.Bad()
                }
            } catch let e as PartError {
                throw e
            } catch {
                throw PartError(description: "\(path): corrupt part file: line \(number) is not a part line")
            }
        }
        while true {
            let more = fh.readData(ofLength: 1 << 20)
            buffer.append(more)
            while let nl = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<nl]
                try handle(Data(line))
                buffer.removeSubrange(buffer.startIndex...nl)
            }
            if more.isEmpty { break }
        }
        if !buffer.isEmpty { try handle(buffer) }
        if number == 0 { throw PartError(description: "\(path): empty file, not a part") }
        if !ended {
            throw PartError(description: "\(path): truncated part file: it has no end line (the run that wrote it did not finish, or the copy was cut)")
        }
    }

    static func parseHeader(_ o: [String: Any], _ path: String) throws(PartError) -> PartHeader {
        guard let format = (o["lectern_partial"] as? NSNumber)?.intValue else {
            throw PartError(description: "\(path): not a part file (lectern run --partial writes them)")
        }
        guard format == partialFormatVersion else {
            throw PartError(description: "\(path): part format \(format); this Lectern reads format \(partialFormatVersion)")
        }
        guard let version = o["version"] as? String, let scripts = o["scripts"] as? [[String: Any]],
              let args = o["args"] as? [[String]], let rules = o["rules"] as? [String],
              let maxBytes = (o["max_bytes"] as? NSNumber)?.intValue, let inputs = o["inputs"] as? [String] else {
            throw PartError(description: "\(path): corrupt part file: the header line is incomplete")
        }
        var s: [(String, String)] = []
        for x in scripts {
            guard let p = x["path"] as? String, let h = x["sha256"] as? String else {
                throw PartError(description: "\(path): corrupt part file: the header line is incomplete")
            }
            s.append((p, h))
        }
        return PartHeader(version: version, scripts: s, args: args.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil },
                          rules: rules, maxBytes: maxBytes, inputs: inputs)
    }

    static func parseTrailer(_ e: [String: Any]) throws -> PartTrailer {
        func int(_ k: String) throws -> Int {
            guard let n = (e[k] as? NSNumber)?.intValue else { throw PartCodec.Bad() }
            return n
        }
        var t = PartTrailer()
        guard let complete = e["complete"] as? Bool, let check = e["check_failed"] as? Bool,
              let reasons = e["reasons"] as? [String: Any], let states = e["states"] as? [Any],
              let bases = e["bases"] as? [Any], let globals = e["globals"] as? [[String]],
              let locals = e["locals"] as? [[String]] else { throw PartCodec.Bad() }
        t.complete = complete
        t.checkFailed = check
        t.articles = try int("articles"); t.failedArticles = try int("failed"); t.problems = try int("skipped")
        t.missing = try int("missing"); t.seen = try int("seen"); t.stateFailures = try int("state_failures")
        t.items = try int("items")
        // (Parts written before the field have none.)
        if let v = e["no_body"] { guard let n = (v as? NSNumber)?.intValue else { throw PartCodec.Bad() }; t.noBody = n }
        for (k, v) in reasons { guard let n = (v as? NSNumber)?.intValue else { throw PartCodec.Bad() }; t.reasons[k] = n }
        for (k, v) in (e["warc_skipped"] as? [String: Any]) ?? [:] {
            guard let n = (v as? NSNumber)?.intValue else { throw PartCodec.Bad() }
            t.warcSkipped[k] = n
        }
        t.states = try states.map { x throws in try PartCodec.decode(x) }
        t.bases = try bases.map { x throws in try PartCodec.decode(x) }
        t.globals = globals
        t.locals = locals
        return t
    }

    /// Checks every part (whole, readable, made by these scripts with this
    /// Lectern, all with the same options) before anything is written; returns
    /// the first part's header, whose --arg values `merge` runs setup with.
    public static func check(parts: [String], scripts: [String]) -> Result<(header: PartHeader, input: MergeInput), PartError> {
        var digests: [String] = []
        for s in scripts {
            guard let d = FileManager.default.contents(atPath: s) else {
                return .failure(PartError(description: "\(s): cannot read the script"))
            }
            digests.append(SHA256.hex([UInt8](d)))
        }
        var first: (path: String, header: PartHeader)? = nil
        var bases: [String]? = nil
        for part in parts {
            do throws(PartError) {
                try read(part, header: { h throws(PartError) in
                    try compare(h, part: part, scripts: scripts, digests: digests, first: first)
                    if first == nil { first = (part, h) }
                }, line: { line throws(PartError) in
                    guard case .end(let t) = line else { return }
                    let b = t.bases.map(PartCodec.encoded)
                    guard t.states.count == scripts.count, t.bases.count == scripts.count else {
                        throw PartError(description: "\(part): corrupt part file: the end line has \(t.states.count) states for \(scripts.count) scripts")
                    }
                    if let bases, bases != b, let f = first {
                        throw PartError(description: "\(part): setup left another state than in \(f.path): the parts are of different runs (or setup depends on the time, the machine or files that change)")
                    }
                    bases = b
                })
            } catch {
                return .failure(error)
            }
        }
        guard let first, let bases else { return .failure(PartError(description: "no part files given")) }
        return .success((first.header, MergeInput(paths: parts, bases: bases)))
    }

    static func compare(_ h: PartHeader, part: String, scripts: [String], digests: [String],
                        first: (path: String, header: PartHeader)?) throws(PartError) {
        guard h.version == lecternVersion else {
            throw PartError(description: "\(part): made by Lectern \(h.version); this is Lectern \(lecternVersion): make the parts again with this version")
        }
        guard h.scripts.count == scripts.count else {
            throw PartError(description: "\(part): made with \(h.scripts.count) script\(h.scripts.count == 1 ? "" : "s") (\(h.scripts.map(\.path).joined(separator: ", "))), merge was given \(scripts.count) (\(scripts.joined(separator: ", ")))")
        }
        for (i, s) in h.scripts.enumerated() where s.sha256 != digests[i] {
            throw PartError(description: "\(part): made by another script: \(scripts[i]) has sha256 \(digests[i].prefix(12)), the part's \(s.path) had \(s.sha256.prefix(12)) (edited since, or another file)")
        }
        guard let first else { return }
        let a = h.args.map { "\($0.key)=\($0.value)" }, b = first.header.args.map { "\($0.key)=\($0.value)" }
        if a != b {
            throw PartError(description: "\(part): made with --arg \(a.isEmpty ? "(none)" : a.joined(separator: " ")), but \(first.path) with --arg \(b.isEmpty ? "(none)" : b.joined(separator: " ")): the parts are of different runs")
        }
        if h.rules != first.header.rules || h.maxBytes != first.header.maxBytes {
            throw PartError(description: "\(part): made with other --rules or --max-bytes than \(first.path): the parts are of different runs")
        }
    }
}

// MARK: - The runner's side

extension Runner {
    /// `merge`: stands in for `process` (no workers, no articles): writes the
    /// parts' output in order and folds their states into the total.
    func mergeParts(_ parts: MergeInput, initialStates: [StateValue], plans: [MergePlan],
                    setupOutput: [OutputItem], sink: RecordSink) -> Outcome {
        var outcome = Outcome()
        outcome.merged = initialStates
        outcome.changedGlobals = Array(repeating: [], count: initialStates.count)
        outcome.changedLocals = Array(repeating: [], count: initialStates.count)
        // A part folds in as one chunk that started from the state after setup: that state must be the same.
        guard parts.bases == initialStates.map(PartCodec.encoded) else {
            outcome.refused = "\(parts.paths[0]): setup gives another state now than when the parts were made (setup must not depend on the time, the machine or files that change)"
            return outcome
        }
        write(setupOutput, to: sink)
        for part in parts.paths {
            do throws(PartError) {
                try PartReader.read(part, header: { _ in }, line: { line throws(PartError) in
                    switch line {
                    case .item(let item): write([item], to: sink)
                    case .message(let m): warn(m)
                    case .end(let t): fold(t, into: &outcome, initialStates: initialStates, plans: plans)
                    }
                })
            } catch {
                // Checked before anything was written; changed since.
                outcome.refused = error.description
                return outcome
            }
            sink.flush()
            if outcome.stoppedEarly { break }
        }
        return outcome
    }

    private func fold(_ t: PartTrailer, into outcome: inout Outcome, initialStates: [StateValue], plans: [MergePlan]) {
        outcome.articles += t.articles
        outcome.failedArticles += t.failedArticles
        outcome.noBody += t.noBody
        outcome.problems += t.problems
        outcome.missing += t.missing
        outcome.seenItems += t.seen
        outcome.stateFailures += t.stateFailures
        for (k, v) in t.reasons { outcome.reasons[k, default: 0] += v }
        for (k, v) in t.warcSkipped { skippedRecords.add(k, v) }
        fold(states: t.states.map { .success($0) }, into: &outcome, initial: initialStates, plans: plans)
        // (the parts' messages already carry the warnings for changed locals)
        _ = addChanged(globals: t.globals, locals: t.locals, to: &outcome)
        if !t.complete {
            // The part stopped early (--fail-fast, the self-check): so does the merge, as one run would.
            outcome.stoppedEarly = true
            outcome.checkFailed = t.checkFailed
        }
    }

    /// `run --partial`: the end line instead of `finish`; a message when the part cannot be written.
    func finishPartial(_ w: PartialWriter, _ outcome: Outcome, initialStates: [StateValue]) -> String? {
        if outcome.interrupted { w.discard(); return nil }
        var t = PartTrailer()
        t.complete = !outcome.stoppedEarly
        t.checkFailed = outcome.checkFailed
        t.articles = outcome.articles; t.failedArticles = outcome.failedArticles; t.problems = outcome.problems
        t.noBody = outcome.noBody
        t.missing = outcome.missing; t.seen = outcome.seenItems; t.stateFailures = outcome.stateFailures
        t.reasons = outcome.reasons
        t.warcSkipped = skippedRecords.all
        t.states = outcome.merged
        t.bases = initialStates
        t.globals = outcome.changedGlobals
        t.locals = outcome.changedLocals
        return w.finish(t)
    }
}

// MARK: - Listing the corpus

/// `lectern inputs`: the files (or problems) a run over `paths` reads, in its
/// order, with their sizes: what a driver cuts into parts (docs/SCALE.md).
public func corpusFiles(_ paths: [String], body: (_ path: String, _ size: Int) -> Void) {
    Inputs.walk(paths, maxBytes: Int.max, expandJSONL: false) { item in
        body(item.source, item.size)
        return true
    }
}

extension RecordSink {
    /// A refused merge: nothing was written, and nothing is left behind (no FILE.partial, no "[]").
    func discard() {
        for name in named.keys.sorted() { named[name]!.discard() }
        if let tempPath {
            Foundation.close(records.fd)
            unlink(tempPath)
        }
    }
}
