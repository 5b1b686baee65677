import CZlib
import Foundation
import XCTest

/// The example reports in a real browser (Debian's chromium, headless): every
/// chart's box has drawn pixels, the page's script runs to its end and the
/// console stays quiet. scripts/test installs chromium; without it these skip.
final class BrowserTests: XCTestCase {
    static let chromium: URL? = {
        let env = ProcessInfo.processInfo.environment
        let dirs = (env["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/lib/chromium"]
        for dir in dirs {
            for name in ["chromium", "chromium-browser"] {
                let path = (dir as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
            }
        }
        return nil
    }()

    func browser() throws -> URL {
        guard let c = BrowserTests.chromium else {
            throw XCTSkip("chromium is not installed, so the reports are not checked in a browser (scripts/test installs Debian's chromium package)")
        }
        return c
    }

    /// Headless chromium with a fresh profile; its standard error carries the
    /// console (--enable-logging=stderr).
    func chrome(_ args: [String], in dir: URL) throws -> (out: String, err: String, status: Int32) {
        try runProgram(try browser(), ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                       "--hide-scrollbars", "--force-device-scale-factor=1", "--no-first-run",
                                       "--enable-logging=stderr", "--v=0",
                                       "--user-data-dir=" + dir.appendingPathComponent("profile").path] + args, cwd: dir)
    }

    /// Console messages and uncaught errors in chromium's log.
    func consoleErrors(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE(") || $0.contains("Uncaught") }
    }

    /// A copy of the page that writes where its charts are (and the table after
    /// one click on a column) into the DOM, for --dump-dom.
    static let probe = """
    <script>
    (function () {
      var boxes = Array.prototype.map.call(document.querySelectorAll("svg.chart"), function (s) {
        var r = s.getBoundingClientRect();
        return [Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)].join(" ");
      });
      document.documentElement.setAttribute("data-boxes", boxes.join(";"));
      var th = document.querySelector("#records th:last-child");
      th.click();
      var first = document.querySelector("#records tbody tr:not([hidden]) td:last-child");
      document.documentElement.setAttribute("data-first", first ? first.textContent : "");
      th.click();
      first = document.querySelector("#records tbody tr:not([hidden]) td:last-child");
      document.documentElement.setAttribute("data-again", first ? first.textContent : "");
    })();
    </script>
    """

    func attribute(_ name: String, in dom: String) -> String? {
        guard let r = dom.range(of: " \(name)=\"") else { return nil }
        let rest = dom[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    func testExampleReportsDrawInChromium() throws {
        _ = try browser()
        let dir = try tempDir(self)
        for g in goldenReports {
            let html = try String(contentsOf: repoRoot.appendingPathComponent("examples/expected/\(g.file)"), encoding: .utf8)
            let page = dir.appendingPathComponent(g.file)
            try Data(html.utf8).write(to: page)
            let probe = dir.appendingPathComponent("probe-" + g.file)
            try Data(html.replacingOccurrences(of: "</body>", with: BrowserTests.probe + "</body>").utf8).write(to: probe)

            let dump = try chrome(["--window-size=1000,1000", "--dump-dom", probe.absoluteString], in: dir)
            XCTAssertEqual(dump.status, 0, dump.err)
            XCTAssertEqual(attribute("data-ready", in: dump.out), "1", "\(g.file): the page's script did not run to its end")
            XCTAssertEqual(consoleErrors(dump.err), [], g.file)
            let boxes = (attribute("data-boxes", in: dump.out) ?? "").split(separator: ";").map { $0.split(separator: " ").compactMap { Int($0) } }
            let charts = html.components(separatedBy: "<svg ").count - 1
            XCTAssertEqual(boxes.count, charts, "\(g.file): \(dump.out.prefix(300))")
            XCTAssertGreaterThan(charts, 0)
            if g.file == "word_frequency.html" {
                XCTAssertEqual(attribute("data-first", in: dump.out), "32", "one click on count sorts the largest first")
                XCTAssertEqual(attribute("data-again", in: dump.out), "3", "a second click reverses")
            }

            let height = min(6000, (boxes.map { $0[1] + $0[3] }.max() ?? 600) + 20)
            let png = dir.appendingPathComponent(g.file + ".png")
            let shot = try chrome(["--window-size=1000,\(height)", "--screenshot=" + png.path, page.absoluteString], in: dir)
            XCTAssertEqual(shot.status, 0, shot.err)
            XCTAssertEqual(consoleErrors(shot.err), [], g.file)
            let image = try PNGImage(data: Data(contentsOf: png))
            XCTAssertEqual(image.width, 1000)
            for (i, b) in boxes.enumerated() {
                let (ink, palette) = image.inkAndPalette(x: b[0], y: b[1], width: b[2], height: b[3])
                let area = b[2] * b[3]
                XCTAssertGreaterThan(area, 10_000, "\(g.file) chart \(i + 1) has a box")
                XCTAssertGreaterThan(ink * 100, area, "\(g.file) chart \(i + 1): under 1% of its box is drawn")
                XCTAssertGreaterThan(palette, 30, "\(g.file) chart \(i + 1): no pixels in the charts' blue")
            }
        }
    }

    /// The checks can fail: a page that throws is caught, and a blank box is blank.
    func testTheChecksSeeErrorsAndBlankBoxes() throws {
        _ = try browser()
        let dir = try tempDir(self)
        let page = dir.appendingPathComponent("bad.html")
        try Data("<!DOCTYPE html><html><body><svg class=\"chart\" width=\"300\" height=\"200\"></svg><script>undefinedFunction();</script></body></html>".utf8).write(to: page)
        let png = dir.appendingPathComponent("bad.png")
        let shot = try chrome(["--window-size=400,300", "--screenshot=" + png.path, page.absoluteString], in: dir)
        XCTAssertEqual(shot.status, 0, shot.err)
        XCTAssertFalse(consoleErrors(shot.err).isEmpty, "an uncaught error is seen: \(shot.err)")
        XCTAssertTrue(consoleErrors(shot.err).joined().contains("undefinedFunction"), shot.err)
        let image = try PNGImage(data: Data(contentsOf: png))
        XCTAssertEqual(image.inkAndPalette(x: 8, y: 8, width: 300, height: 200).ink, 0)
    }

    func testPNGDecoder() throws {
        // a 2x2 RGB image, one filter type per row (None, then Paeth)
        let raw: [UInt8] = [0, 255, 0, 0, 0, 0, 255, 4, 0, 0, 0, 0, 0, 0]
        var compressed = [UInt8](repeating: 0, count: 100)
        var size = UInt(compressed.count)
        XCTAssertEqual(compress(&compressed, &size, raw, UInt(raw.count)), Z_OK)
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let n = UInt32(body.count)
            return [UInt8(n >> 24), UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)] + Array(type.utf8) + body + [0, 0, 0, 0]
        }
        let png = [137, 80, 78, 71, 13, 10, 26, 10] + chunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0])
            + chunk("IDAT", Array(compressed[..<Int(size)])) + chunk("IEND", [])
        let image = try PNGImage(data: Data(png))
        XCTAssertEqual(image.pixel(0, 0), [255, 0, 0])
        XCTAssertEqual(image.pixel(1, 0), [0, 0, 255])
        XCTAssertEqual(image.pixel(0, 1), [255, 0, 0], "Paeth from the pixel above")
        XCTAssertEqual(image.pixel(1, 1), [0, 0, 255])
    }
}

/// Enough of PNG for chromium's screenshots: 8-bit RGB or RGBA, not interlaced.
struct PNGImage {
    var width = 0, height = 0, channels = 0
    var pixels: [UInt8] = []

    struct Bad: Error, CustomStringConvertible { var description: String }

    init(data: Data) throws {
        let b = [UInt8](data)
        guard b.count > 8, b[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10] else { throw Bad(description: "not a PNG") }
        func u32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        var idat: [UInt8] = []
        var i = 8
        while i + 8 <= b.count {
            let len = u32(i)
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            let body = b[(i + 8)..<(i + 8 + len)]
            if type == "IHDR" {
                width = u32(i + 8); height = u32(i + 12)
                guard b[i + 16] == 8, b[i + 20] == 0 else { throw Bad(description: "only 8-bit, non-interlaced PNGs") }
                switch b[i + 17] { case 2: channels = 3; case 6: channels = 4; default: throw Bad(description: "colour type \(b[i + 17])") }
            } else if type == "IDAT" {
                idat.append(contentsOf: body)
            }
            i += 12 + len
        }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var size = UInt(raw.count)
        guard uncompress(&raw, &size, idat, UInt(idat.count)) == Z_OK, Int(size) == raw.count else {
            throw Bad(description: "bad image data")
        }
        pixels = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let v = Int(raw[y * (stride + 1) + 1 + x])
                let a = x >= channels ? Int(pixels[y * stride + x - channels]) : 0
                let up = y > 0 ? Int(pixels[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(pixels[(y - 1) * stride + x - channels]) : 0
                let predicted: Int
                switch filter {
                case 1: predicted = a
                case 2: predicted = up
                case 3: predicted = (a + up) / 2
                case 4:
                    let p = a + up - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - up), abs(p - c))
                    predicted = pa <= pb && pa <= pc ? a : pb <= pc ? up : c
                default: predicted = 0
                }
                pixels[y * stride + x] = UInt8((v + predicted) & 255)
            }
        }
    }

    func pixel(_ x: Int, _ y: Int) -> [UInt8] {
        let o = (y * width + x) * channels
        return Array(pixels[o..<(o + 3)])
    }

    /// Pixels in the box that are not white, and those in the charts' first
    /// colour (#4269d0, give or take anti-aliasing).
    func inkAndPalette(x: Int, y: Int, width w: Int, height h: Int) -> (ink: Int, palette: Int) {
        var ink = 0, palette = 0
        for py in max(0, y)..<min(height, y + h) {
            for px in max(0, x)..<min(width, x + w) {
                let p = pixel(px, py)
                if p.contains(where: { $0 < 235 }) { ink += 1 }
                if abs(Int(p[0]) - 0x42) < 24 && abs(Int(p[1]) - 0x69) < 24 && abs(Int(p[2]) - 0xd0) < 24 { palette += 1 }
            }
        }
        return (ink, palette)
    }
}
