import Foundation
import XCTest
@testable import CorpusRunner
import LuaHost

/// Issue 11, the file side: --output never destroys a file, a device or a
/// link; signals leave FILE as it was and FILE.partial; sizes, FIFOs, odd
/// names and escape sequences give messages, not crashes or hangs.
final class OutputSafetyTests: XCTestCase {
    let emitTitle = "function article(a) emit{t = a.title} end\n"
    let titleLine = "{\"t\":\"The Growing China-Russia Relationship\"}\n"

    /// Names in `dir` that a run may leave behind by mistake.
    func strayTemps(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".lectern-") }
    }

    func fileType(_ path: String, follow: Bool = false) -> mode_t {
        var st = stat()
        let r = follow ? stat(path, &st) : lstat(path, &st)
        return r == 0 ? st.st_mode & S_IFMT : 0
    }

    func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    // MARK: - what --output may name

    func testCharacterDeviceIsWrittenInPlaceAndStaysADevice() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", emitTitle)
        // As root, a null device of the test's own (c 1 3): a Lectern that
        // replaced devices would then replace that one, never /dev/null itself.
        var device = "/dev/null"
        if geteuid() == 0 {
            let own = try tempDir(self).appendingPathComponent("null").path
            let null = dev_t(1 << 8 | 3)  // makedev(1, 3) in glibc's encoding
            XCTAssertEqual(mknod(own, S_IFCHR | 0o666, null), 0)
            device = own
        }
        let r = try lectern(["run", s, seedPath, "--output", device])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(fileType(device), S_IFCHR)
        let folder = (device as NSString).deletingLastPathComponent
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("lectern-") }, [])
    }

    func testFIFOIsWrittenInPlace() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", emitTitle)
        let fifo = dir.appendingPathComponent("out.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // the reader: lectern's open for writing waits for it, as `> fifo` does
        final class Got: @unchecked Sendable { var data = Data() }
        let got = Got()
        let reader = Thread {
            if let h = FileHandle(forReadingAtPath: fifo) { got.data = h.readDataToEndOfFile() }
        }
        reader.start()
        let r = try lectern(["run", s, seedPath, "--output", fifo])
        XCTAssertEqual(r.status, 0, r.err)
        let end = Date().addingTimeInterval(60)
        while !reader.isFinished && Date() < end { usleep(10_000) }
        if !reader.isFinished {
            // lectern never wrote to the FIFO: release the reader, then fail
            close(open(fifo, O_WRONLY | O_NONBLOCK))
            XCTFail("nothing was written to the FIFO")
        }
        XCTAssertEqual(String(decoding: got.data, as: UTF8.self), titleLine)
        XCTAssertEqual(fileType(fifo), S_IFIFO)
        XCTAssertEqual(try strayTemps(dir), [])
    }

    func testSymlinkIsFollowedAndStaysALink() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", emitTitle)
        let real = try write(dir, "sub/real.jsonl", "old\n")
        let link = dir.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "sub/real.jsonl")
        let r = try lectern(["run", s, seedPath, "--output", link])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(fileType(link), S_IFLNK)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "sub/real.jsonl")
        XCTAssertEqual(try String(contentsOfFile: real, encoding: .utf8), titleLine)
        XCTAssertEqual(try strayTemps(dir), [])
        XCTAssertEqual(try strayTemps(dir.appendingPathComponent("sub")), [])
    }

    func testDanglingSymlinkIsRefusedBeforeTheRun() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", "function setup() print('setup ran') end\n" + emitTitle)
        let link = dir.appendingPathComponent("link.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nowhere/x.jsonl")
        let r = try lectern(["run", s, seedPath, "--output", link])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "lectern: \(link): a symbolic link to nothing (no such file or directory); give the file itself\n")
    }

    func testDirectoriesAndSocketsAreRefusedBeforeTheRun() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", "function setup() print('setup ran') end\n" + emitTitle)
        let sock = dir.appendingPathComponent("s.sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { p in
            for (i, b) in sock.utf8.enumerated() { p[i] = b }
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        let accepted = "--output takes a regular file, a character device such as /dev/null, or a FIFO"
        let cases: [(String, String)] = [
            (dir.path, "is a directory"),
            (dir.path + "/", "is a directory"),
            (dir.path + "/new/", "is a directory"),
            (sock, "is a socket"),
        ]
        for (path, what) in cases {
            let r = try lectern(["run", s, seedPath, "--output", path])
            XCTAssertEqual(r.status, 2, path)
            XCTAssertEqual(r.out, "", "nothing ran for \(path)")
            XCTAssertEqual(r.err, "lectern: \(path): \(what); \(accepted)\n")
        }
        XCTAssertEqual(fileType(sock), S_IFSOCK)
        if geteuid() == 0 {
            // a block device node of the test's own (loop0's numbers), never written
            let blk = dir.appendingPathComponent("blk").path
            XCTAssertEqual(mknod(blk, S_IFBLK | 0o600, dev_t(7 << 8 | 0)), 0)
            let r = try lectern(["run", s, seedPath, "--output", blk])
            XCTAssertEqual(r.status, 2)
            XCTAssertEqual(r.err, "lectern: \(blk): is a block device; \(accepted)\n")
            XCTAssertEqual(fileType(blk), S_IFBLK)
        }
        let missingDir = try lectern(["run", s, seedPath, "--output", dir.path + "/no/such/out.jsonl"])
        XCTAssertEqual(missingDir.status, 2)
        XCTAssertEqual(missingDir.out, "")
        XCTAssertTrue(missingDir.err.contains("out.jsonl: cannot write the output file: no such directory"), missingDir.err)
    }

    func testPlantedSymlinkAtTheOldTemporaryNameChangesNothing() throws {
        // setup (which runs before the output is opened) plants a link at the
        // name Lectern used to use, .FILE.lectern-PID.tmp, aimed at a victim
        let dir = try tempDir(self)
        let victim = try write(dir, "victim.txt", "precious\n")
        let out = dir.appendingPathComponent("out.jsonl").path
        let s = try write(dir, "plant.lua", """
            function setup()
              local pid = io.open("/proc/self/stat"):read("n")
              os.execute("ln -s \(victim) \(dir.path)/.out.jsonl.lectern-" .. pid .. ".tmp")
            end
            \(emitTitle)
            """)
        let r = try lectern(["run", s, seedPath, "--output", out, "--unsafe"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious\n")
        XCTAssertEqual(fileType(out), S_IFREG)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), titleLine)
        let planted = try strayTemps(dir)
        XCTAssertEqual(planted.count, 1, "only the planted link: \(planted)")
        XCTAssertEqual(fileType(dir.appendingPathComponent(planted[0]).path), S_IFLNK)
    }

    func testExistingFileKeepsItsModeAndANewOneFollowsTheUmask() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", emitTitle)
        let out = try write(dir, "private.jsonl", "old\n")
        XCTAssertEqual(chmod(out, 0o600), 0)
        XCTAssertEqual(try lectern(["run", s, seedPath, "--output", out]).status, 0)
        XCTAssertEqual(mode(out), 0o600)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), titleLine)
        let fresh = dir.appendingPathComponent("fresh.jsonl").path
        XCTAssertEqual(try lectern(["run", s, seedPath, "--output", fresh]).status, 0)
        let mask = umask(0)
        umask(mask)
        XCTAssertEqual(mode(fresh), 0o666 & ~mask)
    }

    func testExistingFileKeepsItsOwner() throws {
        if geteuid() != 0 { throw XCTSkip("only root can give a file to another user") }
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", emitTitle)
        let out = try write(dir, "theirs.jsonl", "old\n")
        XCTAssertEqual(chown(out, 65534, 65534), 0)
        XCTAssertEqual(try lectern(["run", s, seedPath, "--output", out]).status, 0)
        var st = stat()
        XCTAssertEqual(stat(out, &st), 0)
        XCTAssertEqual([st.st_uid, st.st_gid], [65534, 65534])
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), titleLine)
    }

    func testAFailedWriteLeavesTheFileAsItWas() throws {
        // a file size limit (ulimit -f, SIGXFSZ ignored) makes write fail as a full disk would
        let dir = try tempDir(self)
        let s = try write(dir, "big.lua", "function article(a) for i = 1, 20 do emit{s = string.rep('x', 10000)} end end\n")
        let out = try write(dir, "out.jsonl", "previous run\n")
        let r = try lectern(["run", s, seedPath, "--output", out, "--jobs", "1"], shell: "trap '' XFSZ; ulimit -f 64;")
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("lectern: \(out): File too large; \(out) was left as it was\n"), r.err)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous run\n")
        XCTAssertEqual(try strayTemps(dir), [])
    }

    func testReadOnlyFileIsNotReplaced() throws {
        if geteuid() == 0 { throw XCTSkip("root may write any file") }
        let dir = try tempDir(self)
        let s = try write(dir, "t.lua", emitTitle)
        let out = try write(dir, "ro.jsonl", "old\n")
        XCTAssertEqual(chmod(out, 0o444), 0)
        let r = try lectern(["run", s, seedPath, "--output", out])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "lectern: \(out): cannot write the output file: permission denied\n")
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "old\n")
    }

    // MARK: - signals

    /// A running lectern whose standard error is collected as it comes.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var errData = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ args: [String]) throws {
            process.executableURL = lecternBinary
            process.arguments = args
            process.currentDirectoryURL = repoRoot
            let errPipe = Pipe()
            process.standardError = errPipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let h = errPipe.fileHandleForReading
            Thread { [self] in
                while true {
                    let d = h.availableData
                    if d.isEmpty { break }
                    lock.lock(); errData.append(d); lock.unlock()
                }
                done.signal()
            }.start()
        }

        var err: String { lock.lock(); defer { lock.unlock() }; return String(decoding: errData, as: UTF8.self) }

        /// Polls standard error for `text`; false if the process ended or the
        /// generous bound passed first.
        func waitFor(_ text: String, within seconds: Double = 60) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if err.contains(text) { return true }
                if !process.isRunning { return err.contains(text) }
                usleep(20_000)
            }
            return false
        }

        /// Waits for the end (all of standard error read); kills it past the bound.
        func finish(within seconds: Double = 60) -> Int32? {
            if done.wait(timeout: .now() + seconds) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// A finish() that emits, says so on stderr, then runs ~4 s unless stopped.
    let slowFinish = """
        function article(a) emit{t = a.title} end
        function finish()
          emit{done = true}
          lectern.log("finishing")
          local t = os.clock() while os.clock() - t < 4 do end
        end
        """

    /// `throughLink`: --output names a symbolic link to sub/out.jsonl, and
    /// the partial goes beside the file it points to.
    func signalDuringFinish(_ sig: Int32, expect status: Int32, throughLink: Bool = false) throws {
        let dir = try tempDir(self)
        let s = try write(dir, "fin.lua", slowFinish)
        let out = try write(dir, throughLink ? "sub/out.jsonl" : "out.jsonl", "previous run\n")
        XCTAssertEqual(chmod(out, 0o600), 0)
        var named = out
        if throughLink {
            named = dir.appendingPathComponent("link.jsonl").path
            try FileManager.default.createSymbolicLink(atPath: named, withDestinationPath: "sub/out.jsonl")
        }
        let p = try Running(["run", s, seedPath, "--output", named])
        XCTAssertTrue(p.waitFor("lectern.log: finishing"), p.err)
        kill(p.process.processIdentifier, sig)
        XCTAssertEqual(p.finish(), status, p.err)
        XCTAssertTrue(p.err.contains("lectern: interrupted: 1 article read"), p.err)
        XCTAssertTrue(p.err.contains("what was computed is in \(out).partial; \(named) was left as it was"), p.err)
        XCTAssertFalse(p.err.contains("traceback") || p.err.contains("in hook 'finish'"), p.err)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous run\n")
        XCTAssertEqual(mode(out), 0o600)
        XCTAssertEqual(try String(contentsOfFile: out + ".partial", encoding: .utf8), titleLine + "{\"done\":true}\n")
        XCTAssertEqual(mode(out + ".partial"), 0o600)
        XCTAssertEqual(try strayTemps(dir), [])
        if throughLink {
            XCTAssertEqual(fileType(named), S_IFLNK)
            XCTAssertEqual(try strayTemps(dir.appendingPathComponent("sub")), [])
        }
    }

    func testCtrlCDuringFinishKeepsTheFileAndSavesThePartial() throws {
        try signalDuringFinish(SIGINT, expect: 130)
    }

    func testSIGTERMDuringFinishBehavesLikeCtrlC() throws {
        try signalDuringFinish(SIGTERM, expect: 143, throughLink: true)
    }

    func testCtrlCWhileLoadingOrInSetupExits130AndWritesNothing() throws {
        let busy = "local t = os.clock() while os.clock() - t < 4 do end"
        for (name, text) in [("top.lua", "lectern.log('started') \(busy)\n" + emitTitle),
                             ("setup.lua", "function setup() lectern.log('started') \(busy) end\n" + emitTitle)] {
            let dir = try tempDir(self)
            let s = try write(dir, name, text)
            let out = try write(dir, "out.jsonl", "previous run\n")
            let p = try Running(["run", s, seedPath, "--output", out])
            XCTAssertTrue(p.waitFor("lectern.log: started"), p.err)
            kill(p.process.processIdentifier, SIGINT)
            XCTAssertEqual(p.finish(), 130, "\(name): \(p.err)")
            XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous run\n")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["out.jsonl", name])
        }
    }

    func testASecondCtrlCStopsAtOnceAndKeepsWhatWasWritten() throws {
        // --timeout 0 and an endless finish: the first Ctrl-C may not stop the
        // call; the second one stops the process, saving FILE.partial
        let dir = try tempDir(self)
        let s = try write(dir, "loop.lua", """
            function article(a) emit{t = a.title} end
            function finish() lectern.log("finishing") while true do end end
            """)
        let out = try write(dir, "out.jsonl", "previous run\n")
        let p = try Running(["run", s, seedPath, "--output", out, "--timeout", "0"])
        XCTAssertTrue(p.waitFor("lectern.log: finishing"), p.err)
        // signals sent at once may merge into one: repeat until it ends (bounded)
        let end = Date().addingTimeInterval(60)
        while p.process.isRunning && Date() < end {
            kill(p.process.processIdentifier, SIGINT)
            usleep(200_000)
        }
        XCTAssertEqual(p.finish(), 130, p.err)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous run\n")
        XCTAssertEqual(try String(contentsOfFile: out + ".partial", encoding: .utf8), titleLine)
        XCTAssertTrue(p.err.contains("\(out).partial; \(out) was left as it was"), p.err)
        XCTAssertEqual(try strayTemps(dir), [])
    }

    func testEmergencyStopFromAnotherThreadLeavesThePartial() throws {
        let dir = try tempDir(self)
        let out = try write(dir, "out.jsonl", "previous run\n")
        let sink = try RecordSink(format: .jsonl, outputPath: out, columns: nil, warn: { _ in })
        final class Flag: @unchecked Sendable { var stop = false; let lock = NSLock() }
        let flag = Flag()
        let writer = Thread {
            var i = 0
            while true {
                flag.lock.lock(); let stop = flag.stop; flag.lock.unlock()
                if stop { break }
                sink.record(Record(fields: [("i", .int(Int64(i)))]))
                i += 1
            }
        }
        writer.start()
        // let the writer get past one buffer (the temporary file has bytes), bounded
        let end = Date().addingTimeInterval(60)
        func written() -> Int {
            guard let t = try? strayTemps(dir).first else { return 0 }
            return ((try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(t).path))?[.size] as? Int) ?? 0
        }
        while written() == 0 && Date() < end { usleep(1000) }
        XCTAssertGreaterThan(written(), 0)
        let saved = sink.emergencyStop()
        flag.lock.lock(); flag.stop = true; flag.lock.unlock()
        while !writer.isFinished { usleep(1000) }
        XCTAssertEqual(saved, out + ".partial")
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous run\n")
        let partial = try String(contentsOfFile: out + ".partial", encoding: .utf8)
        XCTAssertTrue(partial.hasPrefix("{\"i\":0}\n{\"i\":1}\n"), String(partial.prefix(100)))
        XCTAssertEqual(try strayTemps(dir), [])
        // the run's own close afterwards changes nothing
        XCTAssertNil(sink.close(complete: true))
        XCTAssertFalse(sink.completed)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "previous run\n")
    }

    // MARK: - sizes, inputs, messages

    func testSizesOutOfRangeAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["run", "examples/word_frequency.lua", seedPath, "--memory", "inf"],
             "--memory takes a size from 0 to 1024G, such as 512M or 2G (0: no cap); got 'inf'"),
            (["run", "examples/word_frequency.lua", seedPath, "--memory", "1e30"],
             "--memory takes a size from 0 to 1024G, such as 512M or 2G (0: no cap); got '1e30'"),
            (["run", "examples/word_frequency.lua", seedPath, "--memory", "nan"],
             "--memory takes a size from 0 to 1024G, such as 512M or 2G (0: no cap); got 'nan'"),
            (["run", "examples/word_frequency.lua", seedPath, "--max-bytes", "inf"],
             "--max-bytes takes a size from 1 byte to 1024G, such as 5000000, 64M or 1G; got 'inf'"),
            (["parse", seedPath, "--max-bytes", "inf"],
             "--max-bytes takes a size from 1 byte to 1024G, such as 5000000, 64M or 1G; got 'inf'"),
            (["parse", seedPath, "--max-bytes", "2000G"],
             "--max-bytes takes a size from 1 byte to 1024G, such as 5000000, 64M or 1G; got '2000G'"),
            (["parse", seedPath, "--max-bytes", "0"],
             "--max-bytes takes a size from 1 byte to 1024G, such as 5000000, 64M or 1G; got '0'"),
        ]
        for (args, message) in cases {
            let r = try lectern(args)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertTrue(r.err.hasPrefix("Error: " + message + "\n"), r.err)
        }
        XCTAssertEqual(try lectern(["parse", seedPath, "--max-bytes", "1024G"]).status, 0)
        XCTAssertEqual(try lectern(["run", "examples/word_frequency.lua", seedPath, "--memory", "0"]).status, 0)
    }

    func testFIFOWithoutAWriterIsAnEmptyInput() throws {
        let dir = try tempDir(self)
        let fifo = dir.appendingPathComponent("in.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let p = try Running(["parse", fifo, seedPath])
        XCTAssertEqual(p.finish(), 1, "must not wait for a writer: \(p.err)")
        XCTAssertTrue(p.err.contains("lectern: \(fifo): empty file; skipped\n"), p.err)
        XCTAssertTrue(p.err.contains("1 article read, 0 failed, 1 input skipped"), p.err)
        // inside a directory only regular files are read: the FIFO is passed over
        let text = try String(contentsOfFile: repoRoot.appendingPathComponent(seedPath).path, encoding: .utf8)
        try write(dir, "seed.txt", text)
        let inDir = try Running(["parse", dir.path])
        XCTAssertEqual(inDir.finish(), 0, inDir.err)
        XCTAssertEqual(inDir.err, "")
    }

    func testPipeWithAWriterIsReadToTheEnd() throws {
        // /dev/stdin is the pipe the harness writes: a FIFO with a writer
        let r = try lectern(["parse", "/dev/stdin"], stdin: sampleArticle(title: "Piped Headline", paragraphs: ["Some body text."]))
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("\"title\":\"Piped Headline\""), r.out)
    }

    func testFileNamesThatAreNotUTF8AreNamedAsSuch() throws {
        let dir = try tempDir(self)
        let text = try String(contentsOfFile: repoRoot.appendingPathComponent(seedPath).path, encoding: .utf8)
        try write(dir, "ok.txt", text)
        // "caf\xe9.txt" in Latin-1: not UTF-8
        var raw = Array((dir.path + "/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        let r = try lectern(["parse", dir.path])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertEqual(r.out.components(separatedBy: "\n").filter { !$0.isEmpty }.count, 1)
        XCTAssertTrue(r.err.contains("lectern: \(dir.path)/caf\\xe9.txt: the file name is not valid UTF-8 (shown with \\x escapes); skipped: rename it to read it\n"), r.err)
        XCTAssertFalse(r.err.contains("no such file"), r.err)
        // named on the command line (raw bytes, through the shell)
        let named = try lectern(["parse"], shell: "set -- \"$@\" \"$(printf '\(dir.path)/caf\\351.txt')\";")
        XCTAssertEqual(named.status, 1, named.err)
        XCTAssertTrue(named.err.contains("caf\u{FFFD}.txt: the file name is not valid UTF-8 (or has U+FFFD); Lectern cannot open such a name: rename it\n"), named.err)
    }

    func testEscapeSequencesInMessagesAreShownEscaped() throws {
        let dir = try tempDir(self)
        let s = try write(dir, "esc.lua", """
            local function boom() error("\\27]0;owned\\7\\27[2Jgone\\r\\u{202E}txt") end
            function article(a) boom() end
            """)
        let r = try lectern(["run", s, seedPath])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(r.err.contains("\u{1B}") || r.err.contains("\u{07}") || r.err.contains("\r") || r.err.contains("\u{202E}"), r.err)
        XCTAssertTrue(r.err.contains("\\x1b]0;owned\\x07\\x1b[2Jgone\\x0d\\u{202e}txt"), r.err)
        XCTAssertTrue(r.err.contains("txt (in hook 'article')\n    "), "traceback lines kept: \(r.err)")
        let missing = try lectern(["parse", "no\u{1B}[31mfile"])
        XCTAssertTrue(missing.err.contains("lectern: no\\x1b[31mfile: no such file or directory\n"), missing.err)
        // lectern.log writes a script's own text: escaped the same way
        let log = try write(dir, "log.lua", "function article(a) lectern.log('x\\27[31mred') end\n")
        let l = try lectern(["run", log, seedPath])
        XCTAssertEqual(l.status, 0, l.err)
        XCTAssertFalse(l.err.contains("\u{1B}"), l.err)
        XCTAssertTrue(l.err.hasSuffix(": x\\x1b[31mred\n"), l.err)
    }
}

/// Runs lectern through /bin/sh, with `prefix` (limits, traps, more
/// arguments with raw bytes) before the exec; output captured in files.
func lectern(_ args: [String], shell prefix: String) throws -> Result {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-sh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", prefix + " exec \"$LECTERN\" \"$@\" >\"$OUT\" 2>\"$ERR\" </dev/null", "sh"] + args
    p.environment = ProcessInfo.processInfo.environment.merging(
        ["LECTERN": lecternBinary.path, "OUT": out.path, "ERR": err.path]) { $1 }
    p.currentDirectoryURL = repoRoot
    try p.run()
    p.waitUntilExit()
    return Result(out: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
                  err: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self),
                  status: p.terminationStatus)
}
