-- wrk script for `./platform bench gateway`: POSTs one GraphQL request body on every request
-- (the body comes from the environment variable GRAPHQL_BODY) and counts the answers that are
-- not a clean 200 without "errors", so that a benchmark of failing requests is noticed (a GraphQL
-- error is an HTTP 200, which wrk alone would count as a success).
wrk.method = "POST"
wrk.body = os.getenv("GRAPHQL_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
if os.getenv("GRAPHQL_TOKEN") and os.getenv("GRAPHQL_TOKEN") ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("GRAPHQL_TOKEN")
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do
    n = n + t:get("failed")
  end
  io.write(string.format("graphql_failed: %d\n", n))
end
