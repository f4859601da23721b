import "server-only";

import { db } from "../db";
import { env } from "../env";

// An address gets more room than an account: several people may share one.
const ADDRESS_FACTOR = 4;
// Past the free failures, an account's next check waits 1 s, then 2 s, 4 s, … (at most the window).
const FIRST_DELAY_MS = 1_000;
// An address the account signed in from lately is its owner's: the account-wide slowdown spares it.
const KNOWN_ADDRESS_DAYS = 30;

export type SignInGate = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Reserves one password check for `email` from `ip` (undefined when the address cannot be known),
 * or refuses it. Counting and reserving happen under locks on the account and the address, so a
 * parallel burst gets no more checks than a sequence; a reservation counts as a failure until settled.
 * Refused: an (account, address) pair or an address past its failures, or an account under attack
 * from elsewhere, which slows down (growing delays) instead of locking its owner out.
 */
export async function reserveSignInAttempt(email: string, ip: string | undefined, now = new Date()): Promise<SignInGate> {
  const windowMs = env.SIGN_IN_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const max = env.SIGN_IN_MAX_FAILURES;
  return db.$transaction(async (tx) => {
    if (ip) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in address ${ip}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in account ${email}`}))`;
    const failures = { email, succeeded: false, createdAt: { gte: since } };
    const [account, pair, address, known] = await Promise.all([
      tx.signInAttempt.findMany({ where: failures, orderBy: { createdAt: "asc" }, select: { createdAt: true, ip: true } }),
      ip ? tx.signInAttempt.count({ where: { ...failures, ip } }) : 0,
      ip ? tx.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }) : 0,
      ip
        ? tx.signInAttempt.count({
            where: { email, ip, succeeded: true, createdAt: { gte: new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000) } },
          })
        : 0,
    ]);
    if (pair >= max) {
      const oldest = account.find((attempt) => attempt.ip === ip)?.createdAt ?? now;
      return { allowed: false, retryAfterSeconds: seconds(oldest.getTime() + windowMs - now.getTime()) };
    }
    if (address >= max * ADDRESS_FACTOR) return { allowed: false, retryAfterSeconds: seconds(windowMs) };
    const last = account.at(-1)?.createdAt;
    if (known === 0 && last && account.length >= max) {
      const delay = Math.min(windowMs, FIRST_DELAY_MS * 2 ** (account.length - max));
      const wait = last.getTime() + delay - now.getTime();
      if (wait > 0) return { allowed: false, retryAfterSeconds: seconds(wait) };
    }
    const { id } = await tx.signInAttempt.create({
      data: { email, ip: ip ?? "unknown", succeeded: false, createdAt: now },
      select: { id: true },
    });
    return { allowed: true, attemptId: id };
  });
}

/** Records the outcome of a reserved check; a success clears the account's failures, so a user who remembers is not punished later. */
export async function settleSignInAttempt(attemptId: number, email: string, succeeded: boolean): Promise<void> {
  if (!succeeded) return;
  // A parallel sign-in of the same account (two tabs) may have cleared this reservation already.
  await db.signInAttempt.updateMany({ where: { id: attemptId }, data: { succeeded: true } });
  await db.signInAttempt.deleteMany({ where: { email, succeeded: false, id: { lt: attemptId } } });
}

/** Drops what no check reads any more: failures past a day, successes past the known-address memory. */
export async function pruneSignInAttempts(now = new Date()): Promise<number> {
  const { count } = await db.signInAttempt.deleteMany({
    where: {
      OR: [
        { succeeded: false, createdAt: { lt: new Date(now.getTime() - 86_400_000) } },
        { createdAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000) } },
      ],
    },
  });
  return count;
}
