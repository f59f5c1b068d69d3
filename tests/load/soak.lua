-- Soak: anonymous reads across the site, most from the output cache, one in four a full uncached search or API
-- page, so that memory is tested with real work, not only cached bytes.
local counter = 0
local cached = { "/dossiers/elancourt", "/communes/78208", "/", "/dossiers", "/api/v1/cases", "/carte" }
request = function()
  counter = counter + 1
  if counter % 4 == 0 then
    return wrk.format("GET", "/recherche?q=genetec&n=" .. counter)
  elseif counter % 4 == 2 then
    return wrk.format("GET", "/api/v1/contracts?limit=50&n=" .. counter)
  end
  return wrk.format("GET", cached[(counter % #cached) + 1])
end
