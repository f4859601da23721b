// State shared by the WebSocket gateway and the HTTP API of one running server.
import type { AppState } from "./app-state";
import type { AddressCounts } from "./client-address";
import type { Counters } from "./counters";
import type { ResolvedOptions } from "./options";
import type { Socket } from "./socket";

export interface ServerContext {
  options: ResolvedOptions;
  counters: Counters;
  appsById: ReadonlyMap<string, AppState>;
  appsByKey: ReadonlyMap<string, AppState>;
  /** Every accepted socket across apps; its size is checked against `maxConnections`. */
  connections: Set<Socket>;
  /** Accepted sockets per client address, checked against `maxConnectionsPerAddress`. */
  connectionsPerAddress: AddressCounts;
}
