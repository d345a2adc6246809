-- Paced load for wrk: before each request a connection waits an exponentially distributed time (mean PACE_MS,
-- default 50), so 50 connections send independently of each other, as separate clients do, and offer about
-- 50 / PACE_MS * 1000 requests a second in total. (hey -q paces its workers on one shared tick, so all 50
-- fire together: a 50-request burst every tick, whose queueing then dominates the latency it reports.)
-- wrk times each request from its send to its response; the waiting time between requests is not counted.
local mean_ms = tonumber(os.getenv("PACE_MS") or "50")
local seeded = false

function delay()
  if not seeded then
    math.randomseed(os.time() + math.floor(os.clock() * 1e6))
    seeded = true
  end
  return math.floor(-mean_ms * math.log(1 - math.random()))
end

-- The same one-line summary as every other wrk run (bench/percentiles.lua, next to this file).
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "percentiles.lua")
