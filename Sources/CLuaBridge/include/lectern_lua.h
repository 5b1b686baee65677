// The C side of the Lua bridge. Swift cannot import Lua's function-like macros,
// and a longjmp (lua_error) must never cross a Swift frame: every error raised
// on behalf of Swift code is raised here, in C.
#ifndef LECTERN_LUA_H
#define LECTERN_LUA_H

#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>
#include <stddef.h>

// ---- macros re-exposed as functions ----
static inline void lectern_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void lectern_newtable(lua_State *L) { lua_newtable(L); }
static inline const char *lectern_tostring(lua_State *L, int i, size_t *len) { return lua_tolstring(L, i, len); }
static inline int lectern_isnil(lua_State *L, int i) { return lua_isnil(L, i); }
static inline int lectern_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }
static inline int lectern_istable(lua_State *L, int i) { return lua_istable(L, i); }
static inline int lectern_isfunction(lua_State *L, int i) { return lua_isfunction(L, i); }
static inline int lectern_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int lectern_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline void lectern_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void lectern_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void lectern_replace(lua_State *L, int i) { lua_replace(L, i); }
static inline lua_Integer lectern_tointeger(lua_State *L, int i, int *isnum) { return lua_tointegerx(L, i, isnum); }
static inline lua_Number lectern_tonumber(lua_State *L, int i, int *isnum) { return lua_tonumberx(L, i, isnum); }
static inline void lectern_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
static inline int lectern_ref(lua_State *L) { return luaL_ref(L, LUA_REGISTRYINDEX); }
static inline void lectern_unref(lua_State *L, int ref) { luaL_unref(L, LUA_REGISTRYINDEX, ref); }
static inline int lectern_getref(lua_State *L, int ref) { return lua_rawgeti(L, LUA_REGISTRYINDEX, ref); }

// ---- states with a capped allocator ----
// `limit` 0 means no cap. Allocations made while host mode is on (Swift pushing
// article data it already holds) are never refused, so a memory error can only
// be raised inside Lua code or Lua's own C functions, never in a Swift frame.
lua_State *lectern_newstate(size_t limit);
void lectern_close(lua_State *L);
void lectern_set_host_mode(lua_State *L, int on);
size_t lectern_memory_used(lua_State *L);
void lectern_set_memory_limit(lua_State *L, size_t limit);

// ---- protected calls ----
// lua_pcall with a message handler that appends a traceback. The function and
// its `nargs` arguments are on the stack, as for lua_pcall.
int lectern_pcall(lua_State *L, int nargs, int nresults);
// Loads text-only Lua source (binary chunks are refused) as a function on the stack.
int lectern_loadtext(lua_State *L, const char *src, size_t len, const char *chunkname);

// ---- Swift functions callable from Lua ----
// A Swift function returns the number of results as usual, or -1 after pushing
// an error message: the trampoline then raises the error (in C). Upvalue k of
// the Swift function is at lectern_safe_upvalue(k).
void lectern_pushsafe(lua_State *L, lua_CFunction f, int nup);
static inline int lectern_safe_upvalue(int k) { return lua_upvalueindex(k + 1); }

// ---- time limits and interruption ----
// Called from another thread (the watchdog) or a signal handler: arms a hook
// that raises an error at the next instruction. reason: 1 time limit, 2 interrupt.
void lectern_interrupt(lua_State *L, int reason);
// Disarms it (called by the worker after each hook call).
void lectern_clear_interrupt(lua_State *L);
// For long loops in Swift functions called from Lua, which no Lua hook can
// stop: the pending reason (0 none, 1 time limit, 2 interrupt). A function that
// sees one returns an error ("time limit exceeded" / "interrupted").
int lectern_pending(lua_State *L);
// coroutine.create for scripts: the coroutine is covered by time limits and Ctrl-C.
void lectern_pushcocreate(lua_State *L);

// ---- memory the host spends for a script ----
// Host-mode pushes are never refused, so a Swift function that builds a large
// result asks first: 0 when `bytes` more would pass the state's cap (the
// function then raises "not enough memory"), 1 when they fit or there is no cap.
int lectern_can_allocate(lua_State *L, size_t bytes);
// "file:line" of the Lua code running when the cap last refused an allocation
// ("" if none): memory errors carry no position of their own.
const char *lectern_refused_at(lua_State *L);

#endif

// The host object of a state (a Swift pointer), kept in the state's extra space
// so that Swift functions called from Lua find it; coroutines inherit it.
static inline void lectern_set_host(lua_State *L, void *host) { *(void **)lua_getextraspace(L) = host; }
static inline void *lectern_get_host(lua_State *L) { return *(void **)lua_getextraspace(L); }
