// Public values only (no secret), so the proxy may read it too for the Content-Security-Policy.
import { env } from "../server/env";

/** How browsers reach the realtime server: passed down from the server at render time. */
export interface RealtimeClientConfig {
  key: string;
  host: string;
  port: number;
  useTLS: boolean;
  cluster: string;
}

export function getRealtimeClientConfig(): RealtimeClientConfig {
  return {
    key: env.NEXT_PUBLIC_PUSHER_KEY ?? env.PUSHER_KEY,
    host: env.NEXT_PUBLIC_PUSHER_HOST ?? env.PUSHER_HOST,
    port: env.NEXT_PUBLIC_PUSHER_PORT ?? env.PUSHER_PORT,
    useTLS: env.NEXT_PUBLIC_PUSHER_USE_TLS ?? env.PUSHER_USE_TLS,
    cluster: env.NEXT_PUBLIC_PUSHER_CLUSTER ?? env.PUSHER_CLUSTER,
  };
}
