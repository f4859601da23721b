-- AlterTable
ALTER TABLE "Sale" ADD COLUMN     "rowHash" BIGINT;
