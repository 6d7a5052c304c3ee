-- wrk: POST /api/scans with a random label of the bench lot. Reads bench-work/labels.txt and bench-work/nurse.token.
local labels = {}
for line in io.lines(os.getenv("WORK") .. "/labels.txt") do labels[#labels + 1] = line end
local token = io.open(os.getenv("WORK") .. "/nurse.token"):read("*l")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
math.randomseed(os.time())
local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\029', '\\u001d') .. '"'
end
request = function()
  return wrk.format(nil, "/api/scans", nil, '{"barcode":' .. json_string(labels[math.random(#labels)]) .. ',"route":"IV_DRIP"}')
end
