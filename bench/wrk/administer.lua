-- wrk: POST /api/administrations, every request a different vial (each wrk thread takes its own slice of
-- bench-work/vials.txt) with its own Idempotency-Key. Non-2xx answers are counted and printed at the end.
local vials = {}
for line in io.lines(os.getenv("WORK") .. "/vials.txt") do vials[#vials + 1] = line end
local token = io.open(os.getenv("WORK") .. "/nurse.token"):read("*l")
local threads = {}
local counter = 1
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
function init(args)
  slices = tonumber(os.getenv("THREADS") or "2")
  per = math.floor(#vials / slices)
  next_vial = (id - 1) * per + 1
  last_vial = id * per
  failures = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end
request = function()
  if next_vial > last_vial then
    wrk.thread:stop()
  end
  local vial = vials[next_vial]
  next_vial = next_vial + 1
  wrk.headers["Idempotency-Key"] = vial
  return wrk.format(nil, "/api/administrations", nil,
    '{"vialId":"' .. vial .. '","patientId":"B-' .. id .. '-' .. next_vial .. '","route":"IV_DRIP","volumeMl":2.0,"purpose":"WELLNESS"}')
end
response = function(status, headers, body)
  if status ~= 201 then failures = failures + 1 end
end
function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    local f = t:get("failures")
    if f and f > 0 then io.write("non-201 answers in thread " .. t:get("id") .. ": " .. f .. "\n") end
  end
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
