// Excel serial dates (1900 date system), the form a date takes in a cell and in a custom
// function argument. Excel counts 1900 as a leap year, so serial 60 is the non-existent
// 1900-02-29 and serials from 61 on are days since 1899-12-30.

import { isoDate } from "./targets";

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_REAL_LEAP_SERIAL = 61; // 1900-03-01
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel serial of a real calendar date, or null when the date does not exist or precedes 1900-01-01. */
export function dateToSerial(day: number, month: number, year: number): number | null {
  const iso = isoDate(day, month, year);
  if (iso === null) return null;
  const days = Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / DAY_MS);
  if (days < FIRST_REAL_LEAP_SERIAL) {
    // 1900-01-01 .. 1900-02-28: Excel's count is one lower here, before its phantom leap day.
    return days >= 2 ? days - 1 : null;
  }
  return days;
}

/** A day as an Excel serial, by its local calendar date (the Registro's «Data»). */
export function todaySerial(now: Date = new Date()): number {
  return dateToSerial(now.getDate(), now.getMonth() + 1, now.getFullYear())!;
}

/** "YYYY-MM-DD" → Excel serial. Throws RangeError on anything that is not a real date from 1900 on. */
export function isoToSerial(iso: string): number {
  const m = ISO_RE.exec(iso);
  const serial = m ? dateToSerial(Number(m[3]), Number(m[2]), Number(m[1])) : null;
  if (serial === null) throw new RangeError(`Not an ISO date from 1900 on: "${iso}"`);
  return serial;
}

/** Excel serial (the time of day is dropped) → "YYYY-MM-DD"; serial 60 gives Excel's "1900-02-29". */
export function serialToIso(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1) throw new RangeError(`Not an Excel date serial: ${serial}`);
  const whole = Math.floor(serial);
  if (whole === 60) return "1900-02-29";
  const days = whole < 60 ? whole + 1 : whole;
  return new Date(EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
}
