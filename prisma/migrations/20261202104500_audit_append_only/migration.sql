-- The audit log is append-only: entries carry the unit they concern (a MANAGER reads its unit's),
-- and no UPDATE, DELETE or TRUNCATE from the app's role can change them.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "businessUnitId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditEvent_businessUnitId_createdAt_idx" ON "AuditEvent"("businessUnitId", "createdAt");

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_businessUnitId_fkey" FOREIGN KEY ("businessUnitId") REFERENCES "BusinessUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Only the foreign key's own SET NULL (an actor's account deleted) may touch a stored entry.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - 'actorId' - 'businessUnitId') = (to_jsonb(OLD) - 'actorId' - 'businessUnitId')
     AND (NEW."actorId" IS NOT DISTINCT FROM OLD."actorId" OR NEW."actorId" IS NULL)
     AND (NEW."businessUnitId" IS NOT DISTINCT FROM OLD."businessUnitId" OR NEW."businessUnitId" IS NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: % on "AuditEvent" is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
