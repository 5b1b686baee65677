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

local function fresh_env() return setmetatable({}, {__index = base}) end

if unsafe then
  base.os, base.io, base.debug, base.package = copy(os), copy(io), copy(debug), package
  base.dofile, base.loadfile = dofile, loadfile
  base.load = function(chunk, name, mode, env) return load(chunk, name, mode, env or fresh_env()) end
else
  base.os = {clock = os.clock, date = os.date, time = os.time, difftime = os.difftime, getenv = os.getenv}
  for _, k in ipairs{"execute", "exit", "remove", "rename", "tmpname", "setlocale"} do
    base.os[k] = blocked("os." .. k)
  end
  base.io = {
    open = function(path, mode)
      if mode ~= nil and mode ~= "r" and mode ~= "rb" then
        error(sformat("io.open(%q, %q) is blocked by the sandbox: scripts may only read files (run lectern with --unsafe to write)",
          tostring(path), tostring(mode)), 2)
      end
      return real_open(path, mode)
    end,
    lines = function(path, ...)
      if path == nil then error("io.lines() without a file name is blocked by the sandbox (standard input is the corpus)", 2) end
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
        local f = path ~= self and real_open(path, "r")
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

function P.load_script(src, path)
  local env = fresh_env()
  env._G = env
  env.state = {}
  local dir = dirname(path)
  local dirs = {dir, dir .. "/lib"}
  for d in lua_path:gmatch("[^\n]+") do dirs[#dirs + 1] = d end
  env.require = make_require(dirs, path)
  local chunk, err = load(src, "@" .. path, "t", env)
  if not chunk then error(err, 0) end
  local ret = chunk()
  local hooks = type(ret) == "table" and ret or env
  scripts[#scripts + 1] = {env = env, hooks = hooks, path = path}
  return #scripts, env
end

-- NSE-style metadata: description and args = {name = {default=, help=}} (or name = default).
function P.meta(i)
  local s = scripts[i]
  local h, env = s.hooks, s.env
  local desc = rawget(h, "description") or rawget(env, "description")
  local args = rawget(h, "args") or rawget(env, "args")
  local list = {}
  if type(args) == "table" then
    for name, spec in pairs(args) do
      local default, help
      if type(spec) == "table" then default, help = spec.default, spec.help
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
  local f = scripts[i].hooks[name]
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

-- Guarding finish: globals that article hooks changed live in each worker's
-- state only, so finish must not read them. Signatures say what changed.
local function signature(v, depth, budget)
  local tv = type(v)
  if tv == "string" then return sformat("%q", v) end
  if tv == "number" then return sformat("%.17g", v) .. math.type(v) end
  if tv ~= "table" then return tv .. ":" .. tostring(v) end
  if depth > 12 or budget[1] <= 0 then return "{...}" end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  budget[1] = budget[1] - #keys
  sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "number" or ta == "string" then return a < b end
    return tostring(a) < tostring(b)
  end)
  local out = {}
  for _, k in ipairs(keys) do
    out[#out + 1] = tostring(k) .. "=" .. signature(v[k], depth + 1, budget)
  end
  return "{" .. concat(out, ",") .. "}"
end
local skip = {state = true, require = true, _G = true}
local function globals_signature(env)
  local sig = {}
  for k, v in pairs(env) do
    if type(k) == "string" and not skip[k] and type(v) ~= "function" then
      sig[k] = signature(v, 0, {200000})
    end
  end
  return sig
end
function P.snapshot(i) scripts[i].baseline = globals_signature(scripts[i].env) end
function P.changed_globals(i)
  local s = scripts[i]
  local now, before = globals_signature(s.env), s.baseline or {}
  local names = {}
  for k, v in pairs(now) do if before[k] ~= v then names[#names + 1] = k end end
  for k in pairs(before) do if now[k] == nil then names[#names + 1] = k end end
  sort(names)
  return concat(names, "\n")
end
function P.poison(i, list)
  local env = scripts[i].env
  local poisoned = {}
  for name in list:gmatch("[^\n]+") do poisoned[name] = true; rawset(env, name, nil) end
  if next(poisoned) == nil then return end
  setmetatable(env, {__index = function(_, k)
    if poisoned[k] then
      error(sformat("global '%s' was changed by per-article hooks, which run in several workers, so finish() cannot see their totals: keep totals in `state` (for example state.%s) and read them there (see docs/SCRIPTING.md, \"state\")", k, k), 2)
    end
    return base[k]
  end})
end

return P
"""#
