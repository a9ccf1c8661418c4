import { describe, expect, it } from "vitest";
import { carriesGraphqlErrors } from "../../bench/harness/load.js";

// Under load the harness reads every answer of copydesk: a 200 that carries GraphQL errors is a
// failure, never a served request (the table would otherwise count fast refusals as throughput).
describe("the load generator's answer check", () => {
  it("takes a 200 with data and no errors for a served request", () => {
    expect(carriesGraphqlErrors(`{"data":{"article":{"slug":"a"}}}`)).toBe(false);
    expect(carriesGraphqlErrors(`{"data":{"updateArticle":{"article":null,"errors":[{"code":"VERSION_CONFLICT"}]}}}`)).toBe(false);
    expect(carriesGraphqlErrors(`{"data":null,"errors":[]}`)).toBe(false);
  });

  it("takes GraphQL errors, partial data with errors, and a body that is not a JSON object for failures", () => {
    expect(carriesGraphqlErrors(`{"errors":[{"message":"busy","extensions":{"code":"OVERLOADED"}}]}`)).toBe(true);
    expect(carriesGraphqlErrors(`{"data":{"article":null},"errors":[{"message":"x","path":["article"]}]}`)).toBe(true);
    expect(carriesGraphqlErrors(`<html>Bad Gateway</html>`)).toBe(true);
    expect(carriesGraphqlErrors(`null`)).toBe(true);
  });
});
