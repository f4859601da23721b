-- The audit log pages by id (keyset), newest first, within a unit (a MANAGER's view) or an action (the filter).

-- CreateIndex
CREATE INDEX "AuditEvent_businessUnitId_id_idx" ON "AuditEvent"("businessUnitId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");
