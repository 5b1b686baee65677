// Values that leave a Lua state: emitted records and `state` trees. Lua states
// are per thread, so everything that crosses between workers is copied into
// these plain Swift values (as wrk does between its states).
import CLua
import CLuaBridge
import ArticleModel

public enum RecordValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case json(String)   // a nested table, as compact JSON

    public var text: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return JSONWriter.format(d)
        case .bool(let b): return b ? "true" : "false"
        case .json(let j): return j
        }
    }
    public var isNumber: Bool {
        switch self { case .int, .double: return true; default: return false }
    }
    /// Roughly what the value holds in memory (for the --memory accounting of held output).
    var byteCount: Int {
        switch self {
        case .string(let s), .json(let s): return s.utf8.count
        default: return 8
        }
    }
}

public struct Record: Sendable, Equatable {
    public var fields: [(key: String, value: RecordValue)]
    /// emit_to(name, ...): the named output it belongs to; nil for emit.
    public var output: String?
    /// The file name of the script that wrote it (the `script` column when several run).
    public var script: String?
    public init(fields: [(key: String, value: RecordValue)], output: String? = nil, script: String? = nil) {
        self.fields = fields
        self.output = output
        self.script = script
    }
    public static func == (a: Record, b: Record) -> Bool {
        a.output == b.output && a.script == b.script && a.fields.count == b.fields.count && zip(a.fields, b.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
    public func value(_ key: String) -> RecordValue? { fields.first { $0.key == key }?.value }

    /// One compact JSON object.
    public var json: String {
        var out = "{"
        for (i, f) in fields.enumerated() {
            if i > 0 { out += "," }
            JSONWriter.escape(f.key, into: &out)
            out += ":"
            switch f.value {
            case .string(let s): JSONWriter.escape(s, into: &out)
            case .json(let j): out += j
            default: out += f.value.text
            }
        }
        return out + "}"
    }
}

/// What a hook writes, in order: printed text, or a record.
public enum OutputItem: Sendable {
    case text(String)
    case record(Record)
}

/// A `state` table copied out of Lua. Tables keep their sequence part (1..n)
/// apart from the rest so that lists can be concatenated when merged.
public indirect enum StateValue: Sendable, Equatable {
    case int(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)
    case table(list: [StateValue], map: [StateKey: StateValue])
}

public enum StateKey: Sendable, Hashable, Comparable {
    case int(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)

    public static func < (a: StateKey, b: StateKey) -> Bool {
        func rank(_ k: StateKey) -> Int {
            switch k { case .bool: return 0; case .int, .double: return 1; case .string: return 2 }
        }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.int(let x), .double(let y)): return Double(x) < y
        case (.double(let x), .int(let y)): return x < Double(y)
        case (.bool(let x), .bool(let y)): return !x && y
        default: return rank(a) < rank(b)
        }
    }
}

public struct StateError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension StateValue {
    public static let emptyTable = StateValue.table(list: [], map: [:])

    var number: Double? {
        switch self { case .int(let i): return Double(i); case .double(let d): return d; default: return nil }
    }

}

// MARK: - Lua <-> Swift copies

enum LuaValues {
    /// Copies the table at `idx` into a StateValue; `path` names it in errors.
    static func stateValue(_ L: LuaL, _ idx: Int32, path: String, depth: Int = 0,
                           seen: inout Set<UnsafeRawPointer>) throws(StateError) -> StateValue {
        let idx = lua_absindex(L, idx)
        switch lua_type(L, idx) {
        case LUA_TNUMBER:
            var isInt: Int32 = 0
            let i = lectern_tointeger(L, idx, &isInt)
            if lua_isinteger(L, idx) != 0 && isInt != 0 { return .int(Int64(i)) }
            var isNum: Int32 = 0
            return .double(lectern_tonumber(L, idx, &isNum))
        case LUA_TSTRING: return .string(stringAt(L, idx) ?? "")
        case LUA_TBOOLEAN: return .bool(lua_toboolean(L, idx) != 0)
        case LUA_TTABLE:
            guard depth < 64 else { throw StateError(description: "\(path) is nested more than 64 levels deep") }
            guard lua_checkstack(L, 4) != 0 else { throw StateError(description: "\(path) is nested too deep to copy") }
            let ptr = lua_topointer(L, idx)!
            guard !seen.contains(ptr) else { throw StateError(description: "\(path) contains itself (a cycle); state must be a tree") }
            seen.insert(ptr)
            defer { seen.remove(ptr) }
            let n = lua_rawlen(L, idx)
            var list: [StateValue] = []
            list.reserveCapacity(Int(n))
            var map: [StateKey: StateValue] = [:]
            if n > 0 {
                for i in 1...Int64(n) {
                    lua_rawgeti(L, idx, lua_Integer(i))
                    defer { lectern_pop(L, 1) }
                    if lua_type(L, -1) == LUA_TNIL { break }
                    list.append(try stateValue(L, -1, path: "\(path)[\(i)]", depth: depth + 1, seen: &seen))
                }
            }
            let listCount = Int64(list.count)
            lua_pushnil(L)
            while lua_next(L, idx) != 0 {
                // key at -2, value at -1
                let key: StateKey
                switch lua_type(L, -2) {
                case LUA_TSTRING: key = .string(stringAt(L, -2) ?? "")
                case LUA_TNUMBER:
                    var isInt: Int32 = 0
                    let i = lectern_tointeger(L, -2, &isInt)
                    if lua_isinteger(L, -2) != 0 {
                        if i >= 1 && Int64(i) <= listCount { lectern_pop(L, 1); continue }
                        key = .int(Int64(i))
                    } else {
                        var isNum: Int32 = 0
                        key = .double(lectern_tonumber(L, -2, &isNum))
                    }
                case LUA_TBOOLEAN: key = .bool(lua_toboolean(L, -2) != 0)
                default:
                    let kind = typeName(L, -2)
                    lectern_pop(L, 2)
                    throw StateError(description: "\(path) has a key of type \(kind); keys are strings, numbers or booleans")
                }
                let sub: String
                if case .string(let s) = key { sub = "\(path).\(s)" } else { sub = "\(path)[\(key)]" }
                do {
                    map[key] = try stateValue(L, -1, path: sub, depth: depth + 1, seen: &seen)
                } catch {
                    lectern_pop(L, 2)
                    throw error
                }
                lectern_pop(L, 1)
            }
            return .table(list: list, map: map)
        default:
            throw StateError(description: "\(path) holds a \(typeName(L, idx)); state holds only strings, numbers, booleans and tables")
        }
    }

    static func push(_ L: LuaL, _ v: StateValue) {
        // Values come from stateValue (at most 64 levels); grow the stack per level.
        lua_checkstack(L, 4)
        switch v {
        case .int(let i): lua_pushinteger(L, lua_Integer(i))
        case .double(let d): lua_pushnumber(L, d)
        case .string(let s): pushString(L, s)
        case .bool(let b): lua_pushboolean(L, b ? 1 : 0)
        case .table(let list, let map):
            lua_createtable(L, Int32(list.count), Int32(map.count))
            let t = lua_gettop(L)
            for (i, item) in list.enumerated() {
                push(L, item)
                lua_rawseti(L, t, lua_Integer(i + 1))
            }
            for key in map.keys.sorted() {
                pushKey(L, key)
                push(L, map[key]!)
                lua_rawset(L, t)
            }
        }
    }

    static func pushKey(_ L: LuaL, _ k: StateKey) {
        switch k {
        case .int(let i): lua_pushinteger(L, lua_Integer(i))
        case .double(let d): lua_pushnumber(L, d)
        case .string(let s): pushString(L, s)
        case .bool(let b): lua_pushboolean(L, b ? 1 : 0)
        }
    }

    /// A table value inside an emitted record, as compact JSON (sequences as arrays).
    static func json(_ L: LuaL, _ idx: Int32, depth: Int, path: String) -> Result<String, StateError> {
        var seen = Set<UnsafeRawPointer>()
        let v: StateValue
        do { v = try stateValue(L, idx, path: path, depth: depth, seen: &seen) } catch { return .failure(error) }
        var out = ""
        writeJSON(v, into: &out)
        return .success(out)
    }

    static func writeJSON(_ v: StateValue, into out: inout String) {
        switch v {
        case .int(let i): out += String(i)
        case .double(let d): out += JSONWriter.format(d)
        case .string(let s): JSONWriter.escape(s, into: &out)
        case .bool(let b): out += b ? "true" : "false"
        case .table(let list, let map):
            if map.isEmpty {
                out += "["
                for (i, x) in list.enumerated() { if i > 0 { out += "," }; writeJSON(x, into: &out) }
                out += "]"
            } else {
                out += "{"
                var first = true
                for (i, x) in list.enumerated() {
                    if !first { out += "," }; first = false
                    JSONWriter.escape(String(i + 1), into: &out); out += ":"; writeJSON(x, into: &out)
                }
                for k in map.keys.sorted() {
                    if !first { out += "," }; first = false
                    let ks: String
                    switch k {
                    case .string(let s): ks = s
                    case .int(let i): ks = String(i)
                    case .double(let d): ks = d.isInfinite ? (d > 0 ? "inf" : "-inf") : JSONWriter.format(d)
                    case .bool(let b): ks = b ? "true" : "false"
                    }
                    JSONWriter.escape(ks, into: &out); out += ":"; writeJSON(map[k]!, into: &out)
                }
                out += "}"
            }
        }
    }
}
