import { defineConfig, devices } from "@playwright/test";

// The app under test: a production build with its own embedded database and ports,
// so a developer's running `npm start` is left alone.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54349);
export const E2E_REALTIME_PORT = Number(process.env.E2E_REALTIME_PORT ?? 6101);
const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? ".data/e2e";
// The app's inbox for "Run today's file", inside its own data folder rather than the repository's data/inbox.
export const E2E_INBOX_DIR = `${E2E_DATA_DIR}/inbox`;

// The same build served as a deployment serves it (e2e/hosted/serve.ts): its own database and
// realtime server, real secrets, a hosted Pusher app's settings, no scheduler.
const hostedPort = Number(process.env.E2E_HOSTED_PORT ?? 3300);
export const HOSTED = {
  port: hostedPort,
  baseUrl: `http://localhost:${hostedPort}`,
  pgPort: Number(process.env.E2E_HOSTED_PG_PORT ?? 54359),
  demoPassword: "hosted-demo-password-7f3a",
  secrets: {
    NEXTAUTH_SECRET: "hosted-nextauth-secret-9c2e41b7d8",
    CRON_SECRET: "hosted-cron-secret-51aa",
    PUSHER_SECRET: "hosted-pusher-secret-e07d",
  },
  pusher: { appId: "hosted-app", key: "hosted-key", port: Number(process.env.E2E_HOSTED_REALTIME_PORT ?? 6301) },
};
// Runs that name projects without `hosted` (a developer's, or a helper's) skip its servers.
const projectArgs = process.argv.filter((arg) => arg.startsWith("--project"));
const runsHosted = projectArgs.length === 0 || process.argv.some((arg) => /(^|=)hosted$/.test(arg));

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : "list",
  outputDir: "test-results/playwright",
  use: { baseURL: BASE_URL, trace: "retain-on-failure", launchOptions: chromium },
  projects: [
    { name: "api", testDir: "e2e/api" },
    // One test per refused attack, against the same built app.
    { name: "security", testDir: "e2e/security", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    // Breaks shared services (kills the realtime server, fails KPI computation): runs alone, last.
    {
      name: "outage",
      testDir: "e2e/outage",
      dependencies: ["api", "security", "desktop", "phone"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "hosted",
      testDir: "e2e/hosted",
      use: { ...devices["Desktop Chrome"], baseURL: HOSTED.baseUrl, launchOptions: chromium },
    },
    {
      name: "desktop",
      testDir: "e2e/ui",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
    },
    // Specs that set their own viewport widths run once, on desktop.
    {
      name: "phone",
      testDir: "e2e/ui",
      testIgnore: /\.desktop\.spec\.ts$/,
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, launchOptions: chromium },
    },
  ],
  webServer: [
    {
      // Its own process, so the outage test can kill it and start another.
      command: "npx tsx scripts/realtime.ts",
      url: `http://127.0.0.1:${E2E_REALTIME_PORT}/health`,
      reuseExistingServer: false,
      env: { PUSHER_PORT: String(E2E_REALTIME_PORT) },
    },
    {
      command: "npx tsx scripts/start.ts",
      url: `${BASE_URL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        EMBEDDED_PG_PORT: String(E2E_PG_PORT),
        PUSHER_PORT: String(E2E_REALTIME_PORT),
        EMBEDDED_REALTIME: "false",
        PULSEBOARD_DATA_DIR: E2E_DATA_DIR,
        PIPELINE_INBOX_DIR: E2E_INBOX_DIR,
        NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
        NEXTAUTH_URL: BASE_URL,
        LOG_LEVEL: "warn",
        KPI_REFRESH_SECONDS: "3",
        // Tests act from several addresses (sign-in throttling) by sending X-Forwarded-For, as a proxy would.
        TRUST_PROXY: "true",
        // The remote-source and Slack specs serve their CSV and webhook on loopback, which is refused otherwise.
        OUTBOUND_ALLOW_HOSTS: "127.0.0.1",
      },
    },
    ...(runsHosted
      ? [
          {
            command: "npx tsx scripts/realtime.ts",
            url: `http://127.0.0.1:${HOSTED.pusher.port}/health`,
            reuseExistingServer: false,
            env: {
              PUSHER_PORT: String(HOSTED.pusher.port),
              PUSHER_APP_ID: HOSTED.pusher.appId,
              PUSHER_KEY: HOSTED.pusher.key,
              PUSHER_SECRET: HOSTED.secrets.PUSHER_SECRET,
            },
          },
          {
            command: "npx tsx e2e/hosted/serve.ts",
            url: `${HOSTED.baseUrl}/api/health`,
            timeout: 900_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
