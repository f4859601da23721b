-- One invoice generator per scope: row 1 stays the all-units generator, every other row generates for one unit.

-- AlterTable
CREATE SEQUENCE generatorstate_id_seq;
ALTER TABLE "GeneratorState" ADD COLUMN     "producedByUnit" JSONB NOT NULL DEFAULT '{}',
ALTER COLUMN "id" SET DEFAULT nextval('generatorstate_id_seq');
ALTER SEQUENCE generatorstate_id_seq OWNED BY "GeneratorState"."id";
-- Unit rows never take id 1: it is the all-units generator's.
SELECT setval('generatorstate_id_seq', GREATEST(1, (SELECT max(id) FROM "GeneratorState")));

-- A run in flight keeps its count per unit: the generated invoices issued since it started.
UPDATE "GeneratorState" g SET "producedByUnit" = coalesce((
    SELECT jsonb_object_agg(c.unit::text, c.n) FROM (
      SELECT i."businessUnitId" AS unit, count(*)::int AS n FROM "Invoice" i
      WHERE i.source = 'SIMULATOR' AND i."issuedAt" >= g."startedAt"
        AND (g."businessUnitId" IS NULL OR i."businessUnitId" = g."businessUnitId")
      GROUP BY i."businessUnitId") c), '{}')
WHERE g."startedAt" IS NOT NULL;

-- A unit's run recorded on the single row moves to that unit's own row; row 1 becomes the all-units generator.
INSERT INTO "GeneratorState" (status, "ratePerSecond", "durationSeconds", "startedAt", "endsAt", produced, "producedByUnit",
                              "businessUnitId", "startedById", "updatedAt")
SELECT g.status, g."ratePerSecond", g."durationSeconds", g."startedAt", g."endsAt", g.produced, g."producedByUnit",
       g."businessUnitId", g."startedById", now()
FROM "GeneratorState" g
WHERE g.id = 1 AND g."businessUnitId" IS NOT NULL AND EXISTS (SELECT 1 FROM "BusinessUnit" u WHERE u.id = g."businessUnitId");
UPDATE "GeneratorState" SET status = 'IDLE', produced = 0, "producedByUnit" = '{}', "startedAt" = NULL, "endsAt" = NULL,
       "businessUnitId" = NULL, "startedById" = NULL, "updatedAt" = now()
WHERE id = 1 AND "businessUnitId" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "GeneratorState_businessUnitId_key" ON "GeneratorState"("businessUnitId");

-- AddForeignKey
ALTER TABLE "GeneratorState" ADD CONSTRAINT "GeneratorState_businessUnitId_fkey" FOREIGN KEY ("businessUnitId") REFERENCES "BusinessUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row 1, and only row 1, generates for every unit.
ALTER TABLE "GeneratorState" ADD CONSTRAINT "GeneratorState_scope_check" CHECK (("businessUnitId" IS NULL) = (id = 1));
