import type { PlaygroundExample } from "../example.ts";

declare global {
  /** The README's example queries, replaced by the bundler with their JSON (scripts/build-playground.ts). */
  const COPYDESK_EXAMPLES: readonly PlaygroundExample[];
}
