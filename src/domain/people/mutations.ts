import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { Person, PersonRole } from "../../generated/prisma/client.js";
import type { AliasKind } from "../../generated/prisma/enums.js";
import type { AddAliasInput, AddRoleInput, CreatePersonInput, MergePeopleInput, UpdatePersonInput } from "../../generated/graphql.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { fail, inputId, optionalInputId, parseInput, requireRole } from "../../core/failure.js";
import { recordAudit } from "../../core/audit.js";
import type { Actor } from "../../core/actor.js";
import { visibleReviewStatuses } from "../../core/policy.js";
import { visiblePeople } from "./visibility.js";
import { expectedVersion as version, optionalText } from "../../core/input.js";

// People mutations: authorize -> validate -> one transaction (conditional update on the version)
// -> one audit event -> the person as they are now. Expected failures are MutationFailures thrown
// inside the transaction, so nothing they touched is kept. All of them are editorial: EDITOR.

const name = z.string().trim().min(1, "must not be empty").max(300, "must be at most 300 characters");
const wikidataId = z.string().trim().regex(/^Q[1-9]\d{0,11}$/, "must be a Wikidata item id: Q followed by digits (Q123)");
const personKind = z.enum(["NAMED", "ANONYMOUS"]);
/** A field that may be left out but not cleared (the column is required). */
const notNull = <T>(value: T | null | undefined) => value !== null;

const createSchema = z.object({
  name,
  kind: personKind.nullish(),
  description: optionalText(1000),
  organizationId: z.string().nullish(),
  wikidataId: wikidataId.nullish(),
});

const updateSchema = z.object({
  id: z.string(),
  expectedVersion: version,
  name: name.nullish().refine(notNull, "cannot be cleared"),
  kind: personKind.nullish().refine(notNull, "cannot be cleared"),
  description: optionalText(1000),
  organizationId: z.string().nullish(),
  wikidataId: wikidataId.nullish(),
});

const aliasSchema = z.object({
  personId: z.string(),
  expectedVersion: version,
  alias: name,
  kind: z.enum(["NAME", "SURNAME", "HANDLE", "DESCRIPTION", "OTHER"]).nullish(),
});

const roleSchema = z
  .object({
    personId: z.string(),
    expectedVersion: version,
    title: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
    organizationId: z.string().nullish(),
    startDate: z.date().nullish(),
    endDate: z.date().nullish(),
  })
  .superRefine((value, context) => {
    if (value.startDate && value.endDate && value.endDate < value.startDate) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "must not be before startDate" });
    }
  });

const mergeSchema = z.object({
  sourceId: z.string(),
  targetId: z.string(),
  expectedSourceVersion: version,
  expectedTargetVersion: version,
});

/** NOT_FOUND unless the organization exists (organizations have no visibility rule). */
async function requireOrganization(tx: Prisma.TransactionClient, id: string | null | undefined, field: string): Promise<void> {
  if (id && !(await tx.organization.findUnique({ where: { id }, select: { id: true } }))) {
    throw fail("NOT_FOUND", "The organization does not exist.", field);
  }
}

/** The person to change, read inside the transaction: NOT_FOUND when invisible, CONFLICT when merged away. */
async function personToChange(tx: Prisma.TransactionClient, viewer: Actor, id: string, field: string): Promise<Person> {
  const person = await tx.person.findFirst({ where: { id, ...visiblePeople(viewer) } });
  if (!person) throw fail("NOT_FOUND", "The person does not exist or is not visible to you.", field);
  if (person.mergedIntoId) throw fail("CONFLICT", "This person was merged into another; change that one instead.", field);
  return person;
}

/**
 * Applies `data` to a live (unmerged, undeleted) person still at `expectedVersion` in one
 * conditional UPDATE, bumping the version; VERSION_CONFLICT (naming `fields`) otherwise.
 */
async function updateVersioned(
  tx: Prisma.TransactionClient,
  id: string,
  expectedVersion: number,
  data: Prisma.PersonUncheckedUpdateManyInput,
  what = "person",
  fields: { id: string; version: string } = { id: "input.id", version: "input.expectedVersion" },
): Promise<Person> {
  const { count } = await tx.person.updateMany({
    where: { id, version: expectedVersion, mergedIntoId: null, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.person.findUnique({ where: { id }, select: { version: true, mergedIntoId: true, deletedAt: true } });
    if (current && current.version === expectedVersion) {
      // The version matched, so the record was merged or deleted meanwhile.
      throw fail("CONFLICT", `The ${what} was merged or deleted meanwhile; read it again.`, fields.id);
    }
    // Like assertUpdated, but naming this record's fields: a merge has two records to tell apart.
    if (!current) throw fail("NOT_FOUND", `The ${what} does not exist or is not visible to you.`, fields.id);
    throw fail(
      "VERSION_CONFLICT",
      `The ${what} is at version ${current.version}, not ${expectedVersion}: someone changed it since you read it. Read it again and retry.`,
      fields.version,
      current.version,
    );
  }
  return tx.person.findUniqueOrThrow({ where: { id } });
}

/** The aliases of a person in the order they were added, for audit snapshots. */
async function aliasesOf(tx: Prisma.TransactionClient, personId: string): Promise<string[]> {
  const rows = await tx.personAlias.findMany({ where: { personId }, orderBy: [{ createdAt: "asc" }, { alias: "asc" }], select: { alias: true } });
  return rows.map((row) => row.alias);
}

/** Creates a person or unnamed source (an unnamed source's description defaults to its name). Editors. */
export async function createPerson(context: GraphQLContext, input: CreatePersonInput): Promise<Person> {
  requireRole(context.viewer, "EDITOR", "create people");
  const data = parseInput(createSchema, input);
  const organizationId = optionalInputId(data.organizationId, "Organization", "input.organizationId") ?? null;
  return inTransaction(context.prisma, async (tx) => {
    await requireOrganization(tx, organizationId, "input.organizationId");
    const kind = data.kind ?? "NAMED";
    const person = await tx.person.create({
      data: {
        kind,
        name: data.name,
        description: data.description || (kind === "ANONYMOUS" ? data.name : null),
        organizationId,
        wikidataId: data.wikidataId ?? null,
        origin: "EDITOR",
        reviewStatus: "ACCEPTED",
      },
    });
    await recordAudit(tx, context, { action: "person.create", targetType: "Person", targetId: person.id, before: null, after: person });
    return person;
  });
}

/** Changes a person's name, kind, description, organization or Wikidata id. Editors. */
export async function updatePerson(context: GraphQLContext, input: UpdatePersonInput): Promise<Person> {
  requireRole(context.viewer, "EDITOR", "edit people");
  const data = parseInput(updateSchema, input);
  const id = inputId(data.id, "Person", "input.id");
  const organizationId = optionalInputId(data.organizationId, "Organization", "input.organizationId");
  return inTransaction(context.prisma, async (tx) => {
    const before = await personToChange(tx, context.viewer, id, "input.id");
    await requireOrganization(tx, organizationId, "input.organizationId");
    const changes: Prisma.PersonUncheckedUpdateManyInput = {};
    if (data.name) changes.name = data.name;
    if (data.kind) changes.kind = data.kind;
    if (data.description !== undefined) changes.description = data.description || null;
    if (data.organizationId !== undefined) changes.organizationId = organizationId ?? null;
    if (data.wikidataId !== undefined) changes.wikidataId = data.wikidataId;
    const after = await updateVersioned(tx, id, data.expectedVersion, changes);
    await recordAudit(tx, context, { action: "person.update", targetType: "Person", targetId: id, before, after });
    return after;
  });
}

/** Adds another name to a person; one they have already (or their name) is CONFLICT. Editors. */
export async function addAlias(context: GraphQLContext, input: AddAliasInput): Promise<Person> {
  requireRole(context.viewer, "EDITOR", "add aliases");
  const data = parseInput(aliasSchema, input);
  const id = inputId(data.personId, "Person", "input.personId");
  const fields = { id: "input.personId", version: "input.expectedVersion" };
  return inTransaction(context.prisma, async (tx) => {
    const before = await personToChange(tx, context.viewer, id, "input.personId");
    const aliases = await aliasesOf(tx, id);
    // The conditional update comes first: it serializes concurrent additions on the person row.
    const after = await updateVersioned(tx, id, data.expectedVersion, {}, "person", fields);
    if (data.alias === before.name || aliases.includes(data.alias)) {
      throw fail("CONFLICT", `${before.name} already has the ${data.alias === before.name ? "name" : "alias"} ${JSON.stringify(data.alias)}.`, "input.alias");
    }
    await tx.personAlias.create({ data: { personId: id, alias: data.alias, kind: data.kind ?? "OTHER" } });
    await recordAudit(tx, context, {
      action: "person.addAlias",
      targetType: "Person",
      targetId: id,
      before: { ...before, aliases },
      after: { ...after, aliases: [...aliases, data.alias], added: { alias: data.alias, kind: data.kind ?? "OTHER" } },
    });
    return after;
  });
}

/** Adds a role with its dates to a person (endDate not before startDate). Editors. */
export async function addRole(context: GraphQLContext, input: AddRoleInput): Promise<Person> {
  requireRole(context.viewer, "EDITOR", "add roles");
  const data = parseInput(roleSchema, input);
  const id = inputId(data.personId, "Person", "input.personId");
  const organizationId = optionalInputId(data.organizationId, "Organization", "input.organizationId") ?? null;
  const fields = { id: "input.personId", version: "input.expectedVersion" };
  return inTransaction(context.prisma, async (tx) => {
    const before = await personToChange(tx, context.viewer, id, "input.personId");
    await requireOrganization(tx, organizationId, "input.organizationId");
    const after = await updateVersioned(tx, id, data.expectedVersion, {}, "person", fields);
    const role: PersonRole = await tx.personRole.create({
      data: { personId: id, title: data.title, organizationId, startDate: data.startDate ?? null, endDate: data.endDate ?? null },
    });
    await recordAudit(tx, context, { action: "person.addRole", targetType: "Person", targetId: id, before, after: { ...after, addedRole: role } });
    return after;
  });
}

/** The kind of alias a merged person's name becomes on the target. */
function aliasKindOf(source: Person, target: Person): AliasKind {
  if (source.kind === "ANONYMOUS") return "DESCRIPTION";
  if (source.name.startsWith("@")) return "HANDLE";
  const words = target.name.split(/\s+/);
  if (words.length > 1 && words[words.length - 1] === source.name) return "SURNAME";
  return "NAME";
}

/**
 * Merges a duplicate person into another in ONE transaction: quotes, entity mentions, roles,
 * aliases the target lacks, notes on the person and people merged into the source earlier (so
 * chains stay one hop) move to the target; the source's name becomes an alias of the target; the
 * source keeps its row with mergedIntoId set, so its id resolves to the target. Both versions
 * are checked and bumped; one audit event describes the whole change. Editors.
 */
export async function mergePeople(context: GraphQLContext, input: MergePeopleInput): Promise<Person> {
  requireRole(context.viewer, "EDITOR", "merge people");
  const data = parseInput(mergeSchema, input);
  const sourceId = inputId(data.sourceId, "Person", "input.sourceId");
  const targetId = inputId(data.targetId, "Person", "input.targetId");
  if (sourceId === targetId) throw fail("CONFLICT", "A person cannot be merged into themselves.", "input.targetId");
  return inTransaction(context.prisma, async (tx) => {
    // Lock both rows in id order: two merges of the same pair (either way round) wait for each
    // other instead of deadlocking, and the second one then sees the first one's result.
    const [first, second] = [sourceId, targetId].sort();
    await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" IN (${first}::uuid, ${second}::uuid) ORDER BY "id" FOR UPDATE`;

    const source = await tx.person.findFirst({ where: { id: sourceId, ...visiblePeople(context.viewer) } });
    if (!source) throw fail("NOT_FOUND", "The source person does not exist or is not visible to you.", "input.sourceId");
    if (source.mergedIntoId) throw fail("CONFLICT", "The source person was merged already.", "input.sourceId");
    // A deleted target is a state conflict rather than "not found": editors may see deleted records' ids.
    const target = await tx.person.findFirst({ where: { id: targetId, reviewStatus: { in: visibleReviewStatuses(context.viewer) } } });
    if (!target) throw fail("NOT_FOUND", "The target person does not exist or is not visible to you.", "input.targetId");
    if (target.deletedAt) throw fail("CONFLICT", "The target person is deleted; merge into a live record.", "input.targetId");
    if (target.mergedIntoId) throw fail("CONFLICT", "The target person was merged into another; merge into that one.", "input.targetId");

    const sourceAliases = await aliasesOf(tx, sourceId);
    const targetAliases = await aliasesOf(tx, targetId);
    const sourceAfter = await updateVersioned(tx, sourceId, data.expectedSourceVersion, { mergedIntoId: targetId }, "source person", {
      id: "input.sourceId",
      version: "input.expectedSourceVersion",
    });
    const targetAfter = await updateVersioned(tx, targetId, data.expectedTargetVersion, {}, "target person", {
      id: "input.targetId",
      version: "input.expectedTargetVersion",
    });

    // Every record that points at the source moves, deleted and rejected ones included, so
    // nothing is left pointing at a merged record. Versioned ones get a new version: they changed.
    const quotes = await tx.quote.updateMany({ where: { speakerId: sourceId }, data: { speakerId: targetId, version: { increment: 1 } } });
    const mentions = await tx.entityMention.updateMany({ where: { personId: sourceId }, data: { personId: targetId } });
    const roles = await tx.personRole.updateMany({ where: { personId: sourceId }, data: { personId: targetId } });
    const aliases = await tx.personAlias.updateMany({
      where: { personId: sourceId, alias: { notIn: [...targetAliases, target.name] } },
      data: { personId: targetId },
    });
    const annotations = await tx.annotation.updateMany({ where: { personId: sourceId }, data: { personId: targetId, version: { increment: 1 } } });
    const mergedPeople = await tx.person.updateMany({ where: { mergedIntoId: sourceId, id: { not: sourceId } }, data: { mergedIntoId: targetId, version: { increment: 1 } } });

    const aliasesNow = await aliasesOf(tx, targetId);
    let addedAlias: { alias: string; kind: AliasKind } | null = null;
    if (source.name !== target.name && !aliasesNow.includes(source.name)) {
      addedAlias = { alias: source.name, kind: aliasKindOf(source, target) };
      await tx.personAlias.create({ data: { personId: targetId, ...addedAlias } });
    }

    await recordAudit(tx, context, {
      action: "person.merge",
      targetType: "Person",
      targetId,
      before: { source: { ...source, aliases: sourceAliases }, target: { ...target, aliases: targetAliases } },
      after: {
        source: { ...sourceAfter, aliases: await aliasesOf(tx, sourceId) },
        target: { ...targetAfter, aliases: await aliasesOf(tx, targetId) },
        moved: {
          quotes: quotes.count,
          mentions: mentions.count,
          roles: roles.count,
          aliases: aliases.count,
          annotations: annotations.count,
          mergedPeople: mergedPeople.count,
        },
        addedAlias,
      },
    });
    return targetAfter;
  });
}
