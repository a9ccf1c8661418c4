/**
 * GraphQL Code Generator for the typed client example: the client preset reads the operations in
 * examples/typed-client/*.ts against the committed schema.graphql (the contract clients see)
 * and writes typed documents to examples/typed-client/gql/ (not committed: generate it with
 * `npm run example:codegen`). Paths are relative to the repository root.
 *
 * COPYDESK_EXAMPLE_SCHEMA and COPYDESK_EXAMPLE_OUT point it at another schema or output folder
 * (tests/export/typed-client.test.ts checks that a schema without a field the example reads fails).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: process.env["COPYDESK_EXAMPLE_SCHEMA"] ?? "schema.graphql",
  documents: ["examples/typed-client/*.ts", "!examples/typed-client/codegen.ts"],
  ignoreNoDocuments: false,
  generates: {
    [process.env["COPYDESK_EXAMPLE_OUT"] ?? "examples/typed-client/gql/"]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // As the JSON response carries them.
        scalars: { DateTime: "string", Date: "string", JSON: "unknown" },
        // ESM with NodeNext resolution needs the .js in relative imports.
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
