import { spawn, type ChildProcess } from "node:child_process";

import Pusher from "pusher";

import { E2E_REALTIME_PORT } from "../../playwright.config";

const HEALTH_URL = `http://127.0.0.1:${E2E_REALTIME_PORT}/health`;

async function isUp(): Promise<boolean> {
  return fetch(HEALTH_URL).then(
    (response) => response.ok,
    () => false,
  );
}

// The local app's credentials: the server tells its process details only to a signed request.
const signer = new Pusher({
  appId: "pulseboard",
  key: "pulseboard-key",
  secret: "pulseboard-secret",
  host: "127.0.0.1",
  port: String(E2E_REALTIME_PORT),
});

/** Kills the realtime server the app publishes to (SIGKILL: an outage, not a shutdown). */
export async function killRealtimeServer(): Promise<void> {
  const signed = `${HEALTH_URL}?${signer.createSignedQueryString({ method: "GET", path: "/health" })}`;
  const { pid } = (await (await fetch(signed)).json()) as { pid: number };
  process.kill(pid, "SIGKILL");
  while (await isUp()) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Starts a fresh realtime server on the same port; the caller stops it when done. */
export async function startRealtimeServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/realtime.ts"], {
    env: { ...process.env, PUSHER_PORT: String(E2E_REALTIME_PORT) },
    stdio: "ignore",
  });
  while (!(await isUp())) await new Promise((resolve) => setTimeout(resolve, 100));
  return child;
}
