-- A quarantined row is claimed by the one-row run that loads its fix, while that run is queued or running.

-- AlterTable
ALTER TABLE "QuarantinedRow" ADD COLUMN     "reprocessRunId" INTEGER;

-- AddForeignKey
ALTER TABLE "QuarantinedRow" ADD CONSTRAINT "QuarantinedRow_reprocessRunId_fkey" FOREIGN KEY ("reprocessRunId") REFERENCES "PipelineRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
