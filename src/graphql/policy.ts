import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLSchema } from "graphql";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { may, ruleOf, type Action } from "../core/policy.js";
import type { Role } from "../generated/prisma/enums.js";
import type { GraphQLContext } from "./context.js";
import { ErrorCode } from "./errors.js";

/**
 * What a module guards, by schema coordinate: `Type.field` (a field, a mutation) or `Type` (every
 * field of the type), each with the policy action (src/core/policy.ts) whose role may read or run
 * it. The role itself is stated only in the policy table; mutations name their command's own
 * action (`createArticle.action`), so the API and the domain refuse the same actors.
 */
export type Guards = Readonly<Record<string, Action>>;

/** The error a viewer gets for a field above their role. */
export function forbidden(role: Role): GraphQLError {
  return new GraphQLError(`This needs the ${role} role or above. Send a token of such a user in the Authorization header.`, {
    extensions: { code: ErrorCode.FORBIDDEN, requiredRole: role },
  });
}

/** FORBIDDEN (as a GraphQL error) unless the viewer may do `action`. */
export function guard(context: Pick<GraphQLContext, "viewer">, action: Action): void {
  if (!may(context.viewer, action)) throw forbidden(ruleOf(action).role);
}

/**
 * Enforces the guards: each guarded field checks the viewer's role before its resolver runs, so
 * no SQL runs for a refused field. A field guarded on its own and through its type needs both.
 * Throws at start-up for a guard that names no field or type, so a renamed field cannot drop
 * its guard silently.
 */
export function applyGuards(schema: GraphQLSchema, guards: Guards): GraphQLSchema {
  for (const coordinate of Object.keys(guards)) {
    const [typeName, fieldName] = coordinate.split(".") as [string, string | undefined];
    const type = schema.getType(typeName);
    if (!isObjectType(type) || (fieldName !== undefined && !type.getFields()[fieldName])) {
      throw new Error(`A guard names ${coordinate}, which the schema does not have.`);
    }
  }
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const actions = [guards[typeName], guards[`${typeName}.${fieldName}`]].filter((action): action is Action => action !== undefined);
      if (actions.length === 0) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(parent, args, context: GraphQLContext, info) {
          for (const action of actions) guard(context, action);
          return resolve(parent, args, context, info);
        },
      };
    },
  });
}
