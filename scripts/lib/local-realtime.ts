// Starts the embedded realtime server when the PUSHER_* settings point at this machine.
import { env, trustsProxy } from "../../lib/server/env";
import { createRealtimeServer, type RealtimeServer, type RealtimeServerOptions } from "../../realtime";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1"]);

/** The embedded server's settings from the environment, for `npm start` and `npm run realtime` alike. */
export function realtimeServerOptions(host: string): RealtimeServerOptions {
  return {
    host,
    port: env.PUSHER_PORT,
    apps: [{ id: env.PUSHER_APP_ID, key: env.PUSHER_KEY, secret: env.PUSHER_SECRET }],
    maxConnectionsPerAddress: env.REALTIME_MAX_CONNECTIONS_PER_ADDRESS,
    trustProxy: trustsProxy(env),
  };
}

export async function startLocalRealtime(log: (line: string) => void): Promise<RealtimeServer | null> {
  if (!env.EMBEDDED_REALTIME || !LOCAL_HOSTS.has(env.PUSHER_HOST) || env.PUSHER_USE_TLS) {
    log(`realtime: using ${env.PUSHER_HOST}:${env.PUSHER_PORT}`);
    return null;
  }
  try {
    const server = await createRealtimeServer(realtimeServerOptions("127.0.0.1"));
    log(`embedded realtime server on 127.0.0.1:${server.port}`);
    return server;
  } catch (error) {
    // Someone (say `npm run realtime`) already serves that port: use it.
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      log(`realtime: port ${env.PUSHER_PORT} is taken, using the server already there`);
      return null;
    }
    throw error;
  }
}
