// `npm run realtime`: runs the embedded Pusher-compatible server with the PUSHER_* settings.
import { env } from "../lib/server/env";
import { createRealtimeServer } from "../realtime";
import { realtimeServerOptions } from "./lib/local-realtime";

const server = await createRealtimeServer(realtimeServerOptions(env.PUSHER_HOST));
console.log(`realtime server listening on ws://${env.PUSHER_HOST}:${server.port} (app ${env.PUSHER_APP_ID})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("realtime server did not stop cleanly:", error);
        process.exit(1);
      },
    );
  });
}
