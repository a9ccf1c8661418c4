import { describe, expect, expectTypeOf, it } from "vitest";
import { IncidentType } from "../../../src/generated/prisma/enums.js";
import { EXTRACTED_INCIDENT_TYPES, type ExtractedIncidentType } from "../../../src/extraction/types.js";

// Extraction declares its incident types itself so that it never imports the database layer;
// this is the one place that holds the two lists together.

describe("incident types", () => {
  it("are exactly the database's IncidentType enum, at compile time", () => {
    expectTypeOf<ExtractedIncidentType>().toEqualTypeOf<IncidentType>();
  });

  it("are exactly the database's IncidentType enum, at run time, without duplicates", () => {
    expect([...EXTRACTED_INCIDENT_TYPES].sort()).toEqual(Object.values(IncidentType).sort());
    expect(new Set(EXTRACTED_INCIDENT_TYPES).size).toBe(EXTRACTED_INCIDENT_TYPES.length);
  });
});
