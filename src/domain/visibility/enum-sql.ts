import { Prisma } from "../../db/index.js";

/** The enum types of the schema that SQL conditions compare with. */
type ComparedEnum = "ArticleStatus" | "ReviewStatus" | "IncidentType";

/** An enum label as the schema spells them (PUBLISHED, IN_REVIEW): the only text {@link enumIn} writes into SQL. */
const ENUM_LABEL = /^[A-Z][A-Z_]*$/;

/**
 * `column IN (values)` over an enum column, the values written as literals of the column's type.
 * They are the policy's constants (the statuses a role may see), never a client's input, and are
 * checked to be enum labels before they reach the SQL.
 *
 * Why literals of the enum: compared as text (`column::text IN ($1, ...)`), a visibility filter
 * that keeps 95% of the articles was estimated to keep 1.5%, so a page of 20 read and sorted every
 * article instead of walking the list's index; compared with bound parameters of the enum type,
 * PostgreSQL's plan cache found its generic plan of a dashboard statement costlier than the custom
 * ones and planned the statement again at every execution (several milliseconds each). Literals
 * give the same estimate to every plan of the statement.
 */
export function enumIn(column: Prisma.Sql, values: readonly string[], type: ComparedEnum): Prisma.Sql {
  if (values.length === 0) return Prisma.sql`FALSE`;
  for (const value of values) if (!ENUM_LABEL.test(value)) throw new Error(`Not a ${type} label: ${JSON.stringify(value)}.`);
  return Prisma.sql`${column} IN (${Prisma.raw(values.map((value) => `'${value}'::"${type}"`).join(", "))})`;
}

/**
 * `column IN (values)` over an enum column for values a client gave (a filter's types, already
 * checked against the GraphQL enum): each one a bound parameter cast to the column's type. Not as
 * text (`column::text IN (...)`), which paid the enum's output function on every row read (the
 * larger half of Q3's statement, bench/results/ab-q3-incidents.md); not as literals, which made
 * PostgreSQL plan the incidents' statement again at every execution.
 */
export function enumInParameters(column: Prisma.Sql, values: readonly string[], type: ComparedEnum): Prisma.Sql {
  if (values.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column} IN (${Prisma.join(values.map((value) => Prisma.sql`${value}::${Prisma.raw(`"${type}"`)}`))})`;
}
