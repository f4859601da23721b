import type { Role } from "../../permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    businessUnitId: number | null;
    locale: string;
  }
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; role: Role; businessUnitId: number | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: Role;
    businessUnitId: number | null;
  }
}
