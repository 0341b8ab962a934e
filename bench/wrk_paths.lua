-- wrk script for section 10: each request is the next path of a list file
-- (one URL path a line, already percent-encoded), so a run spreads over many
-- queries or documents instead of hitting one cached answer.
--
--   wrk -t2 -c8 -d10s --latency -s bench/wrk_paths.lua http://127.0.0.1:PORT -- paths.txt
--
-- Each thread starts at its own offset in the list, so two threads do not
-- send the same sequence.
local paths = {}
local next_index = 1
local thread_count = 0

function setup(thread)
  thread:set("offset", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("wrk_paths.lua: no paths in " .. tostring(args[1])) end
  next_index = ((offset or 0) * 7919) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end
