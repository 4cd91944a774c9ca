-- GET one of the seeded contacts at random (ids BENCH_ID_PREFIX .. zero-padded 1..BENCH_ID_COUNT, 16 characters).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local prefix = os.getenv("BENCH_ID_PREFIX")
local count = tonumber(os.getenv("BENCH_ID_COUNT"))
local base = os.getenv("BENCH_BASE_PATH")
local width = 16 - #prefix
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^\n]+") do
  local name, value = string.match(line, "^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  math.randomseed(os.time() * 100 + id)
end
function request()
  local id = prefix .. string.format("%0" .. width .. "d", math.random(1, count))
  return wrk.format("GET", base .. id)
end
