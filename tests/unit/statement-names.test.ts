import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PREPARED_STATEMENT_TEXT_BUDGET, RecurringStatementNames } from "../../src/db/statements.js";

// Which SQL texts a pool sends to PostgreSQL as named (prepared) statements (src/db/statements.ts).

const text = (label: string) => `SELECT 1 AS "${label}-${randomUUID()}" WHERE $1::int > 0`;

describe("RecurringStatementNames", () => {
  it("sends a text unnamed the first time and by one name from its second time on", () => {
    const names = new RecurringStatementNames();
    const sql = text("recurs");
    expect(names.nameOf(sql)).toBeUndefined();
    const name = names.nameOf(sql);
    expect(name).toMatch(/^copydesk_[0-9a-f]{40}$/);
    expect(name?.length).toBeLessThanOrEqual(63);
    expect(names.nameOf(sql)).toBe(name);
    // An equal string built apart (as Prisma builds each statement's text) finds the same name.
    expect(names.nameOf(sql.slice(0, 10) + sql.slice(10))).toBe(name);
  });

  it("gives two texts two names, and never names a text sent once", () => {
    const names = new RecurringStatementNames();
    const [a, b, once] = [text("a"), text("b"), text("once")];
    for (const sql of [a, b, a, b]) names.nameOf(sql);
    expect(names.nameOf(a)).not.toBe(names.nameOf(b));
    expect(names.nameOf(once)).toBeUndefined();
  });

  it("names no text past its budget of SQL characters, and keeps the names it gave", () => {
    const first = text("first");
    const names = new RecurringStatementNames(first.length + 10);
    names.nameOf(first);
    const name = names.nameOf(first);
    expect(name).toBeDefined();
    const second = text("second");
    names.nameOf(second);
    expect(names.nameOf(second)).toBeUndefined();
    expect(names.nameOf(first)).toBe(name);
    const huge = text("huge") + " ".repeat(PREPARED_STATEMENT_TEXT_BUDGET);
    const fresh = new RecurringStatementNames();
    fresh.nameOf(huge);
    expect(fresh.nameOf(huge)).toBeUndefined();
  });
});
