-- Stored full-text vectors for people and incidents, as articles and quotes have, so that search
-- matches them through a GIN index instead of computing every row's vector at query time (which
-- grows with the corpus: about 1 s per query at 50,000 incidents). The documents are the ones
-- search used to compute: a person's name, description and aliases; an incident's summary,
-- sub-type, attribution, blame and place name. Maintained by triggers, also when an alias or a
-- place's name changes.

-- AlterTable
ALTER TABLE "Person" ADD COLUMN "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "Person_searchVector_idx" ON "Person" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Incident_searchVector_idx" ON "Incident" USING GIN ("searchVector");

CREATE FUNCTION copydesk_person_document(person_id uuid, name text, description text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT to_tsvector('english', name || ' ' || coalesce(description, '') || ' ' ||
    coalesce((SELECT string_agg(pa."alias", ' ') FROM "PersonAlias" pa WHERE pa."personId" = person_id), ''))
$$;

CREATE FUNCTION copydesk_person_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := copydesk_person_document(NEW."id", NEW."name", NEW."description");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Person_searchVector_trigger"
  BEFORE INSERT OR UPDATE OF "name", "description" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION copydesk_person_search_vector();

-- An alias added, renamed, moved or removed changes its person's document (both persons' when moved).
CREATE FUNCTION copydesk_person_alias_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Person" p SET "searchVector" = copydesk_person_document(p."id", p."name", p."description")
  WHERE p."id" IN (
    SELECT changed."personId" FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN OLD."personId" END), (CASE WHEN TG_OP <> 'DELETE' THEN NEW."personId" END)) AS changed("personId")
    WHERE changed."personId" IS NOT NULL
  );
  RETURN NULL;
END
$$;

CREATE TRIGGER "PersonAlias_searchVector_trigger"
  AFTER INSERT OR UPDATE OF "alias", "personId" OR DELETE ON "PersonAlias"
  FOR EACH ROW EXECUTE FUNCTION copydesk_person_alias_search_vector();

CREATE FUNCTION copydesk_incident_document(summary text, sub_type text, attributed_to text, blamed_by text, place_id uuid) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT to_tsvector('english', summary || ' ' || coalesce(sub_type, '') || ' ' || coalesce(attributed_to, '') || ' ' ||
    coalesce(blamed_by, '') || ' ' || coalesce((SELECT pl."name" FROM "Place" pl WHERE pl."id" = place_id), ''))
$$;

CREATE FUNCTION copydesk_incident_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := copydesk_incident_document(NEW."summary", NEW."subType", NEW."attributedTo", NEW."blamedBy", NEW."placeId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Incident_searchVector_trigger"
  BEFORE INSERT OR UPDATE OF "summary", "subType", "attributedTo", "blamedBy", "placeId" ON "Incident"
  FOR EACH ROW EXECUTE FUNCTION copydesk_incident_search_vector();

-- A place renamed changes the document of every incident there.
CREATE FUNCTION copydesk_place_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Incident" i SET "searchVector" = copydesk_incident_document(i."summary", i."subType", i."attributedTo", i."blamedBy", i."placeId")
  WHERE i."placeId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Place_searchVector_trigger"
  AFTER UPDATE OF "name" ON "Place"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION copydesk_place_search_vector();

-- The rows already there.
UPDATE "Person" p SET "searchVector" = copydesk_person_document(p."id", p."name", p."description");
UPDATE "Incident" i SET "searchVector" = copydesk_incident_document(i."summary", i."subType", i."attributedTo", i."blamedBy", i."placeId");
