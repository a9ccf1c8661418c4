-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN     "result" JSONB;

