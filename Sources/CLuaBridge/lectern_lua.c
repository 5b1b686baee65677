#include "lectern_lua.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

typedef struct {
    size_t used;
    size_t limit;
    int host;
    volatile int reason;
    lua_State *main;      // for naming the line of a refused allocation
    char where[160];      // "script.lua:12" of the last refused allocation
} lectern_alloc_state;

// The first Lua frame of the running code, as "file:line" (read-only walk of
// the call stack: no allocation, so it is safe inside the allocator).
static void note_position(lectern_alloc_state *st) {
    st->where[0] = 0;
    if (!st->main) return;
    lua_Debug ar;
    for (int level = 0; level < 50 && lua_getstack(st->main, level, &ar); level++) {
        if (lua_getinfo(st->main, "Sl", &ar) && ar.currentline > 0) {
            snprintf(st->where, sizeof st->where, "%s:%d", ar.short_src, ar.currentline);
            return;
        }
    }
}

static void *lectern_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    lectern_alloc_state *st = (lectern_alloc_state *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        st->used -= old;
        return NULL;
    }
    if (st->limit && !st->host && nsize > old && st->used - old + nsize > st->limit) {
        note_position(st);
        return NULL;  // Lua turns this into a memory error in the running code
    }
    void *p = realloc(ptr, nsize);
    if (p) st->used = st->used - old + nsize;
    return p;
}

static lectern_alloc_state *state_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (lectern_alloc_state *)ud;
}

lua_State *lectern_newstate(size_t limit) {
    lectern_alloc_state *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    st->limit = limit;
    lua_State *L = lua_newstate(lectern_alloc, st);
    if (!L) { free(st); return NULL; }
    lua_atpanic(L, NULL);
    st->main = L;
    return L;
}

void lectern_close(lua_State *L) {
    lectern_alloc_state *st = state_of(L);
    lua_close(L);
    free(st);
}

void lectern_set_host_mode(lua_State *L, int on) { state_of(L)->host = on; }
size_t lectern_memory_used(lua_State *L) { return state_of(L)->used; }
void lectern_set_memory_limit(lua_State *L, size_t limit) { state_of(L)->limit = limit; }

// As msghandler in lua.c: non-string errors use __tostring, then a traceback.
static int msghandler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int lectern_pcall(lua_State *L, int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

int lectern_loadtext(lua_State *L, const char *src, size_t len, const char *chunkname) {
    return luaL_loadbufferx(L, src, len, chunkname, "t");
}

static int trampoline(lua_State *L) {
    lua_CFunction f = (lua_CFunction)lua_touserdata(L, lua_upvalueindex(1));
    int n = f(L);
    if (n == -1) {  // message on top: add the caller's file:line, as luaL_error does
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    if (n < 0) return lua_error(L);  // -2: raise the value on top as it is
    return n;
}

void lectern_pushsafe(lua_State *L, lua_CFunction f, int nup) {
    lua_pushlightuserdata(L, (void *)f);
    lua_insert(L, -(nup + 1));
    lua_pushcclosure(L, trampoline, nup + 1);
}

static void coroutine_hook(lua_State *L, lua_Debug *ar);

// The hook stays armed until the host's call returns (lectern_clear_interrupt):
// a script that catches the error with pcall meets it again at its next
// instruction, so a time limit or Ctrl-C cannot be swallowed.
static void interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    int reason = state_of(L)->reason;
    if (!reason) {  // a coroutine armed in an earlier call: back to its light hook
        lectern_alloc_state *st = state_of(L);
        if (L != st->main) lua_sethook(L, coroutine_hook, LUA_MASKCOUNT, 1000);
        else lua_sethook(L, NULL, 0, 0);
        return;
    }
    // Name the line of the innermost Lua function (level 0 may be a C
    // function such as pcall, whose call the hook caught).
    lua_Debug d;
    int level = 0, found = 0;
    while (lua_getstack(L, level, &d)) {
        // the prelude ("=lectern") is the host's code: name the script's line
        if (lua_getinfo(L, "Sl", &d) && d.currentline > 0 && strcmp(d.source, "=lectern") != 0) { found = 1; break; }
        level++;
    }
    if (found) lua_pushfstring(L, "%s:%d: ", d.short_src, d.currentline);
    else lua_pushliteral(L, "");
    lua_pushstring(L, reason == 2 ? "interrupted" : "time limit exceeded");
    lua_concat(L, 2);
    lua_error(L);
}

void lectern_interrupt(lua_State *L, int reason) {
    state_of(L)->reason = reason;
    lua_sethook(L, interrupt_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}

// Coroutines are threads of their own, which the watchdog's hook on the main
// thread does not reach. Each one a script creates gets a light count hook
// that looks at the state's pending reason every 1000 instructions and then
// arms the interrupting hook on itself.
static void coroutine_hook(lua_State *L, lua_Debug *ar) {
    if (state_of(L)->reason) {
        lua_sethook(L, interrupt_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
        interrupt_hook(L, ar);
    }
}

static int cocreate(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    if (state_of(L)->reason)
        lua_sethook(co, interrupt_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
    else
        lua_sethook(co, coroutine_hook, LUA_MASKCOUNT, 1000);
    return 1;
}

void lectern_pushcocreate(lua_State *L) { lua_pushcfunction(L, cocreate); }

const char *lectern_refused_at(lua_State *L) { return state_of(L)->where; }

int lectern_pending(lua_State *L) { return state_of(L)->reason; }

int lectern_can_allocate(lua_State *L, size_t bytes) {
    lectern_alloc_state *st = state_of(L);
    if (!st->limit) return 1;
    return st->used <= st->limit && bytes <= st->limit - st->used;
}

void lectern_clear_interrupt(lua_State *L) {
    lua_sethook(L, NULL, 0, 0);
    state_of(L)->reason = 0;
}
