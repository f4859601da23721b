// GET/POST /api/auth/*: next-auth (credentials sign-in, session, sign-out).
import NextAuth from "next-auth";

import { authOptions } from "@/lib/server/auth/options";

// next-auth v4 types its handler loosely; in the App Router it is a plain route handler.
const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

export { handler as GET, handler as POST };
