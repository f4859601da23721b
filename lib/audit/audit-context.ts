/** Where a change came from, for its audit entry: the request's caller address and id (none from a CLI or a test). */
export interface AuditContext {
  ip?: string;
  requestId?: string;
}

/** Who made a change, and from where: what lib functions that record one take. */
export interface AuditActor extends AuditContext {
  /** Null for changes no signed-in user made (the CLI). */
  actorId: string | null;
}

/** The audit actor of a route handler's call: its user, address and request id. */
export const auditActorOf = ({ user, ip, requestId }: { user: { id: string }; ip?: string; requestId?: string }): AuditActor => ({
  actorId: user.id,
  ip,
  requestId,
});
