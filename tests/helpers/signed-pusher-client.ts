// A pusher-js Node client against a local realtime server, signing its own subscriptions with the
// publisher's secret (as the app's /api/realtime/auth would). Shared by the realtime tests and the
// load benchmarks.
import type Pusher from "pusher";
import PusherClient from "pusher-js";

export interface SignedUser {
  id: string;
  info?: Record<string, unknown>;
}

export function createSignedClient(key: string, port: number, signer: Pusher, user: SignedUser = { id: "user-1" }): PusherClient {
  return new PusherClient(key, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        const member = channelName.startsWith("presence-") ? { user_id: user.id, user_info: user.info } : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, member));
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => callback(null, signer.authenticateUser(socketId, { id: user.id })),
    },
  });
}
