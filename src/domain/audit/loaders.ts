import DataLoader from "dataloader";
import { Prisma, type PrismaClient } from "../../db/index.js";
import type { AuditEvent } from "../../generated/prisma/client.js";
import type { ConnectionPage, PageArgs } from "../../core/paging.js";
import { batchOptions, countLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { may } from "../../core/policy.js";
import { auditEventKeyset, cursorSequence } from "./keysets.js";

const DEFAULT_PAGE_SIZE = 20;
const SEQUENCE = /^[1-9]\d{0,18}$/;

/** The record types that have a `history` field; audit events name their target by these. */
export type HistoryTargetType = "Article" | "Quote" | "Person" | "Incident" | "Annotation";

/**
 * Per-request loader of the `history` connection of one record type: the pages of all records
 * asked for with the same `first`/`after` come from one statement, `totalCount` from one more.
 *
 * Audit events have no Prisma relation to their targets (a target is a type name and an id), so
 * Prisma's relation join cannot limit per target. The page is one raw statement instead:
 * `unnest(target ids) CROSS JOIN LATERAL (... ORDER BY id DESC LIMIT n+1)`. We prefer the
 * LATERAL form to `row_number() OVER (PARTITION BY "targetId")`: the window function numbers
 * every event of every target before filtering, while LATERAL runs one bounded top-N per target
 * on the ("targetType", "targetId") index, so a record with a long history costs no more than
 * the page asked for, and the statement count stays one whatever the number of targets or `first`.
 */
class HistoryLoader {
  private readonly pageLoaders = new Map<string, DataLoader<string, readonly AuditEvent[]>>();
  private readonly counts: DataLoader<string, number>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly targetType: HistoryTargetType,
    private readonly enabled: boolean,
  ) {
    this.counts = countLoader(async (targetIds) => {
      if (!this.enabled) return new Map();
      const groups = await this.prisma.auditEvent.groupBy({
        by: ["targetId"],
        where: { targetType: this.targetType, targetId: { in: targetIds } },
        _count: { _all: true },
      });
      return new Map(groups.map((group) => [group.targetId, group._count._all]));
    });
  }

  /** The page of `targetId`'s events for these arguments, newest first (BAD_USER_INPUT for bad ones). */
  async load(targetId: string, args: PageArgs): Promise<ConnectionPage<AuditEvent>> {
    const window = auditEventKeyset.window(args, DEFAULT_PAGE_SIZE);
    const before = window.hasCursor && args.after ? cursorSequence(args.after) : null;
    const signature = `${window.take}\u0000${before ?? ""}`;
    let loader = this.pageLoaders.get(signature);
    if (!loader) {
      loader = new DataLoader(async (targetIds) => {
        const pages = await this.fetchPages([...targetIds], window.take, before);
        return targetIds.map((id) => pages.get(id) ?? []);
      }, batchOptions);
      this.pageLoaders.set(signature, loader);
    }
    const rows = await loader.load(targetId);
    return auditEventKeyset.page(rows, window, () => this.counts.load(targetId));
  }

  private async fetchPages(targetIds: string[], take: number, before: bigint | null): Promise<Map<string, AuditEvent[]>> {
    const pages = new Map<string, AuditEvent[]>();
    if (!this.enabled) return pages;
    const afterCursor = before === null ? Prisma.empty : Prisma.sql`AND event."id" < ${before}`;
    // The columns are exactly AuditEvent's, and Prisma decodes them as findMany would (int8 as
    // bigint, jsonb as JSON, timestamp as Date): tests/api/audit.test.ts compares both paths.
    const rows = await this.prisma.$queryRaw<AuditEvent[]>`
      SELECT page."id", page."actorId", page."tokenId", page."action", page."targetType", page."targetId",
             page."before", page."after", page."requestId", page."createdAt"
      FROM unnest(${targetIds}::text[]) AS target("id")
      CROSS JOIN LATERAL (
        SELECT event.* FROM "AuditEvent" AS event
        WHERE event."targetType" = ${this.targetType} AND event."targetId" = target."id" ${afterCursor}
        ORDER BY event."id" DESC
        LIMIT ${take}
      ) AS page
      ORDER BY page."targetId", page."id" DESC`;
    for (const row of rows) {
      const page = pages.get(row.targetId);
      if (page) page.push(row);
      else pages.set(row.targetId, [row]);
    }
    return pages;
  }
}

/**
 * Per-request loaders of the audit module: events by sequence number (null to those who may not
 * read the log, so `node(id)` answers null to a VIEWER) and the `history` of each record type.
 */
export function createAuditLoaders(prisma: PrismaClient, viewer: Actor) {
  const enabled = may(viewer, "audit.read");
  const histories = new Map<HistoryTargetType, HistoryLoader>();
  return {
    /** An audit event by its sequence number as a decimal string. */
    auditEventById: new DataLoader<string, AuditEvent | null>(async (ids) => {
      const sequences = enabled ? ids.filter((id) => SEQUENCE.test(id)).map((id) => BigInt(id)) : [];
      const rows = sequences.length > 0 ? await prisma.auditEvent.findMany({ where: { id: { in: sequences } } }) : [];
      const byId = new Map(rows.map((row) => [row.id.toString(), row]));
      return ids.map((id) => byId.get(id) ?? null);
    }, batchOptions),
    /** The history loader of one record type. */
    historyOf(targetType: HistoryTargetType): HistoryLoader {
      let loader = histories.get(targetType);
      if (!loader) {
        loader = new HistoryLoader(prisma, targetType, enabled);
        histories.set(targetType, loader);
      }
      return loader;
    },
  };
}

/** The loaders of the audit module, as domain functions that batch through them name them. */
export type AuditLoaders = ReturnType<typeof createAuditLoaders>;
