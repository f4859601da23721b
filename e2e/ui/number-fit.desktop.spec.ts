// Desktop project only (the phone project ignores *.desktop.spec.ts): it sets its own widths, 390 px included.
import type { Page } from "@playwright/test";

import { createUser, withAppDatabase } from "../helpers/accounts";
import { writeSale } from "../helpers/sales";
import { expect, test } from "../helpers/test";
import { signInWithForm } from "../helpers/ui";

const WIDTHS = [390, 768, 1024, 1440, 1920];

/** Every KPI value wider than its box, and every axis tick label outside its chart; both counted to prove they rendered. */
function findOverflow(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    // Streamed Suspense segments sit hidden for a moment before React moves them in.
    const shown = (element: Element) => !element.closest("[hidden]");
    const values = [...document.querySelectorAll<HTMLElement>('[data-testid^="kpi-"][data-testid$="-value"]')].filter(shown);
    for (const value of values)
      if (value.scrollWidth > value.clientWidth)
        problems.push(`${value.dataset.testid} "${value.textContent}" ${value.scrollWidth} > ${value.clientWidth}`);
    let ticks = 0;
    for (const svg of [...document.querySelectorAll<SVGSVGElement>("svg.recharts-surface")].filter(shown)) {
      const chart = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll<SVGTextElement>("text.recharts-cartesian-axis-tick-value")) {
        const box = text.getBoundingClientRect();
        if (box.width === 0) continue;
        ticks += 1;
        if (box.left < chart.left - 0.5 || box.right > chart.right + 0.5 || box.top < chart.top - 0.5 || box.bottom > chart.bottom + 0.5)
          problems.push(`tick "${text.textContent}" [${box.left}, ${box.right}] outside [${chart.left}, ${chart.right}]`);
      }
    }
    return { problems, values: values.length, ticks };
  });
}

async function expectEverythingFits(page: Page, expected: { values: number }) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Charts and the KPI values re-measure on resize (ResizeObserver), a frame or two later.
    await expect
      .poll(
        async () => {
          const { problems, values, ticks } = await findOverflow(page);
          return { problems, values, drewTicks: ticks > 0 };
        },
        { message: `at ${width} px`, timeout: 10_000 },
      )
      .toEqual({ problems: [], values: expected.values, drewTicks: true });
  }
}

for (const locale of ["en", "es", "pt-BR"] as const) {
  test(`KPI values and axis ticks fit their boxes at every width (${locale})`, async ({ page }) => {
    test.setTimeout(180_000);
    // Month-to-date in the tens of millions, the figure that used to be cut; topped up once, not on every run.
    const monthToDate = await withAppDatabase(async (client) => {
      const { rows } = await client.query<{ total: string }>(
        `SELECT coalesce(sum(revenue), 0) AS total FROM "Sale" WHERE "soldAt" >= date_trunc('month', now())`,
      );
      return Number(rows[0]?.total ?? 0);
    });
    if (monthToDate < 20_000_000) await writeSale(20_000_000 - monthToDate);
    const user = await createUser("ADMIN");
    await withAppDatabase((client) => client.query(`UPDATE "User" SET locale = $1 WHERE email = $2`, [locale, user.email]));
    await page.goto("/login");
    await signInWithForm(page, user.email, user.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("hourly-trend").locator(".recharts-wrapper > svg")).toBeVisible();
    await expectEverythingFits(page, { values: 5 });

    const value = page.getByTestId("kpi-month-to-date-value");
    await page.setViewportSize({ width: 1440, height: 900 });
    // Wherever the card shows the short form, the exact figure stays in the tooltip and for screen readers.
    const exact = await value.getAttribute("title");
    expect(exact).toMatch(/\d{3}\D\d{3}/);
    expect((await value.innerText()).replace(/\s/g, " ")).toContain(exact!.replace(/\s/g, " "));

    // Long category labels (branch names, SKUs) on the X axis, and money on the Y axis.
    for (const tab of ["trends", "branches", "products"]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/analytics?tab=${tab}`);
      await expect(page.locator("#main").getByTestId(`block-${tab}`).locator(".recharts-wrapper > svg")).toBeVisible();
      await expectEverythingFits(page, { values: 0 });
    }
  });
}
