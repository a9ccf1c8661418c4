/**
 * GraphQL Code Generator: resolver types from the SDL in src/, mapped to the Prisma models the
 * resolvers actually receive as parents. Run by `npm run build` (`npm run codegen` alone).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: ["src/graphql/*.graphql", "src/graphql/modules/*/schema.graphql"],
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
          Article: "../domain/articles/record.js#ArticleRecord",
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
          User: "../domain/visibility/users.js#VisibleUser",
          AuditEvent: "./prisma/client.js#AuditEvent",
          ArticleConnection: "../core/paging.js#ConnectionPage<ArticleRecordModel>",
          ArticleRevisionConnection: "../core/paging.js#ConnectionPage<ArticleRevisionModel>",
          CorrectionConnection: "../core/paging.js#ConnectionPage<CorrectionModel>",
          QuoteConnection: "../core/paging.js#ConnectionPage<QuoteModel>",
          PersonConnection: "../core/paging.js#ConnectionPage<PersonModel>",
          OrganizationConnection: "../core/paging.js#ConnectionPage<OrganizationModel>",
          PlaceConnection: "../core/paging.js#ConnectionPage<PlaceModel>",
          IncidentConnection: "../core/paging.js#ConnectionPage<IncidentModel>",
          IncidentMentionConnection: "../core/paging.js#ConnectionPage<IncidentMentionModel>",
          EntityMentionConnection: "../core/paging.js#ConnectionPage<EntityMentionModel>",
          AnnotationConnection: "../core/paging.js#ConnectionPage<AnnotationModel>",
          ClaimReviewConnection: "../core/paging.js#ConnectionPage<ClaimReviewModel>",
          AuditEventConnection: "../core/paging.js#ConnectionPage<AuditEventModel>",
          ApiToken: "../domain/auth/service.js#ApiTokenWithUser",
          ApiTokenConnection: "../core/paging.js#ConnectionPage<ApiTokenWithUserModel>",
          SearchHitConnection: "../domain/search/service.js#SearchPage",
          SearchHit: "../domain/search/service.js#SearchHitValue",
          LinkedQuote: "../domain/quotes/loaders.js#LinkedQuoteValue",
          LinkedQuoteConnection: "../core/paging.js#ConnectionPage<LinkedQuoteValueModel>",
          PersonRoleConnection: "../core/paging.js#ConnectionPage<PersonRoleModel>",
          SpeakerQuoteCount: "../domain/dashboard/service.js#SpeakerQuoteCountValue",
          OrganizationQuoteCount: "../domain/dashboard/service.js#OrganizationQuoteCountValue",
          IncidentPlaceBucket: "../domain/dashboard/service.js#IncidentPlaceBucketValue",
          TextSpan: "../core/span.js#TextSpanValue",
          AnnotationEvent: "../domain/subscriptions/service.js#AnnotationEventValue",
          ArticleChange: "../domain/subscriptions/service.js#ArticleChangeValue",
          SuggestionsCreated: "../domain/subscriptions/service.js#SuggestionsCreatedValue",
          Suggestion: "../domain/ingest/suggestions.js#SuggestionValue",
          SuggestionConnection: "../core/paging.js#ConnectionPage<SuggestionValueModel>",
          ReviewQueueChange: "../domain/subscriptions/service.js#ReviewQueueChangeValue",
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: "T | null",
      },
    },
  },
};

export default config;
