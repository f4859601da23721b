import { describe, expect, it } from "vitest";

import {
  businessDate,
  businessHour,
  shiftBusinessMonths,
  startOfBusinessDate,
  startOfBusinessDay,
  startOfBusinessMonth,
  zonedTimeToInstant,
} from "../lib/time/business-time";

describe("business time (Africa/Nairobi, UTC+3)", () => {
  it("starts the business day at 21:00 UTC the evening before", () => {
    expect(startOfBusinessDay(new Date("2026-11-22T10:00:00Z")).toISOString()).toBe("2026-11-21T21:00:00.000Z");
    // 22:30 UTC is already the next day in Nairobi.
    expect(startOfBusinessDay(new Date("2026-11-22T22:30:00Z")).toISOString()).toBe("2026-11-22T21:00:00.000Z");
    expect(businessDate(new Date("2026-11-22T22:30:00Z"))).toBe("2026-11-23");
    expect(businessHour(new Date("2026-11-22T22:30:00Z"))).toBe(1);
    expect(startOfBusinessDate("2026-05-14").toISOString()).toBe("2026-05-13T21:00:00.000Z");
    expect(startOfBusinessDate("2026-01-01").toISOString()).toBe("2025-12-31T21:00:00.000Z");
  });

  it("starts the month at local midnight of the first", () => {
    expect(startOfBusinessMonth(new Date("2026-12-01T00:30:00Z")).toISOString()).toBe("2026-11-30T21:00:00.000Z");
    expect(startOfBusinessMonth(new Date("2026-11-30T20:59:59Z")).toISOString()).toBe("2026-10-31T21:00:00.000Z");
  });

  it("shifts by months keeping the wall clock, clamping to shorter months", () => {
    expect(shiftBusinessMonths(new Date("2026-03-31T09:00:00Z"), -1).toISOString()).toBe("2026-02-28T09:00:00.000Z");
    expect(shiftBusinessMonths(new Date("2026-01-15T12:00:00Z"), -1).toISOString()).toBe("2025-12-15T12:00:00.000Z");
  });

  it("handles zones with daylight saving", () => {
    // New York on the spring-forward day: midnight is still EST (UTC-5).
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 8 }, "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfBusinessDay(new Date("2026-07-04T12:00:00Z"), "America/New_York").toISOString()).toBe("2026-07-04T04:00:00.000Z");
  });
});
