import { afterEach, describe, expect, it } from "vitest";

import { BUSINESS_TIME_ZONE } from "@/lib/time/business-time";
import { formatInstant, timeZoneLabel } from "@/lib/time/format-instant";

// 05:37:14 UTC is 08:37:14 in Nairobi (UTC+3, no daylight saving).
const instant = "2026-12-01T05:37:14.000Z";
const originalTz = process.env.TZ;

describe("formatInstant", () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  for (const tz of ["UTC", "America/New_York"]) {
    it(`prints business time whatever the process zone (TZ=${tz})`, () => {
      process.env.TZ = tz;
      // The runtime's own zone really moved: a zone-less formatter now disagrees with business time.
      expect(new Date(instant).getHours()).toBe(tz === "UTC" ? 5 : 0);
      expect(formatInstant(instant, "en", BUSINESS_TIME_ZONE)).toBe("Dec 1, 2026, 8:37:14 AM");
      expect(formatInstant(instant, "en", BUSINESS_TIME_ZONE, "time")).toBe("8:37:14 AM");
      expect(formatInstant(instant, "en", BUSINESS_TIME_ZONE, "date")).toBe("Dec 1, 2026");
    });
  }

  it("follows the locale but not its zone", () => {
    expect(formatInstant(instant, "es", BUSINESS_TIME_ZONE, "time")).toBe("8:37:14");
    expect(formatInstant(instant, "pt-BR", BUSINESS_TIME_ZONE, "time")).toBe("08:37:14");
  });

  it("puts the date's parts in the locale's order", () => {
    expect(formatInstant(instant, "es", BUSINESS_TIME_ZONE, "date")).toBe("1 dic 2026");
    expect(formatInstant(instant, "pt-BR", BUSINESS_TIME_ZONE)).toBe("1 de dez. de 2026, 08:37:14");
  });

  it("accepts dates, ISO strings and epoch milliseconds alike", () => {
    const ms = Date.parse(instant);
    expect(formatInstant(new Date(ms), "en", BUSINESS_TIME_ZONE)).toBe(formatInstant(ms, "en", BUSINESS_TIME_ZONE));
  });

  it("names the zone with Intl's short name", () => {
    expect(timeZoneLabel("en", BUSINESS_TIME_ZONE, new Date(instant))).toBe("GMT+3");
    expect(timeZoneLabel("en", "UTC", new Date(instant))).toBe("UTC");
  });
});
