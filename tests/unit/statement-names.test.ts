import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recurringStatementName } from "../../src/db/statements.js";

// Which SQL texts go to PostgreSQL as named (prepared) statements (src/db/statements.ts). The
// registry is process-wide, so each test sends texts no other test sends.

const text = (label: string) => `SELECT 1 AS "${label}-${randomUUID()}" WHERE $1::int > 0`;

describe("recurringStatementName", () => {
  it("sends a text unnamed the first time and by one name from its second time on", () => {
    const sql = text("recurs");
    expect(recurringStatementName(sql)).toBeUndefined();
    const name = recurringStatementName(sql);
    expect(name).toMatch(/^copydesk_[0-9a-f]{40}$/);
    expect(name?.length).toBeLessThanOrEqual(63);
    expect(recurringStatementName(sql)).toBe(name);
    // An equal string built apart (as Prisma builds each statement's text) finds the same name.
    expect(recurringStatementName(sql.slice(0, 10) + sql.slice(10))).toBe(name);
  });

  it("gives two texts two names, and never names a text sent once", () => {
    const [a, b, once] = [text("a"), text("b"), text("once")];
    for (const sql of [a, b, a, b]) recurringStatementName(sql);
    expect(recurringStatementName(a)).not.toBe(recurringStatementName(b));
    expect(recurringStatementName(once)).toBeUndefined();
  });
});
