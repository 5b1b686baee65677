import Foundation
import XCTest
@testable import CorpusRunner

/// WARC and WET input (docs/INPUTS.md). The files in Fixtures/warc are made by
/// scripts/gen-warc with warcio; index.json is warcio's own reading of them.
final class WARCTests: XCTestCase {
    let dir = "Tests/LecternTests/Fixtures/warc"

    struct IndexRow: Decodable {
        var offset: Int
        var type: String
        var uri: String?
        var date: String?
        var id: String?
        var status: String?
        var content_type: String?
        var payload_bytes: Int
    }

    func index() throws -> [String: [IndexRow]] {
        let data = try Data(contentsOf: repoRoot.appendingPathComponent("\(dir)/index.json"))
        return try JSONDecoder().decode([String: [IndexRow]].self, from: data)
    }

    func parse(_ paths: [String], _ extra: [String] = []) throws -> (articles: [[String: Any]], r: Result) {
        let r = try lectern(["parse"] + paths + extra)
        let articles = r.out.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        return (articles, r)
    }

    /// The articles warcio says a file holds: 2xx HTML responses and conversion records, not empty.
    func expectedArticles(_ rows: [IndexRow]) -> [IndexRow] {
        rows.filter {
            $0.payload_bytes > 0 && ($0.type == "conversion" || $0.type == "response" && ($0.status ?? "").hasPrefix("2")
                && ($0.content_type ?? "").hasPrefix("text/html"))
        }
    }

    // MARK: routing and fields

    func testRecordsBecomeArticlesWithWARCFields() throws {
        let idx = try index()
        for (file, format) in [("pages.warc.gz", "html"), ("pages.warc", "html"), ("pages.wet", "text"), ("pages.wet.gz", "text")] {
            let (articles, r) = try parse(["\(dir)/\(file)"])
            XCTAssertEqual(r.status, 0, r.err)
            let expected = expectedArticles(idx[file]!)
            XCTAssertEqual(expected.count, 4, file)
            XCTAssertEqual(articles.count, expected.count, "\(file): \(r.err)")
            for (a, e) in zip(articles, expected) {
                XCTAssertEqual(a["source"] as? String, "\(dir)/\(file)#\(e.offset)")
                XCTAssertEqual(a["format"] as? String, format)
                XCTAssertEqual(a["url"] as? String, e.uri)
                XCTAssertEqual(a["fetched"] as? String, e.date)
                XCTAssertEqual(a["record_id"] as? String, e.id.map { String($0.dropFirst().dropLast()) })
                XCTAssertTrue((a["record_id"] as? String ?? "").hasPrefix("urn:uuid:"))
            }
        }
    }

    func testNonWARCInputsHaveNullWARCFields() throws {
        let (articles, _) = try parse([seedPath])
        XCTAssertTrue(articles[0]["fetched"] is NSNull)
        XCTAssertTrue(articles[0]["record_id"] is NSNull)
        let t = try tempDir(self)
        let script = try write(t, "f.lua", """
            function article(a) emit { src = a.source, fetched = a.fetched or "nil", id = a.record_id or "nil" } end
            """)
        let r = try lectern(["run", script, "\(dir)/misc.warc", seedPath, "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, """
            fetched,id,src
            2024-05-01T10:00:01Z,urn:uuid:da266b63-0737-5743-a9f4-51f22878aa0d,\(dir)/misc.warc#0
            2024-05-01T10:00:02Z,urn:uuid:56ee2bee-73de-5369-8346-c000750817a2,\(dir)/misc.warc#728
            2024-05-01T10:00:03Z,urn:uuid:9206a269-e1e6-5b08-9782-208787278a19,\(dir)/misc.warc#1337
            2024-05-01T10:00:04Z,urn:uuid:d7cb54b1-89a4-599c-bf1f-5ac7ca36e2ed,\(dir)/misc.warc#2007
            nil,nil,\(seedPath)

            """)
    }

    /// Per-record gzip, plain and whole-file gzip: the same articles; a record
    /// inside a member that holds several is FILE#MEMBER+OFFSET.
    func testEveryFormGivesTheSameArticles() throws {
        let idx = try index()
        let plainOffsets = expectedArticles(idx["pages.warc"]!).map(\.offset)
        var forms: [[[String: Any]]] = []
        for file in ["pages.warc.gz", "pages.warc", "pages-whole.warc.gz"] {
            let (articles, r) = try parse(["\(dir)/\(file)"])
            XCTAssertEqual(r.status, 0, r.err)
            forms.append(articles)
        }
        XCTAssertEqual(forms[2].map { $0["source"] as! String }, plainOffsets.map { "\(dir)/pages-whole.warc.gz#0+\($0)" })
        for form in forms.dropFirst() {
            XCTAssertEqual(form.count, forms[0].count)
            for (a, b) in zip(form, forms[0]) {
                var x = a, y = b
                x["source"] = nil; y["source"] = nil
                XCTAssertEqual(x as NSDictionary, y as NSDictionary)
            }
        }
    }

    /// The same pages as separate HTML files give the same articles and the same
    /// records, in the same order, whatever the HTTP transfer and content codings.
    func testSameAsSeparateHTMLFiles() throws {
        let (fromWARC, r1) = try parse(["\(dir)/pages.warc.gz"])
        let (fromHTML, r2) = try parse(["\(dir)/html"])
        XCTAssertEqual(r1.status, 0, r1.err)
        XCTAssertEqual(r2.status, 0, r2.err)
        XCTAssertEqual(fromWARC.count, 4)
        XCTAssertEqual(fromHTML.count, 4)
        for (a, b) in zip(fromWARC, fromHTML) {
            var x = a, y = b
            for k in ["source", "url", "site", "id", "fetched", "record_id"] { x[k] = nil; y[k] = nil }
            XCTAssertEqual(x as NSDictionary, y as NSDictionary, "\(a["source"]!) differs from \(b["source"]!)")
        }
        let t = try tempDir(self)
        let script = try write(t, "s.lua", """
            function article(a)
              emit { title = a.title, author = a.author, paragraphs = #a.paragraphs, chars = #a:text(),
                     first = a.paragraphs[1] and a.paragraphs[1].text, h1 = a:xpath("//h1")[1] }
            end
            """)
        let w = try lectern(["run", script, "\(dir)/pages.warc.gz", "--jobs", "2"])
        let h = try lectern(["run", script, "\(dir)/html", "--jobs", "2"])
        XCTAssertEqual(w.out.split(separator: "\n").count, 4)
        XCTAssertEqual(w.out, h.out)
    }

    /// An HTTP charset, a resource record, no Content-Type (sniffed), deflate.
    func testLessCommonRecordsAreRead() throws {
        let (articles, r) = try parse(["\(dir)/misc.warc"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(articles.map { $0["title"] as? String }, ["Новости дня", "Resource", "Untyped", "Deflated"])
        XCTAssertEqual(articles.map { $0["url"] as? String }, try index()["misc.warc"]!.map(\.uri))
        let body = (articles.first?["sections"] as? [[String: Any]])?.first?["paragraphs"] as? [[String: Any]]
        XCTAssertEqual(body?.first?["text"] as? String,
                       "Первый абзац статьи: в Москве сегодня тепло и солнечно, а вечером ожидается дождь.")
    }

    // MARK: skipped records

    func testSkippedRecordsAreCountedInTheSummary() throws {
        let t = try tempDir(self)
        let script = try write(t, "n.lua", "function article(a) state.n = (state.n or 0) + 1 end\nfunction finish() emit { n = state.n } end\n")
        let r = try lectern(["run", script, "\(dir)/pages.warc.gz"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out, "{\"n\":4}\n")
        XCTAssertEqual(r.err, "lectern: 4 articles read, 0 failed, 11 WARC records skipped (4 request, 2 not HTML, 2 status 301/404, 1 metadata, 1 revisit, 1 warcinfo)\n")
        let wet = try lectern(["run", script, "\(dir)/pages.wet.gz"])
        XCTAssertEqual(wet.status, 0)
        XCTAssertEqual(wet.err, "lectern: 4 articles read, 0 failed, 2 WARC records skipped (1 empty, 1 warcinfo)\n")
        let quiet = try lectern(["run", script, "\(dir)/pages.warc.gz", "--quiet"])
        XCTAssertEqual(quiet.err, "")
        XCTAssertEqual(quiet.status, 0)
    }

    // MARK: damaged files

    func testBrokenGzipArchiveReportsEachDamageAndReadsTheRest() throws {
        let f = "\(dir)/broken.warc.gz"
        let (articles, r) = try parse([f])
        XCTAssertEqual(r.status, 1)
        // Pages 1, 3 and 4 of pages.warc survive (warcio's URIs).
        let uris = expectedArticles(try index()["pages.warc"]!).map(\.uri)
        XCTAssertEqual(articles.map { $0["url"] as? String }, [uris[0], uris[2], uris[3]])
        XCTAssertEqual(articles.map { $0["source"] as! String }, ["\(f)#290", "\(f)#13293", "\(f)#28614"])
        XCTAssertEqual(r.err, """
            lectern: \(f)#9477: corrupt gzip data; skipped to the next gzip member
            lectern: \(f)#21108: truncated record (Content-Length 26288, 25792 bytes there): its gzip member ends first; skipped
            lectern: \(f)#28548: 66 bytes that are not a gzip member; skipped
            lectern: \(f)#35696: truncated gzip data (the file ends inside a gzip member); skipped
            lectern: 3 articles read, 0 failed, 4 inputs skipped, 2 WARC records skipped (1 status 404, 1 warcinfo)

            """)
    }

    func testBrokenPlainArchiveReportsEachDamageAndReadsTheRest() throws {
        let f = "\(dir)/broken.warc"
        let (articles, r) = try parse([f])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(articles.map { $0["source"] as! String }, ["\(f)#0", "\(f)#31668", "\(f)#88557"])
        let uris = expectedArticles(try index()["pages.warc"]!).map(\.uri)
        XCTAssertEqual(articles.map { $0["url"] as? String }, [uris[0], uris[1], uris[3]])
        XCTAssertEqual(r.err, """
            lectern: \(f)#31617: 51 bytes that are not a WARC record; skipped
            lectern: \(f)#60085: the record does not end where its Content-Length (27936) says; skipped
            lectern: \(f)#114749: Content-Encoding br is not supported; skipped
            lectern: \(f)#115221: bad chunked Transfer-Encoding; skipped
            lectern: \(f)#115693: a WARC record without a valid Content-Length; skipped
            lectern: \(f)#116149: truncated record (Content-Length 31185, 15380 bytes there): the file ends first; skipped
            lectern: 3 articles read, 0 failed, 6 inputs skipped

            """)
    }

    func testRecordOverMaxBytesIsSkippedAndTheRestRead() throws {
        let f = "\(dir)/pages.warc"
        let (articles, r) = try parse([f, "--max-bytes", "27K"])
        XCTAssertEqual(r.status, 1)
        // The records of pages 1-3 (30, 27 and 27 KB with their HTTP headers) are over; page 4's is not.
        XCTAssertEqual(articles.map { $0["source"] as! String }, ["\(f)#73851"])
        XCTAssertTrue(r.err.hasPrefix("lectern: \(f)#913: a record of 30 KB is over --max-bytes (27 KB); skipped\n"), r.err)
        XCTAssertTrue(r.err.hasSuffix("lectern: 1 article read, 0 failed, 3 inputs skipped, 11 WARC records skipped (4 request, 2 not HTML, 2 status 301/404, 1 metadata, 1 revisit, 1 warcinfo)\n"), r.err)
    }

    // MARK: directories, jobs, memory

    func testDirectoriesPickUpWARCAndWETFiles() throws {
        let t = try tempDir(self)
        // Gzip is told by the bytes: c.wet.gz is not compressed.
        for (name, source) in [("a.warc.gz", "pages.warc.gz"), ("b.WET", "pages.wet"), ("c.wet.gz", "pages.wet")] {
            try FileManager.default.copyItem(atPath: repoRoot.appendingPathComponent("\(dir)/\(source)").path,
                                             toPath: t.appendingPathComponent(name).path)
        }
        let (articles, r) = try parse([t.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(articles.count, 12)
        // Their article count is unknown until they are read: no ETA.
        XCTAssertNil(Inputs.count([t.path], stop: { false }))
        XCTAssertEqual(Inputs.count([seedPath], stop: { false }), 1)
        XCTAssertEqual(articles.map { ($0["source"] as! String).components(separatedBy: "/").last!.components(separatedBy: "#")[0] },
                       Array(repeating: "a.warc.gz", count: 4) + Array(repeating: "b.WET", count: 4) + Array(repeating: "c.wet.gz", count: 4))
    }

    func testJobsDoNotChangeTheOutput() throws {
        let t = try tempDir(self)
        let script = try write(t, "s.lua", """
            function article(a)
              state.words = (state.words or 0) + #text.words(a:text())
              emit { src = a.source, title = a.title, fetched = a.fetched }
            end
            function finish() emit { words = state.words } end
            """)
        let paths = ["pages.warc.gz", "broken.warc", "pages.wet", "broken.warc.gz", "pages-whole.warc.gz", "html"].map { "\(dir)/\($0)" }
        let one = try lectern(["run", script] + paths + ["--jobs", "1"])
        let three = try lectern(["run", script] + paths + ["--jobs", "3"])
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(one.out.split(separator: "\n").count, 4 + 3 + 4 + 3 + 4 + 4 + 1)
        XCTAssertEqual(one.out, three.out)
        XCTAssertEqual(one.err, three.err)
    }

    /// With chunks of 4 items the records of one file are spread over many
    /// chunks and workers; the output is still the same bytes.
    func testJobsDoNotChangeTheOutputWithSmallChunks() throws {
        let t = try tempDir(self)
        let script = try write(t, "s.lua", """
            function article(a)
              state.titles = state.titles or {}
              table.insert(state.titles, a.source .. " " .. (a.title or "-"))
              emit { src = a.source, id = a.record_id, paragraphs = #a.paragraphs }
            end
            function finish() emit { titles = table.concat(state.titles, "|") } end
            """)
        var outputs: [String] = []
        for jobs in [1, 3] {
            var config = RunConfig()
            config.scripts = [script]
            config.paths = ["pages.warc.gz", "pages.wet", "pages-whole.warc.gz", "misc.warc"].map {
                repoRoot.appendingPathComponent("\(dir)/\($0)").path
            }
            config.jobs = jobs
            config.chunkArticles = 4
            config.quiet = true
            config.output = t.appendingPathComponent("out-\(jobs).jsonl").path
            XCTAssertEqual(Runner(config: config).run(), 0)
            outputs.append(try String(contentsOfFile: config.output!, encoding: .utf8))
        }
        XCTAssertEqual(outputs[0].split(separator: "\n").count, 4 + 4 + 4 + 4 + 1)
        XCTAssertEqual(outputs[0], outputs[1])
    }

    /// The reader holds about one record and one read block, however long the
    /// file: 300 records (9 MB plain, 3 MB gzip) made by repeating warcio's records.
    func testReaderMemoryStaysBoundedOnALongFile() throws {
        let idx = try index()
        let t = try tempDir(self)
        for (file, compressed) in [("pages.warc", false), ("pages.warc.gz", true)] {
            let data = try Data(contentsOf: repoRoot.appendingPathComponent("\(dir)/\(file)"))
            let rows = idx[file]!
            let i = rows.firstIndex { $0.type == "response" && $0.status == "200" }!
            let record = data[rows[i].offset..<rows[i + 1].offset]
            var big = Data()
            for _ in 0..<300 { big.append(record) }
            let path = t.appendingPathComponent(file).path
            try big.write(to: URL(fileURLWithPath: path))
            let reader = try WARCReader(path: path, maxBytes: 64 << 20)
            var records = 0
            while let e = reader.next() {
                guard case .record(let r) = e else { return XCTFail("\(e)") }
                XCTAssertEqual(r.headers["warc-type"], "response")
                records += 1
            }
            XCTAssertEqual(records, 300, file)
            XCTAssertLessThan(reader.peakBuffered, 256 << 10, "\(file) (compressed: \(compressed))")
        }
    }

    /// A file cut anywhere: every record before the cut is read, and the one
    /// the cut falls in is one problem at that record's offset. (A gzip member
    /// cut in its 8-byte trailer still gives its record, and the problem.)
    func testFileCutAnywhereKeepsTheRecordsBeforeTheCut() throws {
        let idx = try index()
        let t = try tempDir(self)
        for file in ["pages.warc.gz", "pages.warc"] {
            let data = try Data(contentsOf: repoRoot.appendingPathComponent("\(dir)/\(file)"))
            let starts = idx[file]!.map(\.offset)
            let ends = Array(starts.dropFirst()) + [data.count]
            // A plain record is whole without its final CRLF CRLF; a member's data
            // without its trailer (CRC and size), but where exactly the deflate data
            // gives the last byte is zlib's business: a few cuts before are not checked.
            let gz = file.hasSuffix(".gz")
            let slack = gz ? 8 : 4
            let path = t.appendingPathComponent(file).path
            for cut in stride(from: 1, to: data.count, by: 331) where !(gz && ends.contains { $0 - 12 <= cut && cut < $0 - 8 }) {
                try data.prefix(cut).write(to: URL(fileURLWithPath: path))
                let reader = try WARCReader(path: path, maxBytes: 64 << 20)
                var records: [String] = []
                var problems: [String] = []
                while let e = reader.next() {
                    switch e {
                    case .record(let r): records.append(r.offset)
                    case .problem(let offset, _): problems.append(offset)
                    }
                }
                let whole = zip(starts, ends).filter { $0.1 - slack <= cut }.map { String($0.0) }
                XCTAssertEqual(records, whole, "\(file) cut at \(cut)")
                let broken = zip(starts, ends).first { $0.0 < cut && (gz ? $0.1 : $0.1 - slack) > cut }.map { String($0.0) }
                XCTAssertEqual(problems, broken.map { [$0] } ?? [], "\(file) cut at \(cut)")
            }
        }
    }

    /// A record far over --max-bytes is streamed past, not held.
    func testOversizedRecordIsNotHeld() throws {
        let t = try tempDir(self)
        let data = try Data(contentsOf: repoRoot.appendingPathComponent("\(dir)/pages.warc"))
        let path = t.appendingPathComponent("p.warc").path
        try data.write(to: URL(fileURLWithPath: path))
        let reader = try WARCReader(path: path, maxBytes: 1024)
        var problems: [String] = []
        var records = 0
        while let e = reader.next() {
            switch e {
            case .record: records += 1
            case .problem(let offset, let m): problems.append("\(offset): \(m)")
            }
        }
        XCTAssertEqual(problems.first, "913: a record of 30 KB is over --max-bytes (1 KB); skipped")
        XCTAssertEqual(problems.count, 4)
        XCTAssertEqual(records, 11)
        XCTAssertLessThan(reader.peakBuffered, 3 * WARCReader.blockSize)
    }

    func testEmptyWARCFileIsReported() throws {
        let t = try tempDir(self)
        let empty = try write(t, "empty.warc.gz", "")
        let r = try lectern(["parse", empty, "\(dir)/misc.warc"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "lectern: \(empty): empty file; skipped\nlectern: 4 articles read, 0 failed, 1 input skipped\n")
    }

    /// Header values from a damaged record never reach the terminal as they are.
    func testDamagedHeaderValuesAreNotEchoed() throws {
        let r = WARCReader.Record(offset: "0", headers: ["warc-type": "respon\u{1B}[2J"], block: [])
        guard case .skipped(let why) = WARCInput.workItem(r, source: "f#0", maxBytes: 1 << 20).content else {
            return XCTFail("not skipped")
        }
        XCTAssertEqual(why, "bad WARC-Type")
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: b\u{7}r\r\n\r\n<html>".utf8)
        let r2 = WARCReader.Record(offset: "0", headers: ["warc-type": "response"], block: http)
        guard case .problem(let m) = WARCInput.workItem(r2, source: "f#0", maxBytes: 1 << 20).content else {
            return XCTFail("not reported")
        }
        XCTAssertEqual(m, "f#0: Content-Encoding (unreadable) is not supported; skipped")
    }

    // MARK: provenance of the test files

    /// The files are scripts/gen-warc's output: the sums in README.md (which
    /// the script writes, with its own sum) match the files and the script.
    func testFixturesAreTheGeneratorsOutput() throws {
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("\(dir)/README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "## sha256")[1].split(separator: "\n").filter { $0.count > 66 && !$0.hasPrefix("#") }
        var listed: [String: String] = [:]
        for line in lines.prefix(while: { $0.range(of: "^[0-9a-f]{64}  ", options: .regularExpression) != nil }) {
            listed[String(line.dropFirst(66))] = String(line.prefix(64))
        }
        var files = try FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent(dir).path)
            .filter { $0 != "README.md" && $0 != "html" }
        files += try FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("\(dir)/html").path).map { "html/\($0)" }
        XCTAssertEqual(Set(listed.keys), Set(files.map { $0 } + ["scripts/gen-warc", "scripts/gen_warc.py"]))
        for (name, sum) in listed {
            let path = name.hasPrefix("scripts/") ? name : "\(dir)/\(name)"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            p.arguments = [path]
            p.currentDirectoryURL = repoRoot
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(String(text.prefix(64)), sum, "\(name) is not what scripts/gen-warc wrote (run scripts/gen-warc)")
        }
    }
}
