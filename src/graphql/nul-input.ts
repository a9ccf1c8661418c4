import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from "graphql";
import { ErrorCode } from "./errors.js";

// NUL (U+0000) is the one character PostgreSQL cannot keep in text (SQLSTATE 22021): a string
// holding it failed deep in a statement, as an internal error with an error-level log line, and
// any anonymous client could flood the log with them. No copydesk field has a use for it, so it
// is refused once for every operation, before any resolver runs, instead of in each resolver.

/** Literal arguments with a NUL, per parsed document (Apollo keeps one document per query text). */
const literalFindings = new WeakMap<DocumentNode, string | null>();

/** The path (`argument.field`) of the first string value holding a NUL in a literal, or null. */
function nulInLiteral(value: ValueNode, path: string): string | null {
  switch (value.kind) {
    case Kind.STRING:
      return value.value.includes("\u0000") ? path : null;
    case Kind.LIST:
      for (const [index, item] of value.values.entries()) {
        const found = nulInLiteral(item, `${path}[${index}]`);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of value.fields) {
        const found = nulInLiteral(field.value, `${path}.${field.name.value}`);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

function nulInDocument(document: DocumentNode): string | null {
  const known = literalFindings.get(document);
  if (known !== undefined) return known;
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      found ??= nulInLiteral(node.value, node.name.value);
      return found ? false : undefined;
    },
  });
  literalFindings.set(document, found);
  return found;
}

/** The path of the first string holding a NUL in a variable's value (`input.headline`, `ids[2]`), or null. */
function nulInValue(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulInValue(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulInValue(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * BAD_USER_INPUT (HTTP 400) naming the argument or input field whose string holds a NUL, in the
 * document's literals or in the variables; null when there is none. The same check runs for HTTP
 * requests and WebSocket subscriptions.
 */
export function nulInputError(document: DocumentNode, variables: Readonly<Record<string, unknown>>): GraphQLError | null {
  let field = nulInDocument(document);
  for (const [name, value] of Object.entries(variables)) {
    if (field) break;
    field = nulInValue(value, name);
  }
  if (!field) return null;
  return new GraphQLError(`${field} contains a NUL character (U+0000), which no field accepts: remove it.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument: field, http: { status: 400 } },
  });
}
