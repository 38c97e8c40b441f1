import { readCruscotto } from "./src/domain/reader";
import { matchPlans, planCarryOver } from "./src/domain/match";
import { syntheticCruscotto } from "./test/helpers/synthetic";
import * as fs from "fs";
const revisedText = fs.readFileSync("test/fixtures/revised/cruscotto-pira-2024.txt", "utf8");
const old = readCruscotto(syntheticCruscotto(100));
const rev = readCruscotto(syntheticCruscotto(100, revisedText));
console.log(old.objectives.length, old.objectives.flatMap(o=>o.indicators).length, rev.objectives.flatMap(o=>o.indicators).length);
for (let k=0;k<3;k++){
let t = performance.now();
const m = matchPlans(old, rev);
const t1 = performance.now()-t;
const self = matchPlans(old, old);
const t2 = performance.now()-t-t1;
console.log("revised", t1.toFixed(0), "ms; self", t2.toFixed(0), "ms; changes", m.changes.length, "proposals", m.proposals.length, self.changes.length, m.objectives.filter(o=>o.by!=="title").length);
}
const acts: Record<string, Record<string, number>> = {};
for (const o of old.objectives) for (const i of o.indicators) acts[i.id] = {"2023":1,"2024":2,"2025":3,"2026":4};
const m = matchPlans(old, rev);
let t = performance.now(); const r = planCarryOver(old, rev, m, acts); console.log("carry", (performance.now()-t).toFixed(0), r.carried.length, r.archived.length);
const reasons: Record<string,number> = {}; for (const p of m.proposals) reasons[p.reason]=(reasons[p.reason]??0)+1; console.log(reasons);
