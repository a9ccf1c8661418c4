/**
 * GraphQL Code Generator: resolver types from the SDL in src/, mapped to the Prisma models the
 * resolvers actually receive as parents. Run by `npm run build` (`npm run codegen` alone).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: ["src/graphql/*.graphql", "src/modules/*/schema.graphql"],
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: "Date", Date: "Date" },
        enumsAsTypes: true,
        contextType: "../graphql/context.js#GraphQLContext",
        mapperTypeSuffix: "Model",
        mappers: {
          Article: "./prisma/client.js#Article",
          Quote: "./prisma/client.js#Quote",
          Person: "./prisma/client.js#Person",
          ArticleConnection: "../graphql/connection.js#ConnectionPage<ArticleModel>",
          TextSpan: "../graphql/span.js#TextSpanValue",
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: "T | null",
      },
    },
  },
};

export default config;
