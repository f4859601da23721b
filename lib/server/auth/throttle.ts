import "server-only";

import { db } from "../db";
import { env } from "../env";

// An address gets more room than an account: several people may share one.
const ADDRESS_FACTOR = 4;

export interface ThrottleState {
  throttled: boolean;
  retryAfterSeconds: number;
}

/** Failed sign-ins in the window, per account and per address, counted in the database. */
export async function getSignInThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleState> {
  const windowMs = env.SIGN_IN_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const [byAccount, byAddress] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  const accountLocked = byAccount.length >= env.SIGN_IN_MAX_FAILURES;
  const addressLocked = byAddress >= env.SIGN_IN_MAX_FAILURES * ADDRESS_FACTOR;
  if (!accountLocked && !addressLocked) return { throttled: false, retryAfterSeconds: 0 };
  // The oldest counted failure leaves the window first.
  const oldest = byAccount[0]?.createdAt ?? now;
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
  return { throttled: true, retryAfterSeconds: accountLocked ? retryAfterSeconds : Math.ceil(windowMs / 1000) };
}

export async function recordSignInAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip, succeeded } });
  // A success clears the account's failures, so a user who remembers is not punished later.
  if (succeeded) await db.signInAttempt.deleteMany({ where: { email, succeeded: false } });
}
