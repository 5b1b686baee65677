// Small stack helpers over the C API. They use only raw operations, which never
// run metamethods; with host mode on (see CLuaBridge) they cannot raise errors,
// so no longjmp ever crosses these Swift frames.
import CLua
import CLuaBridge

typealias LuaL = OpaquePointer

@inline(__always) func pushString(_ L: LuaL, _ s: String) {
    var s = s
    s.withUTF8 { buf in
        if let base = buf.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: buf.count) { lua_pushlstring(L, $0, buf.count) }
        } else {
            lua_pushstring(L, "")
        }
    }
}

@inline(__always) func pushString(_ L: LuaL, _ s: Substring) {
    pushString(L, String(s))
}

@inline(__always) func pushOptional(_ L: LuaL, _ s: String?) {
    if let s { pushString(L, s) } else { lua_pushnil(L) }
}

/// The string at `idx` if it is a string (numbers are not converted: that would
/// change the stack slot, which breaks lua_next).
@inline(__always) func stringAt(_ L: LuaL, _ idx: Int32) -> String? {
    guard lua_type(L, idx) == LUA_TSTRING else { return nil }
    var len = 0
    guard let p = lectern_tostring(L, idx, &len) else { return nil }
    return p.withMemoryRebound(to: UInt8.self, capacity: len) {
        String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
    }
}

/// Any value as text for messages: strings as they are, numbers formatted.
func describe(_ L: LuaL, _ idx: Int32) -> String {
    switch lua_type(L, idx) {
    case LUA_TSTRING: return stringAt(L, idx) ?? ""
    case LUA_TNUMBER:
        var isInt: Int32 = 0
        let i = lectern_tointeger(L, idx, &isInt)
        if isInt != 0 { return String(i) }
        var isNum: Int32 = 0
        return "\(lectern_tonumber(L, idx, &isNum))"
    case LUA_TBOOLEAN: return lua_toboolean(L, idx) != 0 ? "true" : "false"
    case LUA_TNIL: return "nil"
    default: return String(cString: lua_typename(L, lua_type(L, idx)))
    }
}

func typeName(_ L: LuaL, _ idx: Int32) -> String {
    String(cString: lua_typename(L, lua_type(L, idx)))
}

/// Sets t[key] = value at the top (popped); `t` is an absolute index.
@inline(__always) func rawSetField(_ L: LuaL, _ t: Int32, _ key: String) {
    pushString(L, key)
    lua_rotate(L, -2, 1)
    lua_rawset(L, t)
}

/// Pushes t[key] (raw); `t` is an absolute index.
@inline(__always) func rawGetField(_ L: LuaL, _ t: Int32, _ key: String) {
    pushString(L, key)
    lua_rawget(L, t)
}

/// Pushes the error message for a Swift function to raise (return -1 after it).
func raise(_ L: LuaL, _ message: String) -> Int32 {
    pushString(L, message)
    return -1
}

/// Pushes a new table of Swift functions (each behind the error trampoline).
func pushFunctionTable(_ L: LuaL, _ functions: KeyValuePairs<String, lua_CFunction>, extra: Int32 = 0) {
    lua_createtable(L, 0, Int32(functions.count) + extra)
    let t = lua_gettop(L)
    for (name, f) in functions {
        lectern_pushsafe(L, f, 0)
        rawSetField(L, t, name)
    }
}
