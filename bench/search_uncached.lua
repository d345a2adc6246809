-- Full-text searches with a unique throw-away parameter, so the output cache (keyed on the whole URL)
-- never answers and every request runs the PostgreSQL query. Also prints percentiles (see percentiles.lua).
local queries = { "knee", "back%20pain", "shoulder%20rehabilitation", "running%20injury", "posture", "hamstring",
                  "ankle%20sprain", "sleep", "marathon%20recovery", "tennis%20elbow", "sciatica", "pilates%20core" }
local counter = 0
local thread_id = 0

setup = function(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", "/api/content/articles?q=" .. q .. "&_=" .. tid .. "-" .. counter .. "-" .. os.time())
end

dofile(os.getenv("BENCH_DIR") .. "/percentiles.lua")
