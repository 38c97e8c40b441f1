import { readCruscotto } from "./src/domain/reader";
import { matchPlans, planCarryOver } from "./src/domain/match";
import { syntheticCruscotto } from "./test/helpers/synthetic";
const old = readCruscotto(syntheticCruscotto(100));
const m = matchPlans(old, old);
const acts: Record<string, Record<string, number>> = {};
for (const o of old.objectives) for (const i of o.indicators) acts[i.id] = {"2023":1,"2024":2,"2025":3,"2026":4};
for (let k = 0; k < 5; k++) { const t = performance.now(); planCarryOver(old, old, m, acts); console.log("carry", (performance.now()-t).toFixed(0)); }
let t = performance.now(); const idm = m.idMap; let c = 0; for (const id of Object.keys(acts)) for (const y of Object.keys(acts[id])) if (idm[id]) c++; console.log("lookups", (performance.now()-t).toFixed(1), c);
