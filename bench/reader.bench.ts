// Reader speed on the sample and on a synthetic plan 100× its size, and peak heap for the 100×.
import { readCruscotto } from "../src/domain/reader";
import { sampleText } from "../test/helpers/sample";
import { syntheticCruscotto } from "../test/helpers/synthetic";
import { heapBefore, medianMs, mib, report } from "./harness";

const one = sampleText();
const hundred = syntheticCruscotto(100);

const t1 = medianMs(() => readCruscotto(one), 101, 20);
const t100 = medianMs(() => readCruscotto(hundred), 11, 3);

const before = heapBefore();
let peak = 0;
const plan = readCruscotto(hundred);
peak = Math.max(peak, process.memoryUsage().heapUsed - before);

report("reader.sample.median", t1, "ms");
report("reader.100x.median", t100, "ms");
report("reader.100x.ratio", t100 / t1, "x");
report("reader.100x.heap", mib(peak), "MiB");
report("reader.100x.objectives", plan.objectives.length, "count");
