import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import type { Actor } from "../../src/core/actor.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// The example story through ingestArticle with the real extraction, as the contract promises it
// (src/extraction/types.ts): the people with their titles and handles, the unnamed source, the
// tweet, the casualty minimums; then a second story about the same people and the same rocket
// attack resolves to what the first one stored instead of duplicating it.

const INGEST = `mutation($input: IngestArticleInput!, $key: String!) {
  ingestArticle(input: $input, idempotencyKey: $key) {
    article { id slug status } outcome
    suggestions { quotes people unnamedSources incidents incidentMentions entityMentions total }
    errors { code field message }
  }
}`;

interface Payload {
  article: { id: string; slug: string; status: string } | null;
  outcome: string | null;
  suggestions: Record<string, number> | null;
  errors: unknown[];
}

const BODY = fs.readFileSync(path.resolve(import.meta.dirname, "../../seeds/basra-consulate-2018.txt"), "utf8");
const SECOND =
  "BAGHDAD (Wire) — Secretary of State Mike Pompeo said on Sunday that Washington would not be intimidated. “We will not be driven out of Iraq,” Pompeo told reporters in Baghdad.\n\n" +
  "Rocket attacks struck the U.S. consulate in Basra on Sept. 11, officials said. Nobody was hurt.";

let db: TestDatabase;
const viewers = {} as Record<Role, Actor>;

beforeAll(async () => {
  db = await createTestDatabase();
  viewers.REPORTER = await createViewer(db, "REPORTER");
});

afterAll(async () => {
  await db?.close();
});

async function ingest(text: string, publishedAt: string, key: string): Promise<Payload> {
  const result = await executeAsViewer<{ ingestArticle: Payload }>(db, viewers.REPORTER, INGEST, { input: { text, publishedAt }, key });
  expect(result.errors).toBeUndefined();
  return result.data?.ingestArticle as Payload;
}

describe("ingesting the example story with the real extraction", () => {
  it("stores its people, unnamed source, quotes and incidents as pending suggestions", async () => {
    const payload = await ingest(BODY, "2018-09-28T00:00:00Z", "example");
    expect(payload).toMatchObject({ outcome: "CREATED", errors: [], article: { status: "DRAFT" } });
    expect(payload.suggestions).toMatchObject({ people: 3, unnamedSources: 1, incidents: 6 });

    const people = await db.prisma.person.findMany({ where: { kind: "NAMED" }, include: { aliases: true, roles: true } });
    const byName = new Map(people.map((person) => [person.name, person]));
    expect([...byName.keys()].sort()).toEqual(["Heather Nauert", "Mike Pompeo", "Sarah Sanders"]);
    expect(byName.get("Mike Pompeo")?.aliases.map((alias) => alias.alias)).toEqual(expect.arrayContaining(["Pompeo", "@SecPompeo"]));
    expect(byName.get("Mike Pompeo")?.roles.map((role) => role.title)).toContain("Secretary of State");
    expect(byName.get("Heather Nauert")?.aliases.map((alias) => alias.alias)).toContain("@statedeptspox");
    for (const person of people) expect(person).toMatchObject({ origin: "MACHINE", reviewStatus: "PENDING" });

    const official = await db.prisma.person.findFirstOrThrow({ where: { kind: "ANONYMOUS" }, include: { aliases: true } });
    expect(official.description).toBe("a senior administration official");
    expect(official.aliases.map((alias) => alias.alias)).toContain("the official");

    // One suggestions.created event (what live updates publish) lists exactly what was suggested.
    const article = await db.prisma.article.findUniqueOrThrow({ where: { slug: payload.article?.slug } });
    const events = await db.prisma.auditEvent.findMany({ where: { action: "suggestions.created", targetId: article.id } });
    expect(events).toHaveLength(1);
    const batch = events[0]?.after as { quoteIds: string[]; personIds: string[]; incidentIds: string[]; mentionIds: string[] };
    const quoteIds = (await db.prisma.quote.findMany({ where: { articleId: article.id }, select: { id: true } })).map((quote) => quote.id);
    expect([...batch.quoteIds].sort()).toEqual(quoteIds.sort());
    expect(batch.personIds).toHaveLength(4);
    expect(batch.incidentIds).toHaveLength(6);
    expect(batch.mentionIds.length).toBe((payload.suggestions?.["incidentMentions"] ?? 0) + (payload.suggestions?.["entityMentions"] ?? 0));

    const tweet = await db.prisma.quote.findFirstOrThrow({ where: { medium: "TWEET" }, include: { speaker: true } });
    expect(tweet).toMatchObject({ sourceHandle: "@statedeptspox", kind: "DIRECT", reviewStatus: "PENDING", origin: "MACHINE" });
    expect(tweet.speaker?.name).toBe("Heather Nauert");
    expect(tweet.sourceDate?.toISOString().slice(0, 10)).toBe("2018-09-28");
    const bottomLine = await db.prisma.quote.findFirstOrThrow({ where: { text: { startsWith: "Bottom line" } }, include: { speaker: true } });
    expect(bottomLine.speaker?.id).toBe(official.id);
    for (const quote of await db.prisma.quote.findMany()) expect(BODY.slice(quote.start, quote.end)).toBe(quote.text);

    const incidents = await db.prisma.incident.findMany({ include: { place: true } });
    expect(incidents.map((incident) => incident.fatalitiesMin)).toContain(25);
    const clashes = incidents.find((incident) => incident.type === "armed_clash");
    expect([clashes?.fatalitiesMin, clashes?.injuriesMin]).toEqual([13, 100]);
    expect(incidents.every((incident) => incident.reviewStatus === "PENDING" && incident.fingerprint !== null)).toBe(true);
  });

  it("resolves a second story to the same Mike Pompeo and the same rocket attack on the Basra consulate", async () => {
    const payload = await ingest(SECOND, "2018-09-30T00:00:00Z", "second");
    expect(payload).toMatchObject({ outcome: "CREATED", errors: [] });
    expect(payload.suggestions).toMatchObject({ people: 0, incidents: 0, incidentMentions: 1 });
    const pompeos = await db.prisma.person.findMany({ where: { name: "Mike Pompeo" } });
    expect(pompeos).toHaveLength(1);
    const secondId = Buffer.from(payload.article?.id as string, "base64url").toString("utf8").split(":")[1] as string;
    const quote = await db.prisma.quote.findFirstOrThrow({ where: { articleId: secondId, text: { contains: "driven out of Iraq" } } });
    expect(quote.speakerId).toBe(pompeos[0]?.id);
    const mention = await db.prisma.incidentMention.findFirstOrThrow({ where: { articleId: secondId }, include: { incident: { include: { mentions: true, place: true } } } });
    expect(mention.incident).toMatchObject({ type: "attack", place: { name: "Basra" } });
    expect(new Set(mention.incident.mentions.map((other) => other.articleId)).size).toBe(2);
  });
});
