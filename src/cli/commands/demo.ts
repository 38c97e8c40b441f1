// `pira demo`: the main job on the bundled sample.
import * as path from "node:path";
import type { CliIO } from "../io";
import { loadPlan } from "./parse";
import { planSummary } from "../summary";

export const BUNDLED_SAMPLE = path.join(__dirname, "..", "..", "..", "samples", "cruscotto-pira-2023.txt");

export async function demoCommand(_args: string[], io: CliIO): Promise<number> {
  const plan = loadPlan(BUNDLED_SAMPLE, io);
  io.out(planSummary(plan));
  return 0;
}
