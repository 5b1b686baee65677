// One Lua state and the scripts loaded into it. Each worker thread owns one
// ScriptHost (a lua_State is not thread-safe); the runner's main thread owns one
// more for setup output and finish. Every call into Lua goes through
// lectern_pcall; Swift functions called from Lua report errors by returning -1
// and the C trampoline raises them.
import CLua
import CLuaBridge
import ArticleModel
import Foundation
import Report

public struct HostOptions: Sendable {
    public var unsafe = false
    /// Bytes a Lua state may allocate; 0 means no cap.
    public var memoryLimit = 1024 * 1024 * 1024
    /// Seconds one hook call may run; 0 means no limit.
    public var timeout: Double = 30
    /// Extra folders for `require`.
    public var luaPath: [String] = []
    /// Serialise records as JSON lines in the worker (for --format jsonl).
    public var recordsAsJSON = true
    public init() {}
}

public enum FailureReason: String, Sendable {
    case error, timeout, memory, interrupted
}

public struct HookFailure: Sendable {
    public var source: String?      // the article's path, nil in setup/finish
    public var hook: String
    public var message: String      // "script.lua:12: attempt to ..."
    public var traceback: [String]  // the script frames, short
    public var reason: FailureReason

    /// "seeds/a.txt: examples/x.lua:3: attempt to index a nil value (in hook article)"
    public var report: String {
        var s = ""
        if let source { s += source + ": " }
        s += message + " (in hook '\(hook)')"
        for line in traceback { s += "\n    " + line }
        return s
    }
}

public struct ScriptLoadError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public struct ScriptMeta: Sendable {
    public var path: String
    public var description: String?
    public var declaresArgs: Bool
    public var args: [(name: String, defaultValue: String?, help: String?)]
    public var hooks: [String]
}

public final class ScriptHost {
    let L: LuaL
    public let options: HostOptions
    var preludeRef: Int32 = 0
    var scriptPaths: [String] = []
    /// Their file names, made once (every record carries one).
    var scriptNames: [String] = []
    var envRefs: [Int32] = []
    /// Built-in hook name -> the functions to call, plugins' first.
    var handlers: [String: [(script: Int, ref: Int32)]] = [:]
    /// Element hooks some script or plugin defines (set after setup).
    var activeElementHooks: [HookSpec] = []
    var articleMetaRef: Int32 = 0
    var textFnRef: Int32 = 0
    var xpathFnRef: Int32 = 0

    // What the current call writes.
    public var output: [OutputItem] = []
    public var discardOutput = false
    public var failures: [HookFailure] = []
    /// Warnings that are not failures (invalid UTF-8 in a record), in order.
    var warnings: [String] = []
    /// columns{...} of each script (by index), first call wins.
    var columnsByScript: [Int: [String]] = [:]
    /// columns_for(name, {...}): the declared columns of named outputs.
    public private(set) var namedColumns: [String: [String]] = [:]
    /// `object = {...}` of columns{...} (by script) and columns_for: fields whose empty table is {}.
    var objectFieldsByScript: [Int: Set<String>] = [:]
    var namedObjectFields: [String: Set<String>] = [:]
    /// The script whose top level or hook is running (-1: a plugin's handler):
    /// emit and columns{...} belong to it.
    var currentScript = 0
    /// What chart{...} declared, in order (for --format html).
    public private(set) var charts: [ChartSpec] = []
    var phase: HookPhase = .setup
    var currentHook = "setup"

    // The article whose hooks are running.
    var article: Article?
    var articleTable: UnsafeRawPointer?
    /// The current article's field cache (a registry ref; 0 between articles).
    var cacheRef: Int32 = 0
    var bodyText: String?
    var xpath: XPathFunction?
    public var source: String?

    public init(options: HostOptions) throws(ScriptLoadError) {
        self.options = options
        guard let L = lectern_newstate(options.memoryLimit) else {
            throw ScriptLoadError(description: "cannot create a Lua state (out of memory)")
        }
        self.L = L
        lectern_set_host(L, Unmanaged.passUnretained(self).toOpaque())
        lectern_set_host_mode(L, 1)
        luaL_openlibs(L)
        try installPrelude()
        lectern_set_host_mode(L, 0)
    }

    deinit {
        lectern_close(L)
    }

    public var memoryUsed: Int { lectern_memory_used(L) }

    // MARK: - Prelude and host functions

    private func installPrelude() throws(ScriptLoadError) {
        let src = preludeSource
        let status = src.withCString { lectern_loadtext(L, $0, strlen($0), "=lectern") }
        guard status == LUA_OK else { throw ScriptLoadError(description: "prelude: \(describe(L, -1))") }
        // H: the Swift functions the prelude hands to scripts.
        pushFunctionTable(L, ["write": hostWrite, "emit": hostEmit, "columns": hostColumns,
                              "emit_to": hostEmitTo, "columns_for": hostColumnsFor,
                              "report": hostReport, "log": hostLog, "phase": hostPhase,
                              "memory_left": hostMemoryLeft, "is_regular": hostIsRegular, "pending": hostPending], extra: 4)
        let h = lua_gettop(L)
        lectern_pushcocreate(L)
        rawSetField(L, h, "cocreate")
        pushString(L, HookRegistry.names.joined(separator: " "))
        rawSetField(L, h, "hook_names")
        pushString(L, lecternVersion)
        rawSetField(L, h, "version")
        lectern_pushsafe(L, hostChart, 0)   // chart{...}, beside columns (Report)
        rawSetField(L, h, "chart")
        TextModule.push(L)
        rawSetField(L, h, "text")
        lua_pushboolean(L, options.unsafe ? 1 : 0)
        pushString(L, options.luaPath.joined(separator: "\n"))
        guard lectern_pcall(L, 3, 1) == LUA_OK else {
            throw ScriptLoadError(description: "prelude: \(describe(L, -1))")
        }
        preludeRef = lectern_ref(L)

        // The article object's metatable and methods.
        // The article a script sees is an empty table: every read goes through
        // __index to a cache only the host writes, and every write is refused,
        // so no script can put a wrong type where the host expects a list.
        lua_createtable(L, 0, 4)
        let meta = lua_gettop(L)
        lectern_pushsafe(L, articleIndex, 0)
        rawSetField(L, meta, "__index")
        lectern_pushsafe(L, articleNewIndex, 0)
        rawSetField(L, meta, "__newindex")
        // pairs(a) and lectern.inspect(a) list the fields (the table itself is empty).
        lectern_pushsafe(L, articlePairs, 0)
        rawSetField(L, meta, "__pairs")
        pushString(L, "article")
        rawSetField(L, meta, "__name")
        pushString(L, "article")
        rawSetField(L, meta, "__metatable")
        articleMetaRef = lectern_ref(L)
        lectern_pushsafe(L, articleText, 0)
        textFnRef = lectern_ref(L)
        lectern_pushsafe(L, articleXPath, 0)
        xpathFnRef = lectern_ref(L)
    }

    /// The value at `index` is the article object of the hook running now.
    func isLiveArticle(_ L: LuaL, _ index: Int32) -> Bool {
        article != nil && lua_topointer(L, index) == articleTable && cacheRef != 0
    }

    /// Pushes P[name] (a prelude function).
    private func pushPrelude(_ name: String) {
        lectern_getref(L, preludeRef)
        rawGetField(L, lua_gettop(L), name)
        lectern_remove(L, -2)
    }

    // MARK: - Loading scripts

    /// Loads a script; its top level runs now. Errors name file:line.
    public func load(path: String) throws(ScriptLoadError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw ScriptLoadError(description: isDir.boolValue ? "\(path): is a directory, not a script" : "\(path): cannot read the script")
            }
            throw ScriptLoadError(description: "\(path): no such script")
        }
        let src = String(decoding: data, as: UTF8.self)
        phase = .setup
        currentHook = "load"
        currentScript = scriptPaths.count
        lectern_set_host_mode(L, 1)
        pushPrelude("load_script")
        pushString(L, src)
        pushString(L, path)
        lectern_set_host_mode(L, 0)
        let status = guarded { lectern_pcall(L, 2, 2) }
        if status != LUA_OK {
            let f = failure(status: status, hook: "load")
            throw ScriptLoadError(description: f.message + (f.traceback.isEmpty ? "" : "\n    " + f.traceback.joined(separator: "\n    ")))
        }
        // results: index, env
        envRefs.append(lectern_ref(L))
        lectern_pop(L, 1)
        scriptPaths.append(path)
        scriptNames.append((path as NSString).lastPathComponent)
    }

    /// Description, declared args and defined hooks of script `i`.
    public func meta(_ i: Int) -> ScriptMeta {
        pushPrelude("meta")
        lua_pushinteger(L, lua_Integer(i + 1))
        var m = ScriptMeta(path: scriptPaths[i], description: nil, declaresArgs: false, args: [], hooks: [])
        guard guarded({ lectern_pcall(L, 1, 3) }) == LUA_OK else { lectern_pop(L, 1); return m }
        m.description = stringAt(L, -3)
        m.declaresArgs = lua_toboolean(L, -2) != 0
        let list = lua_gettop(L)
        let n = lua_rawlen(L, list)
        if n > 0 {
            for k in 1...Int(n) {
                lua_rawgeti(L, list, lua_Integer(k))
                let t = lua_gettop(L)
                rawGetField(L, t, "name"); let name = stringAt(L, -1) ?? ""; lectern_pop(L, 1)
                rawGetField(L, t, "default"); let def = stringAt(L, -1); lectern_pop(L, 1)
                rawGetField(L, t, "help"); let help = stringAt(L, -1); lectern_pop(L, 1)
                m.args.append((name, def, help))
                lectern_pop(L, 1)
            }
        }
        lectern_pop(L, 3)
        for spec in HookRegistry.builtins where functionRef(script: i, name: spec.name, keep: false) {
            m.hooks.append(spec.name)
        }
        return m
    }

    public var scriptCount: Int { scriptPaths.count }

    /// Pushes P.hook_fn(i, name); returns whether it is a function (ref'd into `out` when keep).
    private func functionRef(script i: Int, name: String, keep: Bool, out: inout Int32) -> Bool {
        pushPrelude("hook_fn")
        lua_pushinteger(L, lua_Integer(i + 1))
        pushString(L, name)
        guard guarded({ lectern_pcall(L, 2, 1) }) == LUA_OK, lectern_isfunction(L, -1) != 0 else {
            lectern_pop(L, 1)
            return false
        }
        if keep { out = lectern_ref(L) } else { lectern_pop(L, 1) }
        return true
    }
    private func functionRef(script i: Int, name: String, keep: Bool) -> Bool {
        var unused: Int32 = 0
        return functionRef(script: i, name: name, keep: keep, out: &unused)
    }

    /// Finds the functions for built-in hook `name`: plugins' (lectern.on), then each script's.
    func resolve(_ name: String) {
        if let old = handlers[name] { for h in old { lectern_unref(L, h.ref) } }
        var list: [(Int, Int32)] = []
        pushPrelude("handlers")
        pushString(L, name)
        if guarded({ lectern_pcall(L, 1, 1) }) == LUA_OK {
            let t = lua_gettop(L)
            let n = lua_rawlen(L, t)
            if n > 0 {
                for k in 1...Int(n) {
                    lua_rawgeti(L, t, lua_Integer(k))
                    list.append((-1, lectern_ref(L)))
                }
            }
        }
        lectern_pop(L, 1)
        for i in 0..<scriptPaths.count {
            var ref: Int32 = 0
            if functionRef(script: i, name: name, keep: true, out: &ref) { list.append((i, ref)) }
        }
        handlers[name] = list
    }

    public func has(_ hook: String) -> Bool { !(handlers[hook]?.isEmpty ?? true) }

    // MARK: - setup / finish

    /// Runs setup(args) of every script; resolves every hook afterwards.
    public func setup(args: [String: String]) -> Bool {
        resolve("setup")
        phase = .setup
        var ok = true
        for h in handlers["setup"] ?? [] {
            currentScript = h.script
            lectern_set_host_mode(L, 1)
            lectern_getref(L, h.ref)
            lua_createtable(L, 0, Int32(args.count))
            let t = lua_gettop(L)
            for (k, v) in args.sorted(by: { $0.key < $1.key }) {
                pushString(L, v)
                rawSetField(L, t, k)
            }
            lectern_set_host_mode(L, 0)
            ok = call(nargs: 1, hook: "setup") && ok
        }
        for spec in HookRegistry.builtins where spec.name != "setup" { resolve(spec.name) }
        activeElementHooks = HookRegistry.builtins.filter { $0.phase == .element && has($0.name) }
        return ok
    }

    public func finish() -> Bool {
        phase = .finish
        var ok = true
        // Finish may use as much memory again as the merged state took to push.
        lectern_set_memory_limit(L, options.memoryLimit == 0 ? 0 : memoryUsed + options.memoryLimit)
        for h in handlers["finish"] ?? [] {
            currentScript = h.script
            lectern_getref(L, h.ref)
            ok = call(nargs: 0, hook: "finish") && ok
        }
        return ok
    }

    // MARK: - state

    /// Copies each script's `state` out of Lua.
    public func readStates() -> [Result<StateValue, StateError>] {
        lectern_set_host_mode(L, 1)
        defer { lectern_set_host_mode(L, 0) }
        return envRefs.enumerated().map { (i, ref) in
            lectern_getref(L, ref)
            rawGetField(L, lua_gettop(L), "state")
            defer { lectern_pop(L, 2) }
            if lua_type(L, -1) == LUA_TNIL { return .success(.emptyTable) }
            var seen = Set<UnsafeRawPointer>()
            do {
                return .success(try LuaValues.stateValue(L, -1, path: "state", seen: &seen))
            } catch let error as StateError {
                return .failure(StateError(description: "\(scriptPaths[i]): \(error.description)"))
            } catch {
                return .failure(StateError(description: "\(scriptPaths[i]): \(error)"))
            }
        }
    }

    /// Replaces each script's `state` with a fresh copy of the given values.
    public func writeStates(_ states: [StateValue]) {
        lectern_set_host_mode(L, 1)
        defer { lectern_set_host_mode(L, 0) }
        for (i, ref) in envRefs.enumerated() where i < states.count {
            lectern_getref(L, ref)
            let env = lua_gettop(L)
            LuaValues.push(L, states[i])
            rawSetField(L, env, "state")
            lectern_pop(L, 1)
        }
    }

    /// Remembers every script's globals after setup (see `changedGlobals`).
    public func snapshotGlobals() {
        for i in 0..<scriptPaths.count { callPrelude("snapshot", script: i) }
    }

    /// At the end of a chunk, per script: the globals and the locals (upvalues
    /// of the script's functions) that per-article hooks changed since setup.
    /// They are put back to their values after setup, so the next chunk starts
    /// as every chunk does.
    public func endChunk() -> (globals: [[String]], locals: [[String]]) {
        var globals: [[String]] = [], locals: [[String]] = []
        for i in 0..<scriptPaths.count {
            let r = callPrelude("chunk_end", script: i, results: 2)
            globals.append(r?[0] ?? [])
            locals.append(r?[1] ?? [])
        }
        return (globals, locals)
    }

    /// Per script, which of the given locals (labels from `endChunk`) finish reads.
    public func finishReads(_ labels: [[String]]) -> [[String]] {
        (0..<scriptPaths.count).map { i in
            guard i < labels.count, !labels[i].isEmpty else { return [] }
            return callPrelude("finish_reads", script: i, arg: labels[i].joined(separator: "\n"), results: 1)?[0] ?? []
        }
    }

    /// Global functions named almost like a hook (`paragraphs`, `Article`),
    /// which Lectern would never call: one warning each.
    public func hookNameWarnings() -> [String] {
        var out: [String] = []
        for i in 0..<scriptPaths.count {
            for line in callPrelude("near_hooks", script: i, results: 1)?[0] ?? [] {
                let parts = line.split(separator: "\t").map(String.init)
                guard parts.count == 2 else { continue }
                out.append("\(scriptPaths[i]): function '\(parts[0])' is not a hook, so it is never called; did you mean \(parts[1])? (hooks: \(HookRegistry.names.joined(separator: ", ")))")
            }
        }
        return out
    }

    /// Per script, the merge kinds it declared with merge { ... }.
    public func mergePlans() -> [MergePlan] {
        (0..<scriptPaths.count).map { i in
            let plan = MergePlan()
            for line in callPrelude("merges", script: i, results: 1)?[0] ?? [] {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                if parts.count == 2, let k = MergeKind(rawValue: parts[1]) { plan.declare(parts[0], k) }
            }
            return plan
        }
    }

    /// Calls P[name](script i + 1 [, arg]) under the watchdog; each string
    /// result split into lines, or nil when the call failed.
    @discardableResult
    private func callPrelude(_ name: String, script i: Int, arg: String? = nil, results n: Int32 = 0) -> [[String]]? {
        pushPrelude(name)
        lua_pushinteger(L, lua_Integer(i + 1))
        if let arg { pushString(L, arg) }
        guard guarded({ lectern_pcall(L, arg == nil ? 1 : 2, n) }) == LUA_OK else { lectern_pop(L, 1); return nil }
        defer { lectern_pop(L, n) }
        return (0..<n).map { k in lines(stringAt(L, k - n)) }
    }

    private func lines(_ s: String?) -> [String] {
        guard let s, !s.isEmpty else { return [] }
        return s.split(separator: "\n").map(String.init)
    }

    /// Makes reading those globals in finish an error that says to use `state`.
    public func poisonGlobals(_ names: [[String]]) {
        for (i, list) in names.enumerated() where !list.isEmpty && i < scriptPaths.count {
            callPrelude("poison", script: i, arg: list.joined(separator: "\n"))
        }
    }

    // MARK: - Calling hooks

    /// Calls the function below `nargs` arguments on the stack; records a failure.
    @discardableResult
    func call(nargs: Int32, hook: String) -> Bool {
        currentHook = hook
        let status = guarded { lectern_pcall(L, nargs, 0) }
        if status == LUA_OK { return true }
        failures.append(failure(status: status, hook: hook))
        return false
    }

    /// Runs `body` with the watchdog armed for this state.
    func guarded(_ body: () -> Int32) -> Int32 {
        let token = Watchdog.shared.begin(L, seconds: options.timeout) { [unowned self] in
            "\(self.scriptPaths.isEmpty ? "the script" : self.scriptPaths.joined(separator: ", ")): hook '\(self.currentHook)'" +
                (self.source.map { " on \($0)" } ?? "")
        }
        let status = body()
        Watchdog.shared.end(token, L)
        return status
    }

    /// Pops the error value and describes it.
    func failure(status: Int32, hook: String) -> HookFailure {
        var text = describe(L, -1)
        lectern_pop(L, 1)
        var reason = FailureReason.error
        let firstLine = text.prefix { $0 != "\n" }
        if status == LUA_ERRMEM || firstLine.hasSuffix("not enough memory") {
            reason = .memory
            // A memory error from the allocator has no position: it noted the line it refused at.
            var at = ""
            if let r = firstLine.range(of: ": not enough memory", options: .backwards) { at = String(firstLine[..<r.lowerBound]) }
            if at.isEmpty { at = String(cString: lectern_refused_at(L)) }
            let rest = text.dropFirst(firstLine.count)
            text = (at.isEmpty ? "" : at + ": ") + "memory limit exceeded (--memory \(options.memoryLimit / (1024 * 1024)) MB)" + rest
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let message = lines.isEmpty ? "" : lines.removeFirst()
        var msg = message
        if msg.hasSuffix("time limit exceeded") {
            reason = .timeout
            msg += " (--timeout \(JSONWriter.format(options.timeout)) s)"
        } else if msg.hasSuffix(": interrupted") || msg == "interrupted" {
            reason = .interrupted
        }
        // Keep the traceback's frames in scripts and modules; drop C and prelude frames.
        var frames: [String] = []
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t == "stack traceback:" || t.hasPrefix("[C]") || t.hasPrefix("lectern:") || t.hasPrefix("(...") { continue }
            frames.append(t)
            if frames.count == 5 { break }
        }
        return HookFailure(source: source, hook: hook, message: msg, traceback: frames, reason: reason)
    }

    // MARK: - Articles

    /// Runs `classify` over the blocks (if any script defines it); returns the
    /// relabelled blocks.
    public func classify(_ blocks: [Block]) -> [Block] {
        guard let list = handlers["classify"], !list.isEmpty else { return blocks }
        phase = .classify
        var out = blocks
        for i in out.indices {
            for h in list {
                lectern_set_host_mode(L, 1)
                lectern_getref(L, h.ref)
                let b = out[i]
                lua_createtable(L, 0, 7)
                let t = lua_gettop(L)
                pushString(L, b.text); rawSetField(L, t, "text")
                pushString(L, b.label.name); rawSetField(L, t, "label")
                pushString(L, b.rule); rawSetField(L, t, "rule")
                lua_pushinteger(L, lua_Integer(b.index + 1)); rawSetField(L, t, "index")
                lua_pushinteger(L, lua_Integer(b.line)); rawSetField(L, t, "line")
                pushString(L, b.tag); rawSetField(L, t, "tag")
                pushOptional(L, b.value); rawSetField(L, t, "value")
                lectern_set_host_mode(L, 0)
                currentHook = "classify"
                currentScript = h.script
                let status = guarded { lectern_pcall(L, 1, 1) }
                if status != LUA_OK {
                    failures.append(failure(status: status, hook: "classify"))
                    continue
                }
                defer { lectern_pop(L, 1) }
                if lua_type(L, -1) == LUA_TNIL { continue }
                guard let name = stringAt(L, -1), let label = BlockLabel(name: name) else {
                    let got = describe(L, -1)
                    let path = h.script >= 0 ? scriptPaths[h.script] : "a plugin"
                    failures.append(HookFailure(source: source, hook: "classify",
                        message: "\(path): classify returned '\(got)', which is not a label (one of \(BlockLabel.allNames.joined(separator: ", ")), or nil to keep the parser's)",
                        traceback: [], reason: .error))
                    continue
                }
                if label != out[i].label {
                    out[i].label = label
                    out[i].rule = "classify in \(h.script >= 0 ? scriptPaths[h.script] : "a plugin")"
                    if label == .date, out[i].value == nil { out[i].value = DateNormalizer.normalize(out[i].text) }
                }
            }
        }
        return out
    }

    /// Calls article and element hooks for one article. Returns false if any failed.
    public func run(article a: Article, xpath: XPathFunction? = nil) -> Bool {
        let wantsArticle = has("article")
        let elementHooks = activeElementHooks
        guard wantsArticle || !elementHooks.isEmpty else { return true }
        let failuresBefore = failures.count
        phase = .article
        article = a
        bodyText = nil
        self.xpath = xpath
        lectern_set_host_mode(L, 1)
        lua_createtable(L, 0, 0)
        let at = lua_gettop(L)
        lectern_getref(L, articleMetaRef)
        lua_setmetatable(L, at)
        articleTable = lua_topointer(L, at)
        lua_createtable(L, 0, 8)
        let cache = lua_gettop(L)
        lua_pushvalue(L, cache)
        cacheRef = lectern_ref(L)
        lectern_set_host_mode(L, 0)
        defer {
            lua_settop(L, at - 1)
            lectern_unref(L, cacheRef)
            cacheRef = 0
            article = nil
            articleTable = nil
            bodyText = nil
            self.xpath = nil
        }
        for h in handlers["article"] ?? [] {
            currentScript = h.script
            lectern_getref(L, h.ref)
            lua_pushvalue(L, at)
            call(nargs: 1, hook: "article")
        }
        if !elementHooks.isEmpty {
            phase = .element
            // Events in document order; at one position the registry's `order` decides.
            var events: [(pos: Int, order: Int, hook: Int, index: Int)] = []
            for (h, spec) in elementHooks.enumerated() {
                for (i, pos) in spec.positions!(a).enumerated() { events.append((pos, spec.order, h, i)) }
            }
            events.sort { ($0.pos, $0.order, $0.hook, $0.index) < ($1.pos, $1.order, $1.hook, $1.index) }
            var lists: [Int32] = []
            lectern_set_host_mode(L, 1)
            for spec in elementHooks {
                ensureField(cache, spec.listField!)
                lists.append(lua_gettop(L))
            }
            lectern_set_host_mode(L, 0)
            for e in events {
                let name = elementHooks[e.hook].name
                for h in handlers[name]! {
                    currentScript = h.script
                    lectern_getref(L, h.ref)
                    lua_rawgeti(L, lists[e.hook], lua_Integer(e.index + 1))
                    lua_pushvalue(L, at)
                    call(nargs: 2, hook: name)
                }
            }
        }
        return failures.count == failuresBefore
    }

    /// Pushes article field `name` from the cache table at `at`, building and caching it on first use.
    func ensureField(_ at: Int32, _ name: String) {
        rawGetField(L, at, name)
        if lua_type(L, -1) != LUA_TNIL { return }
        lectern_pop(L, 1)
        pushArticleField(at, name)
        lua_pushvalue(L, -1)
        rawSetField(L, at, name)
    }

    /// Pushes the Lua value of model field `name` (nil for an unknown name).
    func pushArticleField(_ at: Int32, _ name: String) {
        guard let a = article else { lua_pushnil(L); return }
        switch name {
        case "source": pushString(L, a.source)
        case "format": pushString(L, a.format)
        case "url": pushOptional(L, a.url)
        case "site": pushOptional(L, a.site)
        case "id": pushString(L, a.id)
        case "language": pushOptional(L, a.language)     // detected here, on first read
        case "title": pushOptional(L, a.title)
        case "author": pushOptional(L, a.author)
        case "authors":
            lua_createtable(L, Int32(a.authors.count), 0)
            let t = lua_gettop(L)
            for (i, n) in a.authors.enumerated() { pushString(L, n); lua_rawseti(L, t, lua_Integer(i + 1)) }
        case "author_role": pushOptional(L, a.authorRole)
        case "author_bio": pushOptional(L, a.authorBio)
        case "published": pushOptional(L, a.published)
        case "published_time": pushOptional(L, a.publishedTime)
        case "image_credit": pushOptional(L, a.imageCredit)
        case "comments_closed": lua_pushboolean(L, a.commentsClosed ? 1 : 0)
        case "fetched": pushOptional(L, a.fetched)
        case "record_id": pushOptional(L, a.recordID)
        case "navigation":
            lua_createtable(L, 0, 2)
            let t = lua_gettop(L)
            pushOptional(L, a.navigation.previous); rawSetField(L, t, "previous")
            pushOptional(L, a.navigation.next); rawSetField(L, t, "next")
        case "tags":
            lua_createtable(L, Int32(a.tags.count), 0)
            let t = lua_gettop(L)
            for (i, tag) in a.tags.enumerated() { pushString(L, tag); lua_rawseti(L, t, lua_Integer(i + 1)) }
        case "paragraphs":
            var count = 0
            for s in a.sections { count += s.paragraphs.count }
            lua_createtable(L, Int32(count), 0)
            let t = lua_gettop(L)
            var k = 0
            for (si, s) in a.sections.enumerated() {
                for p in s.paragraphs {
                    k += 1
                    lua_createtable(L, 0, 4)
                    let pt = lua_gettop(L)
                    pushString(L, p.text); rawSetField(L, pt, "text")
                    lua_pushinteger(L, lua_Integer(k)); rawSetField(L, pt, "index")
                    lua_pushinteger(L, lua_Integer(si + 1)); rawSetField(L, pt, "section")
                    lua_pushinteger(L, lua_Integer(p.line)); rawSetField(L, pt, "line")
                    lua_rawseti(L, t, lua_Integer(k))
                }
            }
        case "sections":
            ensureField(at, "paragraphs")
            let plist = lua_gettop(L)
            lua_createtable(L, Int32(a.sections.count), 0)
            let t = lua_gettop(L)
            var k = 0
            for (si, s) in a.sections.enumerated() {
                lua_createtable(L, 0, 3)
                let st = lua_gettop(L)
                pushOptional(L, s.heading); rawSetField(L, st, "heading")
                lua_pushinteger(L, lua_Integer(si + 1)); rawSetField(L, st, "index")
                lua_createtable(L, Int32(s.paragraphs.count), 0)
                let pt = lua_gettop(L)
                for j in 0..<s.paragraphs.count {
                    k += 1
                    lua_rawgeti(L, plist, lua_Integer(k))
                    lua_rawseti(L, pt, lua_Integer(j + 1))
                }
                rawSetField(L, st, "paragraphs")
                lua_rawseti(L, t, lua_Integer(si + 1))
            }
            lectern_remove(L, plist)
        case "comments":
            lua_createtable(L, Int32(a.comments.count), 0)
            let t = lua_gettop(L)
            for (i, c) in a.comments.enumerated() {
                lua_createtable(L, 0, 3)
                let ct = lua_gettop(L)
                if let n = c.number { lua_pushinteger(L, lua_Integer(n)); rawSetField(L, ct, "number") }
                pushString(L, c.text); rawSetField(L, ct, "text")
                lua_pushinteger(L, lua_Integer(i + 1)); rawSetField(L, ct, "index")
                lua_rawseti(L, t, lua_Integer(i + 1))
            }
        case "boilerplate":
            lua_createtable(L, Int32(a.boilerplate.count), 0)
            let t = lua_gettop(L)
            for (i, b) in a.boilerplate.enumerated() {
                lua_createtable(L, 0, 3)
                let bt = lua_gettop(L)
                pushString(L, b.kind); rawSetField(L, bt, "kind")
                pushString(L, b.text); rawSetField(L, bt, "text")
                lua_pushinteger(L, lua_Integer(i + 1)); rawSetField(L, bt, "index")
                lua_rawseti(L, t, lua_Integer(i + 1))
            }
        default:
            lua_pushnil(L)
        }
    }

    /// The model's field names, in JSON order (the annotation test uses it).
    public static let articleFields = ["source", "format", "url", "site", "id", "language", "title", "author", "authors",
                                       "author_role", "author_bio", "published", "published_time",
                                       "image_credit", "sections", "paragraphs", "boilerplate", "navigation",
                                       "tags", "comments", "comments_closed",
                                       "fetched", "record_id"]

    /// The model field closest to a misspelt one ("date" -> "published").
    static func nearestField(_ key: String) -> String? {
        let aliases = ["date": "published", "body": "text() (a:text())", "text": "text() (a:text())", "headline": "title",
                       "byline": "author", "link": "url", "path": "source", "file": "source", "credit": "image_credit",
                       "paras": "paragraphs", "comment": "comments", "tag": "tags", "section": "sections",
                       "lang": "language", "locale": "language", "host": "site", "domain": "site",
                       "time": "published_time", "datetime": "published_time", "timestamp": "published_time"]
        if let a = aliases[key.lowercased()] { return a }
        // Edit distance where swapping two neighbours is one edit ("titel" is
        // one from "title", two from "site").
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var before = Array(0...b.count), prev = before
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var cur = [i] + Array(repeating: 0, count: b.count)
                for j in 1...max(b.count, 1) where !b.isEmpty {
                    cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], before[j - 2] + 1) }
                }
                before = prev
                prev = cur
            }
            return prev[b.count]
        }
        let k = Array(key.lowercased())
        let best = articleFields.map { ($0, distance(k, Array($0))) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, k.count / 3) else { return nil }
        return best.0
    }

    // MARK: - Output

    /// Printed text since the last record, appended in place (a `print` per
    /// line stays linear), moved into `output` when a record follows.
    var pendingText = ""
    /// Bytes of records and text held for the current call's output: charged
    /// against the script's --memory cap (the host holds them for the script).
    var heldBytes = 0

    func write(_ s: String) {
        if discardOutput { return }
        pendingText += s
    }

    func flushText() {
        if !pendingText.isEmpty { output.append(.text(pendingText)); pendingText = "" }
    }

    public func takeOutput() -> [OutputItem] {
        flushText()
        defer { output = []; heldBytes = 0 }
        return output
    }

    /// Counts `bytes` more of held output against the cap; false when they do not fit.
    func charge(_ bytes: Int) -> Bool {
        if discardOutput { return true }
        heldBytes += bytes
        return lectern_can_allocate(L, heldBytes) != 0
    }

    public func setColumns(_ c: [String]) { if columnsByScript[currentScript] == nil { columnsByScript[currentScript] = c } }

    /// The declared columns of `emit`'s records: the union of the scripts'
    /// columns{...}, in script order (one script: its own list); nil if none declared.
    public var columns: [String]? {
        guard !columnsByScript.isEmpty else { return nil }
        var all: [String] = []
        for i in columnsByScript.keys.sorted() { for c in columnsByScript[i]! where !all.contains(c) { all.append(c) } }
        return all
    }

    public func setColumns(_ c: [String], for name: String) { if namedColumns[name] == nil { namedColumns[name] = c } }

    /// The file name of the running script (records carry it for the `script` column).
    var currentScriptName: String? {
        currentScript >= 0 && currentScript < scriptPaths.count ? scriptNames[currentScript] : nil
    }

    public func addChart(_ c: ChartSpec) { charts.append(c) }
}

public let lecternVersion = "0.1.0"

/// Runs an XPath query over the current HTML article: the selected strings, or
/// an error message for a bad expression.
public typealias XPathFunction = (String) -> (items: [String], error: String?)

// MARK: - Swift functions called from Lua

@inline(__always) func host(_ L: LuaL?) -> ScriptHost {
    Unmanaged<ScriptHost>.fromOpaque(lectern_get_host(L)!).takeUnretainedValue()
}

/// Runs a host function with host mode on: its allocations are never refused.
@inline(__always) func hostCall(_ L: LuaL?, _ body: (LuaL, ScriptHost) -> Int32) -> Int32 {
    let L = L!
    lectern_set_host_mode(L, 1)
    defer { lectern_set_host_mode(L, 0) }
    return body(L, host(L))
}

let hostWrite: lua_CFunction = { L in
    hostCall(L) { L, h in
        var len = 0
        guard lua_type(L, 1) == LUA_TSTRING, lectern_tostring(L, 1, &len) != nil else { return raise(L, "write expects a string") }
        guard h.charge(len) else { return raise(L, "not enough memory") }
        guard let s = stringAt(L, 1) else { return raise(L, "write expects a string") }
        h.write(s)
        return 0
    }
}

let hostMemoryLeft: lua_CFunction = { L in
    hostCall(L) { L, h in
        let limit = h.options.memoryLimit
        if limit == 0 { lua_pushnumber(L, .infinity) } else { lua_pushnumber(L, Double(max(0, limit - h.memoryUsed - h.heldBytes))) }
        return 1
    }
}

let hostPending: lua_CFunction = { L in
    lua_pushinteger(L!, lua_Integer(lectern_pending(L)))
    return 1
}

/// Whether a path names a regular file (after symlinks) outside /dev and
/// /proc: the sandbox reads only those (standard input is the corpus's).
let hostIsRegular: lua_CFunction = { L in
    hostCall(L) { L, _ in
        guard let path = stringAt(L, 1) else { lua_pushboolean(L, 0); return 1 }
        var st = stat()
        var ok = stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        if ok, let real = realpath(path, nil) {
            let r = String(cString: real)
            free(real)
            for p in ["/dev/", "/proc/", "/sys/"] where r.hasPrefix(p) || path.hasPrefix(p) { ok = false }
        }
        lua_pushboolean(L, ok ? 1 : 0)
        return 1
    }
}

let hostPhase: lua_CFunction = { L in
    hostCall(L) { L, h in
        switch h.phase {
        case .setup: pushString(L, "setup")
        case .classify: pushString(L, "classify")
        case .article, .element: pushString(L, "article")
        case .finish: pushString(L, "finish")
        }
        return 1
    }
}

let hostLog: lua_CFunction = { L in
    hostCall(L) { L, h in
        let n = lua_gettop(L)
        var parts: [String] = []
        if n > 0 { for i in 1...n { parts.append(describe(L, i)) } }
        var line = parts.joined(separator: " ")
        if let s = h.source { line = "\(s): " + line }
        // a script's text may hold escape sequences: escaped as every other message is (Runner.warn)
        FileHandle.standardError.write(Data(("lectern.log: " + terminalSafe(line) + "\n").utf8))
        return 0
    }
}

let hostReport: lua_CFunction = { L in
    hostCall(L) { L, h in
        let msg = describe(L, 1)
        let hook = stringAt(L, 2) ?? "?"
        lua_settop(L, 0)
        pushString(L, msg)
        h.failures.append(h.failure(status: LUA_ERRRUN, hook: hook))
        return 0
    }
}

let hostColumns: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard lua_type(L, 1) == LUA_TTABLE else { return raise(L, "columns expects a list of names, as in columns{\"country\", \"mentions\"}") }
        guard h.phase == .setup else { return raise(L, "columns{...} must be called at the top of the script or in setup") }
        switch columnList(L, 1, fn: "columns") {
        case .failure(let e): return raise(L, e.description)
        case .success(let c):
            h.setColumns(c.names)
            if h.objectFieldsByScript[h.currentScript] == nil { h.objectFieldsByScript[h.currentScript] = c.objects }
        }
        return 0
    }
}

/// chart{kind = ..., ...}: checked now, drawn by --format html at the end.
let hostChart: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard lua_type(L, 1) == LUA_TTABLE else { return raise(L, #"chart expects a table, as in chart { kind = "bar", x = "word", y = "count" }"#) }
        guard h.phase == .setup else { return raise(L, "chart{...} must be called at the top of the script or in setup") }
        var options: [String: ChartOption] = [:]
        lua_pushnil(L)
        while lua_next(L, 1) != 0 {
            guard let key = stringAt(L, -2) else { return raise(L, "chart: option names must be strings, got \(describe(L, -2))") }
            switch lua_type(L, -1) {
            case LUA_TSTRING: options[key] = .string(stringAt(L, -1) ?? "")
            case LUA_TNUMBER:
                var ok: Int32 = 0
                options[key] = .number(lectern_tonumber(L, -1, &ok))
            case LUA_TTABLE:
                // a list of names (y = {"a", "b"}) or field = value pairs (only = {source = "(all)"})
                var list: [String] = [], map: [String: String] = [:]
                let count = Int(lua_rawlen(L, -1))
                lua_pushnil(L)
                while lua_next(L, -2) != 0 {
                    let value = lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER ? describe(L, -1) : nil
                    guard let value else { return raise(L, "chart: \(key) holds a \(typeName(L, -1)); give strings") }
                    if let k = stringAt(L, -2) { map[k] = value }
                    lectern_pop(L, 1)
                }
                for i in 0..<count {
                    lua_rawgeti(L, -1, lua_Integer(i + 1))
                    list.append(describe(L, -1))
                    lectern_pop(L, 1)
                }
                options[key] = map.isEmpty ? .list(list) : .map(map)
            default:
                return raise(L, "chart: \(key) is a \(typeName(L, -1)); give a string, a number or a table")
            }
            lectern_pop(L, 1)
        }
        switch Result(catching: { () throws(ChartError) in try ChartSpec(options: options) }) {
        case .success(let spec): h.addChart(spec)
        case .failure(let e): return raise(L, e.description)
        }
        return 0
    }
}

/// emit(record): a record of the main output.
let hostEmit: lua_CFunction = { L in
    hostCall(L) { L, h in emitRecord(L, h, table: 1, output: nil, fn: "emit") }
}

/// emit_to(name, record): a record of the named output NAME (DIR/NAME.EXT with --output-dir).
let hostEmitTo: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard let name = stringAt(L, 1), lua_type(L, 1) == LUA_TSTRING else {
            return raise(L, "emit_to expects an output name and a record, as in emit_to(\"edges\", {source = a, target = b}); got \(typeName(L, 1))")
        }
        if let problem = outputNameProblem(name) { return raise(L, "emit_to: \(problem)") }
        return emitRecord(L, h, table: 2, output: name, fn: "emit_to")
    }
}

/// Why `name` cannot name an output (it becomes a file name), or nil.
public func outputNameProblem(_ name: String) -> String? {
    let ok = !name.isEmpty && name.utf8.count <= 64 && name.utf8.first.map { $0 != UInt8(ascii: "-") } == true
        && name.utf8.allSatisfy { c in (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D }
    if !ok { return "output name '\(name)' is not a name: use letters, digits, '_' and '-' (it becomes a file name), as in \"edges\"" }
    if name == "records" { return "output name 'records' is taken by emit's records; choose another name" }
    return nil
}

/// Copies the record table at `table` into the current call's output.
private func emitRecord(_ L: LuaL, _ h: ScriptHost, table: Int32, output: String?, fn: String) -> Int32 {
        guard lua_type(L, table) == LUA_TTABLE else {
            return raise(L, "\(fn) expects a table (a record), got \(typeName(L, table))")
        }
        var fields: [(key: String, value: RecordValue)] = []
        var badFields: [String] = []
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            guard let key = stringAt(L, -2) else {
                let k = describe(L, -2)
                return raise(L, "\(fn): record keys must be strings (field names), got key \(k)")
            }
            let v: RecordValue
            switch lua_type(L, -1) {
            case LUA_TSTRING:
                if !isValidUTF8(L, -1) { badFields.append(key) }
                v = .string(stringAt(L, -1) ?? "")
            case LUA_TNUMBER:
                if lua_isinteger(L, -1) != 0 {
                    var ok: Int32 = 0
                    v = .int(Int64(lectern_tointeger(L, -1, &ok)))
                } else {
                    var ok: Int32 = 0
                    v = .double(lectern_tonumber(L, -1, &ok))
                }
            case LUA_TBOOLEAN: v = .bool(lua_toboolean(L, -1) != 0)
            case LUA_TTABLE:
                switch LuaValues.json(L, -1, depth: 1, path: key) {
                case .success(let j):
                    if j.contains("\u{FFFD}") && !tableIsValidUTF8(L, -1) { badFields.append(key) }
                    // an empty table is a list to JSON, unless declared an object
                    if j == "[]", (output.map { h.namedObjectFields[$0] } ?? h.objectFieldsByScript[h.currentScript])?.contains(key) == true {
                        v = .json("{}")
                    } else {
                        v = .json(j)
                    }
                case .failure(let e): return raise(L, "\(fn): \(e.description)")
                }
            default:
                return raise(L, "\(fn): field '\(key)' is a \(typeName(L, -1)); records hold strings, numbers, booleans and tables of them")
            }
            fields.append((key, v))
            lectern_pop(L, 1)
        }
        fields.sort { $0.key < $1.key }
        guard h.charge(fields.reduce(16) { $0 + $1.key.utf8.count + $1.value.byteCount + 8 }) else {
            return raise(L, "not enough memory")
        }
        let declared = output.map { h.namedColumns[$0] } ?? h.columnsByScript[h.currentScript]
        if let cols = declared {
            var ordered: [(key: String, value: RecordValue)] = []
            for c in cols { if let f = fields.first(where: { $0.key == c }) { ordered.append(f) } }
            for f in fields where !cols.contains(f.key) { ordered.append(f) }
            fields = ordered
        }
        if !h.discardOutput {
            h.flushText()
            h.output.append(.record(Record(fields: fields, output: output, script: h.currentScriptName)))
            if !badFields.isEmpty { h.warnInvalidUTF8(fn: fn, output: output, fields: badFields.sorted(), record: fields) }
        }
        return 0
}

/// Whether the string at `idx` is valid UTF-8 (Swift would turn bad bytes into U+FFFD silently).
func isValidUTF8(_ L: LuaL, _ idx: Int32) -> Bool {
    var len = 0
    guard let p = lectern_tostring(L, idx, &len) else { return true }
    return p.withMemoryRebound(to: UInt8.self, capacity: len) { UTF8Check.isValid(UnsafeBufferPointer(start: $0, count: len)) }
}

/// Whether every string key and value in the table at `idx` is valid UTF-8
/// (asked only when its JSON holds U+FFFD; records are trees, at most 64 deep).
func tableIsValidUTF8(_ L: LuaL, _ idx: Int32, depth: Int = 0) -> Bool {
    guard depth < 64, lua_checkstack(L, 4) != 0 else { return true }
    let t = lua_absindex(L, idx)
    lua_pushnil(L)
    while lua_next(L, t) != 0 {
        let ok = (lua_type(L, -2) != LUA_TSTRING || isValidUTF8(L, -2))
            && (lua_type(L, -1) == LUA_TSTRING ? isValidUTF8(L, -1) : lua_type(L, -1) == LUA_TTABLE ? tableIsValidUTF8(L, -1, depth: depth + 1) : true)
        lectern_pop(L, 1)
        if !ok { lectern_pop(L, 1); return false }
    }
    return true
}

extension ScriptHost {
    /// A record with invalid UTF-8: written with U+FFFD, and said so, naming the record.
    func warnInvalidUTF8(fn: String, output: String?, fields: [String], record: [(key: String, value: RecordValue)]) {
        let script = currentScript >= 0 && currentScript < scriptPaths.count ? scriptPaths[currentScript] : "a plugin"
        let whereFrom = source.map { " for \($0)" } ?? " in \(currentHook)"
        var shown = Record(fields: record).json
        if shown.count > 120 { shown = String(shown.prefix(117)) + "..." }
        let list = fields.map { "'\($0)'" }.joined(separator: ", ")
        warnings.append("\(script): \(fn)\(output.map { "(\"\($0)\")" } ?? "")\(whereFrom): field\(fields.count == 1 ? "" : "s") \(list) \(fields.count == 1 ? "is" : "are") not valid UTF-8; the bad bytes are written as U+FFFD in the record \(shown)")
    }

    /// Warnings of the calls since the last take (the runner gives them in input order).
    public func takeWarnings() -> [String] {
        defer { warnings = [] }
        return warnings
    }
}

/// The list of a columns{...} or columns_for table: names in order, and
/// `object = {...}`, the fields whose empty table is written {} (not []).
func columnList(_ L: LuaL, _ idx: Int32, fn: String) -> Result<(names: [String], objects: Set<String>), StateError> {
    func strings(_ t: Int32, _ what: String) -> Result<[String], StateError> {
        var out: [String] = []
        let n = lua_rawlen(L, t)
        if n > 0 {
            for i in 1...Int(n) {
                lua_rawgeti(L, t, lua_Integer(i))
                defer { lectern_pop(L, 1) }
                guard lua_type(L, -1) == LUA_TSTRING, let s = stringAt(L, -1) else {
                    return .failure(StateError(description: "\(fn): \(what) \(i) is not a string"))
                }
                out.append(s)
            }
        }
        return .success(out)
    }
    let names: [String]
    switch strings(idx, "item") { case .failure(let e): return .failure(e); case .success(let n): names = n }
    rawGetField(L, idx, "object")
    defer { lectern_pop(L, 1) }
    switch lua_type(L, -1) {
    case LUA_TNIL: return .success((names, []))
    case LUA_TTABLE:
        switch strings(lua_gettop(L), "object item") {
        case .failure(let e): return .failure(e)
        case .success(let o): return .success((names, Set(o)))
        }
    default: return .failure(StateError(description: "\(fn): object lists the fields that are JSON objects, as in object = {\"meta\"}"))
    }
}

/// columns_for(name, {...}): the columns of the named output NAME, in order.
let hostColumnsFor: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard let name = stringAt(L, 1), lua_type(L, 1) == LUA_TSTRING, lua_type(L, 2) == LUA_TTABLE else {
            return raise(L, "columns_for expects an output name and a list of names, as in columns_for(\"edges\", {\"source\", \"target\", \"weight\"})")
        }
        if let problem = outputNameProblem(name) { return raise(L, "columns_for: \(problem)") }
        guard h.phase == .setup else { return raise(L, "columns_for(...) must be called at the top of the script or in setup") }
        switch columnList(L, 2, fn: "columns_for") {
        case .failure(let e): return raise(L, e.description)
        case .success(let c):
            h.setColumns(c.names, for: name)
            if h.namedObjectFields[name] == nil { h.namedObjectFields[name] = c.objects }
        }
        return 0
    }
}

let articleIndex: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard let key = stringAt(L, 2) else { lua_pushnil(L); return 1 }
        if key == "text" { lectern_getref(L, h.textFnRef); return 1 }
        if key == "xpath" { lectern_getref(L, h.xpathFnRef); return 1 }
        guard h.isLiveArticle(L, 1) else { return raise(L, staleArticle("a.\(key)")) }
        guard ScriptHost.articleFields.contains(key) else {
            let hint = ScriptHost.nearestField(key).map { " (did you mean \($0)?)" } ?? ""
            return raise(L, "a.\(key): the article has no field '\(key)'\(hint); its fields are \(ScriptHost.articleFields.joined(separator: ", ")), and a:text(), a:xpath(expr)")
        }
        lectern_getref(L, h.cacheRef)
        h.ensureField(lua_gettop(L), key)
        return 1
    }
}

/// A kept article object read after its hooks (the host has moved on).
func staleArticle(_ what: String) -> String {
    "\(what): this article's hooks have finished, so its fields can no longer be read; keep the values you need (local title = a.title)"
}

/// __pairs: pairs(a) walks the model's fields in JSON order, skipping the
/// ones that are nil (as pairs over a plain table would).
let articlePairs: lua_CFunction = { L in
    hostCall(L) { L, _ in
        lectern_pushsafe(L, articleNext, 0)
        lua_pushvalue(L, 1)
        lua_pushnil(L)
        return 3
    }
}

let articleNext: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard h.isLiveArticle(L, 1) else { return raise(L, staleArticle("pairs(a)")) }
        let fields = ScriptHost.articleFields
        var i = 0
        if lua_type(L, 2) != LUA_TNIL {
            guard lua_type(L, 2) == LUA_TSTRING, let k = stringAt(L, 2), let j = fields.firstIndex(of: k) else {
                return raise(L, "pairs(a): the article has no field after this key")
            }
            i = j + 1
        }
        lectern_getref(L, h.cacheRef)
        let cache = lua_gettop(L)
        while i < fields.count {
            h.ensureField(cache, fields[i])
            if lua_type(L, -1) != LUA_TNIL {
                pushString(L, fields[i])
                lua_rotate(L, -2, 1)
                return 2
            }
            lectern_pop(L, 1)
            i += 1
        }
        lua_pushnil(L)
        return 1
    }
}

let articleNewIndex: lua_CFunction = { L in
    hostCall(L) { L, _ in
        let key = describe(L, 2)
        return raise(L, "a.\(key) = ...: the article's fields are read-only; keep your own values in locals or in state (local title = a.title)")
    }
}

let articleText: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard let a = h.article, lua_topointer(L, 1) == h.articleTable else {
            return raise(L, "a:text(): call it as a method of the current article (a:text())")
        }
        if h.bodyText == nil { h.bodyText = a.bodyText }
        pushString(L, h.bodyText!)
        return 1
    }
}

let articleXPath: lua_CFunction = { L in
    hostCall(L) { L, h in
        guard h.article != nil, lua_topointer(L, 1) == h.articleTable else {
            return raise(L, "a:xpath(expr): call it as a method of the current article")
        }
        guard let q = stringAt(L, 2) else { return raise(L, "a:xpath expects an XPath expression (a string)") }
        guard let run = h.xpath else { lua_createtable(L, 0, 0); return 1 }
        let r = run(q)
        if let message = r.error { return raise(L, "a:xpath: \(message)") }
        lua_createtable(L, Int32(r.items.count), 0)
        for (i, s) in r.items.enumerated() { pushString(L, s); lua_rawseti(L, -2, lua_Integer(i + 1)) }
        return 1
    }
}
