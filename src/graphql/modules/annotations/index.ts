import type { GraphQLModule } from "../../module.js";
import { createAnnotationLoaders } from "../../../domain/annotations/loaders.js";
import { annotationResolvers } from "./resolvers.js";

/** The annotations module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const annotationsModule = {
  name: "annotations",
  resolvers: annotationResolvers,
  guards: {
    "Annotation": "annotation.read",
    "Article.annotations": "annotation.read",
    "Quote.annotations": "annotation.read",
    "Query.annotations": "annotation.read",
    "Mutation.createAnnotation": "annotation.create",
    "Mutation.replyToAnnotation": "annotation.reply",
    "Mutation.updateAnnotation": "annotation.update",
    "Mutation.resolveAnnotation": "annotation.resolve",
    "Mutation.reopenAnnotation": "annotation.reopen",
    "Mutation.deleteAnnotation": "annotation.delete",
    "Mutation.createClaimReview": "claimReview.create",
    "Mutation.reanchorAnnotation": "annotation.reanchor",
  },
  loaders: createAnnotationLoaders,
} satisfies GraphQLModule;
