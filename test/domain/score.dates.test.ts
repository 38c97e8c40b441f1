import { dateToSerial, isoToSerial, serialToIso } from "../../src/domain/dates";

// Serials as Excel shows them (1900 date system, with its phantom 1900-02-29 = 60).
const known: [string, number][] = [
  ["1900-01-01", 1],
  ["1900-02-28", 59],
  ["1900-03-01", 61],
  ["1970-01-01", 25569],
  ["2000-01-01", 36526],
  ["2023-10-31", 45230],
  ["2023-12-15", 45275],
  ["2023-12-31", 45291],
  ["2024-01-10", 45301],
  ["2024-02-29", 45351],
  ["2026-12-31", 46387],
];

describe("Excel serial dates", () => {
  it.each(known)("%s is serial %d and back", (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToIso(serial)).toBe(iso);
  });

  it("drops the time of day of a serial", () => {
    expect(serialToIso(45291.999)).toBe("2023-12-31");
  });

  it("shows serial 60 as Excel does", () => {
    expect(serialToIso(60)).toBe("1900-02-29");
  });

  it("round-trips every day from 1900-03-01 to 2100", () => {
    const mismatches: number[] = [];
    for (let serial = 61; serial < 73051; serial++)
      if (isoToSerial(serialToIso(serial)) !== serial) mismatches.push(serial);
    expect(mismatches).toEqual([]);
  });

  const invalid = ["2023-02-29", "2023-13-01", "1899-12-31", "31-12-2023", "2023-1-5", ""];
  it.each(invalid)("rejects %p", (iso) => {
    expect(() => isoToSerial(iso)).toThrow(RangeError);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects serial %p", (serial) => {
    expect(() => serialToIso(serial)).toThrow(RangeError);
  });

  it("gives null for impossible day/month/year", () => {
    expect(dateToSerial(31, 4, 2024)).toBeNull();
    expect(dateToSerial(15, 12, 2023)).toBe(45275);
  });
});
