// Lua 5.4's public headers. The macros Swift cannot import are re-exposed as
// functions in CLuaBridge (lectern_lua.h).
#include <lua.h>
#include <lualib.h>
#include <lauxlib.h>
