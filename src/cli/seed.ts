import { withDatabase, type Work } from "./command.js";

/** Usage line of `seed`. */
export const SEED_USAGE = "  seed              load the example story unless it is already there";

/** `seed`: loads the example story once. */
export function seedCommand(): Work {
  return () =>
    withDatabase(async (database) => {
      const { seedExampleStory } = await import("../seed/example-story.js");
      const result = await seedExampleStory(database.prisma);
      process.stdout.write(result.created ? "Loaded the example story basra-consulate-2018.\n" : "The example story is already loaded.\n");
      return 0;
    });
}
