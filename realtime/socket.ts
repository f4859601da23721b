// What channel state and the server's bookkeeping need of a client socket. Kept apart from
// Connection (which needs the app state and server context) so the modules form no cycle.
export interface SignedInUser {
  id: string;
  info: unknown;
}

export interface Socket {
  readonly socketId: string;
  readonly channels: Set<string>;
  /** Set by `pusher:signin`. */
  user: SignedInUser | undefined;
  send(payload: string | Buffer): void;
  close(code: number, reason: string): void;
}
