-- wrk script: every request POSTs the same case to /api/letters with the caseworker's token.
-- BREV_TOKEN and BREV_CASE come from run.sh.
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BREV_TOKEN")
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("BREV_CASE"), "rb"))
wrk.body = file:read("*a")
file:close()
