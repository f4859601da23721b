-- AlterTable
ALTER TABLE "Sale" ADD COLUMN     "rowHash" UUID;
