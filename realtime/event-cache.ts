// Last event of each cache channel, kept for a TTL so late subscribers start from current state.

/** Caps memory when a publisher touches very many cache channels: the oldest entries go first. */
const MAX_ENTRIES = 10_000;

interface CachedEvent {
  payload: string;
  expiresAt: number;
}

export class EventCache {
  private readonly entries = new Map<string, CachedEvent>();

  constructor(private readonly ttlMs: number) {}

  /** Stores the serialized event exactly as subscribers received it. */
  set(channel: string, payload: string): void {
    this.entries.delete(channel);
    this.entries.set(channel, { payload, expiresAt: Date.now() + this.ttlMs });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  get(channel: string): string | undefined {
    const entry = this.entries.get(channel);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(channel);
      return undefined;
    }
    return entry.payload;
  }
}
