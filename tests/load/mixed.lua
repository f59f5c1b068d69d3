-- Mixed profile: a signed-in volunteer reads their request and records notes on it, while anonymous
-- visitors read the case page. Set by run.sh: COOKIE, TOKEN, REQUEST.
local cookie = os.getenv("COOKIE")
local token = os.getenv("TOKEN")
local request_path = "/demandes/" .. os.getenv("REQUEST")
local counter = 0

request = function()
  counter = counter + 1
  local roll = math.random(100)
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
  if status >= 400 then errors = errors + 1 end
end
