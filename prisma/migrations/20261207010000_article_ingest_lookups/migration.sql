-- Ingest looks up the live article a text belongs to, by URL and else by body hash, twice per
-- story (before and inside its transaction); without these indexes each lookup read every article.

-- CreateIndex
CREATE INDEX "Article_url_idx" ON "Article"("url");

-- CreateIndex
CREATE INDEX "Article_bodyHash_idx" ON "Article"("bodyHash");
