// Per-call time limits without slowing ordinary scripts (GUIDE.md): no count
// hook is set while a call is within its time. One thread wakes a few times a
// second and arms an interrupting hook in any state whose call is overdue, as
// lua.c's laction does from a signal handler. Ctrl-C interrupts every call.
//
// Some calls no hook can stop: a long C function (a backtracking pattern, a
// huge string.rep) or a __gc finalizer, where Lua runs no hooks. When a call
// has not returned a grace period after its hook was armed, the watchdog
// gives up on it: `lastResort` (set by the runner) keeps what was computed,
// says which script and article, and ends the process.
import CLua
import CLuaBridge
import Foundation

final class Watchdog: @unchecked Sendable {
    static let shared = Watchdog()

    private struct Call {
        var L: OpaquePointer
        var deadline: Double
        var firedAt: Double?      // when the interrupting hook was armed
        var reason: Int32 = 0     // 1 time limit, 2 interrupt
        var describe: () -> String
    }

    private let lock = NSLock()
    private var calls: [Int: Call] = [:]
    private var nextToken = 0
    private var thread: Thread?
    private var interrupted = false
    private var gaveUp = false

    /// Seconds a call may go on after its hook was armed (time limit / Ctrl-C).
    var graceAfterTimeout: Double = 5
    var graceAfterInterrupt: Double = 1
    /// Called once, from the watchdog thread, for a call that no hook could stop:
    /// (message, exit status). It must not return.
    var lastResort: ((String, Int32) -> Void)?

    /// Registers a call; returns a token for `end`. Every call is registered,
    /// limit or not, so that Ctrl-C reaches it.
    func begin(_ L: OpaquePointer, seconds: Double, describe: @escaping () -> String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        var call = Call(L: L, deadline: seconds > 0 ? now() + seconds : .infinity, describe: describe)
        if interrupted {
            lectern_interrupt(L, 2)
            call.firedAt = now()
            call.reason = 2
        }
        calls[nextToken] = call
        if thread == nil { start() }
        return nextToken
    }

    /// Unregisters the call and disarms any hook it armed.
    func end(_ token: Int, _ L: OpaquePointer) {
        lock.lock()
        let entry = calls.removeValue(forKey: token)
        lock.unlock()
        if entry?.firedAt != nil || lectern_pending(L) != 0 { lectern_clear_interrupt(L) }
    }

    /// Interrupts every running call and every later one (Ctrl-C).
    func interruptAll() {
        lock.lock()
        defer { lock.unlock() }
        interrupted = true
        let t = now()
        for (k, c) in calls where c.reason != 2 {
            lectern_interrupt(c.L, 2)
            calls[k]!.firedAt = t
            calls[k]!.reason = 2
        }
        if thread == nil { start() }
    }

    private func now() -> Double { Date.timeIntervalSinceReferenceDate }

    private func start() {
        let t = Thread { [unowned self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                self.lock.lock()
                let t = self.now()
                var overdue: (String, Int32)? = nil
                for (k, c) in self.calls {
                    if c.firedAt == nil, t > c.deadline {
                        lectern_interrupt(c.L, 1)
                        self.calls[k]!.firedAt = t
                        self.calls[k]!.reason = 1
                    } else if let f = c.firedAt, !self.gaveUp {
                        let grace = c.reason == 2 ? self.graceAfterInterrupt : self.graceAfterTimeout
                        if t - f > grace {
                            let what = c.reason == 2 ? "was interrupted (Ctrl-C)" : "ran past its time limit"
                            overdue = ("\(c.describe()) \(what) and did not return within \(JSONWriterFormat.seconds(grace)) s after: it is stuck where no hook can stop it (a long C call such as a backtracking pattern or a huge string.rep, or a __gc finalizer). The run was stopped; what was computed before is kept.",
                                       c.reason == 2 ? 130 : 1)
                        }
                    }
                }
                if overdue != nil { self.gaveUp = true }
                self.lock.unlock()
                if let (message, status) = overdue {
                    if let f = self.lastResort { f(message, status) }
                    FileHandle.standardError.write(Data(("lectern: " + message + "\n").utf8))
                    exit(status)
                }
            }
        }
        t.name = "lectern-watchdog"
        thread = t
        t.start()
    }
}

enum JSONWriterFormat {
    static func seconds(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}

/// For the runner's SIGINT handling.
public func interruptAllScripts() { Watchdog.shared.interruptAll() }

/// For the runner: what to do with a call that no hook could stop (keep the
/// output, say why, exit with the status given); the grace periods.
public func setScriptLastResort(_ f: @escaping (String, Int32) -> Void) { Watchdog.shared.lastResort = f }
