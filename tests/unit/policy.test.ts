import fs from "node:fs";
import path from "node:path";
import { isEnumType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { ANONYMOUS_ACTOR, type Actor } from "../../src/core/actor.js";
import { command } from "../../src/core/command.js";
import { DomainFailure, FAILURE_CODES } from "../../src/core/failure.js";
import { authorize, may, POLICY, type Action } from "../../src/core/policy.js";
import type { Session } from "../../src/core/session.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { buildSchema } from "../../src/graphql/schema.js";
import { MODULES } from "../../src/graphql/registry.js";

const ROLES: readonly Role[] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];
const actorWith = (role: Role): Actor => ({ role, userId: null, tokenId: null });
const guards = new Map<string, Action>(MODULES.flatMap((module) => Object.entries(module.guards as Readonly<Record<string, Action>>)));

describe("the policy table", () => {
  it("lets each action's role and the roles above it, and refuses the roles below with FORBIDDEN", () => {
    for (const [action, rule] of Object.entries(POLICY) as [Action, (typeof POLICY)[Action]][]) {
      const lowest = ROLES.indexOf(rule.role);
      ROLES.forEach((role, rank) => {
        expect(may(actorWith(role), action), `${role} ${action}`).toBe(rank >= lowest);
        if (rank < lowest) {
          expect(() => authorize(actorWith(role), action)).toThrow(DomainFailure);
        }
      });
    }
  });

  it("authorizes a command before it runs, with the policy's message", async () => {
    let ran = false;
    const publish = command("article.publish", async () => {
      ran = true;
    });
    const session = { viewer: actorWith("REPORTER") } as Session;
    await expect(publish(session, {})).rejects.toMatchObject({
      reasons: [{ code: "FORBIDDEN", message: "Only editors and above may publish articles. Send the token of such a user." }],
    });
    expect(ran).toBe(false);
    await publish({ viewer: actorWith("EDITOR") } as Session, {});
    expect(ran).toBe(true);
    expect(publish.action).toBe("article.publish");
  });
});

describe("the API's guards and the policy table", () => {
  const schema = buildSchema();

  it("guard every mutation, each with the action of the command it runs", () => {
    const mutation = schema.getMutationType();
    if (!mutation) throw new Error("no Mutation type");
    const unguarded = Object.keys(mutation.getFields()).filter((field) => !guards.has(`Mutation.${field}`));
    expect(unguarded).toEqual([]);
  });

  it("name only coordinates the schema has (a renamed field cannot drop its guard)", () => {
    for (const coordinate of guards.keys()) {
      const [typeName, fieldName] = coordinate.split(".") as [string, string | undefined];
      const type = schema.getType(typeName);
      expect(isObjectType(type), coordinate).toBe(true);
      if (fieldName && isObjectType(type)) expect(type.getFields()[fieldName], coordinate).toBeDefined();
    }
  });

  it("refuse an anonymous viewer every guarded field whose action needs a role", () => {
    for (const action of new Set(guards.values())) expect(may(ANONYMOUS_ACTOR, action), action).toBe(false);
  });

  it("report the domain's failure codes as the MutationErrorCode values of the same names", () => {
    const codes = schema.getType("MutationErrorCode");
    if (!isEnumType(codes)) throw new Error("MutationErrorCode is not an enum");
    expect(codes.getValues().map((value) => value.name).sort()).toEqual([...FAILURE_CODES].sort());
  });
});

describe("role rules", () => {
  const sourceFiles = (directory: string): string[] =>
    fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
      return entry.name.endsWith(".ts") ? [full] : [];
    });
  const source = path.resolve(import.meta.dirname, "../../src");

  it("are stated only in the policy table: no role comparison anywhere else in src/", () => {
    const offenders = sourceFiles(source)
      .filter((file) => !file.endsWith(path.join("core", "policy.ts")) && !file.endsWith(path.join("core", "actor.ts")))
      .filter((file) => /\bhasRole\(|\brequireRole\(/.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(source, file));
    expect(offenders).toEqual([]);
  });

  it("are not written on SDL fields: @requiresRole is applied from the policy table", () => {
    const sdl = MODULES.map((module) => fs.readFileSync(path.join(source, "graphql", "modules", module.name, "schema.graphql"), "utf8")).join("\n");
    expect(sdl.match(/@requiresRole\(\s*role:/g) ?? []).toEqual([]);
  });
});
