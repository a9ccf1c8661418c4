import { describe, expect, it } from "vitest";
import { projectExamples, readmeExamples, ReadmeExamplesError } from "../../src/playground/examples.js";

// The README's "First queries" blocks are the one list of example queries (README test and
// playground): how they are read, and what makes the build fail rather than ship a broken list.

function readme(section: string): string {
  return `# x\n\nIntro.\n\n## First queries\n\n${section}\n## Tokens\n\n\`\`\`graphql\nquery NotAnExample { x }\n\`\`\`\n`;
}

describe("readmeExamples", () => {
  it("reads each block with its name, role and introducing sentence, only from the section", () => {
    const examples = readmeExamples(
      readme("Paste these.\n\nOne story:\n\n```graphql\nquery OneStory {\n  a\n}\n```\n\nThe desk,\nfor reporters:\n\n```graphql\n# role: REPORTER\nquery Queue { b }\n```\n"),
    );
    expect(examples).toEqual([
      { name: "OneStory", role: "VIEWER", description: "One story:", query: "query OneStory {\n  a\n}\n" },
      { name: "Queue", role: "REPORTER", description: "The desk, for reporters:", query: "# role: REPORTER\nquery Queue { b }\n" },
    ]);
  });

  it.each([
    ["no section", "# x\n\n## Other\n", /no "## First queries" section/],
    ["no blocks", readme("Nothing here.\n"), /has no graphql blocks/],
    ["an anonymous block", readme("```graphql\n{ a }\n```\n"), /#1 has no operation name/],
    ["a repeated name", readme("```graphql\nquery A { a }\n```\n\n```graphql\nquery A { b }\n```\n"), /two examples named A/],
    ["an unknown role", readme("```graphql\n# role: INTERN\nquery A { a }\n```\n"), /unknown role "INTERN"/],
  ])("refuses %s", (_case, markdown, message) => {
    expect(() => readmeExamples(markdown)).toThrow(ReadmeExamplesError);
    expect(() => readmeExamples(markdown)).toThrow(message);
  });

  it("finds the project README's examples, the seed story's first", () => {
    const examples = projectExamples();
    expect(examples.length).toBeGreaterThanOrEqual(7);
    expect(examples[0]?.name).toBe("OneStory");
    expect(examples[0]?.query).toContain('article(slug: "basra-consulate-2018")');
  });
});
