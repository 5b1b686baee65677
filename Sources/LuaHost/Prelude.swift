// The Lua half of the host. It runs once in every Lua state, with the real
// standard library, and builds what scripts see: the sandboxed built-ins, one
// environment per script, `require`, the plugin API (`lectern.hook/on/fire`),
// the Counter type, and the global-change check that guards `finish`.
// Swift calls the functions of the table it returns (`P`) through lectern_pcall.

let preludeSource = #"""
local H, unsafe, lua_path = ...
local _G = _G
local type, pairs, ipairs, select, tostring, setmetatable, getmetatable, rawget, rawset, error, xpcall, load =
      type, pairs, ipairs, select, tostring, setmetatable, getmetatable, rawget, rawset, error, xpcall, load
local traceback = debug.traceback
local sformat, concat, sort = string.format, table.concat, table.sort
local real_open, real_lines = io.open, io.lines

local P = {}

local function copy(t) local c = {} for k, v in pairs(t) do c[k] = v end return c end

local function blocked(name)
  return function()
    error(name .. " is blocked by the sandbox (run lectern with --unsafe to allow it)", 2)
  end
end
local function blocked_table(prefix, t)
  return setmetatable(t or {}, {__index = function(_, k)
    error(prefix .. "." .. tostring(k) .. " is blocked by the sandbox (run lectern with --unsafe to allow it)", 2)
  end})
end

-- Built-ins every script sees (read through its environment's __index).
local base = {}
for _, k in ipairs{"assert", "error", "ipairs", "next", "pairs", "pcall", "xpcall", "select",
    "tonumber", "tostring", "type", "rawequal", "rawget", "rawlen", "rawset", "setmetatable",
    "getmetatable", "collectgarbage", "_VERSION"} do
  base[k] = _G[k]
end
base.string, base.table, base.math = copy(string), copy(table), copy(math)
base.utf8, base.coroutine = copy(utf8), copy(coroutine)

-- A message handler runs with Lua's hooks off: when a time limit or Ctrl-C
-- is pending, the script's handler is skipped so the error goes on up.
local real_xpcall, pending = xpcall, H.pending
base.xpcall = function(f, msgh, ...)
  if type(msgh) ~= "function" then return real_xpcall(f, msgh, ...) end
  return real_xpcall(f, function(e) if pending() ~= 0 then return e end return msgh(e) end, ...)
end

-- Long single C calls no hook can stop, bounded by the memory cap instead:
-- string.rep of "" a quadrillion times, table.move over a huge empty range.
local real_rep, real_move = string.rep, table.move
local function safe_rep(s, n, sep)
  if type(n) == "number" and n > 0 and (type(s) == "string" or type(s) == "number") then
    local len = #tostring(s) + ((type(sep) == "string" or type(sep) == "number") and #tostring(sep) or 0)
    if len == 0 then return "" end
    if n * len > 1e6 and n * len > H.memory_left() then error("not enough memory", 2) end
  end
  return real_rep(s, n, sep)
end
local function safe_move(a1, f, e, t, a2)
  if type(f) == "number" and type(e) == "number" and e - f > 1e6 and (e - f) * 16 > H.memory_left() then
    error("not enough memory", 2)
  end
  return real_move(a1, f, e, t, a2)
end
if not unsafe then base.string.rep, base.table.move = safe_rep, safe_move end

-- Coroutines made by scripts are covered by the time limit and Ctrl-C (see
-- CLuaBridge); wrap is built on that create.
local cocreate, coresume, coclose = H.cocreate, coroutine.resume, coroutine.close
base.coroutine.create = cocreate
base.coroutine.wrap = function(f)
  local co = cocreate(f)
  return function(...)
    local r = table.pack(coresume(co, ...))
    if r[1] then return table.unpack(r, 2, r.n) end
    coclose(co)
    error(r[2], 0)
  end
end

-- Each script (and module) gets its own copies of the library tables, so one
-- cannot change string.upper or emit for another; the environment's
-- metatable is protected, so `getmetatable(_G).__index` reaches nothing.
local function own_copy(v)
  if type(v) ~= "table" then return v end
  local c = {}
  for k, x in next, v do c[k] = x end
  local mt = debug.getmetatable(v)
  if mt then debug.setmetatable(c, mt) end
  return c
end
local function fresh_env()
  local b = {}
  for k, v in next, base do b[k] = own_copy(v) end
  return setmetatable({}, {__index = b, __metatable = false})
end

if unsafe then
  base.os, base.io, base.debug, base.package = copy(os), copy(io), copy(debug), package
  base.dofile, base.loadfile = dofile, loadfile
  base.load = function(chunk, name, mode, env) return load(chunk, name, mode, env or fresh_env()) end
else
  base.os = {clock = os.clock, date = os.date, time = os.time, difftime = os.difftime, getenv = os.getenv}
  for _, k in ipairs{"execute", "exit", "remove", "rename", "tmpname", "setlocale"} do
    base.os[k] = blocked("os." .. k)
  end
  -- Only regular files: a FIFO, a terminal or /dev/stdin would block the run.
  local function regular(fn, path)
    if type(path) == "string" and not H.is_regular(path) then
      error(sformat("%s(%q): the sandbox reads regular files only (not devices, pipes or directories)", fn, path), 3)
    end
  end
  base.io = {
    open = function(path, mode)
      if mode ~= nil and mode ~= "r" and mode ~= "rb" then
        error(sformat("io.open(%q, %q) is blocked by the sandbox: scripts may only read files (run lectern with --unsafe to write)",
          tostring(path), tostring(mode)), 2)
      end
      regular("io.open", path)
      return real_open(path, mode)
    end,
    lines = function(path, ...)
      if path == nil then error("io.lines() without a file name is blocked by the sandbox (standard input is the corpus)", 2) end
      regular("io.lines", path)
      return real_lines(path, ...)
    end,
  }
  for _, k in ipairs{"popen", "output", "tmpfile", "input", "read", "close", "stdin", "stdout", "stderr"} do
    base.io[k] = blocked("io." .. k)
  end
  base.debug = blocked_table("debug")
  base.package = blocked_table("package")
  base.dofile = blocked("dofile")
  base.loadfile = blocked("loadfile")
  -- Text chunks only: binary chunks can crash the interpreter.
  base.load = function(chunk, name, mode, env) return load(chunk, name, "t", env or fresh_env()) end
  base.string.dump = blocked("string.dump")
  -- Methods on strings ("x"):upper() go through the one string metatable of
  -- the state: point it at a copy without dump, and hide it.
  local smt = debug.getmetatable("")
  local methods = copy(string)
  methods.dump, methods.rep = nil, safe_rep
  smt.__index = methods
  smt.__metatable = false
end

-- Output goes through the host so that it keeps article order under --jobs.
local write = H.write
base.print = function(...)
  local n = select("#", ...)
  if n == 1 then write(tostring((...)) .. "\n") return end
  local t = {}
  for i = 1, n do t[i] = tostring((select(i, ...))) end
  write(concat(t, "\t") .. "\n")
end
base.io.write = function(...)
  local n = select("#", ...)
  local t = {}
  for i = 1, n do t[i] = tostring((select(i, ...))) end
  write(concat(t))
  return base.io
end
base.emit = H.emit
base.emit_to = H.emit_to
base.columns_for = H.columns_for
base.columns = H.columns
base.chart = H.chart

-- The text module: Swift functions plus the Counter type.
local text = H.text
local function top(t, n)
  local items, len = {}, 0
  for k, v in pairs(t) do len = len + 1; items[len] = {key = k, count = v} end
  sort(items, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    return tostring(a.key) < tostring(b.key)
  end)
  if n and len > n then for i = len, n + 1, -1 do items[i] = nil end end
  return items
end
text.top = top
local Counter = {}
Counter.__index = Counter
Counter.__metatable = "text.counter"
function Counter:add(k, n) local c = self.counts; c[k] = (c[k] or 0) + (n or 1) end
function Counter:get(k) return self.counts[k] or 0 end
function Counter:total() local s = 0 for _, v in pairs(self.counts) do s = s + v end return s end
function Counter:top(n) return top(self.counts, n) end
text.counter = function(t) return setmetatable({counts = t or {}}, Counter) end
base.text = text

-- Scripts and modules ------------------------------------------------------
local scripts = {}        -- i -> {env, hooks, path}
local loaded = {}         -- module cache shared by the scripts of this state
local declared = {}       -- hooks declared by plugins
local handlers = {}       -- built-in hook name -> functions registered with lectern.on
local builtin = {}        -- names of built-in hooks (from Swift)
for name in H.hook_names:gmatch("[%w_]+") do builtin[name] = true end

local function dirname(path) return path:match("^(.*)/[^/]*$") or "." end

-- `self` is the requiring file: a script named like the module it requires
-- (examples/quotes.lua requiring "quotes") must find the module, not itself.
local function make_require(dirs, self)
  return function(name)
    if type(name) ~= "string" then error("require expects a module name (a string)", 2) end
    local cached = loaded[name]
    if cached ~= nil then return cached end
    local rel = name:gsub("%.", "/")
    local tried = {}
    for _, d in ipairs(dirs) do
      for _, pattern in ipairs{"%s/%s.lua", "%s/%s/init.lua"} do
        local path = sformat(pattern, d, rel)
        local f = path ~= self and H.is_regular(path) and real_open(path, "r")
        if f then
          local src = f:read("a")
          f:close()
          local menv = fresh_env()
          local mdirs = {dirname(path)}
          for _, x in ipairs(dirs) do mdirs[#mdirs + 1] = x end
          menv.require = make_require(mdirs, path)
          local chunk, err = load(src, "@" .. path, "t", menv)
          if not chunk then error(err, 0) end
          local result = chunk(name, path)
          if result == nil then result = menv end
          loaded[name] = result
          return result
        end
        tried[#tried + 1] = "\n\tno file '" .. path .. "'"
      end
    end
    if unsafe then return require(name) end
    error("module '" .. name .. "' not found:" .. concat(tried), 2)
  end
end

-- merge { key = "max", ["by_site.*"] = "counts" }: how state values combine
-- across chunks (docs/SCRIPTING.md, "Merging state"). Declarations are read by
-- the host after setup; merge.mean keeps a {sum, count, mean} table.
local merge_kinds = {}
for k in ("sum max min first last list set counts mean keep"):gmatch("%a+") do merge_kinds[k] = true end
local function make_merge(decls)
  local m = {}
  function m.mean(t, x)
    if type(x) ~= "number" then error("merge.mean(m, x): x must be a number, got " .. type(x), 2) end
    t = t or {sum = 0, count = 0}
    t.sum = (t.sum or 0) + x
    t.count = (t.count or 0) + 1
    t.mean = t.sum / t.count
    return t
  end
  return setmetatable(m, {__call = function(_, spec)
    if type(spec) ~= "table" then
      error("merge expects a table of state keys and merge kinds, as in merge { longest = \"max\" }", 2)
    end
    if H.phase() ~= "setup" then
      error("merge { ... } must be called at the top of the script or in setup", 2)
    end
    for key, kind in next, spec do
      if type(key) ~= "string" or key == "" then
        error("merge: keys are state paths (strings such as \"longest\" or \"by_site.*\"), got " .. tostring(key), 2)
      end
      if type(kind) ~= "string" or not merge_kinds[kind] then
        error(sformat("merge: unknown kind %s for %s (kinds: sum, max, min, first, last, list, set, counts, mean, keep)",
          type(kind) == "string" and sformat("%q", kind) or tostring(kind), key), 2)
      end
      decls[key] = kind
    end
  end, __metatable = false})
end

function P.load_script(src, path)
  local env = fresh_env()
  env._G = env
  env.state = {}
  local decls = {}
  env.merge = make_merge(decls)
  local dir = dirname(path)
  local dirs = {dir, dir .. "/lib"}
  for d in lua_path:gmatch("[^\n]+") do dirs[#dirs + 1] = d end
  env.require = make_require(dirs, path)
  local chunk, err = load(src, "@" .. path, "t", env)
  if not chunk then error(err, 0) end
  local ret = chunk()
  local hooks = type(ret) == "table" and ret or env
  scripts[#scripts + 1] = {env = env, hooks = hooks, path = path, merges = decls}
  return #scripts, env
end

-- Global functions (or returned-table functions) named almost like a built-in
-- hook: "name\thook" lines. Case-insensitive equality or one edit away.
local function one_edit(a, b)
  if a == b then return false end
  local la, lb = #a, #b
  if math.abs(la - lb) > 1 then return false end
  local i = 1
  while i <= la and i <= lb and a:sub(i, i) == b:sub(i, i) do i = i + 1 end
  if la == lb then return a:sub(i + 1) == b:sub(i + 1) end
  if la > lb then return a:sub(i + 1) == b:sub(i) end
  return a:sub(i) == b:sub(i + 1)
end
function P.near_hooks(i)
  local s = scripts[i]
  local out, seen = {}, {}
  for _, t in ipairs{s.hooks, s.env} do
    for k, v in next, t do
      if type(k) == "string" and type(v) == "function" and not builtin[k] and not declared[k] and not seen[k] then
        seen[k] = true
        for hook in H.hook_names:gmatch("[%w_]+") do
          if #k >= 5 and (k:lower() == hook or one_edit(k:lower(), hook)) then out[#out + 1] = k .. "\t" .. hook break end
        end
      end
    end
  end
  sort(out)
  return concat(out, "\n")
end

-- The declared merge kinds of script i, one "path\tkind" a line, sorted.
function P.merges(i)
  local out = {}
  for k, v in next, scripts[i].merges do out[#out + 1] = k .. "\t" .. v end
  sort(out)
  return concat(out, "\n")
end

-- NSE-style metadata: description and args = {name = {default=, help=}} (or name = default).
function P.meta(i)
  local s = scripts[i]
  local h, env = s.hooks, s.env
  local desc = rawget(h, "description") or rawget(env, "description")
  local args = rawget(h, "args") or rawget(env, "args")
  local list = {}
  if type(args) == "table" then
    for name, spec in next, args do
      local default, help
      if type(spec) == "table" then default, help = rawget(spec, "default"), rawget(spec, "help")
      else default = spec end
      list[#list + 1] = {name = tostring(name),
        default = default ~= nil and tostring(default) or nil,
        help = help ~= nil and tostring(help) or nil}
    end
    sort(list, function(a, b) return a.name < b.name end)
  end
  return desc ~= nil and tostring(desc) or nil, type(args) == "table", list
end

-- The functions that receive built-in hook `name`: plugins' first, then the script's.
function P.handlers(name)
  local list = {}
  for _, f in ipairs(handlers[name] or {}) do list[#list + 1] = f end
  return list
end
function P.hook_fn(i, name)
  local f = rawget(scripts[i].hooks, name)
  if type(f) == "function" then return f end
  return nil
end

-- Plugin API.
local lectern = {version = H.version, log = H.log}
function lectern.hook(name)
  if type(name) ~= "string" or not name:match("^[%a_][%w_]*$") then
    error("lectern.hook: a hook name is an identifier", 2)
  end
  if builtin[name] or base[name] ~= nil then error("lectern.hook: '" .. name .. "' is already a built-in name", 2) end
  declared[name] = true
end
function lectern.on(name, fn)
  if not builtin[name] then error("lectern.on: '" .. tostring(name) .. "' is not a built-in hook", 2) end
  if type(fn) ~= "function" then error("lectern.on: the handler must be a function", 2) end
  local list = handlers[name] or {}
  list[#list + 1] = fn
  handlers[name] = list
end
function lectern.fire(name, ...)
  if not declared[name] then
    error("lectern.fire: hook '" .. tostring(name) .. "' was not declared with lectern.hook", 2)
  end
  for _, s in ipairs(scripts) do
    local f = rawget(s.hooks, name)
    if type(f) == "function" then
      local ok, err = xpcall(f, traceback, ...)
      if not ok then H.report(err, name) end
    end
  end
end
-- lectern.inspect(v): a readable one-line rendering of any value, tables
-- included (keys sorted, nesting and length bounded), for print debugging.
local function inspect(v, depth, seen)
  local tv = type(v)
  if tv == "string" then return sformat("%q", v):gsub("\\\n", "\\n") end
  if tv ~= "table" then return tostring(v) end
  if seen[v] then return "<cycle>" end
  if depth > 4 then return "{...}" end
  seen[v] = true
  local out, n = {}, #v
  for i = 1, math.min(n, 50) do out[#out + 1] = inspect(v[i], depth + 1, seen) end
  if n > 50 then out[#out + 1] = "... (" .. n .. " items)" end
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for i, k in ipairs(keys) do
    if i > 50 then out[#out + 1] = "... (" .. #keys .. " keys)"; break end
    local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. inspect(k, depth + 1, seen) .. "]"
    out[#out + 1] = ks .. " = " .. inspect(v[k], depth + 1, seen)
  end
  seen[v] = nil
  return "{" .. concat(out, ", ") .. "}"
end
function lectern.inspect(v) return (inspect(v, 0, {})) end
base.lectern = lectern

-- Chunks start equal. Every chunk starts from what setup left: `state` is
-- reset by the host, and globals and locals (upvalues of the script's
-- functions) that per-article hooks changed are put back from a copy taken
-- after setup, so a chunk computes the same thing in any worker (the output is
-- the same for any --jobs). What changed is reported: globals become
-- unreadable in finish, locals get a warning (and fail the run when finish
-- reads them). Signatures say what changed; raw access only, so no
-- metamethod of a script runs here.
local rawnext, rawlen = next, rawlen
local function signature(v, depth, budget)
  local tv = type(v)
  if tv == "string" then return sformat("%q", v) end
  if tv == "number" then return sformat("%.17g", v) .. math.type(v) end
  if tv ~= "table" then return tv .. ":" .. tostring(v) end
  if depth > 12 or budget[1] <= 0 then return "{...}" end
  local keys = {}
  for k in rawnext, v do keys[#keys + 1] = k end
  budget[1] = budget[1] - #keys
  sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  local out = {}
  for _, k in ipairs(keys) do
    out[#out + 1] = tostring(k) .. "=" .. signature(rawget(v, k), depth + 1, budget)
  end
  return "{" .. concat(out, ",") .. "}"
end
local function deepcopy(v, seen)
  if type(v) ~= "table" then return v end
  if seen[v] then return seen[v] end
  local c = {}
  seen[v] = c
  for k, x in rawnext, v do rawset(c, deepcopy(k, seen), deepcopy(x, seen)) end
  local mt = debug.getmetatable(v)
  if mt then debug.setmetatable(c, mt) end
  return c
end
local skip = {state = true, require = true, _G = true, merge = true}
local function tracked_globals(env)
  local out = {}
  for k, v in rawnext, env do
    if type(k) == "string" and not skip[k] and type(v) ~= "function" then out[k] = v end
  end
  return out
end
-- The script's functions (hooks, global functions, plugin handlers, and the
-- functions they hold as upvalues), in a fixed order so that every Lua state
-- labels the same local the same way.
local getupvalue, setupvalue, upvalueid, getinfo = debug.getupvalue, debug.setupvalue, debug.upvalueid, debug.getinfo
local function script_functions(s)
  local list, seen = {}, {}
  local function add(f, depth)
    if type(f) ~= "function" or seen[f] or depth > 4 then return end
    seen[f] = true
    list[#list + 1] = f
    local i = 1
    while true do
      local name, v = getupvalue(f, i)
      if name == nil then break end
      if type(v) == "function" then add(v, depth + 1) end
      i = i + 1
    end
  end
  for name in H.hook_names:gmatch("[%w_]+") do add(rawget(s.hooks, name), 0) end
  local names = {}
  for k, v in rawnext, s.env do if type(k) == "string" and type(v) == "function" then names[#names + 1] = k end end
  sort(names)
  for _, k in ipairs(names) do add(rawget(s.env, k), 0) end
  if s.hooks ~= s.env then
    names = {}
    for k, v in rawnext, s.hooks do if type(k) == "string" and type(v) == "function" then names[#names + 1] = k end end
    sort(names)
    for _, k in ipairs(names) do add(rawget(s.hooks, k), 0) end
  end
  for _, list_ in rawnext, handlers do for _, f in ipairs(list_) do add(f, 0) end end
  return list
end
-- Upvalues that hold data: id -> {f, i, label}.
local function tracked_upvalues(s)
  local out, order = {}, {}
  for _, f in ipairs(script_functions(s)) do
    local info = getinfo(f, "S")
    if info.what == "Lua" then
      local i = 1
      while true do
        local name, v = getupvalue(f, i)
        if name == nil then break end
        if name ~= "_ENV" and type(v) ~= "function" then
          local id = upvalueid(f, i)
          if not out[id] then
            local where = info.short_src .. ":" .. info.linedefined
            out[id] = {f = f, i = i, label = sformat("local '%s' (an upvalue of the function at %s)", name, where)}
            order[#order + 1] = id
          end
        end
        i = i + 1
      end
    end
  end
  return out, order
end
function P.snapshot(i)
  local s = scripts[i]
  local g = tracked_globals(s.env)
  s.baseline, s.pristine = {}, {}
  for k, v in rawnext, g do s.baseline[k] = signature(v, 0, {200000}); s.pristine[k] = deepcopy(v, {}) end
  s.upvalues, s.upvalue_order = tracked_upvalues(s)
  s.up_baseline, s.up_pristine = {}, {}
  for id, u in rawnext, s.upvalues do
    local _, v = getupvalue(u.f, u.i)
    s.up_baseline[id] = signature(v, 0, {200000})
    s.up_pristine[id] = deepcopy(v, {})
  end
end
-- At the end of a chunk: the globals and locals that changed since setup,
-- put back to their values after setup. Returns two "\n"-joined lists.
function P.chunk_end(i)
  local s = scripts[i]
  if not s.baseline then return "", "" end
  local env, before = s.env, s.baseline
  local now = tracked_globals(env)
  local globals = {}
  for k, v in rawnext, now do
    if before[k] ~= signature(v, 0, {200000}) then globals[#globals + 1] = k end
  end
  for k in rawnext, before do if now[k] == nil then globals[#globals + 1] = k end end
  sort(globals)
  for _, k in ipairs(globals) do rawset(env, k, deepcopy(s.pristine[k], {})) end
  local locals = {}
  for _, id in ipairs(s.upvalue_order) do
    local u = s.upvalues[id]
    local _, v = getupvalue(u.f, u.i)
    if s.up_baseline[id] ~= signature(v, 0, {200000}) then
      locals[#locals + 1] = u.label
      setupvalue(u.f, u.i, deepcopy(s.up_pristine[id], {}))
    end
  end
  return concat(globals, "\n"), concat(locals, "\n")
end
-- Which of the given locals (labels from chunk_end) finish reads.
function P.finish_reads(i, labels)
  local s = scripts[i]
  local f = rawget(s.hooks, "finish")
  if type(f) ~= "function" then return "" end
  local ups = s.upvalues or tracked_upvalues(s)
  local wanted = {}
  for l in labels:gmatch("[^\n]+") do wanted[l] = true end
  local out, seen = {}, {}
  local function scan(fn, depth)
    if seen[fn] or depth > 4 then return end
    seen[fn] = true
    local k = 1
    while true do
      local name, v = getupvalue(fn, k)
      if name == nil then break end
      local u = ups[upvalueid(fn, k)]
      if u and wanted[u.label] then out[#out + 1] = u.label; wanted[u.label] = nil end
      if type(v) == "function" then scan(v, depth + 1) end
      k = k + 1
    end
  end
  scan(f, 0)
  sort(out)
  return concat(out, "\n")
end
function P.poison(i, list)
  local env = scripts[i].env
  local poisoned = {}
  for name in list:gmatch("[^\n]+") do poisoned[name] = true; rawset(env, name, nil) end
  if next(poisoned) == nil then return end
  local own = debug.getmetatable(env).__index
  debug.setmetatable(env, {__metatable = false, __index = function(_, k)
    if poisoned[k] then
      error(sformat("global '%s' was changed by per-article hooks, which run in several workers, so finish() cannot see their totals: keep totals in `state` (for example state.%s) and read them there (see docs/SCRIPTING.md, \"state\")", k, k), 2)
    end
    return own[k]
  end})
end

return P
"""#
