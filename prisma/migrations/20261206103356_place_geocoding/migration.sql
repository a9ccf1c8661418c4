-- Places ingest stores are geocoded against the gazetteer: how sure the machine was of the match,
-- and, for a site inside a city ("Mogadishu's international airport"), the city it lies in.
-- Existing machine-made places are geocoded by `copydesk geocode-places` (see the README).

-- AlterTable
ALTER TABLE "Place" ADD COLUMN "geocodeConfidence" DOUBLE PRECISION,
ADD COLUMN "parentId" UUID;

-- CreateIndex
CREATE INDEX "Place_parentId_idx" ON "Place"("parentId");

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;
