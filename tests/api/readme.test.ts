import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectExamples } from "../../src/playground/examples.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { operationsOn } from "../support/graphql.js";
import { parse } from "graphql";
import { sqlAnswererOf } from "../../src/graphql/answer.js";
import { createContext } from "../../src/graphql/context.js";
import { buildSchema } from "../../src/graphql/schema.js";
import { countStatements } from "../../src/db/statements.js";

// Every GraphQL block of the README's "First queries" section runs against the example story, so
// the README cannot go stale: no errors, and every root field answers something. The same blocks
// are the playground's example tabs (src/playground/examples.ts reads them for both).

const examples = projectExamples();

describe("the README's first queries", () => {
  let db: TestDatabase;
  const { run, runOk } = operationsOn(() => db);
  beforeAll(async () => {
    db = await createTestDatabase({ exampleStory: true });
    await seedExampleStory(db.prisma);
  });
  afterAll(async () => {
    await db.close();
  });

  it("are there", () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples.map((example) => [example.name, example] as const))("%s answers on the example story", async (_name, example) => {
    const data = await runOk(example.role, example.query);
    for (const [field, value] of Object.entries(data ?? {})) {
      expect(value, field).not.toBeNull();
      if (Array.isArray(value)) expect(value.length, field).toBeGreaterThan(0);
    }
  });

  it("the incidents of 2018 are all 6 of the example story, the 3 undated ones last", async () => {
    const query = examples.find((example) => example.name === "Incidents2018")?.query ?? "";
    const data = (await runOk("VIEWER", query)) as { incidents: { totalCount: number; edges: { node: { date: string | null; dateRange: { earliest: string | null } | null } }[] } };
    expect(data.incidents.totalCount).toBe(6);
    const dated = data.incidents.edges.map((edge) => edge.node.date !== null || (edge.node.dateRange?.earliest ?? null) !== null);
    expect(dated).toEqual([true, true, true, false, false, false]);
  });

  it("the month and place charts of one filter count the same incidents and casualties", async () => {
    const query = examples.find((example) => example.name === "IncidentCharts")?.query ?? "";
    type Bucket = { incidents: number; fatalitiesMin: number; fatalitiesMax: number };
    const data = (await runOk("VIEWER", query)) as { incidentsByMonth: Bucket[]; incidentsByPlace: Bucket[]; everyIncidentByPlace: { incidents: number }[] };
    const total = (buckets: readonly Bucket[], field: keyof Bucket) => buckets.reduce((sum, bucket) => sum + bucket[field], 0);
    for (const field of ["incidents", "fatalitiesMin", "fatalitiesMax"] as const) {
      expect(total(data.incidentsByPlace, field), field).toBe(total(data.incidentsByMonth, field));
    }
    expect(total(data.incidentsByMonth, "incidents")).toBe(3);
    expect(data.everyIncidentByPlace.reduce((sum, bucket) => sum + bucket.incidents, 0)).toBe(6);
  });

  it("the dashboard query sends 3 SQL statements (the articles, everything under them, and the body of the story, which has no headline)", async () => {
    const dashboard = examples.find((example) => example.name === "Dashboard");
    const result = await run("VIEWER", dashboard?.query ?? "");
    expect(result.statements).toHaveLength(3);
  });

  it("the server answers the dashboard query from ONE SQL statement (src/graphql/answer.ts), with the resolvers' answer", async () => {
    const dashboard = examples.find((example) => example.name === "Dashboard");
    const answerer = sqlAnswererOf(buildSchema());
    const context = createContext(db.prisma, { role: "VIEWER", userId: null, tokenId: null }, "test");
    const { result, statements } = await countStatements(() => answerer!.answer(parse(dashboard?.query ?? ""), undefined, {}, context));
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(result?.data)).toBe(JSON.stringify((await run("VIEWER", dashboard?.query ?? "")).data));
  });
});
