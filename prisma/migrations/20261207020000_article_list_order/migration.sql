-- Article lists, the dashboard's first of all, are ordered by "publishedAt" DESC NULLS LAST, id
-- DESC (src/core/paging.ts). Without an index in that order, a page of 20 read and sorted every
-- visible article. schema.prisma says `@@index([publishedAt(sort: Desc), id(sort: Desc)])`: it
-- cannot say NULLS LAST, and `prisma migrate diff` does not compare the order of NULLs, so the
-- two agree (tests/cli/prisma-offline.test.ts).

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC NULLS LAST, "id" DESC);
