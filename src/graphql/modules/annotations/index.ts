import type { GraphQLModule } from "../../module.js";
import * as commands from "../../../domain/annotations/commands.js";
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
    "Mutation.createAnnotation": commands.createAnnotation.action,
    "Mutation.replyToAnnotation": commands.replyToAnnotation.action,
    "Mutation.updateAnnotation": commands.updateAnnotation.action,
    "Mutation.resolveAnnotation": commands.resolveAnnotation.action,
    "Mutation.reopenAnnotation": commands.reopenAnnotation.action,
    "Mutation.deleteAnnotation": commands.deleteAnnotation.action,
    "Mutation.createClaimReview": commands.createClaimReview.action,
    "Mutation.reanchorAnnotation": commands.reanchorAnnotation.action,
  },
  loaders: createAnnotationLoaders,
} satisfies GraphQLModule;
