// Running totals for `stats()` and the health endpoint; plain numbers so the hot path stays cheap.
export function createCounters() {
  return {
    connectionsOpened: 0,
    connectionsRejected: 0,
    messagesReceived: 0,
    messagesSent: 0,
    eventsPublished: 0,
    clientEvents: 0,
    invalidMessages: 0,
    slowConsumersDropped: 0,
    idleConnectionsClosed: 0,
  };
}

export type Counters = ReturnType<typeof createCounters>;
