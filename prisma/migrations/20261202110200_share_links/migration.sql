-- Share links get a kiosk flag, view counting and a required expiry. No link could be created
-- before this migration; any row without an expiry is treated as already expired.
UPDATE "ShareLink" SET "expiresAt" = "createdAt" WHERE "expiresAt" IS NULL;

-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN     "kiosk" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastViewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "viewCount" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "expiresAt" SET NOT NULL;

-- CreateIndex
CREATE INDEX "ShareLink_businessUnitId_createdAt_idx" ON "ShareLink"("businessUnitId", "createdAt");
