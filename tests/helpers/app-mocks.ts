// The module doubles most integration tests need, one line each at the top of a test file:
//   vi.mock("../lib/server/db", async () => (await import("./helpers/app-mocks")).databaseModule(() => database));
//   vi.mock("../lib/server/auth/current-user", async () => (await import("./helpers/app-mocks")).callerModule());
//   vi.mock("../lib/realtime/publish", async (original) => (await import("./helpers/app-mocks")).publishModule(await original()));
// then `caller.run(user, …)` to act as `user`, and `published` to read what was sent.
import { AsyncLocalStorage } from "node:async_hooks";

import type { OutgoingEvent } from "../../lib/realtime/publish";
import type { SessionUser } from "../../lib/server/auth/session-user";
import type { TestDatabase } from "./database";

/** Who the current request is, per call, so concurrent calls keep their own identity. */
export const caller = new AsyncLocalStorage<SessionUser>();

/** Every realtime event the code under test published, in order. */
export const published: OutgoingEvent[] = [];

/** lib/server/db, bound to the file's test database once it exists. */
export const databaseModule = (database: () => TestDatabase) => ({
  get db() {
    return database().db;
  },
});

/** lib/server/auth/current-user: the user `caller.run` names, or nobody. */
export const callerModule = () => ({ getCurrentUser: () => Promise.resolve(caller.getStore() ?? null) });

/** lib/realtime/publish with the network replaced by `published`. */
export const publishModule = (original: object) => ({
  ...original,
  publishEvents: (events: readonly OutgoingEvent[]) => (published.push(...events), Promise.resolve()),
});
