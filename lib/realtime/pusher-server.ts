import "server-only";

import Pusher from "pusher";

import { env } from "../server/env";

const globalForPusher = globalThis as unknown as { pulseboardPusher?: Pusher };

/** The server-side Pusher client: hosted Pusher, soketi, or our embedded server. */
export const pusherServer: Pusher = (globalForPusher.pulseboardPusher ??= new Pusher({
  appId: env.PUSHER_APP_ID,
  key: env.PUSHER_KEY,
  secret: env.PUSHER_SECRET,
  host: env.PUSHER_HOST,
  port: String(env.PUSHER_PORT),
  useTLS: env.PUSHER_USE_TLS,
  cluster: env.PUSHER_CLUSTER,
  timeout: 5_000,
}));
