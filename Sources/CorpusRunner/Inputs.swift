// Finding and reading the corpus: paths walked lazily in sorted order, files
// read with a size cap, gzip inflated, JSON Lines split into articles. Every
// problem with one file becomes a one-line message naming it; the rest of the
// corpus goes on.
import Foundation
import CZlib

/// One unit of work: a file to read, or bytes already read (stdin, a JSONL line).
public struct WorkItem: Sendable {
    public enum Content: Sendable {
        case file(path: String)
        case bytes([UInt8], kind: InputKind?, fields: JSONLFields?)
        case problem(String)   // a file that could not even be listed or read
        case skipped(String)   // a WARC record that is not an article (why), counted in the summary
    }
    public var source: String
    public var content: Content
    /// Approximate size, for chunking.
    public var size: Int
}

public enum InputKind: String, Sendable { case text, html }

/// Fields of a JSON Lines record besides the page itself.
public struct JSONLFields: Sendable {
    public var url: String?
    public var title: String?
    public var author: String?
    public var published: String?
    /// WARC records: `WARC-Date` and `WARC-Record-ID`.
    public var fetched: String?
    public var recordID: String?
}

public struct InputError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

enum Inputs {
    static let articleExtensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson", "gz", "warc", "wet"]

    /// Whether a file found inside a directory is part of the corpus: known
    /// endings (also under .gz) or no ending at all; hidden files are skipped.
    static func isCorpusFile(_ name: String) -> Bool {
        if name.hasPrefix(".") { return false }
        var n = Substring(name)
        if n.hasSuffix(".gz") { n = n.dropLast(3) }
        guard let dot = n.lastIndex(of: ".") else { return true }
        let ext = n[n.index(after: dot)...].lowercased()
        return articleExtensions.contains(ext) && ext != "gz"
    }

    static func isJSONL(_ name: String) -> Bool {
        var n = name.lowercased()
        if n.hasSuffix(".gz") { n.removeLast(3) }
        return n.hasSuffix(".jsonl") || n.hasSuffix(".ndjson")
    }

    /// Walks `paths` in order (directories recursively, entries sorted by name)
    /// and calls `body` with each item; stops early when `body` returns false.
    static func walk(_ paths: [String], maxBytes: Int, expandJSONL: Bool = true, body: (WorkItem) -> Bool) {
        for p in paths {
            if p == "-" {
                let bytes = readAll(fd: 0, limit: maxBytes)
                switch bytes {
                case .success(let b):
                    if !emitBytes(b, source: "-", name: "-", body: body) { return }
                case .failure(let e):
                    if !body(WorkItem(source: "-", content: .problem("-: \(e.description)"), size: 0)) { return }
                }
                continue
            }
            var st = stat()
            guard stat(p, &st) == 0 else {
                var reason = String(cString: strerror(errno)).lowercased()
                if errno == ENOENT, p.contains("\u{FFFD}") {
                    // the argument's bytes were not UTF-8 and reached us repaired
                    reason = "the file name is not valid UTF-8 (or has U+FFFD); Lectern cannot open such a name: rename it"
                }
                if !body(WorkItem(source: p, content: .problem("\(p): \(reason)"), size: 0)) { return }
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                var ancestors: Set<[UInt64]> = [[UInt64(st.st_dev), UInt64(st.st_ino)]]
                if !walkDir(p, ancestors: &ancestors, maxBytes: maxBytes, expandJSONL: expandJSONL, body: body) { return }
            } else {
                if !fileItem(p, size: Int(st.st_size), maxBytes: maxBytes, expandJSONL: expandJSONL, body: body) { return }
            }
        }
    }

    private static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    private static func walkDir(_ dir: String, ancestors: inout Set<[UInt64]>, maxBytes: Int,
                                expandJSONL: Bool, body: (WorkItem) -> Bool) -> Bool {
        guard let d = opendir(dir) else {
            let reason = String(cString: strerror(errno)).lowercased()
            return body(WorkItem(source: dir, content: .problem("\(dir): cannot read the directory: \(reason)"), size: 0))
        }
        var names: [String] = []
        var badNames: [String] = []
        while let e = readdir(d) {
            // The name in place, up to its NUL: glibc packs entries by the name's
            // length, so copying the declared 256-byte d_name can read past the
            // directory's buffer (a crash on large directories, now and then).
            let at = UnsafeRawPointer(e).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
                .assumingMemoryBound(to: UInt8.self)
            let raw = Array(UnsafeBufferPointer(start: at, count: strlen(UnsafeRawPointer(at).assumingMemoryBound(to: CChar.self))))
            guard let name = String(validating: raw, as: UTF8.self) else {
                // a String cannot name it: say so rather than "no such file"
                if raw.first != UInt8(ascii: ".") { badNames.append(nonUTF8Name(raw)) }
                continue
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(d)
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for shown in badNames.sorted() {
            let path = join(dir, shown)
            if !body(WorkItem(source: path, content: .problem("\(path): the file name is not valid UTF-8 (shown with \\x escapes); skipped: rename it to read it"), size: 0)) { return false }
        }
        for name in names {
            let path = join(dir, name)
            var st = stat()
            guard stat(path, &st) == 0 else {
                var lst = stat()
                let dangling = lstat(path, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK
                let reason = dangling ? "broken symbolic link" : String(cString: strerror(errno)).lowercased()
                if !body(WorkItem(source: path, content: .problem("\(path): \(reason)"), size: 0)) { return false }
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let key = [UInt64(st.st_dev), UInt64(st.st_ino)]
                if ancestors.contains(key) {
                    if !body(WorkItem(source: path, content: .problem("\(path): symbolic link loop (a directory inside itself); skipped"), size: 0)) { return false }
                    continue
                }
                ancestors.insert(key)
                let go = walkDir(path, ancestors: &ancestors, maxBytes: maxBytes, expandJSONL: expandJSONL, body: body)
                ancestors.remove(key)
                if !go { return false }
            } else if (st.st_mode & S_IFMT) == S_IFREG, isCorpusFile(name) {
                if !fileItem(path, size: Int(st.st_size), maxBytes: maxBytes, expandJSONL: expandJSONL, body: body) { return false }
            }
        }
        return true
    }

    /// A name that is not UTF-8, with each byte that is not part of a valid
    /// sequence shown as \\xNN.
    static func nonUTF8Name(_ raw: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < raw.count {
            // the longest valid prefix from i (at most 4 bytes a character)
            var taken = false
            for len in stride(from: min(4, raw.count - i), through: 1, by: -1) {
                if let c = String(validating: raw[i..<i + len], as: UTF8.self), c.unicodeScalars.count == 1 {
                    out += c; i += len; taken = true; break
                }
            }
            if !taken { out += "\\x" + String(raw[i], radix: 16); i += 1 }
        }
        return out
    }

    /// Opens a file to read without blocking in open() on a FIFO that has no
    /// writer. Then blocking again: a FIFO without writers reads as empty at
    /// once (read gives 0), one with a writer is read to its end.
    /// Returns the descriptor, or -1 with errno set.
    static func openForReading(_ path: String) -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return -1 }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    private static func fileItem(_ path: String, size: Int, maxBytes: Int, expandJSONL: Bool,
                                 body: (WorkItem) -> Bool) -> Bool {
        if expandJSONL, WARCInput.isWARC(path) { return WARCInput.walk(path, maxBytes: maxBytes, body: body) }
        guard expandJSONL, isJSONL(path) else {
            return body(WorkItem(source: path, content: .file(path: path), size: size))
        }
        // JSON Lines: one article per line, split here (streaming, gzip or not)
        // so that workers share them and memory stays flat.
        let fd = openForReading(path)
        guard fd >= 0, let gz = gzdopen(fd, "rb") else {
            if fd >= 0 { close(fd) }
            let reason = String(cString: strerror(errno)).lowercased()
            return body(WorkItem(source: path, content: .problem("\(path): \(reason)"), size: 0))
        }
        defer { gzclose(gz) }
        var lineNo = 0
        var pending: [UInt8] = []
        var tooLong = false
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        func emitLine(_ line: ArraySlice<UInt8>) -> Bool {
            lineNo += 1
            let source = "\(path):\(lineNo)"
            if tooLong {
                tooLong = false
                return body(WorkItem(source: source, content: .problem("\(source): the line is over --max-bytes (\(sizeText(maxBytes))); skipped"), size: 0))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return true }
            return body(jsonlItem(Array(line), source: source))
        }
        while true {
            let n = buf.withUnsafeMutableBytes { gzread(gz, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                return body(WorkItem(source: path, content: .problem("\(path): corrupt or truncated gzip data after line \(lineNo)"), size: 0))
            }
            if n == 0 { break }
            var start = 0
            let chunk = buf[0..<Int(n)]
            while let nl = chunk[start...].firstIndex(of: 0x0A) {
                let ok: Bool
                if pending.isEmpty {
                    ok = emitLine(chunk[start..<nl])
                } else {
                    pending.append(contentsOf: chunk[start..<nl])
                    ok = emitLine(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                if !ok { return false }
                start = nl + 1
            }
            if !tooLong { pending.append(contentsOf: chunk[start...]) }
            if pending.count > maxBytes { tooLong = true; pending.removeAll() }
        }
        if !pending.isEmpty || tooLong { return emitLine(pending[...]) }
        return true
    }

    /// How many articles the paths hold, counting without reading (for the
    /// progress line's ETA); nil when JSON Lines or WARC files make it unknown.
    static func count(_ paths: [String], stop: () -> Bool) -> Int? {
        var n = 0
        var known = true
        walk(paths, maxBytes: Int.max, expandJSONL: false) { item in
            if case .file(let path) = item.content, isJSONL(path) || WARCInput.isWARC(path) { known = false; return false }
            n += 1
            return !stop()
        }
        return known ? n : nil
    }

    static func jsonlItem(_ line: [UInt8], source: String) -> WorkItem {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            return WorkItem(source: source, content: .problem("\(source): not a JSON object (JSON Lines need one object per line)"), size: 0)
        }
        func str(_ keys: String...) -> String? {
            for k in keys { if let s = obj[k] as? String, !s.isEmpty { return s } }
            return nil
        }
        let fields = JSONLFields(url: str("url", "link"), title: str("title", "headline"),
                                 author: str("author", "byline"), published: str("published", "date", "date_published", "datePublished"))
        if let html = str("html", "raw_html") {
            return WorkItem(source: source, content: .bytes(Array(html.utf8), kind: .html, fields: fields), size: line.count)
        }
        if let text = str("text", "body", "content") {
            return WorkItem(source: source, content: .bytes(Array(text.utf8), kind: .text, fields: fields), size: line.count)
        }
        return WorkItem(source: source, content: .problem("\(source): the JSON object has no \"html\" or \"text\" field"), size: 0)
    }

    private static func emitBytes(_ b: [UInt8], source: String, name: String, body: (WorkItem) -> Bool) -> Bool {
        body(WorkItem(source: source, content: .bytes(b, kind: nil, fields: nil), size: b.count))
    }

    // MARK: reading

    static func sizeText(_ n: Int) -> String {
        if n >= 1 << 20 { return "\(n >> 20) MB" }
        if n >= 1 << 10 { return "\(n >> 10) KB" }
        return "\(n) bytes"
    }

    /// Reads a whole file; refuses one over `maxBytes` without reading it.
    static func readFile(_ path: String, maxBytes: Int) -> Result<[UInt8], InputError> {
        let fd = openForReading(path)
        guard fd >= 0 else {
            return .failure(InputError(description: String(cString: strerror(errno)).lowercased()))
        }
        defer { close(fd) }
        var st = stat()
        var expected = 0
        if fstat(fd, &st) == 0 {
            if Int(st.st_size) > maxBytes {
                return .failure(InputError(description: "\(sizeText(Int(st.st_size))) is over --max-bytes (\(sizeText(maxBytes))); skipped"))
            }
            expected = Int(st.st_size)
        }
        return readAll(fd: fd, limit: maxBytes, expected: expected)
    }

    /// Reads to the end; with the expected size known, straight into one buffer.
    static func readAll(fd: Int32, limit: Int, expected: Int = 0) -> Result<[UInt8], InputError> {
        var out = [UInt8](repeating: 0, count: max(expected + 1, 1 << 16))
        var used = 0
        while true {
            if used == out.count {
                if out.count > limit { break }
                out.append(contentsOf: repeatElement(0, count: out.count))
            }
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(InputError(description: String(cString: strerror(errno)).lowercased()))
            }
            if n == 0 { break }
            used += n
        }
        if used > limit {
            return .failure(InputError(description: "over --max-bytes (\(sizeText(limit))); skipped"))
        }
        out.removeSubrange(used...)
        return .success(out)
    }

    /// Inflates gzip (or zlib) data; refuses output over `limit`. The output is
    /// sized from the gzip trailer (the length modulo 4 GB) and grown if needed.
    static func gunzip(_ input: [UInt8], limit: Int) -> Result<[UInt8], InputError> {
        var strm = z_stream()
        guard inflateInit2_(&strm, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(InputError(description: "cannot start gzip decompression"))
        }
        defer { inflateEnd(&strm) }
        var guess = input.count * 4
        if input.count >= 18 {
            let n = input.count
            let isize = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            if isize > 0 && isize <= limit { guess = isize }
        }
        var out = [UInt8](repeating: 0, count: min(max(guess, 1 << 12), limit) + 1)
        var produced = 0
        var status: Int32 = Z_OK
        input.withUnsafeBufferPointer { inp in
            strm.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            strm.avail_in = UInt32(inp.count)
            while true {
                if produced == out.count {
                    if out.count > limit { break }
                    out.append(contentsOf: repeatElement(0, count: min(out.count, limit + 1 - out.count + 1)))
                }
                out.withUnsafeMutableBufferPointer { o in
                    strm.next_out = o.baseAddress! + produced
                    strm.avail_out = UInt32(o.count - produced)
                    status = inflate(&strm, Z_NO_FLUSH)
                    produced = o.count - Int(strm.avail_out)
                }
                if status == Z_STREAM_END && strm.avail_in > 0 {
                    inflateReset(&strm)  // concatenated gzip members
                    status = Z_OK
                    continue
                }
                if status != Z_OK { break }
                if strm.avail_in == 0 && produced < out.count { break }
            }
        }
        if produced > limit {
            return .failure(InputError(description: "decompresses to over --max-bytes (\(sizeText(limit))); skipped"))
        }
        guard status == Z_STREAM_END else {
            let msg = status == Z_BUF_ERROR || status == Z_OK ? "truncated gzip data" : "corrupt gzip data"
            return .failure(InputError(description: msg))
        }
        out.removeSubrange(produced...)
        return .success(out)
    }

    static func isGzip(_ b: [UInt8]) -> Bool { b.count >= 2 && b[0] == 0x1F && b[1] == 0x8B }

    /// Sniffs HTML: after a BOM and white space, a tag that starts a page.
    static func looksLikeHTML(_ b: [UInt8]) -> Bool {
        var i = 0
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "<") else { return false }
        let head = String(decoding: b[i..<min(b.count, i + 1024)], as: UTF8.self).lowercased()
        for marker in ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--", "<div", "<article", "<title", "<p>", "<?xml"] {
            if head.hasPrefix(marker) { return true }
        }
        return head.contains("<html") || head.contains("<body")
    }
}
