-- Search with the output cache defeated: every request carries a different, ignored query parameter, so each one
-- runs the full-text query, the facets and the page. Terms rotate over real and missing words.
local terms = { "genetec", "vid%C3%A9oprotection", "lecture+de+plaques", "%22centre+de+supervision%22", "drones+-police",
  "elancourt", "cam%C3%A9ras", "contrat+OR+march%C3%A9", "reconnaissance+faciale", "yvelines" }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/recherche?q=" .. terms[(counter % #terms) + 1] .. "&n=" .. counter)
end
