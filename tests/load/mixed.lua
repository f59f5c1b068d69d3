-- Mixed profile: a signed-in volunteer reads their requests and records notes on them, while anonymous
-- visitors read the case page. Set by run.sh: COOKIE, TOKEN, REQUESTS (ids separated by commas).
local cookie = os.getenv("COOKIE")
local token = os.getenv("TOKEN")
local request_paths = {}
for id in string.gmatch(os.getenv("REQUESTS"), "[^,]+") do table.insert(request_paths, "/demandes/" .. id) end
local counter = 0

request = function()
  counter = counter + 1
  local roll = math.random(100)
  local request_path = request_paths[math.random(#request_paths)]
  if roll <= 10 then
    local body = "__jeton=" .. token .. "&Date=01%2F11%2F2026&Comment=note+de+charge+" .. counter
    return wrk.format("POST", request_path .. "/evenements/nouveau/note",
      { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  elseif roll <= 60 then
    return wrk.format("GET", request_path, { ["Cookie"] = cookie })
  else
    return wrk.format("GET", "/dossiers/elancourt")
  end
end

-- Count answers that are neither 2xx nor a redirect after a write (the note form answers 302).
errors = 0
response = function(status, headers, body)
  if status >= 400 then
    errors = errors + 1
    -- The first few failures of each thread, with the start of the page, so that errors can be explained.
    if errors <= 3 then io.stderr:write("mixed: HTTP " .. status .. " " .. string.sub(body or "", 1, 300):gsub("%s+", " ") .. "\n") end
  end
end
