/**
 * One example query of the README's "First queries" section, as the playground shows it. Kept free
 * of Node imports: the browser bundle (src/playground/browser) imports this type too.
 */
export interface PlaygroundExample {
  /** The operation name (`query OneStory` gives `OneStory`); also the tab title in GraphiQL. */
  readonly name: string;
  /** The lowest role the query needs (`# role: REPORTER` in the block); VIEWER when unmarked. */
  readonly role: "VIEWER" | "REPORTER" | "EDITOR" | "ADMIN";
  /** The README's paragraph just before the block: what the query is for. */
  readonly description: string;
  /** The GraphQL document, exactly as the README has it. */
  readonly query: string;
}
