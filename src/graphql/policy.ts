import { getDirective, MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, GraphQLError, type GraphQLSchema } from "graphql";
import type { Role } from "../generated/prisma/enums.js";
import type { GraphQLContext } from "./context.js";
import { ErrorCode } from "./errors.js";
import { hasRole } from "../core/actor.js";

const DIRECTIVE = "requiresRole";

/** The error a viewer gets for a field above their role. */
export function forbidden(role: Role): GraphQLError {
  return new GraphQLError(`This needs the ${role} role or above. Send a token of such a user in the Authorization header.`, {
    extensions: { code: ErrorCode.FORBIDDEN, requiredRole: role },
  });
}

/**
 * Enforces `@requiresRole` on every field that carries it, or whose type carries it: the check
 * runs before the field's resolver, so no SQL runs for a refused field. Services check roles
 * again for what they change; this is the read-side gate.
 */
export function applyRoleDirective(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, _fieldName, typeName) => {
      const onField = getDirective(schema, field, DIRECTIVE)?.[0];
      const objectType = schema.getType(typeName);
      const onType = objectType ? getDirective(schema, objectType, DIRECTIVE)?.[0] : undefined;
      const role = (onField?.["role"] ?? onType?.["role"]) as Role | undefined;
      if (!role) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(parent, args, context: GraphQLContext, info) {
          if (!hasRole(context.viewer, role)) throw forbidden(role);
          return resolve(parent, args, context, info);
        },
      };
    },
  });
}
