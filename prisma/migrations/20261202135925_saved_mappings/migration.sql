-- CreateTable
CREATE TABLE "SavedMapping" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "businessUnitId" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedMapping_businessUnitId_name_key" ON "SavedMapping"("businessUnitId", "name");

-- AddForeignKey
ALTER TABLE "SavedMapping" ADD CONSTRAINT "SavedMapping_businessUnitId_fkey" FOREIGN KEY ("businessUnitId") REFERENCES "BusinessUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedMapping" ADD CONSTRAINT "SavedMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Company-wide mappings (no unit) are unique by name too: the index above treats NULL units as distinct.
CREATE UNIQUE INDEX "SavedMapping_name_company_wide_key" ON "SavedMapping"("name") WHERE "businessUnitId" IS NULL;
