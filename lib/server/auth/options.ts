import "server-only";

import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { recordAuditEvent } from "../../audit/record-audit-event";
import { db } from "../db";
import { env } from "../env";
import { clientAddress } from "../http/client-address";
import { logger } from "../logger";
import { loadSessionUser } from "./session-user";
import { reserveSignInAttempt, settleSignInAttempt } from "./throttle";

/** Codes the login page turns into readable messages. */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", throttled: "THROTTLED" } as const;

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

/** Every sign-in outcome is audited with the address; the actor is the account when it exists. */
async function auditSignIn(
  action: "signin.success" | "signin.failure" | "signin.throttled",
  email: string,
  ip: string | undefined,
  details = {},
) {
  const account = await db.user.findUnique({ where: { email }, select: { id: true, businessUnitId: true } });
  await recordAuditEvent({
    actorId: account?.id ?? null,
    action,
    targetType: "User",
    targetId: account?.id,
    details: { email, ...details },
    ip,
    businessUnitId: account?.businessUnitId ?? null,
  });
}

// Compared against when the account does not exist, so timing does not reveal which emails exist.
const DUMMY_HASH = bcrypt.hashSync("pulseboard-no-such-user", 10);

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const forwarded = request?.headers?.["x-forwarded-for"] as unknown;
        const ip = clientAddress(typeof forwarded === "string" ? forwarded : undefined);
        const gate = await reserveSignInAttempt(email, ip);
        if (!gate.allowed) {
          logger.warn({ email, ip }, "sign-in throttled");
          await auditSignIn("signin.throttled", email, ip, { retryAfterSeconds: gate.retryAfterSeconds });
          throw new Error(`${SIGN_IN_ERRORS.throttled}:${gate.retryAfterSeconds}`);
        }
        const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
        const valid = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
        const succeeded = Boolean(user && user.active && valid);
        await settleSignInAttempt(gate.attemptId, email, succeeded);
        if (!succeeded || !user) {
          logger.info({ email, ip }, "sign-in failed");
          await auditSignIn("signin.failure", email, ip, { reason: !user ? "unknown_account" : valid ? "inactive" : "wrong_password" });
          return null;
        }
        logger.info({ userId: user.id }, "signed in");
        await auditSignIn("signin.success", email, ip);
        return loadSessionUser(user.id);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.role = user.role;
        token.businessUnitId = user.businessUnitId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role;
        session.user.businessUnitId = token.businessUnitId;
      }
      return session;
    },
  },
};
