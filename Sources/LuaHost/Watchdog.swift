// Per-call time limits without slowing ordinary scripts (GUIDE.md): no count
// hook is set while a call is within its time. One thread wakes a few times a
// second and arms an interrupting hook in any state whose call is overdue, as
// lua.c's laction does from a signal handler. Ctrl-C interrupts every call.
import CLua
import CLuaBridge
import Foundation

final class Watchdog: @unchecked Sendable {
    static let shared = Watchdog()

    private let lock = NSLock()
    private var calls: [Int: (L: OpaquePointer, deadline: Double, fired: Bool)] = [:]
    private var nextToken = 0
    private var thread: Thread?
    private var interrupted = false

    /// Registers a call; returns a token for `end`.
    func begin(_ L: OpaquePointer, seconds: Double) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextToken += 1
        if seconds > 0 || interrupted {
            calls[nextToken] = (L, seconds > 0 ? now() + seconds : .infinity, false)
            if interrupted { lectern_interrupt(L, 2); calls[nextToken]!.fired = true }
            if thread == nil { start() }
        }
        return nextToken
    }

    /// Unregisters the call and disarms any hook it armed.
    func end(_ token: Int, _ L: OpaquePointer) {
        lock.lock()
        let entry = calls.removeValue(forKey: token)
        lock.unlock()
        if entry?.fired == true { lectern_clear_interrupt(L) }
    }

    /// Interrupts every running call and every later one (Ctrl-C).
    func interruptAll() {
        lock.lock()
        defer { lock.unlock() }
        interrupted = true
        for (k, c) in calls where !c.fired {
            lectern_interrupt(c.L, 2)
            calls[k]!.fired = true
        }
    }

    private func now() -> Double { Date.timeIntervalSinceReferenceDate }

    private func start() {
        let t = Thread { [unowned self] in
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                self.lock.lock()
                let t = self.now()
                for (k, c) in self.calls where !c.fired && t > c.deadline {
                    lectern_interrupt(c.L, 1)
                    self.calls[k]!.fired = true
                }
                self.lock.unlock()
            }
        }
        t.name = "lectern-watchdog"
        thread = t
        t.start()
    }
}

/// For the runner's SIGINT handling.
public func interruptAllScripts() { Watchdog.shared.interruptAll() }
