-- wrk script: like post-case.lua, but every request is a different letter: the citizen's name,
-- street and case number carry a number unique to the wrk thread and request, so the server's
-- caches see what a day of real letters gives them (new names and addresses), not one letter
-- over and over. BREV_TOKEN and BREV_CASE come from run.sh; the case must hold the afslag
-- example's name, street and case number (Examples/cases/afslag-doegn-sel101.json).
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local body
local sent = 0
function init(args)
  local file = assert(io.open(os.getenv("BREV_CASE"), "rb"))
  body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BREV_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  sent = sent + 1
  local n = id * 10000000 + sent
  local letter = body
    :gsub("Mette Ærø%-Østergård", "Borger " .. n .. " Hansen")
    :gsub("Strandgårdsvej 12, 2%. th%.", "Vej " .. string.format("%x", n * 7919) .. " " .. (n % 200 + 1))
    :gsub("27%.36%.08%-G01%-1042%-26", "27.36.08-G01-" .. n .. "-26")
  return wrk.format(nil, nil, nil, letter)
end
