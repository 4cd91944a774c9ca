-- auth-service decisions, every request a different USER token (cold cache): tokens are read from BENCH_TOKENS (one
-- a line); thread k of n sends tokens from+k, from+k+n, ... up to BENCH_TOKEN_TO (exclusive), then starts over (from
-- then on they would be cache hits: DecisionsScenario reads auth-service's cache metrics to show how many there were).
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
local threads = {}
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  tokens = {}
  for line in io.lines(os.getenv("BENCH_TOKENS")) do table.insert(tokens, line) end
  from = tonumber(os.getenv("BENCH_TOKEN_FROM"))
  to = tonumber(os.getenv("BENCH_TOKEN_TO"))
  nthreads = tonumber(os.getenv("BENCH_THREADS"))
  next_index = from + id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end
function request()
  local token = tokens[next_index + 1]
  next_index = next_index + nthreads
  if next_index >= to then next_index = from + id end
  local body = '{"authorization":"Bearer ' .. token .. '","queryToken":null,"audience":"USER_API","api":"CONTACTS"}'
  return wrk.format(nil, nil, nil, body)
end
