import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/actor.js";
import { countStatements } from "../../src/db/statements.js";
import { ingestArticleWith } from "../../src/domain/ingest/ingest.js";
import type { ExtractedMention, Extraction } from "../../src/extraction/types.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer } from "../support/viewers.js";

// Ingest's writes are batched (one INSERT per table for a story's people, aliases, roles, quotes
// and mentions, its audit events in one INSERT), so the SQL statements of one story do not grow
// with what the story holds. This pins the count: a return to one INSERT per row fails here.

/** A new story's statements: the read before the transaction, then lock, re-read, slug, article, revision, the organizations, places and people known already (one read), organizations, places, people, aliases and roles inserted, quotes, incident (by fingerprint, by window, insert), incident and entity mentions, the pending ids, the audit events, COMMIT. */
const NEW_STORY_STATEMENTS = 21;

const FIRST = ["Ann", "Bob", "Cleo", "Dev", "Eva", "Finn", "Gus", "Hana"];
const CITIES = ["Arvik", "Bellmar", "Corran", "Dunmoor", "Eastholm", "Farrow", "Glenrock", "Highcliff"];

let db: TestDatabase;
let admin: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  admin = await createViewer(db, "ADMIN");
});

afterAll(async () => {
  await db?.close();
});

/** The span of the first occurrence of `exact` at or after `from`. */
function at(text: string, exact: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`not in the text: ${exact}`);
  return { start, end: start + exact.length, text: exact };
}

/**
 * A story of `size` speakers (`tag` keeps names apart between stories): each a named person with
 * a title, an alias and an organization, quoted once, in a place; one unnamed source per speaker,
 * quoted too; and one incident. Returns the text and its hand-written extraction.
 */
function story(size: number, tag: string): { text: string; extraction: Extraction } {
  const speakers = Array.from({ length: size }, (_, index) => ({
    name: `${FIRST[index]} ${tag}son`,
    organization: `${tag} Agency ${index + 1}`,
    city: `${CITIES[index]} ${tag}`,
    quote: `We stand ready number ${index + 1} ${tag}`,
    source: `a ${tag} official number ${index + 1}`,
    sourceQuote: `Nothing is settled number ${index + 1} ${tag}`,
  }));
  const incidentText = `A blast hit the ${tag} market, killing 3 people`;
  const text = [
    `${incidentText}.`,
    ...speakers.map((s) => `“${s.quote},” Minister ${s.name} of ${s.organization} said in ${s.city}. “${s.sourceQuote},” ${s.source} said.`),
  ].join("\n\n");
  const mentions: ExtractedMention[] = speakers.flatMap((s) => [
    { ...at(text, s.name), type: "person" as const, name: s.name, confidence: 0.9 },
    { ...at(text, s.organization), type: "organization" as const, name: s.organization, confidence: 0.8 },
    { ...at(text, s.city), type: "place" as const, name: s.city, confidence: 0.8 },
  ]);
  const incident = at(text, incidentText);
  return {
    text,
    extraction: {
      article: { headline: null, publishedAt: null },
      people: speakers.map((s) => ({ name: s.name, titles: ["Minister"], organization: s.organization, aliases: [`${tag}son`], confidence: 0.9 })),
      anonymousSources: speakers.map((s) => ({ description: s.source, organization: null, aliases: [], confidence: 0.6 })),
      organizations: speakers.map((s) => s.organization),
      places: [...speakers.map((s) => s.city), `${tag} market town`],
      quotes: speakers.flatMap((s) => [
        { ...at(text, s.quote), speaker: s.name, speakerKind: "person" as const, speakerDescription: null, kind: "direct" as const, medium: "other" as const, reportingVerb: "said", attribution: null, confidence: 0.9 },
        { ...at(text, s.sourceQuote), speaker: null, speakerKind: null, speakerDescription: s.source, kind: "direct" as const, medium: "other" as const, reportingVerb: "said", attribution: null, confidence: 0.6 },
      ]),
      incidents: [
        {
          start: incident.start,
          end: incident.end,
          type: "attack",
          summary: `Blast at the ${tag} market`,
          place: `${tag} market town`,
          date: "2024-03-01",
          datePrecision: "day",
          dateEarliest: null,
          dateLatest: null,
          fatalities: { min: 3, max: 3 },
          injuries: { min: null, max: null },
          attributedTo: null,
          blamedBy: null,
          confidence: 0.8,
        },
      ],
      mentions,
    },
  };
}

/** Ingests `text` with `extraction` as an administrator, counting the SQL statements. */
async function ingestCounting(text: string, extraction: Extraction, input: Record<string, unknown> = {}) {
  const ingest = ingestArticleWith(() => extraction);
  return countStatements(() => ingest({ prisma: db.prisma, viewer: admin, requestId: "statements-test", live: null }, { text, publishedAt: new Date("2024-03-02T00:00:00Z"), ...input }));
}

/** How many INSERT statements went to each table. */
function insertsByTable(statements: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sql of statements) {
    const table = /^\s*INSERT INTO "public"\."(\w+)"/.exec(sql)?.[1];
    if (table) counts[table] = (counts[table] ?? 0) + 1;
  }
  return counts;
}

describe("ingest's SQL statements per story", () => {
  it("are the same number for a story of one speaker and of eight: one INSERT per table", async () => {
    const small = story(1, "Kestrel");
    const large = story(8, "Osprey");
    const one = await ingestCounting(small.text, small.extraction);
    const eight = await ingestCounting(large.text, large.extraction);
    // Everything was stored (so the counts below are of a story that wrote every table).
    expect(one.result.counts).toMatchObject({ quotes: 2, people: 1, unnamedSources: 1, organizations: 1, places: 2, incidents: 1, incidentMentions: 1, entityMentions: 3, skipped: 0 });
    expect(eight.result.counts).toMatchObject({ quotes: 16, people: 8, unnamedSources: 8, organizations: 8, places: 9, incidents: 1, incidentMentions: 1, entityMentions: 24, skipped: 0 });
    for (const { statements } of [one, eight]) {
      expect(insertsByTable(statements)).toEqual({
        Article: 1,
        ArticleRevision: 1,
        Organization: 1,
        Place: 1,
        Person: 1,
        PersonAlias: 1,
        PersonRole: 1,
        Quote: 1,
        Incident: 1,
        IncidentMention: 1,
        EntityMention: 1,
        AuditEvent: 1,
      });
      expect(statements).toHaveLength(NEW_STORY_STATEMENTS);
    }
    // The rows are all there, with their aliases and roles on the right people.
    const people = await db.prisma.person.findMany({ where: { name: { endsWith: "Ospreyson" } }, select: { name: true, aliases: { select: { alias: true } }, roles: { select: { title: true, organization: { select: { name: true } } } } } });
    expect(people).toHaveLength(8);
    for (const person of people) {
      expect(person.aliases.map((alias) => alias.alias)).toEqual(["Ospreyson"]);
      expect(person.roles).toEqual([{ title: "Minister", organization: { name: `Osprey Agency ${FIRST.indexOf(person.name.split(" ")[0] as string) + 1}` } }]);
    }
  });

  it("writes a revision's suggestions with one INSERT per table too", async () => {
    const first = story(2, "Plover");
    await ingestCounting(first.text, first.extraction, { url: "https://news.example/plover" });
    const changed = story(4, "Plover");
    const revision = await ingestCounting(changed.text, changed.extraction, { url: "https://news.example/plover" });
    expect(revision.result.outcome).toBe("REVISED");
    // Two new speakers, their quotes and mentions; the first two are known already.
    expect(revision.result.counts).toMatchObject({ quotes: 4, people: 2, unnamedSources: 2, organizations: 2, places: 2, entityMentions: 6 });
    const inserts = insertsByTable(revision.statements);
    for (const table of ["Person", "PersonAlias", "PersonRole", "Quote", "EntityMention", "AuditEvent", "Organization", "Place"]) expect(inserts[table], table).toBe(1);
  });
});
