-- CreateEnum
CREATE TYPE "RemoteStatus" AS ENUM ('OK', 'FAILED');

-- CreateTable
CREATE TABLE "RemoteSource" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "preset" TEXT NOT NULL DEFAULT 'canonical',
    "intervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastStatus" "RemoteStatus",
    "lastError" TEXT,
    "lastRunId" INTEGER,
    "lastGoodAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemoteSource_pkey" PRIMARY KEY ("id")
);
