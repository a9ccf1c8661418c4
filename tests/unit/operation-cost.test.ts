import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_COST, operationCost } from "../../src/graphql/limits.js";

// operationCost remembers a document's cost per value of its `first` variables (Apollo hands the
// same DocumentNode to every request with the same text): the remembered cost must follow the
// variables, never the first request's.

const schema = buildSchema(fs.readFileSync(path.resolve(import.meta.dirname, "../../schema.graphql"), "utf8"));
const nested = parse(`query($n: Int, $m: Int) { articles(first: $n) { edges { node { quotes(first: $m) { edges { node { text } } } } } } }`);

describe("operationCost on one document object", () => {
  it("grows with each variable, whatever was asked before", () => {
    const small = operationCost(schema, nested, { n: 2, m: 2 });
    const wider = operationCost(schema, nested, { n: 20, m: 2 });
    const deeper = operationCost(schema, nested, { n: 20, m: 5 });
    expect(small).toBeGreaterThan(0);
    expect(wider).toBeGreaterThan(small);
    expect(deeper).toBeGreaterThan(wider);
    expect(operationCost(schema, nested, { n: 2, m: 2 })).toBe(small);
  });

  it("refuses a value over the limit after accepting a small one, and accepts the small one again", () => {
    expect(operationCost(schema, nested, { n: 3, m: 3 })).toBeLessThan(MAX_COST);
    expect(() => operationCost(schema, nested, { n: 1000, m: 1000 })).toThrow(/cost limit/);
    expect(() => operationCost(schema, nested, { n: 1000, m: 1000 })).toThrow(/cost limit/);
    expect(operationCost(schema, nested, { n: 3, m: 3 })).toBeLessThan(MAX_COST);
  });

  it("reads a missing or non-integer `first` as the default page, like the uncached rule", () => {
    const fresh = () => parse(`query($n: Int, $m: Int) { articles(first: $n) { edges { node { quotes(first: $m) { edges { node { text } } } } } } }`);
    expect(operationCost(schema, nested, {})).toBe(operationCost(schema, fresh(), {}));
    expect(operationCost(schema, nested, { n: "7", m: 1.5 })).toBe(operationCost(schema, fresh(), {}));
    expect(operationCost(schema, nested, { n: 7 })).toBe(operationCost(schema, fresh(), { n: 7 }));
  });

  it("keeps answering correctly past the number of values it remembers", () => {
    for (let n = 1; n <= 100; n++) expect(operationCost(schema, nested, { n, m: 1 })).toBe(operationCost(schema, parse(`query($n: Int) { articles(first: $n) { edges { node { quotes(first: 1) { edges { node { text } } } } } } }`), { n }));
  });
});
