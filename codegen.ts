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
        scalars: { DateTime: "Date", Date: "Date", JSON: "unknown" },
        enumsAsTypes: true,
        contextType: "../graphql/context.js#GraphQLContext",
        mapperTypeSuffix: "Model",
        mappers: {
          Article: "../modules/articles/record.js#ArticleRecord",
          ArticleRevision: "./prisma/client.js#ArticleRevision",
          Correction: "./prisma/client.js#Correction",
          Quote: "./prisma/client.js#Quote",
          Person: "./prisma/client.js#Person",
          PersonRole: "./prisma/client.js#PersonRole",
          Organization: "./prisma/client.js#Organization",
          Place: "./prisma/client.js#Place",
          Incident: "./prisma/client.js#Incident",
          IncidentMention: "./prisma/client.js#IncidentMention",
          EntityMention: "./prisma/client.js#EntityMention",
          Annotation: "./prisma/client.js#Annotation",
          ClaimReview: "./prisma/client.js#ClaimReview",
          User: "./prisma/client.js#User",
          AuditEvent: "./prisma/client.js#AuditEvent",
          ArticleConnection: "../graphql/connection.js#ConnectionPage<ArticleRecordModel>",
          ArticleRevisionConnection: "../graphql/connection.js#ConnectionPage<ArticleRevisionModel>",
          CorrectionConnection: "../graphql/connection.js#ConnectionPage<CorrectionModel>",
          QuoteConnection: "../graphql/connection.js#ConnectionPage<QuoteModel>",
          PersonConnection: "../graphql/connection.js#ConnectionPage<PersonModel>",
          OrganizationConnection: "../graphql/connection.js#ConnectionPage<OrganizationModel>",
          PlaceConnection: "../graphql/connection.js#ConnectionPage<PlaceModel>",
          IncidentConnection: "../graphql/connection.js#ConnectionPage<IncidentModel>",
          IncidentMentionConnection: "../graphql/connection.js#ConnectionPage<IncidentMentionModel>",
          EntityMentionConnection: "../graphql/connection.js#ConnectionPage<EntityMentionModel>",
          AnnotationConnection: "../graphql/connection.js#ConnectionPage<AnnotationModel>",
          ClaimReviewConnection: "../graphql/connection.js#ConnectionPage<ClaimReviewModel>",
          AuditEventConnection: "../graphql/connection.js#ConnectionPage<AuditEventModel>",
          ApiToken: "../modules/auth/mutations.js#ApiTokenWithUser",
          ApiTokenConnection: "../graphql/connection.js#ConnectionPage<ApiTokenWithUserModel>",
          SearchHitConnection: "../modules/search/service.js#SearchPage",
          SearchHit: "../modules/search/service.js#SearchHitValue",
          LinkedQuote: "../modules/quotes/loaders.js#LinkedQuoteValue",
          LinkedQuoteConnection: "../graphql/connection.js#ConnectionPage<LinkedQuoteValueModel>",
          PersonRoleConnection: "../graphql/connection.js#ConnectionPage<PersonRoleModel>",
          SpeakerQuoteCount: "../modules/dashboard/service.js#SpeakerQuoteCountValue",
          OrganizationQuoteCount: "../modules/dashboard/service.js#OrganizationQuoteCountValue",
          IncidentPlaceBucket: "../modules/dashboard/service.js#IncidentPlaceBucketValue",
          TextSpan: "../graphql/span.js#TextSpanValue",
          AnnotationEvent: "../modules/subscriptions/service.js#AnnotationEventValue",
          ArticleChange: "../modules/subscriptions/service.js#ArticleChangeValue",
          SuggestionsCreated: "../modules/subscriptions/service.js#SuggestionsCreatedValue",
          Suggestion: "../modules/ingest/suggestions.js#SuggestionValue",
          SuggestionConnection: "../graphql/connection.js#ConnectionPage<SuggestionValueModel>",
          ReviewQueueChange: "../modules/subscriptions/service.js#ReviewQueueChangeValue",
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: "T | null",
      },
    },
  },
};

export default config;
