// Running totals for `stats()` and the health endpoint; plain numbers so the hot path stays cheap.
export function createCounters() {
  return {
    connectionsOpened: 0,
    connectionsRejected: 0,
    /** Refused because their client address already had `maxConnectionsPerAddress` sockets (also in connectionsRejected). */
    connectionsOverAddressLimit: 0,
    messagesReceived: 0,
    messagesSent: 0,
    eventsPublished: 0,
    clientEvents: 0,
    invalidMessages: 0,
    subscriptionsRateLimited: 0,
    presenceJoinsRefused: 0,
    /** Sockets closed with 4301 after collecting too many rate-limit refusals. */
    connectionsClosedForAbuse: 0,
    slowConsumersDropped: 0,
    idleConnectionsClosed: 0,
  };
}

export type Counters = ReturnType<typeof createCounters>;
