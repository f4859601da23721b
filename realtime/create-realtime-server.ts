// The embedded Pusher Channels–compatible server: one Node http server carrying both the
// WebSocket endpoint (/app/{key}) and the signed REST API (/apps/{id}/…).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { AppState } from "./app-state";
import { AddressCounts } from "./client-address";
import { createCounters, type Counters } from "./counters";
import { createHttpHandler } from "./http-api";
import { resolveOptions, type RealtimeServerOptions } from "./options";
import type { ServerContext } from "./server-context";
import { createWebSocketGateway } from "./websocket-gateway";

export type RealtimeServerStats = Counters & { connections: number; channels: number };

export interface RealtimeServer {
  /** The bound port (useful with `port: 0`). */
  port: number;
  stats: () => RealtimeServerStats;
  /** Closes every socket (code 4200, so clients reconnect to the next instance) and stops listening. */
  close: () => Promise<void>;
}

export async function createRealtimeServer(input: RealtimeServerOptions): Promise<RealtimeServer> {
  const options = resolveOptions(input);
  const apps = options.apps.map((config) => new AppState(config, options.cacheTtlSeconds));
  const ctx: ServerContext = {
    options,
    counters: createCounters(),
    appsById: new Map(apps.map((app) => [app.config.id, app])),
    appsByKey: new Map(apps.map((app) => [app.config.key, app])),
    connections: new Set(),
    connectionsPerAddress: new AddressCounts(),
  };
  const stats = (): RealtimeServerStats => ({
    connections: ctx.connections.size,
    channels: apps.reduce((total, app) => total + app.channels.size, 0),
    ...ctx.counters,
  });
  // Process figures let a supervisor (or the benchmark) watch the server from outside.
  const health = () => ({
    ok: true,
    ...stats(),
    rssBytes: process.memoryUsage.rss(),
    cpuMicros: process.cpuUsage(),
    uptimeSeconds: Math.round(process.uptime()),
    pid: process.pid,
  });

  const gateway = createWebSocketGateway(ctx);
  const server = createServer(createHttpHandler(ctx, health));
  server.on("upgrade", gateway.handleUpgrade);
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  const shutdown = async () => {
    const stopped = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await gateway.close();
    await stopped;
  };
  return { port: (server.address() as AddressInfo).port, stats, close: () => (closing ??= shutdown()) };
}
