// Vercel's build (`npm run vercel-build`): migrate with Prisma's CLI (its native
// engine downloads fine there), seed demo data on preview deployments, build.
import { spawnSync } from "node:child_process";

function run(command: string, args: string[]) {
  const { status } = spawnSync(command, args, { stdio: "inherit" });
  if (status !== 0) process.exit(status ?? 1);
}

run("npx", ["prisma", "migrate", "deploy"]);
if (process.env.VERCEL_ENV === "preview" || process.env.SEED_DEMO_DATA === "true") run("npx", ["tsx", "scripts/seed.ts"]);
run("npx", ["next", "build"]);
