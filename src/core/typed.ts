/** A row tagged with the GraphQL object type it resolves to, for interfaces and unions. */
export type Typed<Row, TypeName extends string> = Row & { readonly __typename: TypeName };

/** Tags a row with its GraphQL type (what `resolveTaggedType` reads). */
export function typed<Row extends object, TypeName extends string>(typeName: TypeName, row: Row): Typed<Row, TypeName> {
  return { ...row, __typename: typeName };
}

/** `__resolveType` of every interface and union: the tag {@link typed} put on the row. */
export function resolveTaggedType<TypeName extends string>(value: object): TypeName {
  const tag = (value as { __typename?: TypeName }).__typename;
  if (!tag) throw new Error("An interface or union value was not tagged with its type; wrap it with typed().");
  return tag;
}
