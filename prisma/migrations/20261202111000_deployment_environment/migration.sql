-- CreateTable
CREATE TABLE "DeploymentEnvironment" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "environment" TEXT NOT NULL,
    "databaseHost" TEXT NOT NULL,
    "markedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentEnvironment_pkey" PRIMARY KEY ("id")
);

-- One row only: the database belongs to one environment.
ALTER TABLE "DeploymentEnvironment" ADD CONSTRAINT "DeploymentEnvironment_single_row" CHECK ("id" = 1);
