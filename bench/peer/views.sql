-- The benchmark's peer reads copydesk's database through these views, which apply copydesk's
-- visibility for an anonymous caller or a VIEWER token (src/domain/*/visibility.ts), so that
-- PostGraphile answers the same question copydesk answers. The harness runs this file on the
-- benchmark database before anything is timed (bench/harness/peer.ts); running it again
-- replaces the schema.
--
-- PostGraphile finds no keys on views: the smart tags in the comments give each view its primary
-- key and the foreign keys that become the relations Q2 follows. Mutations are left out by the
-- server's preset (bench/peer/server.mjs), so the peer only reads.

DROP SCHEMA IF EXISTS bench_peer CASCADE;
CREATE SCHEMA bench_peer;

-- Articles anyone may read: published, corrected or retracted, never deleted.
CREATE VIEW bench_peer.articles AS
  SELECT a."id", a."slug", a."headline", a."body", a."publishedAt"
    FROM public."Article" a
   WHERE a."deletedAt" IS NULL AND a."status" IN ('PUBLISHED', 'CORRECTED', 'RETRACTED');
COMMENT ON VIEW bench_peer.articles IS E'@primaryKey id';

-- Article.displayTitle as src/domain/articles/service.ts computes it: the headline trimmed; else
-- the body's first line, whitespace collapsed, cut at the last space before 120 characters and
-- ended with an ellipsis. PostgreSQL's \s is JavaScript's \s for the corpus's text; the same-answer
-- check before timing compares the result with copydesk's. A computed column: field displayTitle.
CREATE FUNCTION bench_peer.articles_display_title(article bench_peer.articles) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
      WHEN coalesce(article."headline", '') ~ '\S' THEN regexp_replace(article."headline", '^\s+|\s+$', '', 'g')
      WHEN length(opening.line) <= 120 THEN opening.line
      -- The cut ends at its last space (JavaScript's lastIndexOf, -1 when there is none), at least one character.
      ELSE left(opening.cut, greatest(CASE WHEN strpos(opening.cut, ' ') = 0 THEN -1
                                           ELSE length(opening.cut) - strpos(reverse(opening.cut), ' ') END, 1)) || '…'
    END
    FROM (SELECT line, left(line, 119) AS cut
            FROM (SELECT regexp_replace(split_part(regexp_replace(article."body", '^\s+|\s+$', '', 'g'), E'\n', 1), '\s+', ' ', 'g') AS line) l
         ) opening
  $$;

-- Places have no visibility rule.
CREATE VIEW bench_peer.places AS
  SELECT p."id", p."name" FROM public."Place" p;
COMMENT ON VIEW bench_peer.places IS E'@primaryKey id';

-- People a list shows: accepted, not deleted, not merged into another record. (A merge moves the
-- merged person's quotes to the survivor, so no quote names a merged person.)
CREATE VIEW bench_peer.people AS
  SELECT p."id", p."name"
    FROM public."Person" p
   WHERE p."deletedAt" IS NULL AND p."mergedIntoId" IS NULL AND p."reviewStatus" = 'ACCEPTED';
COMMENT ON VIEW bench_peer.people IS E'@primaryKey id';

-- Accepted, not deleted quotes of the articles above. A quote whose speaker is not visible (or
-- is an organization) has no speaker here, as in copydesk.
CREATE VIEW bench_peer.quotes AS
  SELECT q."id", q."articleId", q."speakerId", q."text", q."start"
    FROM public."Quote" q
    JOIN bench_peer.articles a ON a."id" = q."articleId"
   WHERE q."deletedAt" IS NULL AND q."reviewStatus" = 'ACCEPTED';
COMMENT ON VIEW bench_peer.quotes IS E'@primaryKey id\n@foreignKey ("articleId") references bench_peer.articles (id)|@fieldName article|@foreignFieldName quotes\n@foreignKey ("speakerId") references bench_peer.people (id)|@fieldName speaker|@foreignFieldName quotes';

-- Incidents a list shows a viewer: accepted, not deleted, not merged away, and reported by an
-- accepted span in a published article (issue 21). The type as copydesk's API spells it (lower
-- case), not as a GraphQL enum PostGraphile would derive from the database type.
CREATE VIEW bench_peer.incidents AS
  SELECT i."id", i."type"::text AS "type", i."date", i."dateEarliest", i."placeId"
    FROM public."Incident" i
   WHERE i."deletedAt" IS NULL AND i."mergedIntoId" IS NULL AND i."reviewStatus" = 'ACCEPTED'
     AND EXISTS (SELECT 1 FROM public."IncidentMention" vm JOIN public."Article" va ON va."id" = vm."articleId"
                  WHERE vm."incidentId" = i."id" AND vm."reviewStatus" = 'ACCEPTED' AND va."deletedAt" IS NULL
                    AND va."status" IN ('PUBLISHED', 'CORRECTED', 'RETRACTED'));
COMMENT ON VIEW bench_peer.incidents IS E'@primaryKey id\n@foreignKey ("placeId") references bench_peer.places (id)|@fieldName place|@foreignFieldName incidents';

-- The incidents an article reports through accepted mentions, each once however many spans
-- mention it, with the incident's columns, so that an article's incidents can be ordered as
-- copydesk orders them (date, then earliest date, newest first, then id) without a join in the
-- ordering.
CREATE VIEW bench_peer.article_incidents AS
  SELECT DISTINCT m."articleId", i."id", i."type", i."date", i."dateEarliest", i."placeId"
    FROM public."IncidentMention" m
    JOIN bench_peer.incidents i ON i."id" = m."incidentId"
   WHERE m."reviewStatus" = 'ACCEPTED';
COMMENT ON VIEW bench_peer.article_incidents IS E'@primaryKey articleId,id\n@foreignKey ("articleId") references bench_peer.articles (id)|@fieldName article|@foreignFieldName incidents\n@foreignKey ("id") references bench_peer.incidents (id)|@fieldName incident|@foreignFieldName reports\n@foreignKey ("placeId") references bench_peer.places (id)|@fieldName place|@foreignFieldName reportedIncidents';
