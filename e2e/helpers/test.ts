// The Playwright `test` for the app's pages. When a streamed Suspense segment races the client
// render of its boundary, React 19.2 keeps the segment as a hidden copy at the end of <body> for
// about 300 ms (react/react#37014). A test id would match both copies, and strict mode fails at
// once instead of retrying, so page-wide test ids leave that copy out. Users never see it.
import { test as base } from "@playwright/test";

const STREAMED_COPY = 'div[hidden][id^="S:"]';

export const test = base.extend({
  page: async ({ page }, provide) => {
    const getByTestId = page.getByTestId.bind(page);
    page.getByTestId = (testId) => getByTestId(testId).and(page.locator(`:not(${STREAMED_COPY} *)`));
    await provide(page);
  },
});

export { expect } from "@playwright/test";
