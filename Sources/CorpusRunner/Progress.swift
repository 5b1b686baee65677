// The progress line on standard error, only when it is a terminal.
import Foundation

final class Progress: @unchecked Sendable {
    let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var total: Int?
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    /// The number of articles, from a quick count or (final) from the walk itself.
    func setTotal(_ n: Int, final: Bool = false) {
        lock.lock()
        if final || total == nil { total = n }
        lock.unlock()
    }

    func advance(_ n: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        done += n
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var line = "\r\u{1B}[K\(done)"
        if let total { line += "/\(total)" }
        line += " articles, \(Int(rate))/s, \(Progress.clock(elapsed)) elapsed"
        if let total, rate > 0, total > done { line += ", ETA \(Progress.clock(Double(total - done) / rate))" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func clock(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%02d:%02d", t / 60, t % 60)
    }
}
