import { MapperKind, mapSchema } from "@graphql-tools/utils";
import type { GraphQLFieldResolver, GraphQLSchema } from "graphql";
import type { ConnectionPage } from "../core/paging.js";

/** A connection's count: the page's thunk, run now that the field is selected. */
const resolveTotalCount: GraphQLFieldResolver<Pick<ConnectionPage<unknown>, "totalCount">, unknown> = (page) => page.totalCount();

/**
 * Gives every connection type's `totalCount` the resolver that runs its page's count thunk, in
 * this one place. graphql-js's default resolver calls a function-valued property by itself;
 * graphql-jit (src/graphql/jit.ts) reads the property as it is, so the call must be a resolver.
 */
export function resolveTotalCounts(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) =>
      fieldName === "totalCount" && typeName.endsWith("Connection") && !field.resolve ? { ...field, resolve: resolveTotalCount } : field,
  });
}

