// GET /api/v1/users: the users and their roles (ADMIN only; never password hashes).
import { withSession } from "@/lib/server/http/with-session";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = withSession("admin.users", () => listUsers());
