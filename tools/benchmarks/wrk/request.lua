-- One fixed request: method, body and headers from the environment (BENCH_METHOD, BENCH_BODY, BENCH_HEADERS as
-- "Name: value" lines). The path comes from the URL on wrk's command line.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
if body and body ~= "" then wrk.body = body end
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^\n]+") do
  local name, value = string.match(line, "^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
