import "server-only";

import { randomBytes } from "node:crypto";

import bcrypt from "bcryptjs";

// The seed's cost: sign-in compares against these hashes.
const BCRYPT_COST = 10;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, BCRYPT_COST);

export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

/** A password nobody knows, for invited accounts until they choose theirs. */
export const unusablePasswordHash = (): Promise<string> => hashPassword(randomBytes(32).toString("base64url"));

/** A generated first password, shown once to the admin who creates the account (about 96 bits). */
export const generatePassword = (): string => randomBytes(12).toString("base64url");
