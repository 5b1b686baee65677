// Merging `state` across chunks. Every chunk starts from the state that setup
// left (its `base`); the writer folds each chunk's end state into the total in
// input order. How a value folds is its merge kind: declared by the script
// with `merge { key = "max", ["by_site.*"] = "counts" }`, or the default
// (numbers add what the chunk added, sequences append, tables merge by key,
// other values take the chunk's change). The runner's self-check compares
// this merge with a sequential run over the first chunk boundary and uses
// `suggestKind` to tell the user which kind to declare.

/// How one value of `state` combines across chunks.
public enum MergeKind: String, Sendable, CaseIterable {
    case sum, max, min, first, last, list, set, counts, mean, keep

    public var summary: String {
        switch self {
        case .sum: return "numbers: add what each chunk added"
        case .max: return "numbers or strings: the largest"
        case .min: return "numbers or strings: the smallest"
        case .first: return "any value: the one set by the first chunk that set it"
        case .last: return "any value: the one set by the last chunk that set it"
        case .list: return "a list: items appended by each chunk, in input order"
        case .set: return "a table used as a set (t[x] = true): the union"
        case .counts: return "a table of counts keyed by anything, integers too: added key by key"
        case .mean: return "{sum=, count=} from merge.mean(m, x): sums and counts added, mean recomputed"
        case .keep: return "set at the top level or in setup and never changed by article hooks"
        }
    }
}

/// The declared kinds of one script, as a trie over path segments ("*" matches any key).
public final class MergePlan: @unchecked Sendable {
    public var kind: MergeKind?
    var children: [String: MergePlan] = [:]
    var wildcard: MergePlan?

    public init() {}

    /// Adds "a.b.*.c" -> kind. A path is the key names from `state`, dot-separated.
    public func declare(_ path: String, _ kind: MergeKind) {
        var node = self
        for seg in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            if seg == "*" {
                if node.wildcard == nil { node.wildcard = MergePlan() }
                node = node.wildcard!
            } else {
                if node.children[seg] == nil { node.children[seg] = MergePlan() }
                node = node.children[seg]!
            }
        }
        node.kind = kind
    }

    /// The plan below key `k` (nil: no declaration below; defaults apply).
    func child(_ k: StateKey) -> MergePlan? {
        if !children.isEmpty, let c = children[k.segment] { return c }
        return wildcard
    }

    /// Copy with one more declaration (for trying a suggestion).
    func with(_ path: [String], _ kind: MergeKind) -> MergePlan {
        let p = MergePlan()
        p.copy(from: self)
        p.declare(path.joined(separator: "."), kind)
        return p
    }
    private func copy(from o: MergePlan) {
        kind = o.kind
        for (k, c) in o.children { let n = MergePlan(); n.copy(from: c); children[k] = n }
        if let w = o.wildcard { let n = MergePlan(); n.copy(from: w); wildcard = n }
    }
}

extension StateKey {
    /// The key as a path segment ("3" for integer 3).
    var segment: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return "\(d)"
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

extension StateValue {
    /// Folds `chunk` (which started from `base`) into `self`, the total so far,
    /// following `plan`. `path` names the value in errors ("state.longest").
    public mutating func merge(chunk: StateValue?, base: StateValue?, plan: MergePlan?, path: String) throws(StateError) {
        guard let chunk else { return }   // the chunk has no such key
        switch plan?.kind {
        case nil: try mergeDefault(chunk: chunk, base: base, plan: plan, path: path)
        case .sum?:
            guard let t = number, let c = chunk.number else { throw kindError(.sum, path, chunk) }
            let b = base?.number ?? 0
            if case .int(let ti) = self, case .int(let ci) = chunk, base == nil || base?.isInt == true {
                self = .int(ti &+ (ci &- (base?.intValue ?? 0)))
            } else {
                self = .double(t + (c - b))
            }
        case .max?, .min?:
            let isMax = plan?.kind == .max
            guard chunk.isOrderable else { throw kindError(plan!.kind!, path, chunk) }
            guard !isUnset else { self = chunk; return }
            guard let less = StateValue.less(self, chunk) else {
                throw StateError(description: "\(path) is declared '\(plan!.kind!.rawValue)' but holds both \(typeWord) and \(chunk.typeWord), which do not compare")
            }
            if isMax ? less : StateValue.less(chunk, self)! { self = chunk }
        case .first?:
            if (isUnset || self == base) && chunk != base { self = chunk }
        case .last?:
            if chunk != base { self = chunk }
        case .list?:
            guard case .table(var tl, let tm) = self, case .table(let cl, let cm) = chunk else { throw kindError(.list, path, chunk) }
            guard cm.isEmpty else {
                throw StateError(description: "\(path) is declared 'list' but has keys other than 1..n (\(cm.keys.sorted().prefix(3).map(\.segment).joined(separator: ", "))); use 'counts' or 'set' for tables keyed by value")
            }
            var bl: [StateValue] = []
            if case .table(let l, _)? = base { bl = l }
            if cl.count > bl.count { tl.append(contentsOf: cl[bl.count...]) }
            self = .table(list: tl, map: tm)
        case .set?:
            guard case .table = self, case .table = chunk else { throw kindError(.set, path, chunk) }
            var t = self.asMap
            let c = chunk.asMap
            for (k, v) in c where t[k] == nil { t[k] = v }
            self = StateValue.fromMap(t)
        case .counts?:
            guard case .table = self, case .table = chunk else { throw kindError(.counts, path, chunk) }
            var t = self.asMap
            let c = chunk.asMap
            let b = base.map { $0.isTable ? $0.asMap : [:] } ?? [:]
            for k in c.keys.sorted() {
                let cv = c[k]!
                guard let cn = cv.number else {
                    throw StateError(description: "\(path)[\(k.segment)] holds \(cv.typeWord), but \(path) is declared 'counts' (numbers keyed by anything)")
                }
                let bn = b[k]?.number ?? 0
                if let tv = t[k] {
                    guard let tn = tv.number else { throw kindError(.counts, path, tv) }
                    if case .int(let ti) = tv, case .int(let ci) = cv, b[k] == nil || b[k]?.isInt == true {
                        t[k] = .int(ti &+ (ci &- (b[k]?.intValue ?? 0)))
                    } else {
                        t[k] = .double(tn + (cn - bn))
                    }
                } else if cn != bn || b[k] != nil {
                    if case .int(let ci) = cv, b[k] == nil || b[k]?.isInt == true {
                        t[k] = .int(ci &- (b[k]?.intValue ?? 0))
                    } else {
                        t[k] = .double(cn - bn)
                    }
                }
            }
            self = StateValue.fromMap(t)
        case .mean?:
            guard case .table(_, var tm) = self, case .table(_, let cm) = chunk,
                  let cs = cm[.string("sum")]?.number, let cc = cm[.string("count")]?.number else {
                throw StateError(description: "\(path) is declared 'mean' but is not a {sum=, count=} table (keep it with \(path.split(separator: ".").last.map { "state.\($0)" } ?? path) = merge.mean(\(path), x))")
            }
            var bs = 0.0, bc = 0.0
            if case .table(_, let bm)? = base { bs = bm[.string("sum")]?.number ?? 0; bc = bm[.string("count")]?.number ?? 0 }
            let ts = (tm[.string("sum")]?.number ?? 0) + (cs - bs)
            let tc = (tm[.string("count")]?.number ?? 0) + (cc - bc)
            tm[.string("sum")] = ts == ts.rounded() && abs(ts) < 9e15 ? .int(Int64(ts)) : .double(ts)
            tm[.string("count")] = .int(Int64(tc))
            tm[.string("mean")] = tc > 0 ? .double(ts / tc) : nil
            self = .table(list: [], map: tm)
        case .keep?:
            if chunk != base {
                throw StateError(description: "\(path) is declared 'keep' (set in setup, never changed) but article hooks changed it: \(base.map { $0.brief } ?? "nil") became \(chunk.brief)")
            }
        }
    }

    /// The default merge (no declaration at this path).
    private mutating func mergeDefault(chunk: StateValue, base: StateValue?, plan: MergePlan?, path: String) throws(StateError) {
        switch (self, chunk) {
        case (.int(let t), .int(let c)):
            if case .int(let b)? = base { self = .int(t &+ (c &- b)) } else if case .double(let b)? = base {
                self = .double(Double(t) + (Double(c) - b))
            } else { self = .int(t &+ c) }
        case (.int, .double), (.double, .int), (.double, .double):
            self = .double(number! + (chunk.number! - (base?.number ?? 0)))
        case (.table(var tl, var tm), .table(let cl, let cm)):
            var bl: [StateValue] = [], bm: [StateKey: StateValue] = [:]
            if case .table(let l, let m)? = base { bl = l; bm = m }
            if cl.count > bl.count { tl.append(contentsOf: cl[bl.count...]) }
            for key in cm.keys.sorted() {
                let cv = cm[key]!
                let sub = StateValue.childPath(path, key)
                let childPlan = plan?.child(key)
                var merged = tm[key] ?? StateValue.zeroLike(cv, kind: childPlan?.kind)
                try merged.merge(chunk: cv, base: bm[key], plan: childPlan, path: sub)
                tm[key] = merged
            }
            self = .table(list: tl, map: tm)
        default:
            if chunk != base { self = chunk }
        }
    }

    /// What a chunk's value is folded into when the total has no such key yet.
    static func zeroLike(_ v: StateValue, kind: MergeKind?) -> StateValue {
        switch (kind, v) {
        case (.max?, _), (.min?, _), (.first?, _), (.last?, _), (.keep?, _): return .unset
        case (_, .int): return .int(0)
        case (_, .double): return .double(0)
        case (_, .table): return .emptyTable
        default: return v
        }
    }

    static func childPath(_ path: String, _ key: StateKey) -> String {
        if case .string(let s) = key, s.first.map({ $0.isLetter || $0 == "_" }) == true,
           s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            return "\(path).\(s)"
        }
        if case .string(let s) = key { return "\(path)[\"\(s)\"]" }
        return "\(path)[\(key.segment)]"
    }

    /// The placeholder of a max/min/first/last/keep value that has no total yet.
    static let unset = StateValue.table(list: [], map: [.string("\u{0}unset"): .bool(true)])
    var isUnset: Bool { self == StateValue.unset }

    var isInt: Bool { if case .int = self { return true }; return false }
    var intValue: Int64 { if case .int(let i) = self { return i }; return 0 }
    public var isTable: Bool { if case .table = self { return true }; return false }
    var isOrderable: Bool {
        switch self { case .int, .double, .string: return true; default: return false }
    }

    /// a < b for two numbers or two strings; nil when they do not compare.
    static func less(_ a: StateValue, _ b: StateValue) -> Bool? {
        if let x = a.number, let y = b.number { return x < y }
        if case .string(let x) = a, case .string(let y) = b { return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8)) }
        return nil
    }

    /// A table's entries with the sequence part as integer keys.
    public var asMap: [StateKey: StateValue] {
        guard case .table(let l, var m) = self else { return [:] }
        for (i, v) in l.enumerated() { m[.int(Int64(i + 1))] = v }
        return m
    }

    /// Back to the list/map split (integer keys 1..n become the list).
    static func fromMap(_ m: [StateKey: StateValue]) -> StateValue {
        var m = m
        var list: [StateValue] = []
        var i: Int64 = 1
        while let v = m.removeValue(forKey: .int(i)) { list.append(v); i += 1 }
        return .table(list: list, map: m)
    }

    var typeWord: String {
        switch self {
        case .int, .double: return "a number"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .table: return "a table"
        }
    }

    /// A short rendering for messages (Lua-like, long values cut).
    public var brief: String {
        var out = ""
        LuaValues.writeJSON(self, into: &out)
        if out.count > 120 { out = String(out.prefix(117)) + "..." }
        return out
    }

    func kindError(_ k: MergeKind, _ path: String, _ v: StateValue) -> StateError {
        StateError(description: "\(path) is declared '\(k.rawValue)' (\(k.summary)) but holds \(v.typeWord)")
    }

    /// Removes the placeholder that `zeroLike` puts where a max/min/first/last
    /// value had no total yet.
    mutating func dropPlaceholders() {
        guard case .table(var l, var m) = self, !isUnset else { return }
        for i in l.indices { l[i].dropPlaceholders() }
        for k in Array(m.keys) {
            var v = m[k]!
            if v.isUnset { m[k] = nil; continue }
            v.dropPlaceholders()
            m[k] = v
        }
        self = .table(list: l, map: m)
    }
}

// MARK: - The self-check's comparison

public struct StateDifference: Sendable {
    public var path: String          // "state.longest"
    public var segments: [String]    // ["longest"]
    public var merged: StateValue?
    public var sequential: StateValue?
}

extension StateValue {
    /// Equal, with numbers compared to a relative 1e-9 (float sums in another order).
    public static func close(_ a: StateValue, _ b: StateValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double):
            let x = a.number!, y = b.number!
            if x == y || (x.isNaN && y.isNaN) { return true }
            return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        case (.table(let al, let am), .table(let bl, let bm)):
            guard al.count == bl.count, am.count == bm.count else { return false }
            for i in al.indices where !close(al[i], bl[i]) { return false }
            for (k, v) in am { guard let w = bm[k], close(v, w) else { return false } }
            return true
        default: return a == b
        }
    }

    /// The first place (depth first, keys sorted) where the two differ.
    public static func firstDifference(_ a: StateValue?, _ b: StateValue?, path: String = "state",
                                       segments: [String] = []) -> StateDifference? {
        switch (a, b) {
        case (nil, nil): return nil
        case (.table?, .table?):
            let am = a!.asMap, bm = b!.asMap
            let keys = Set(am.keys).union(bm.keys).sorted()
            for k in keys {
                if let d = firstDifference(am[k], bm[k], path: childPath(path, k), segments: segments + [k.segment]) { return d }
            }
            return nil
        default:
            if let a, let b, close(a, b) { return nil }
            return StateDifference(path: path, segments: segments, merged: a, sequential: b)
        }
    }

    /// The merge kinds that, declared at the difference's path (or a table
    /// above it), make the merge of the two chunks give the sequential value;
    /// the path has "*" for keys that come from the data (not in the state
    /// after setup). Empty when no kind does.
    public static func suggestKinds(for d: StateDifference, initial: StateValue, first: StateValue, second: StateValue,
                                    sequential: StateValue, plan: MergePlan) -> (path: [String], kinds: [MergeKind]) {
        var segs = d.segments
        while !segs.isEmpty {
            let sample = segs.count > 1 ? d.merged ?? d.sequential : d.sequential ?? d.merged
            let order: [MergeKind]
            switch sample {
            case .string?, .bool?: order = [.first, .last, .min, .max]
            case .table?: order = [.counts, .set, .list, .mean]
            default: order = [.max, .min, .last, .first, .sum, .counts, .set, .list]
            }
            for path in wildcarded(segs, initial: initial) {
                var found: [MergeKind] = []
                for kind in order {
                    let p = plan.with(path, kind)
                    var total = initial
                    do {
                        try total.merge(chunk: first, base: initial, plan: p, path: "state")
                        try total.merge(chunk: second, base: initial, plan: p, path: "state")
                    } catch { continue }
                    total.dropPlaceholders()
                    if firstDifference(total, sequential) == nil { found.append(kind) }
                }
                if !found.isEmpty { return (path, found) }
            }
            segs.removeLast()
        }
        return ([], [])
    }

    /// Candidate paths: keys below the first that the state after setup does
    /// not have may come from the data (authors, sites, words), so each may be
    /// "*"; most wildcards first, the exact path last.
    static func wildcarded(_ path: [String], initial: StateValue) -> [[String]] {
        var free: [Int] = []
        var node: StateValue? = initial
        for (i, s) in path.enumerated() {
            let key: StateKey = Int64(s).map { .int($0) } ?? .string(s)
            let child = node?.isTable == true ? node!.asMap[key] : nil
            if i > 0 && child == nil { free.append(i) }
            node = child
        }
        free = Array(free.prefix(4))
        var out: [[String]] = []
        for mask in 0..<(1 << free.count) {
            var p = path
            for (b, i) in free.enumerated() where mask & (1 << b) != 0 { p[i] = "*" }
            out.append(p)
        }
        return out.sorted { a, b in
            let wa = a.filter { $0 == "*" }.count, wb = b.filter { $0 == "*" }.count
            return wa != wb ? wa > wb : a.lexicographicallyPrecedes(b)
        }
    }
}
