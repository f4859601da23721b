// The map legend lists the regions the county map can draw; the others go to a list of their own.
import { describe, expect, it } from "vitest";

import { splitRegions } from "../lib/geo/split-regions";

describe("splitRegions", () => {
  const MAP = new Set(["NAIROBI", "KIAMBU", "MOMBASA"]);
  const region = (code: string, counties: string[], revenue: string) => ({ code, name: code, counties, revenue });

  it("keeps regions with a county on the map apart from the others, in order", () => {
    const { mapped, other } = splitRegions(
      [
        region("APAC", [], "5000.00"),
        region("CENTRAL", ["NAIROBI", "KIAMBU"], "1200.50"),
        region("CENTRAL-2", ["Central"], "10.00"),
        region("COAST", ["MOMBASA", "Atlantis"], "300.00"),
      ],
      MAP,
    );
    expect(mapped.map((r) => r.code)).toEqual(["CENTRAL", "COAST"]);
    expect(other.map((r) => r.code)).toEqual(["APAC", "CENTRAL-2"]);
  });

  it("leaves out regions with no revenue, on the map or not", () => {
    const { mapped, other } = splitRegions(
      [region("EMEA", [], "0"), region("EAST", [], "0.00"), region("CENTRAL", ["NAIROBI"], "0.00"), region("COAST", ["MOMBASA"], "-20.00")],
      MAP,
    );
    expect(mapped.map((r) => r.code)).toEqual(["COAST"]);
    expect(other).toEqual([]);
  });
});
