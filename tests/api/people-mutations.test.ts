import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createContext } from "../../src/graphql/context.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { DomainFailure } from "../../src/core/failure.js";
import type { Actor } from "../../src/core/actor.js";
import { mergePeople } from "../../src/domain/people/commands.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer, executeAsViewer, mutationChecks } from "../support/viewers.js";

// People mutations through the GraphQL layer as each role, on the example story: every success
// writes exactly one audit event (a merge too), every refusal changes nothing.

interface PersonShape {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  aliases: string[];
  wikidataId: string | null;
  organization: { name: string } | null;
  roles: { edges: { node: { title: string; organization: { name: string } | null; startDate: string | null; endDate: string | null } }[] };
  mergedInto: { id: string } | null;
  origin: string;
  reviewStatus: string;
  version: number;
  quoteCount: number;
}

const PERSON = `id name kind description aliases wikidataId organization { name } roles(first: 100) { edges { node { title organization { name } startDate endDate } } }
  mergedInto { id } origin reviewStatus version quoteCount`;
const PAYLOAD = `person { ${PERSON} } errors { code field message currentVersion }`;
const mutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${PAYLOAD} } }`;
const CREATE = mutation("createPerson", "CreatePersonInput");
const UPDATE = mutation("updatePerson", "UpdatePersonInput");
const ADD_ALIAS = mutation("addAlias", "AddAliasInput");
const ADD_ROLE = mutation("addRole", "AddRoleInput");
const MERGE = mutation("mergePeople", "MergePeopleInput");
const ATTRIBUTE = `mutation($input: AttributeQuoteInput!) { attributeQuote(input: $input) { quote { id version speaker { id name } } errors { code field message } } }`;

const MISSING_UUID = "0190a0a0-0000-7000-8000-000000000000";

let db: TestDatabase;
let articleId: string;
const viewers = {} as Record<Role, Actor>;
let pompeo: string;
let nauert: string;
let stateDepartment: string;
let threatsQuote: string;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  ({ articleId } = await seedExampleStory(db.prisma));
  for (const role of ["VIEWER", "REPORTER", "EDITOR", "ADMIN"] as const) viewers[role] = await createViewer(db, role);
  pompeo = (await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } })).id;
  nauert = (await db.prisma.person.findFirstOrThrow({ where: { name: "Heather Nauert" } })).id;
  stateDepartment = (await db.prisma.organization.findUniqueOrThrow({ where: { name: "U.S. Department of State" } })).id;
  threatsQuote = (await db.prisma.quote.findFirstOrThrow({ where: { articleId, text: { startsWith: "their threats" } } })).id;
});

afterAll(async () => {
  await db?.close();
});

const gid = {
  person: (id: string) => toGlobalId("Person", id),
  organization: (id: string) => toGlobalId("Organization", id),
  quote: (id: string) => toGlobalId("Quote", id),
};

/** Everything a people mutation could touch, to compare before and after a refusal. */
async function stored(): Promise<string> {
  const { prisma } = db;
  const state = await Promise.all([
    prisma.person.findMany({ orderBy: { id: "asc" } }),
    prisma.personAlias.findMany({ orderBy: { id: "asc" } }),
    prisma.personRole.findMany({ orderBy: { id: "asc" } }),
    prisma.quote.findMany({ orderBy: { id: "asc" }, select: { id: true, speakerId: true, version: true } }),
    prisma.entityMention.findMany({ orderBy: { id: "asc" }, select: { id: true, personId: true } }),
    prisma.annotation.findMany({ orderBy: { id: "asc" }, select: { id: true, personId: true, version: true } }),
    prisma.auditEvent.count(),
  ]);
  return JSON.stringify(state);
}

const { succeed, refuse, forbidden } = mutationChecks<PersonShape>({ database: () => db, viewers, resultKey: "person", targetType: "Person", stored });


async function version(personId: string): Promise<number> {
  return (await db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).version;
}

async function readPerson(role: Role, id: string): Promise<PersonShape | null> {
  const result = await executeAsViewer<{ person: PersonShape | null }>(db, viewers[role], `query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id });
  expect(result.errors).toBeUndefined();
  return result.data?.person ?? null;
}

describe("createPerson", () => {
  it("refuses VIEWERs and REPORTERs at the directive", async () => {
    await forbidden("VIEWER", CREATE, { name: "Brian Hook" });
    await forbidden("REPORTER", CREATE, { name: "Brian Hook" });
  });

  it("creates a named person and an unnamed source", async () => {
    const hook = await succeed("EDITOR", CREATE, { name: "  Brian Hook ", wikidataId: "Q4963733", organizationId: gid.organization(stateDepartment) }, "person.create");
    expect(hook).toMatchObject({ name: "Brian Hook", kind: "NAMED", description: null, wikidataId: "Q4963733", organization: { name: "U.S. Department of State" }, origin: "EDITOR", reviewStatus: "ACCEPTED", version: 1, aliases: [], quoteCount: 0 });
    const source = await succeed("ADMIN", CREATE, { name: "a Western diplomat in Baghdad", kind: "ANONYMOUS" }, "person.create");
    expect(source).toMatchObject({ kind: "ANONYMOUS", description: "a Western diplomat in Baghdad" });
  });

  it("answers INVALID_INPUT naming the field, NOT_FOUND for a missing organization", async () => {
    await refuse("EDITOR", CREATE, { name: "   " }, "INVALID_INPUT", "input.name");
    await refuse("EDITOR", CREATE, { name: "x".repeat(301) }, "INVALID_INPUT", "input.name");
    await refuse("EDITOR", CREATE, { name: "Brian Hook", wikidataId: "4963733" }, "INVALID_INPUT", "input.wikidataId");
    await refuse("EDITOR", CREATE, { name: "Brian Hook", wikidataId: "Q12a" }, "INVALID_INPUT", "input.wikidataId");
    await refuse("EDITOR", CREATE, { name: "Brian Hook", organizationId: gid.person(pompeo) }, "INVALID_INPUT", "input.organizationId");
    await refuse("EDITOR", CREATE, { name: "Brian Hook", organizationId: gid.organization(MISSING_UUID) }, "NOT_FOUND", "input.organizationId");
  });
});

describe("updatePerson, addAlias and addRole", () => {
  it("refuses VIEWERs and REPORTERs at the directive, and the service refuses a REPORTER too", async () => {
    await forbidden("VIEWER", UPDATE, { id: gid.person(nauert), expectedVersion: 1, wikidataId: "Q28946513" });
    await forbidden("REPORTER", UPDATE, { id: gid.person(nauert), expectedVersion: 1, wikidataId: "Q28946513" });
    await forbidden("REPORTER", ADD_ALIAS, { personId: gid.person(nauert), expectedVersion: 1, alias: "Nauert" });
    await forbidden("REPORTER", ADD_ROLE, { personId: gid.person(nauert), expectedVersion: 1, title: "Ambassador" });
  });

  it("updates a person, clearing a field with null", async () => {
    // The seed's people are accepted suggestions: accepting them was their first change.
    const start = await version(nauert);
    const updated = await succeed("EDITOR", UPDATE, { id: gid.person(nauert), expectedVersion: start, wikidataId: "Q28946513", description: "Spokesperson of the State Department" }, "person.update");
    expect(updated).toMatchObject({ name: "Heather Nauert", wikidataId: "Q28946513", description: "Spokesperson of the State Department", version: start + 1 });
    const cleared = await succeed("EDITOR", UPDATE, { id: gid.person(nauert), expectedVersion: start + 1, description: null }, "person.update");
    expect(cleared).toMatchObject({ description: null, wikidataId: "Q28946513", version: start + 2 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event.before).toMatchObject({ description: "Spokesperson of the State Department", version: start + 1 });
    expect(event.after).toMatchObject({ description: null, version: start + 2 });
  });

  it("answers VERSION_CONFLICT with the current version, INVALID_INPUT and NOT_FOUND naming the field", async () => {
    const current = await version(nauert);
    const error = await refuse("EDITOR", UPDATE, { id: gid.person(nauert), expectedVersion: current - 1, name: "H. Nauert" }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(error.currentVersion).toBe(current);
    await refuse("EDITOR", UPDATE, { id: gid.person(nauert), expectedVersion: current, name: null }, "INVALID_INPUT", "input.name");
    await refuse("EDITOR", UPDATE, { id: gid.person(nauert), expectedVersion: current, wikidataId: "P31" }, "INVALID_INPUT", "input.wikidataId");
    await refuse("EDITOR", UPDATE, { id: "bogus", expectedVersion: current }, "INVALID_INPUT", "input.id");
    await refuse("EDITOR", UPDATE, { id: gid.person(MISSING_UUID), expectedVersion: 1 }, "NOT_FOUND", "input.id");
  });

  it("adds an alias; one the person has already is CONFLICT", async () => {
    const person = await succeed("EDITOR", ADD_ALIAS, { personId: gid.person(nauert), expectedVersion: await version(nauert), alias: "Nauert", kind: "SURNAME" }, "person.addAlias");
    expect(person.aliases).toEqual(["@statedeptspox", "Nauert"]);
    expect(await db.prisma.personAlias.findFirstOrThrow({ where: { personId: nauert, alias: "Nauert" } })).toMatchObject({ kind: "SURNAME" });
    const current = await version(nauert);
    await refuse("EDITOR", ADD_ALIAS, { personId: gid.person(nauert), expectedVersion: current, alias: "@statedeptspox" }, "CONFLICT", "input.alias");
    await refuse("EDITOR", ADD_ALIAS, { personId: gid.person(nauert), expectedVersion: current, alias: "Heather Nauert" }, "CONFLICT", "input.alias");
    await refuse("EDITOR", ADD_ALIAS, { personId: gid.person(nauert), expectedVersion: current, alias: " " }, "INVALID_INPUT", "input.alias");
    const stale = await refuse("EDITOR", ADD_ALIAS, { personId: gid.person(nauert), expectedVersion: current - 1, alias: "Spox" }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(stale.currentVersion).toBe(current);
  });

  it("adds a role with dates; an end before the start is INVALID_INPUT", async () => {
    const person = await succeed("EDITOR", ADD_ROLE, {
      personId: gid.person(nauert),
      expectedVersion: await version(nauert),
      title: "Acting Under Secretary for Public Diplomacy",
      organizationId: gid.organization(stateDepartment),
      startDate: "2018-03-13",
      endDate: "2018-10-10",
    }, "person.addRole");
    expect(person.roles.edges.map((edge) => edge.node)).toContainEqual({ title: "Acting Under Secretary for Public Diplomacy", organization: { name: "U.S. Department of State" }, startDate: "2018-03-13", endDate: "2018-10-10" });
    const current = await version(nauert);
    await refuse("EDITOR", ADD_ROLE, { personId: gid.person(nauert), expectedVersion: current, title: "Ambassador", startDate: "2019-01-02", endDate: "2019-01-01" }, "INVALID_INPUT", "input.endDate");
    await refuse("EDITOR", ADD_ROLE, { personId: gid.person(nauert), expectedVersion: current, title: "" }, "INVALID_INPUT", "input.title");
    await refuse("EDITOR", ADD_ROLE, { personId: gid.person(nauert), expectedVersion: current, title: "Ambassador", organizationId: gid.organization(MISSING_UUID) }, "NOT_FOUND", "input.organizationId");
    await refuse("EDITOR", ADD_ROLE, { personId: gid.person(nauert), expectedVersion: current + 5, title: "Ambassador" }, "VERSION_CONFLICT", "input.expectedVersion");
  });
});

describe("mergePeople", () => {
  let duplicate: string;
  let mentionId: string;
  let annotationId: string;
  let olderDuplicate: string;
  let pompeoQuotes: number;
  let pompeoMentions: number;

  it("builds a duplicate Pompeo with a quote, a mention, an alias, a role, a note and an earlier merge", async () => {
    pompeoQuotes = (await readPerson("VIEWER", gid.person(pompeo)))?.quoteCount ?? -1;
    expect(pompeoQuotes).toBeGreaterThan(0);
    pompeoMentions = await db.prisma.entityMention.count({ where: { personId: pompeo } });

    const created = await succeed("EDITOR", CREATE, { name: "Pompeo" }, "person.create");
    duplicate = (await db.prisma.person.findFirstOrThrow({ where: { name: "Pompeo" } })).id;
    expect(created.id).toBe(gid.person(duplicate));
    const attributed = await executeAsViewer<{ attributeQuote: { quote: { speaker: { name: string } } } }>(db, viewers.EDITOR, ATTRIBUTE, {
      input: { quoteId: gid.quote(threatsQuote), expectedVersion: (await db.prisma.quote.findUniqueOrThrow({ where: { id: threatsQuote } })).version, speakerId: gid.person(duplicate) },
    });
    expect(attributed.data?.attributeQuote.quote.speaker.name).toBe("Pompeo");
    // The mention "Pompeo sent messages ..." was extracted onto the duplicate.
    const mention = await db.prisma.entityMention.findFirstOrThrow({ where: { personId: pompeo, exact: "Pompeo" }, orderBy: { start: "desc" } });
    await db.prisma.entityMention.update({ where: { id: mention.id }, data: { personId: duplicate } });
    mentionId = mention.id;
    await succeed("EDITOR", ADD_ALIAS, { personId: gid.person(duplicate), expectedVersion: 1, alias: "@SecPompeo2", kind: "HANDLE" }, "person.addAlias");
    // An alias Mike Pompeo has already: it stays behind.
    await succeed("EDITOR", ADD_ALIAS, { personId: gid.person(duplicate), expectedVersion: 2, alias: "@SecPompeo", kind: "HANDLE" }, "person.addAlias");
    await succeed("EDITOR", ADD_ROLE, { personId: gid.person(duplicate), expectedVersion: 3, title: "Director of the CIA", startDate: "2017-01-23", endDate: "2018-04-26" }, "person.addRole");
    annotationId = (
      await db.prisma.annotation.create({ data: { targetType: "PERSON", personId: duplicate, motivation: "identifying", body: "Same as Mike Pompeo?", authorId: viewers.EDITOR.userId ?? "" } })
    ).id;
    olderDuplicate = (await db.prisma.person.create({ data: { name: "Michael R. Pompeo", mergedIntoId: duplicate } })).id;

    expect((await readPerson("VIEWER", gid.person(pompeo)))?.quoteCount).toBe(pompeoQuotes - 1);
    expect((await readPerson("VIEWER", gid.person(olderDuplicate)))?.name).toBe("Pompeo");
  });

  it("refuses VIEWERs and REPORTERs at the directive, and the service refuses a REPORTER too", async () => {
    const input = { sourceId: gid.person(duplicate), targetId: gid.person(pompeo), expectedSourceVersion: 4, expectedTargetVersion: 1 };
    await forbidden("VIEWER", MERGE, input);
    await forbidden("REPORTER", MERGE, input);
    const before = await stored();
    // The domain takes record ids (the adapter decodes global ids); command() refuses before
    // any work, synchronously, so the call is made inside a promise to see the refusal.
    const direct = { ...input, sourceId: duplicate, targetId: pompeo };
    await expect(Promise.resolve().then(() => mergePeople(createContext(db.prisma, viewers.REPORTER, "direct-call"), direct))).rejects.toSatisfy(
      (error) => error instanceof DomainFailure && error.reasons[0]?.code === "FORBIDDEN",
    );
    expect(await stored()).toBe(before);
  });

  it("answers VERSION_CONFLICT naming the stale side, with its current version, changing nothing", async () => {
    const sourceVersion = await version(duplicate);
    const targetVersion = await version(pompeo);
    const source = await refuse("EDITOR", MERGE, { sourceId: gid.person(duplicate), targetId: gid.person(pompeo), expectedSourceVersion: sourceVersion - 1, expectedTargetVersion: targetVersion }, "VERSION_CONFLICT", "input.expectedSourceVersion");
    expect(source.currentVersion).toBe(sourceVersion);
    const target = await refuse("EDITOR", MERGE, { sourceId: gid.person(duplicate), targetId: gid.person(pompeo), expectedSourceVersion: sourceVersion, expectedTargetVersion: targetVersion + 1 }, "VERSION_CONFLICT", "input.expectedTargetVersion");
    expect(target.currentVersion).toBe(targetVersion);
  });

  it("answers CONFLICT for a merge into itself or into a merged or deleted person, INVALID_INPUT and NOT_FOUND for bad ids", async () => {
    const sourceVersion = await version(duplicate);
    const targetVersion = await version(pompeo);
    await refuse("EDITOR", MERGE, { sourceId: gid.person(pompeo), targetId: gid.person(pompeo), expectedSourceVersion: targetVersion, expectedTargetVersion: targetVersion }, "CONFLICT", "input.targetId");
    await refuse("EDITOR", MERGE, { sourceId: gid.person(pompeo), targetId: gid.person(olderDuplicate), expectedSourceVersion: targetVersion, expectedTargetVersion: 1 }, "CONFLICT", "input.targetId");
    await refuse("EDITOR", MERGE, { sourceId: gid.person(olderDuplicate), targetId: gid.person(pompeo), expectedSourceVersion: 1, expectedTargetVersion: targetVersion }, "CONFLICT", "input.sourceId");
    const deleted = await db.prisma.person.create({ data: { name: "Mike Pompeo (deleted)", deletedAt: new Date() } });
    await refuse("EDITOR", MERGE, { sourceId: gid.person(duplicate), targetId: gid.person(deleted.id), expectedSourceVersion: sourceVersion, expectedTargetVersion: 1 }, "CONFLICT", "input.targetId");
    await refuse("EDITOR", MERGE, { sourceId: gid.person(duplicate), targetId: gid.quote(threatsQuote), expectedSourceVersion: sourceVersion, expectedTargetVersion: 1 }, "INVALID_INPUT", "input.targetId");
    await refuse("EDITOR", MERGE, { sourceId: gid.person(duplicate), targetId: gid.person(pompeo), expectedSourceVersion: 0, expectedTargetVersion: targetVersion }, "INVALID_INPUT", "input.expectedSourceVersion");
    await refuse("EDITOR", MERGE, { sourceId: gid.person(MISSING_UUID), targetId: gid.person(pompeo), expectedSourceVersion: 1, expectedTargetVersion: targetVersion }, "NOT_FOUND", "input.sourceId");
  });

  it("merges the duplicate Pompeo into Mike Pompeo: every quote and mention follows, in one audit event", async () => {
    const sourceVersion = await version(duplicate);
    const targetVersion = await version(pompeo);
    const quoteVersion = (await db.prisma.quote.findUniqueOrThrow({ where: { id: threatsQuote } })).version;
    const merged = await succeed("EDITOR", MERGE, { sourceId: gid.person(duplicate), targetId: gid.person(pompeo), expectedSourceVersion: sourceVersion, expectedTargetVersion: targetVersion }, "person.merge");
    expect(merged).toMatchObject({ id: gid.person(pompeo), name: "Mike Pompeo", version: targetVersion + 1, quoteCount: pompeoQuotes, mergedInto: null });
    // Oldest first: the seed's two (added together, so alphabetically), then the moved one.
    expect(merged.aliases).toEqual(["@SecPompeo", "Pompeo", "@SecPompeo2"]);
    expect(merged.roles.edges.map((edge) => edge.node.title)).toEqual(["Secretary of State", "Director of the CIA"]);

    // Nothing points at the duplicate any more.
    const { prisma } = db;
    expect(await prisma.quote.count({ where: { speakerId: duplicate } })).toBe(0);
    expect(await prisma.entityMention.count({ where: { personId: duplicate } })).toBe(0);
    expect(await prisma.personRole.count({ where: { personId: duplicate } })).toBe(0);
    expect(await prisma.annotation.count({ where: { personId: duplicate } })).toBe(0);
    expect(await prisma.entityMention.count({ where: { personId: pompeo } })).toBe(pompeoMentions);
    expect((await prisma.entityMention.findUniqueOrThrow({ where: { id: mentionId } })).personId).toBe(pompeo);
    expect((await prisma.annotation.findUniqueOrThrow({ where: { id: annotationId } })).personId).toBe(pompeo);
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: threatsQuote } })).toMatchObject({ speakerId: pompeo, version: quoteVersion + 1 });
    // The chain stays one hop: the earlier duplicate now points at Mike Pompeo directly.
    expect((await prisma.person.findUniqueOrThrow({ where: { id: olderDuplicate } })).mergedIntoId).toBe(pompeo);
    expect(await prisma.person.findUniqueOrThrow({ where: { id: duplicate } })).toMatchObject({ mergedIntoId: pompeo, version: sourceVersion + 1 });

    const event = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "person.merge", targetType: "Person", targetId: pompeo });
    expect(event.before).toMatchObject({ source: { id: duplicate, name: "Pompeo", mergedIntoId: null, aliases: ["@SecPompeo2", "@SecPompeo"] }, target: { id: pompeo, name: "Mike Pompeo", aliases: ["@SecPompeo", "Pompeo"] } });
    expect(event.after).toMatchObject({
      source: { id: duplicate, mergedIntoId: pompeo, aliases: ["@SecPompeo"] },
      target: { id: pompeo, aliases: ["@SecPompeo", "Pompeo", "@SecPompeo2"] },
      moved: { quotes: 1, mentions: 1, roles: 1, aliases: 1, annotations: 1, mergedPeople: 1 },
      addedAlias: null,
    });
  });

  it("answers the merged ids with Mike Pompeo and leaves them out of lists", async () => {
    for (const id of [duplicate, olderDuplicate]) {
      expect(await readPerson("VIEWER", gid.person(id))).toMatchObject({ id: gid.person(pompeo), name: "Mike Pompeo", quoteCount: pompeoQuotes });
      const node = await executeAsViewer<{ node: { id: string; name: string; mergedInto: { id: string; name: string } | null } }>(
        db,
        viewers.VIEWER,
        `query($id: ID!) { node(id: $id) { id ... on Person { name mergedInto { id name } } } }`,
        { id: gid.person(id) },
      );
      expect(node.errors).toBeUndefined();
      // node(id) answers the merged record itself, whose mergedInto is the target (or, should
      // node(id) follow merges as person(id) does, the target itself): either way, Mike Pompeo.
      const resolved = node.data?.node.mergedInto ?? node.data?.node;
      expect(resolved).toMatchObject({ id: gid.person(pompeo), name: "Mike Pompeo" });
    }
    const listed = await executeAsViewer<{ people: { edges: { node: { id: string; name: string } }[] } }>(db, viewers.VIEWER, `{ people(filter: { search: "Pompeo" }) { edges { node { id name } } } }`);
    expect(listed.data?.people.edges.map((edge) => edge.node.name)).toEqual(["Mike Pompeo"]);
    const quoted = await executeAsViewer<{ quotes: { totalCount: number } }>(db, viewers.VIEWER, `query($id: ID!) { quotes(filter: { speakerId: $id }) { totalCount } }`, { id: gid.person(pompeo) });
    expect(quoted.data?.quotes.totalCount).toBe(pompeoQuotes);
  });

  it("adds the source's name as an alias when the target lacks it, and refuses a second merge of the source", async () => {
    const hook = await succeed("EDITOR", CREATE, { name: "Brian H. Hook" }, "person.create");
    const hookId = (await db.prisma.person.findFirstOrThrow({ where: { name: "Brian Hook" } })).id;
    const hookDuplicate = (await db.prisma.person.findFirstOrThrow({ where: { name: "Brian H. Hook" } })).id;
    expect(hook.id).toBe(gid.person(hookDuplicate));
    const merged = await succeed("EDITOR", MERGE, { sourceId: gid.person(hookDuplicate), targetId: gid.person(hookId), expectedSourceVersion: 1, expectedTargetVersion: await version(hookId) }, "person.merge");
    expect(merged.aliases).toEqual(["Brian H. Hook"]);
    expect(await db.prisma.personAlias.findFirstOrThrow({ where: { personId: hookId, alias: "Brian H. Hook" } })).toMatchObject({ kind: "NAME" });
    await refuse("EDITOR", MERGE, { sourceId: gid.person(hookDuplicate), targetId: gid.person(pompeo), expectedSourceVersion: 2, expectedTargetVersion: await version(pompeo) }, "CONFLICT", "input.sourceId");
  });

  it("attributes a quote given a merged person's id to the person it was merged into", async () => {
    const quote = await db.prisma.quote.findUniqueOrThrow({ where: { id: threatsQuote } });
    await db.prisma.quote.update({ where: { id: threatsQuote }, data: { speakerId: nauert } });
    const result = await executeAsViewer<{ attributeQuote: { quote: { speaker: { id: string; name: string } } } }>(db, viewers.EDITOR, ATTRIBUTE, {
      input: { quoteId: gid.quote(threatsQuote), expectedVersion: quote.version, speakerId: gid.person(duplicate) },
    });
    expect(result.data?.attributeQuote.quote.speaker).toEqual({ id: gid.person(pompeo), name: "Mike Pompeo" });
  });
});
