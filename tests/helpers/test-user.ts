// A signed-in user as the gates hand it to server code, for tests that call that code directly.
import type { SessionUser } from "../../lib/server/auth/session-user";

export const testUser = (role: SessionUser["role"], unit: { id: number; slug: string } | null): SessionUser => ({
  id: "u",
  email: "u@x",
  name: "U",
  role,
  businessUnitId: unit?.id ?? null,
  businessUnitSlug: unit?.slug ?? null,
  locale: "en",
});
