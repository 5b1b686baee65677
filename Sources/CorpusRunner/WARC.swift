// WARC and WET files (ISO 28500, what web archives and Common Crawl publish):
// read record by record with bounded memory, each useful record handed on as
// one WorkItem whose source is FILE#OFFSET.
//
// A file is a series of "segments": the whole file when it is not compressed,
// each gzip member when it is. A record must end inside the segment where it
// starts (the format asks for one gzip member per record, and a file gzipped
// whole is one member), so a damaged member costs only its own records: the
// reader goes on at the next member, or, inside a segment, at the next line
// that starts with "WARC/1.".
import Foundation
import CZlib
import ArticleModel

/// Reads the records of one WARC file, one at a time.
final class WARCReader {
    struct Record {
        /// Where the record starts: the byte offset in the file, or for a
        /// record inside a gzip member that holds several, "MEMBER+INNER".
        var offset: String
        /// Header names lowercased; the first occurrence of a name wins.
        var headers: [String: String]
        var block: [UInt8]
    }
    enum Event {
        case record(Record)
        /// A damaged part of the file: where it starts, and what is wrong.
        case problem(offset: String, message: String)
    }

    let maxBytes: Int
    private let fd: Int32
    private let compressed: Bool

    // Raw bytes of the file (compressed or not), read in blocks.
    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var rawStart = 0, rawEnd = 0
    private var rawFileOffset = 0         // file offset of raw[0]
    private var fileEOF = false

    // Bytes of the current segment (inflated when compressed).
    private var buf: [UInt8] = []
    private var pos = 0                   // next byte to parse in buf
    private var bufSegOffset = 0          // offset of buf[0] in the segment
    private var segStart = 0              // file offset where the segment starts
    private var segEnded = false          // the segment has no more bytes
    private var segError: String?         // why it ended early (bad gzip data)
    private var segErrorReported = false
    private var recordsInSegment = 0
    private var started = false
    private var strm = z_stream()
    private var out = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [Event] = []

    /// The most bytes the reader ever held at once (bounded by the largest
    /// record plus a block, whatever the size of the file).
    private(set) var peakBuffered = 0

    static let blockSize = 1 << 16
    private static let recordMagic = Array("WARC/1.".utf8)

    /// Opens `path`; gzip is recognised by its magic bytes, not the name.
    init(path: String, maxBytes: Int) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(description: String(cString: strerror(errno)).lowercased()) }
        self.fd = fd
        self.maxBytes = maxBytes
        var magic = [UInt8](repeating: 0, count: 2)
        let n = magic.withUnsafeMutableBytes { read(fd, $0.baseAddress, 2) }
        compressed = n == 2 && magic[0] == 0x1F && magic[1] == 0x8B
        lseek(fd, 0, SEEK_SET)
        if compressed {
            guard inflateInit2_(&strm, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                close(fd)
                throw InputError(description: "cannot start gzip decompression")
            }
        }
    }

    deinit {
        if compressed { inflateEnd(&strm) }
        close(fd)
    }

    // MARK: records

    /// The next record or problem, in file order; nil at the end of the file.
    func next() -> Event? {
        if !started {
            started = true
            if !startSegment(at: 0, scanning: false) { return pending.isEmpty ? nil : pending.removeFirst() }
        }
        while pending.isEmpty {
            if !parseRecord() {
                // The segment is done: report how it ended badly, then go on.
                if let e = segError, !segErrorReported {
                    // Between records: a member of one record is named by its own offset.
                    let at = recordsInSegment > 1 ? offsetText(bufSegOffset + pos) : String(segStart)
                    pending.append(.problem(offset: at, message: e))
                }
                guard nextSegment() else { break }
            }
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    private func offsetText(_ inner: Int) -> String {
        if !compressed { return String(inner) }
        return inner == 0 ? String(segStart) : "\(segStart)+\(inner)"
    }

    /// Makes at least `n` bytes available from `pos`; false when the segment ends first.
    private func ensure(_ n: Int) -> Bool {
        while buf.count - pos < n {
            if !fill() { return false }
        }
        return true
    }

    /// Drops parsed bytes from the front of the buffer.
    private func compact() {
        if pos >= WARCReader.blockSize {
            buf.removeSubrange(0..<pos)
            bufSegOffset += pos
            pos = 0
        }
    }

    /// Parses one record of the current segment into `pending`; false when
    /// the segment has nothing more.
    private func parseRecord() -> Bool {
        compact()
        // White space between records.
        while true {
            while pos < buf.count, [0x0D, 0x0A, 0x20, 0x09].contains(buf[pos]) { pos += 1 }
            if pos < buf.count { break }
            compact()
            if !fill() { return false }
        }
        let start = pos
        let startOffset = offsetText(bufSegOffset + start)
        let whole = ensure(WARCReader.recordMagic.count)
        let head = buf[start..<min(buf.count, start + WARCReader.recordMagic.count)]
        if !whole && WARCReader.recordMagic.starts(with: head) {
            return recordFailed(start, startOffset, truncatedMessage("in its header"))
        }
        if !head.elementsEqual(WARCReader.recordMagic) {
            let skipped = resync(from: start)
            pending.append(.problem(offset: startOffset, message: "\(skipped) byte\(skipped == 1 ? "" : "s") that are not a WARC record; skipped"))
            return true
        }
        // The header ends at the first empty line.
        var headerEnd = -1, blockStart = -1
        var scan = start
        while headerEnd < 0 {
            while scan < buf.count {
                if buf[scan] == 0x0A {
                    if scan + 1 < buf.count && buf[scan + 1] == 0x0A { headerEnd = scan; blockStart = scan + 2; break }
                    if scan + 2 < buf.count && buf[scan + 1] == 0x0D && buf[scan + 2] == 0x0A {
                        headerEnd = scan; blockStart = scan + 3; break
                    }
                    if scan + 2 >= buf.count && !segEnded { break }  // need more bytes to decide
                }
                scan += 1
            }
            if headerEnd >= 0 { break }
            if buf.count - start > 1 << 20 {
                return recordFailed(start, startOffset, "a WARC header over 1 MB (not a WARC record?); skipped")
            }
            if !fill() { return recordFailed(start, startOffset, truncatedMessage("in its header")) }
        }
        var headers: [String: String] = [:]
        for (name, value) in headerFields(buf[start..<headerEnd]) where headers[name] == nil { headers[name] = value }
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            return recordFailed(start, startOffset, "a WARC record without a valid Content-Length; skipped")
        }
        if length > maxBytes {
            // Too big to hand on: stream past it without holding it.
            pos = blockStart
            var left = length
            while left > 0 {
                let take = min(left, buf.count - pos)
                pos += take
                left -= take
                compact()
                if left > 0 && !fill() { return recordFailed(nil, startOffset, truncatedMessage("(Content-Length \(length))")) }
            }
            pending.append(.problem(offset: startOffset, message: "a record of \(Inputs.sizeText(length)) is over --max-bytes (\(Inputs.sizeText(maxBytes))); skipped"))
            return true
        }
        if !ensure(blockStart - pos + length) {
            let have = buf.count - blockStart
            return recordFailed(start, startOffset, truncatedMessage("(Content-Length \(length), \(have) bytes there)"))
        }
        let blockEnd = blockStart + length
        // The record must end with an empty line (CRLF CRLF), or where the segment ends.
        _ = ensure(blockEnd - pos + 4)
        let tail = buf[blockEnd..<min(buf.count, blockEnd + 4)]
        let endsWell = tail.isEmpty || tail.elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) || tail.starts(with: [0x0A, 0x0A])
            || (tail.count < 4 && tail.allSatisfy { $0 == 0x0D || $0 == 0x0A })
        if !endsWell {
            return recordFailed(start, startOffset, "the record does not end where its Content-Length (\(length)) says; skipped")
        }
        pending.append(.record(Record(offset: startOffset, headers: headers, block: Array(buf[blockStart..<blockEnd]))))
        recordsInSegment += 1
        pos = blockEnd
        return true
    }

    private func truncatedMessage(_ detail: String) -> String {
        if let e = segError { return e }
        return compressed ? "truncated record \(detail): its gzip member ends first; skipped"
                          : "truncated record \(detail): the file ends first; skipped"
    }

    /// Reports a bad record and goes on at the next record start after it (or
    /// at the end of the segment). With `start` nil the bytes are gone already.
    private func recordFailed(_ start: Int?, _ offset: String, _ message: String) -> Bool {
        pending.append(.problem(offset: offset, message: message))
        if message == segError { segErrorReported = true }  // said once
        if let start { _ = resync(from: start + 1) }
        return true
    }

    /// Moves `pos` to the next line that starts with "WARC/1." at or after
    /// `from` (or to the end of the segment); returns how many bytes it skipped.
    private func resync(from: Int) -> Int {
        let magic = WARCReader.recordMagic
        let origin = bufSegOffset + from
        var i = from
        while true {
            while i + magic.count <= buf.count {
                let lineStart = i == 0 ? bufSegOffset == 0 : buf[i - 1] == 0x0A
                if lineStart && buf[i..<i + magic.count].elementsEqual(magic) {
                    pos = i
                    return bufSegOffset + i - origin
                }
                i += 1
            }
            // Keep only the byte before where a match could still start.
            let drop = max(0, i - 1)
            buf.removeSubrange(0..<drop)
            bufSegOffset += drop
            i -= drop
            pos = 0
            if !fill() {
                pos = buf.count
                return bufSegOffset + buf.count - origin
            }
        }
    }

    // MARK: segments

    /// Appends the next bytes of the current segment to `buf`; false at its end.
    private func fill() -> Bool {
        if segEnded { return false }
        defer { peakBuffered = max(peakBuffered, buf.count) }
        if !compressed {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { segEnded = true; return false }
            buf.append(contentsOf: out[0..<n])
            return true
        }
        while true {
            if rawStart == rawEnd && !readRaw() {
                segEnded = true
                segError = "truncated gzip data (the file ends inside a gzip member); skipped"
                return false
            }
            var status: Int32 = Z_OK
            var produced = 0
            raw.withUnsafeMutableBufferPointer { r in
                out.withUnsafeMutableBufferPointer { o in
                    strm.next_in = r.baseAddress! + rawStart
                    strm.avail_in = UInt32(rawEnd - rawStart)
                    strm.next_out = o.baseAddress
                    strm.avail_out = UInt32(o.count)
                    status = inflate(&strm, Z_NO_FLUSH)
                    rawStart = rawEnd - Int(strm.avail_in)
                    produced = o.count - Int(strm.avail_out)
                }
            }
            buf.append(contentsOf: out[0..<produced])
            if status == Z_STREAM_END { segEnded = true; return produced > 0 }
            if status != Z_OK && status != Z_BUF_ERROR {
                segEnded = true
                segError = "corrupt gzip data; skipped to the next gzip member"
                return produced > 0
            }
            if produced > 0 { return true }
        }
    }

    /// Reads the next block of the file into `raw` (which must be used up); false at the end.
    private func readRaw() -> Bool {
        if fileEOF { return false }
        rawFileOffset += rawEnd
        rawStart = 0; rawEnd = 0
        let n = raw.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { fileEOF = true; return false }
        rawEnd = n
        return true
    }

    private func seek(_ offset: Int) {
        lseek(fd, off_t(offset), SEEK_SET)
        rawFileOffset = offset
        rawStart = 0; rawEnd = 0
        fileEOF = false
    }

    /// Whether the raw bytes at `rawStart` open a gzip member (magic, deflate,
    /// no reserved flags): a stricter test than the magic alone, for resyncing.
    private func atMemberStart() -> Bool {
        if rawEnd - rawStart < 4 {
            // Move what is left to the front and read more.
            let left = Array(raw[rawStart..<rawEnd])
            let base = rawFileOffset + rawStart
            seek(base + left.count)
            raw.replaceSubrange(0..<left.count, with: left)
            rawFileOffset = base
            rawEnd = left.count
            let n = raw.withUnsafeMutableBytes { read(fd, $0.baseAddress! + left.count, $0.count - left.count) }
            if n > 0 { rawEnd += n } else { fileEOF = true }
            if rawEnd < 4 { return false }
        }
        return raw[rawStart] == 0x1F && raw[rawStart + 1] == 0x8B && raw[rawStart + 2] == 0x08 && raw[rawStart + 3] & 0xE0 == 0
    }

    /// Starts a segment at file offset `at`. With `scanning`, bytes that do not
    /// open a gzip member are skipped (and reported) up to the next one.
    private func startSegment(at: Int, scanning: Bool) -> Bool {
        buf.removeAll(keepingCapacity: true)
        pos = 0; bufSegOffset = 0
        segEnded = false; segError = nil; segErrorReported = false
        recordsInSegment = 0
        segStart = at
        guard compressed else { return true }
        if rawFileOffset + rawStart != at { seek(at) }
        var skipped = 0
        while !atMemberStart() {
            if rawStart >= rawEnd && fileEOF { break }
            rawStart += 1
            skipped += 1
        }
        if skipped > 0 && !scanning {
            pending.append(.problem(offset: String(at), message: "\(skipped) byte\(skipped == 1 ? "" : "s") that are not a gzip member; skipped"))
        }
        if !atMemberStart() {
            segEnded = true
            return false
        }
        segStart = rawFileOffset + rawStart
        inflateReset(&strm)
        return true
    }

    /// Moves on to the next gzip member; false at the end of the file.
    private func nextSegment() -> Bool {
        guard compressed else { return false }
        if segError != nil || !segEnded {
            // A damaged member: look for the next one after its start.
            return startSegment(at: segStart + 1, scanning: true)
        }
        if rawStart == rawEnd && !readRaw() { return false }
        return startSegment(at: rawFileOffset + rawStart, scanning: false)
    }
}

/// Turns WARC records into work items: which records are articles, and their fields.
enum WARCInput {
    /// `.warc`, `.wet`, and those under `.gz`.
    static func isWARC(_ name: String) -> Bool {
        var n = name.lowercased()
        if n.hasSuffix(".gz") { n.removeLast(3) }
        return n.hasSuffix(".warc") || n.hasSuffix(".wet")
    }

    /// Record types that are never articles, skipped without a message (counted).
    static let silentTypes: Set<String> = ["warcinfo", "request", "metadata", "revisit", "continuation"]
    /// Media types read by the HTML reader.
    static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml"]
    /// Content-Encoding values inflated with zlib (gzip, zlib-wrapped deflate).
    static let inflatedEncodings: Set<String> = ["gzip", "x-gzip", "deflate"]
    /// Charset labels read as windows-1252, as browsers (and the HTML reader) do.
    static let windows1252Labels: Set<String> = ["iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "l1", "cp1252", "windows-1252", "x-cp1252"]

    /// Every record of the file in order: articles, skips (`.skipped`) and problems.
    static func walk(_ path: String, maxBytes: Int, body: (WorkItem) -> Bool) -> Bool {
        let reader: WARCReader
        do { reader = try WARCReader(path: path, maxBytes: maxBytes) } catch {
            return body(WorkItem(source: path, content: .problem("\(path): \(error)"), size: 0))
        }
        var any = false
        while let event = reader.next() {
            any = true
            let item: WorkItem
            switch event {
            case .problem(let offset, let message):
                let source = "\(path)#\(offset)"
                item = WorkItem(source: source, content: .problem("\(source): \(message)"), size: 0)
            case .record(let r):
                item = workItem(r, source: "\(path)#\(r.offset)", maxBytes: maxBytes)
            }
            if !body(item) { return false }
        }
        // As for any other empty input (and so that it is not "no input found").
        if !any { return body(WorkItem(source: path, content: .problem("\(path): empty file; skipped"), size: 0)) }
        return true
    }

    static func workItem(_ r: WARCReader.Record, source: String, maxBytes: Int) -> WorkItem {
        let type = (r.headers["warc-type"] ?? "").lowercased()
        var fields = JSONLFields()
        fields.url = r.headers["warc-target-uri"].map(stripBrackets)
        fields.fetched = r.headers["warc-date"]
        fields.recordID = r.headers["warc-record-id"].map(stripBrackets)
        func skip(_ why: String) -> WorkItem { WorkItem(source: source, content: .skipped(why), size: 0) }
        func problem(_ why: String) -> WorkItem { WorkItem(source: source, content: .problem("\(source): \(why)"), size: 0) }
        switch type {
        case "conversion":
            // WET: the page's text, already extracted (often nothing, for pages without text).
            if isBlank(r.block) { return skip("empty") }
            return WorkItem(source: source, content: .bytes(r.block, kind: .text, fields: fields), size: r.block.count)
        case "response", "resource":
            var body = r.block
            var mediaType = mediaTypeOf(r.headers["content-type"])
            var http: HTTPResponse? = nil
            if type == "response" {
                // The block is an HTTP response (other protocols are not articles).
                switch HTTPResponse.parse(r.block) {
                case .none: return skip("not HTTP")
                case .some(let h): http = h
                }
            }
            if let h = http {
                if !(200..<300).contains(h.status) { return skip("status \(h.status)") }
                mediaType = mediaTypeOf(h.header("content-type"))
                body = Array(r.block[h.bodyStart...])
                if let te = h.header("transfer-encoding")?.lowercased(), te.contains("chunked") {
                    guard let d = dechunk(body) else { return problem("bad chunked Transfer-Encoding; skipped") }
                    body = d
                }
                if let ce = h.header("content-encoding")?.lowercased().trimmingCharacters(in: .whitespaces),
                   !ce.isEmpty, ce != "identity" {
                    guard inflatedEncodings.contains(ce) else {
                        return problem("Content-Encoding \(token(ce) ?? "(unreadable)") is not supported; skipped")
                    }
                    switch Inputs.gunzip(body, limit: maxBytes) {
                    case .success(let b): body = b
                    case .failure(let e): return problem("Content-Encoding \(ce): \(e.description)")
                    }
                }
            }
            let isHTML = mediaType.map { htmlTypes.contains($0.type) } ?? Inputs.looksLikeHTML(body)
            guard isHTML else { return skip("not HTML") }
            if isBlank(body) { return skip("empty") }
            if let charset = mediaType?.charset { body = toUTF8(body, charset: charset) }
            return WorkItem(source: source, content: .bytes(body, kind: .html, fields: fields), size: body.count)
        default:
            return skip(type.isEmpty ? "no WARC-Type" : token(type) ?? "bad WARC-Type")
        }
    }

    /// A header value fit to show in a message or a count: a short word, or nil
    /// (a damaged record must not put control bytes on the terminal).
    static func token(_ s: String) -> String? {
        s.count <= 32 && s.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) ? s : nil
    }

    static func isBlank(_ b: [UInt8]) -> Bool { b.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }

    static func stripBrackets(_ s: String) -> String {
        s.hasPrefix("<") && s.hasSuffix(">") ? String(s.dropFirst().dropLast()) : s
    }

    /// "text/html; charset=UTF-8" -> ("text/html", "utf-8").
    static func mediaTypeOf(_ value: String?) -> (type: String, charset: String?)? {
        guard let value, !value.isEmpty else { return nil }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        var charset: String? = nil
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if kv.count == 2, kv[0].lowercased() == "charset" {
                charset = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            }
        }
        return (parts[0].lowercased(), charset)
    }

    /// The payload as UTF-8 when the HTTP charset says it is something else.
    /// Valid UTF-8 stays as it is, as the HTML reader would read it; so do
    /// bytes the charset cannot decode (the reader then decides).
    static func toUTF8(_ bytes: [UInt8], charset: String) -> [UInt8] {
        if bytes.isEmpty || bytes.withUnsafeBufferPointer({ UTF8Check.isValid($0) }) { return bytes }
        let from = windows1252Labels.contains(charset) ? "WINDOWS-1252" : charset.uppercased()
        if from == "UTF-8" || from == "UTF8" { return bytes }
        let cd = iconv_open("UTF-8", from)
        if cd == iconv_t(bitPattern: -1) { return bytes }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inp in
            output.withUnsafeMutableBufferPointer { outp in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inp.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inp.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outp.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outp.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outp.count - outLeft
                return r != -1 && inLeft == 0
            }
        }
        guard ok else { return bytes }
        output.removeSubrange(produced...)
        return output
    }

    /// Undoes chunked Transfer-Encoding; nil when the chunks do not add up.
    static func dechunk(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while true {
            guard let nl = b[i...].firstIndex(of: 0x0A) else { return nil }
            var line = String(decoding: b[i..<nl], as: UTF8.self)
            if let semi = line.firstIndex(of: ";") { line = String(line[..<semi]) }
            guard let size = Int(line.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16), size >= 0 else { return nil }
            i = nl + 1
            if size == 0 { return out }  // trailers, if any, are not the page
            guard i + size <= b.count else { return nil }
            out.append(contentsOf: b[i..<i + size])
            i += size
            if i < b.count && b[i] == 0x0D { i += 1 }
            if i < b.count && b[i] == 0x0A { i += 1 }
        }
    }
}

/// The status line and headers of an HTTP response block.
struct HTTPResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var bodyStart: Int

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// nil when the block does not start with "HTTP/x.y NNN".
    static func parse(_ b: [UInt8]) -> HTTPResponse? {
        guard b.starts(with: Array("HTTP/".utf8)) else { return nil }
        // Headers end at the first empty line (CRLF CRLF, or LF LF).
        var end = b.count, bodyStart = b.count
        var i = 0
        while i < b.count {
            if b[i] == 0x0A {
                if i + 1 < b.count && b[i + 1] == 0x0A { end = i; bodyStart = i + 2; break }
                if i + 2 < b.count && b[i + 1] == 0x0D && b[i + 2] == 0x0A { end = i; bodyStart = i + 3; break }
            }
            i += 1
        }
        let firstEnd = b[0..<end].firstIndex(of: 0x0A) ?? end
        let words = String(decoding: b[0..<firstEnd], as: UTF8.self).split(separator: " ")
        guard words.count >= 2, let status = Int(words[1].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return HTTPResponse(status: status, headers: headerFields(b[0..<end]), bodyStart: bodyStart)
    }
}

/// Records skipped on purpose (not HTML, not 2xx, requests, ...), counted by
/// reason for the run's summary line. Workers add in any order; sums do not care.
final class SkippedRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func add(_ reason: String, _ n: Int = 1) {
        lock.lock(); counts[reason, default: 0] += n; lock.unlock()
    }

    /// The counts by reason (for a part file: `merge` adds them up again).
    var all: [String: Int] { lock.lock(); defer { lock.unlock() }; return counts }

    /// "12 WARC records skipped (9 not HTML, 3 status 301/404)", or nil when none were.
    func summary() -> String? {
        lock.lock(); defer { lock.unlock() }
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        var parts: [(String, Int)] = []
        var statuses: [Int] = []
        var statusCount = 0
        for (reason, n) in counts {
            if reason.hasPrefix("status "), let code = Int(reason.dropFirst(7)) {
                statuses.append(code); statusCount += n
            } else {
                parts.append((reason, n))
            }
        }
        if statusCount > 0 { parts.append(("status " + statuses.sorted().map(String.init).joined(separator: "/"), statusCount)) }
        // Most frequent first; ties by name, so the line is the same for any --jobs.
        parts.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return "\(total) WARC record\(total == 1 ? "" : "s") skipped (" + parts.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + ")"
    }
}

/// The "Name: value" lines after the first line (names lowercased). Split on
/// LF bytes: in a Swift String "\r\n" is one character, not a "\n".
func headerFields(_ b: ArraySlice<UInt8>) -> [(name: String, value: String)] {
    var out: [(String, String)] = []
    for line in b.split(separator: 0x0A, omittingEmptySubsequences: true).dropFirst() {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
        out.append((String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased(),
                    String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    }
    return out
}
