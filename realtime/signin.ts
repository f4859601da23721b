// pusher:signin: binds a user to the connection (user authentication, `pusher.authenticateUser`).
import type { Connection } from "./connection";
import { ErrorCode, signedInUserSchema, signinDataSchema } from "./protocol";
import { isValidUserAuth } from "./signature";

export function signIn(connection: Connection, input: unknown): void {
  const parsed = signinDataSchema.safeParse(input);
  if (!parsed.success) return connection.sendError(ErrorCode.genericError, "pusher:signin needs data.auth and data.user_data");
  const { auth, user_data: userData } = parsed.data;
  if (connection.user) return connection.sendError(ErrorCode.genericError, "This connection is already signed in");
  if (!isValidUserAuth(connection.app.config, connection.socketId, auth, userData)) {
    return connection.sendError(ErrorCode.unauthorized, "Invalid signin signature");
  }
  const user = parseUser(userData);
  if (!user) return connection.sendError(ErrorCode.unauthorized, "user_data must be a JSON object with a string id");
  connection.app.signIn(connection, { id: user.id, info: user.user_info ?? null });
  connection.sendEvent("pusher:signin_success", { user_data: userData });
}

function parseUser(userData: string) {
  try {
    const parsed = signedInUserSchema.safeParse(JSON.parse(userData));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
