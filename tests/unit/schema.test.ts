import fs from "node:fs";
import path from "node:path";
import { buildSchema as parseSDL, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { printedSchema } from "../../src/graphql/print.js";

const committed = fs.readFileSync(path.resolve(import.meta.dirname, "../../schema.graphql"), "utf8");

describe("the printed schema.graphql", () => {
  it("is in step with the SDL in src/ (run `npm run schema:print` after changing it)", () => {
    expect(printedSchema()).toBe(committed);
  });

  it("documents every type, field, argument and enum value", () => {
    const schema = parseSDL(committed);
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
    }
    expect(undocumented).toEqual([]);
  });
});
