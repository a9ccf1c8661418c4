/**
 * Lints the GraphQL schema (the SDL under src/) with @graphql-eslint's schema rules, run by
 * `npm run lint:schema` and in CI. The rule set is the plugin's recommended and Relay schema rules,
 * with these decisions of ours:
 * - every type, field, argument, input field and enum value has a description (require-description);
 * - enum values are UPPER_CASE except two deliberate exceptions whose values are an outside
 *   vocabulary: AnnotationMotivation (the W3C Web Annotation motivations) and IncidentType (the
 *   ACLED-style event types of the extraction contract and the CSV export);
 * - types get block descriptions and fields inline ones, so description-style is off;
 * - value types (spans, counts, payloads, edges) have no identity: only entities implement Node,
 *   so strict-id-in-types is off, and an edge's node need not be a Node (a search hit, a link);
 * - lists page forward only (`first` and `after`, at most 100), so relay-arguments is off.
 */
import graphqlPlugin from "@graphql-eslint/eslint-plugin";

const recommended = graphqlPlugin.configs["flat/schema-recommended"].rules;
const relay = graphqlPlugin.configs["flat/schema-relay"].rules;
const { EnumValueDefinition: _enumValues, ...naming } = recommended["@graphql-eslint/naming-convention"][1];
const UPPER_CASE_ENUMS = "EnumValueDefinition[parent.name.value!=AnnotationMotivation][parent.name.value!=IncidentType]";

export default [
  {
    files: ["src/**/*.graphql"],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: "src/**/*.graphql" } } },
    plugins: { "@graphql-eslint": graphqlPlugin },
    rules: {
      ...recommended,
      ...relay,
      "@graphql-eslint/require-description": [
        "error",
        { types: true, rootField: true, FieldDefinition: true, InputValueDefinition: true, EnumValueDefinition: true, DirectiveDefinition: true },
      ],
      "@graphql-eslint/naming-convention": ["error", { ...naming, [UPPER_CASE_ENUMS]: "UPPER_CASE" }],
      "@graphql-eslint/description-style": "off",
      "@graphql-eslint/strict-id-in-types": "off",
      "@graphql-eslint/relay-arguments": "off",
      "@graphql-eslint/relay-edge-types": ["error", { withEdgeSuffix: true, shouldImplementNode: false, listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
