-- wrk script: every request asks for a URL of its own (a counter per wrk thread appended as
-- `bench=<thread>-<n>`), so that none is answered from the server's public page cache.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  n = 0
  separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
end

function request()
  n = n + 1
  return wrk.format(nil, wrk.path .. separator .. "bench=" .. id .. "-" .. n)
end
