import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

describe("the example story seed", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  const counts = async () => {
    const p = db.prisma;
    return {
      articles: await p.article.count(),
      revisions: await p.articleRevision.count(),
      direct: await p.quote.count({ where: { kind: "DIRECT" } }),
      indirect: await p.quote.count({ where: { kind: "INDIRECT" } }),
      named: await p.person.count({ where: { kind: "NAMED" } }),
      unnamed: await p.person.count({ where: { kind: "ANONYMOUS" } }),
      incidents: await p.incident.count(),
      organizations: await p.organization.count(),
      places: await p.place.count(),
      entityMentions: await p.entityMention.count(),
      incidentMentions: await p.incidentMention.count(),
      quoteLinks: await p.quoteLink.count(),
    };
  };

  it("loads the story by ingest: the answer key's 8 direct and 3 indirect quotes, 3 named people, 1 unnamed source and 6 incidents, accepted and published by the seed editor", async () => {
    const result = await seedExampleStory(db.prisma);
    expect(result.created).toBe(true);
    expect(await counts()).toMatchObject({
      articles: 1,
      revisions: 1,
      direct: 8,
      named: 3,
      unnamed: 1,
      incidents: 6,
      quoteLinks: 1,
    });
    // The answer key is not read by the seed; here it checks what ingest found.
    const gold = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../seeds/basra-consulate-2018.gold.json"), "utf8")) as {
      quotes: { text: string; speaker: string | null; speakerDescription: string | null; kind: string }[];
      organizations: string[];
      places: string[];
    };
    const article = await db.prisma.article.findUniqueOrThrow({ where: { slug: "basra-consulate-2018" } });
    expect(article).toMatchObject({ status: "PUBLISHED", publishedAt: new Date("2018-09-28T00:00:00Z") });
    const quotes = await db.prisma.quote.findMany({ where: { articleId: article.id }, include: { speaker: true } });
    for (const expected of gold.quotes) {
      const found = quotes.find((quote) => quote.text === expected.text);
      expect(found, expected.text).toBeDefined();
      expect(found?.kind).toBe(expected.kind.toUpperCase());
      expect(found?.speaker?.name).toBe(expected.speaker ?? expected.speakerDescription);
    }
    // Beyond the answer key, extraction also reports "reiterated that the U.S. played no role ..." as Pompeo's.
    expect(quotes.filter((quote) => quote.kind === "INDIRECT").length).toBeGreaterThanOrEqual(3);
    expect(quotes.every((quote) => quote.origin === "MACHINE" && quote.reviewStatus === "ACCEPTED" && quote.confidence !== null)).toBe(true);
    for (const name of gold.organizations) {
      expect(await db.prisma.organization.count({ where: { OR: [{ name }, { aliases: { has: name } }] } }), name).toBe(1);
    }
    for (const name of gold.places) expect(await db.prisma.place.count({ where: { name } }), name).toBe(1);
    expect(await db.prisma.place.findFirst({ where: { name: "Basra" } })).toMatchObject({ aliases: ["Basrah"], countryCode: "IQ", latitude: 30.5085 });
    const events = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, include: { actor: true } });
    expect(events.map((event) => [event.action, event.actor?.name])).toEqual([
      ["suggestions.created", "seed-editor"],
      ["article.ingest", "seed-editor"],
      ["article.acceptSuggestions", "seed-editor"],
      ["article.publish", "seed-editor"],
    ]);
  }, 180_000);

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts();
    const again = await seedExampleStory(db.prisma);
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("stores every span so that the body at start..end is exactly the recorded text", async () => {
    const article = await db.prisma.article.findUniqueOrThrow({ where: { slug: "basra-consulate-2018" } });
    const quotes = await db.prisma.quote.findMany({ where: { articleId: article.id } });
    for (const quote of quotes) {
      expect(article.body.slice(quote.start, quote.end)).toBe(quote.text);
      expect(article.body.slice(Math.max(0, quote.start - quote.prefix.length), quote.start)).toBe(quote.prefix);
    }
    const mentions = await db.prisma.entityMention.findMany({ where: { articleId: article.id } });
    expect(mentions.length).toBeGreaterThan(20);
    for (const mention of mentions) expect(article.body.slice(mention.start, mention.end)).toBe(mention.exact);
    const incidentMentions = await db.prisma.incidentMention.findMany({ where: { articleId: article.id } });
    expect(incidentMentions).toHaveLength(6);
    for (const mention of incidentMentions) expect(article.body.slice(mention.start, mention.end)).toBe(mention.exact);
  });

  it("attributes the tweet to Heather Nauert with its handle and date, linked to her statement", async () => {
    const tweet = await db.prisma.quote.findFirstOrThrow({ where: { medium: "TWEET" }, include: { speaker: { include: { aliases: true } }, linksTo: true } });
    expect(tweet.speaker?.name).toBe("Heather Nauert");
    expect(tweet.sourceHandle).toBe("@statedeptspox");
    expect(tweet.sourceDate?.toISOString().slice(0, 10)).toBe("2018-09-28");
    expect(tweet.speaker?.aliases.map((alias) => alias.alias)).toContain("@statedeptspox");
    expect(tweet.linksTo).toHaveLength(1);
  });

  it("keeps casualty figures as conservative minimums", async () => {
    const parade = await db.prisma.incident.findFirstOrThrow({ where: { summary: { contains: "parade" } } });
    expect(parade.fatalitiesMin).toBe(25);
    const clashes = await db.prisma.incident.findFirstOrThrow({ where: { type: "armed_clash" } });
    expect([clashes.fatalitiesMin, clashes.injuriesMin]).toEqual([13, 100]);
  });
});
