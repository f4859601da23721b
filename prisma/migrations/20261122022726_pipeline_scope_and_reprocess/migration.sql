-- AlterEnum
ALTER TYPE "PipelineSource" ADD VALUE 'REPROCESS';

-- AlterEnum
ALTER TYPE "RejectReason" ADD VALUE 'OUT_OF_SCOPE';

-- AlterTable
ALTER TABLE "PipelineRun" ADD COLUMN     "businessUnitId" INTEGER;

-- AlterTable
ALTER TABLE "QuarantinedRow" ADD COLUMN     "businessUnit" TEXT,
ADD COLUMN     "canonical" JSONB;

-- AddForeignKey
ALTER TABLE "PipelineRun" ADD CONSTRAINT "PipelineRun_businessUnitId_fkey" FOREIGN KEY ("businessUnitId") REFERENCES "BusinessUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
