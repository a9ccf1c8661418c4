import { describe, expect, it } from "vitest";
import { roleWithArticle } from "../../src/cli/token.js";

describe("the token command's wording", () => {
  it("names each role with its article, as `token create` prints it", () => {
    expect(["VIEWER", "REPORTER", "EDITOR", "ADMIN"].map((role) => `Created ${roleWithArticle(role as "VIEWER")} token`)).toEqual([
      "Created a viewer token",
      "Created a reporter token",
      "Created an editor token",
      "Created an admin token",
    ]);
  });
});
