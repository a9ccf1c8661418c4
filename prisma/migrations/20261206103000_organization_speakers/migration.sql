-- Organizations speak too ("the State Department said in a statement"): a quote's speaker is a
-- person (named or unnamed) or an organization, never both. Existing quotes keep their person
-- speaker; none has an organization yet.

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN "speakerOrganizationId" UUID;

-- CreateIndex
CREATE INDEX "Quote_speakerOrganizationId_idx" ON "Quote"("speakerOrganizationId");

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerOrganizationId_fkey" FOREIGN KEY ("speakerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One speaker at most: a person or an organization.
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_one_speaker" CHECK ("speakerId" IS NULL OR "speakerOrganizationId" IS NULL);
