import { lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "./schema.js";

/** The GraphQL contract as committed in schema.graphql: the whole schema, sorted, with its docs. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}
