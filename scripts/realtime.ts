// `npm run realtime`: runs the embedded Pusher-compatible server with the PUSHER_* settings.
import { env } from "../lib/server/env";
import { createRealtimeServer } from "../realtime";

const server = await createRealtimeServer({
  host: env.PUSHER_HOST,
  port: env.PUSHER_PORT,
  apps: [{ id: env.PUSHER_APP_ID, key: env.PUSHER_KEY, secret: env.PUSHER_SECRET }],
});
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
