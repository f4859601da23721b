// The embedded Pusher Channels–compatible server: a program beside the app, started by
// `npm start` (scripts/lib/local-realtime.ts) or on its own (`npm run realtime`).
export { createRealtimeServer, type RealtimeServer, type RealtimeServerStats } from "./create-realtime-server";
export type { RealtimeServerOptions } from "./options";
