import path from "node:path";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `server-only` throws outside React Server Components; tests import server modules directly.
    alias: { "server-only": path.resolve("tests/helpers/empty-module.ts") },
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
