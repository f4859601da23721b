import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/**
 * Forbids files under `layer` to import the top-level folders `forbidden`, whether written with the
 * `@/` alias or as a relative path climbing out of `layer` (one rule per folder depth, so that
 * `../realtime/…` inside lib/ stays allowed: it is lib/realtime).
 */
function layerBoundary(layer, forbidden) {
  const folders = `(${forbidden.join("|")})(/|$)`;
  return [1, 2, 3, 4].map((depth) => ({
    files: [`${layer}/${"*/".repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: `^(@/|(\\.\\./){${depth}})${folders}`, message: `${layer}/ may not import ${forbidden.join(", ")}.` }] },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".vercel/**",
      ".next-e2e*/**",
      ".data/**",
      "lib/generated/**",
      "node_modules/**",
      "next-env.d.ts",
      "tmp/**",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings from lib/server/env.ts." }],
    },
  },
  // Imports flow one way, app → components → lib; the programs beside the app (realtime/, scripts/) are not part of it.
  ...layerBoundary("lib", ["app", "components", "realtime", "scripts"]),
  ...layerBoundary("components", ["app", "realtime", "scripts"]),
  {
    // The env module itself, the launcher scripts and test/bench harnesses set up processes.
    files: ["lib/server/env.ts", "scripts/**", "tests/**", "e2e/**", "bench/**", "*.config.*", "prisma.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Tests read JSON bodies as they come; asserting on them is the check.
    files: ["tests/**", "e2e/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
);
