import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { Person, PersonRole } from "../../generated/prisma/client.js";
import type { AliasKind } from "../../generated/prisma/enums.js";
import { recordAudit } from "../../core/audit.js";
import { changeRecord, createRecord, findToChange, updateVersioned, versionedTable, type VersionedTable } from "../../core/change.js";
import { command } from "../../core/command.js";
import { DomainFailure, fail } from "../../core/failure.js";
import { expectedVersion as version, optionalText } from "../../core/input.js";
import { visibleReviewStatuses } from "../../core/policy.js";
import { visiblePeople, visiblePeopleSql } from "../visibility/people.js";

// People commands: the policy authorizes (command), zod validates, and the change ritual
// (changeRecord) reads the visible person, updates them on their version and writes one audit
// event. Ids are plain record ids; the GraphQL adapter decodes global ids before calling.

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

/** What a person command sets. */
type PersonUpdate = Prisma.PersonUncheckedUpdateManyInput;

/** How failures name a person: in the words of a message, and by the input field of its id. */
interface PersonNaming {
  readonly noun: string;
  readonly idField: string;
}

/**
 * People as the change ritual reads and updates them (visible ones), named in failures as
 * `naming` says; updated only while live (unmerged, undeleted): a person merged or deleted after
 * it was read is a CONFLICT, not a version conflict.
 */
function peopleNamed(naming: PersonNaming): VersionedTable<Person, PersonUpdate> {
  return versionedTable<Person, Prisma.PersonWhereInput, PersonUpdate>({
    type: "Person",
    noun: naming.noun,
    model: (tx) => tx.person,
    changeable: visiblePeople,
    changeableSql: visiblePeopleSql,
    still: { where: { mergedIntoId: null, deletedAt: null }, conflict: `The ${naming.noun} was merged or deleted meanwhile; read it again.`, field: naming.idField },
  });
}

/** People named by `input.id`. */
export const people = peopleNamed({ noun: "person", idField: "input.id" });

/** The person of `input.personId` (aliases, roles). */
const personOfInput = peopleNamed({ noun: "person", idField: "input.personId" });

/** CONFLICT when the person to change was merged into another (merged ids stay readable). */
function checkNotMerged(person: Person, field: string): void {
  if (person.mergedIntoId) throw fail("CONFLICT", "This person was merged into another; change that one instead.", field);
}

/** NOT_FOUND unless the organization exists (organizations have no visibility rule). */
async function requireOrganization(tx: Prisma.TransactionClient, id: string | null | undefined, field: string): Promise<void> {
  if (id && !(await tx.organization.findUnique({ where: { id }, select: { id: true } }))) {
    throw fail("NOT_FOUND", "The organization does not exist.", field);
  }
}

/** The aliases of a person in the order they were added, for audit snapshots. */
async function aliasesOf(tx: Prisma.TransactionClient, personId: string): Promise<string[]> {
  const rows = await tx.personAlias.findMany({ where: { personId }, orderBy: [{ createdAt: "asc" }, { alias: "asc" }], select: { alias: true } });
  return rows.map((row) => row.alias);
}

/** Creates a person or unnamed source (an unnamed source's description defaults to its name). Editors. */
export const createPerson = command("person.create", createSchema, async (session, data): Promise<Person> => {
  const organizationId = data.organizationId ?? null;
  return createRecord(session, {
    type: "Person",
    create: async (tx) => {
      await requireOrganization(tx, organizationId, "input.organizationId");
      const kind = data.kind ?? "NAMED";
      return tx.person.create({
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
    },
  });
});

/** Changes a person's name, kind, description, organization or Wikidata id. Editors. */
export const updatePerson = command("person.update", updateSchema, async (session, data): Promise<Person> => {
  return changeRecord(session, people, data, {
    changes: async (before, tx) => {
      checkNotMerged(before, "input.id");
      await requireOrganization(tx, data.organizationId, "input.organizationId");
      const changes: PersonUpdate = {};
      if (data.name) changes.name = data.name;
      if (data.kind) changes.kind = data.kind;
      if (data.description !== undefined) changes.description = data.description || null;
      if (data.organizationId !== undefined) changes.organizationId = data.organizationId;
      if (data.wikidataId !== undefined) changes.wikidataId = data.wikidataId;
      return changes;
    },
  });
});

/** Adds another name to a person; one they have already (or their name) is CONFLICT. Editors. */
export const addAlias = command("person.addAlias", aliasSchema, async (session, data): Promise<Person> => {
  const kind = data.kind ?? "OTHER";
  let aliases: string[] = [];
  return changeRecord(session, personOfInput, { id: data.personId, expectedVersion: data.expectedVersion }, {
    idField: "input.personId",
    changes: async (before, tx) => {
      checkNotMerged(before, "input.personId");
      aliases = await aliasesOf(tx, before.id);
      return {};
    },
    // The alias is checked after the conditional update: it serializes concurrent additions on the person row.
    then: async (tx, before, after) => {
      if (data.alias === before.name || aliases.includes(data.alias)) {
        throw fail("CONFLICT", `${before.name} already has the ${data.alias === before.name ? "name" : "alias"} ${JSON.stringify(data.alias)}.`, "input.alias");
      }
      await tx.personAlias.create({ data: { personId: after.id, alias: data.alias, kind } });
      return {
        before: { ...before, aliases },
        after: { ...after, aliases: [...aliases, data.alias], added: { alias: data.alias, kind } },
      };
    },
  });
});

/** Adds a role with its dates to a person (endDate not before startDate). Editors. */
export const addRole = command("person.addRole", roleSchema, async (session, data): Promise<Person> => {
  const organizationId = data.organizationId ?? null;
  return changeRecord(session, personOfInput, { id: data.personId, expectedVersion: data.expectedVersion }, {
    idField: "input.personId",
    changes: async (before, tx) => {
      checkNotMerged(before, "input.personId");
      await requireOrganization(tx, organizationId, "input.organizationId");
      return {};
    },
    then: async (tx, _before, after) => {
      const role: PersonRole = await tx.personRole.create({
        data: { personId: after.id, title: data.title, organizationId, startDate: data.startDate ?? null, endDate: data.endDate ?? null },
      });
      return { after: { ...after, addedRole: role } };
    },
  });
});

/** The kind of alias a merged person's name becomes on the target. */
function aliasKindOf(source: Person, target: Person): AliasKind {
  if (source.kind === "ANONYMOUS") return "DESCRIPTION";
  if (source.name.startsWith("@")) return "HANDLE";
  const words = target.name.split(/\s+/);
  if (words.length > 1 && words[words.length - 1] === source.name) return "SURNAME";
  return "NAME";
}

/** One side of a merge: how failures name it, and the input field of its expected version. */
interface MergeSide extends PersonNaming {
  readonly versionField: string;
}
const SOURCE: MergeSide = { noun: "source person", idField: "input.sourceId", versionField: "input.expectedSourceVersion" };
const TARGET: MergeSide = { noun: "target person", idField: "input.targetId", versionField: "input.expectedTargetVersion" };

/** Updates one side of a merge on its version; its failures name that side's fields (a merge has two ids and two versions). */
async function updateSide(tx: Prisma.TransactionClient, side: MergeSide, id: string, expected: number, data: PersonUpdate): Promise<Person> {
  try {
    return await updateVersioned(tx, peopleNamed(side), id, expected, data);
  } catch (error) {
    if (!(error instanceof DomainFailure)) throw error;
    const field = { VERSION_CONFLICT: side.versionField, NOT_FOUND: side.idField } as const;
    throw new DomainFailure(error.reasons.map((reason) => (reason.code === "VERSION_CONFLICT" || reason.code === "NOT_FOUND" ? { ...reason, field: field[reason.code] } : reason)));
  }
}

/**
 * Merges a duplicate person into another in ONE transaction: quotes, entity mentions, roles,
 * aliases the target lacks, notes on the person and people merged into the source earlier (so
 * chains stay one hop) move to the target; the source's name becomes an alias of the target; the
 * source keeps its row with mergedIntoId set, so its id resolves to the target. Both versions
 * are checked and bumped; one audit event describes the whole change. Editors.
 */
export const mergePeople = command("person.merge", mergeSchema, async (session, data): Promise<Person> => {
  const { sourceId, targetId } = data;
  if (sourceId === targetId) throw fail("CONFLICT", "A person cannot be merged into themselves.", "input.targetId");
  return inTransaction(session.prisma, async (tx) => {
    // Lock both rows in id order: two merges of the same pair (either way round) wait for each
    // other instead of deadlocking, and the second one then sees the first one's result.
    const [first, second] = [sourceId, targetId].sort();
    await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" IN (${first}::uuid, ${second}::uuid) ORDER BY "id" FOR UPDATE`;

    const source = await findToChange(tx, peopleNamed(SOURCE), session.viewer, sourceId, SOURCE.idField);
    if (source.mergedIntoId) throw fail("CONFLICT", "The source person was merged already.", "input.sourceId");
    // A deleted target is a state conflict rather than "not found": editors may see deleted records' ids.
    const target = await tx.person.findFirst({ where: { id: targetId, reviewStatus: { in: visibleReviewStatuses(session.viewer) } } });
    if (!target) throw fail("NOT_FOUND", "The target person does not exist or is not visible to you.", "input.targetId");
    if (target.deletedAt) throw fail("CONFLICT", "The target person is deleted; merge into a live record.", "input.targetId");
    if (target.mergedIntoId) throw fail("CONFLICT", "The target person was merged into another; merge into that one.", "input.targetId");

    const sourceAliases = await aliasesOf(tx, sourceId);
    const targetAliases = await aliasesOf(tx, targetId);
    const sourceAfter = await updateSide(tx, SOURCE, sourceId, data.expectedSourceVersion, { mergedIntoId: targetId });
    const targetAfter = await updateSide(tx, TARGET, targetId, data.expectedTargetVersion, {});

    // Every record that points at the source moves, deleted and rejected ones included, so
    // nothing is left pointing at a merged record. Versioned ones get a new version: they changed,
    // so a client holding one of them must read it again. These are bulk updates of rows nobody
    // named (no expected version to check), hence not the one-row change ritual.
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

    await recordAudit(tx, session, {
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
});
