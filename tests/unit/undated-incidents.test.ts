import { describe, expect, it } from "vitest";
import { acledRow } from "../../src/domain/export/acled.js";
import { dayRange } from "../../src/domain/incidents/service.js";
import { incidentFingerprint } from "../../src/domain/ingest/fingerprint.js";
import { scoreIncidents, type IncidentKey } from "../../src/evaluation/score-incidents.js";
import { extractArticle } from "../../src/extraction/index.js";

// The lead's decision on undated incidents (docs/data-model.md, "Undated incidents"): an incident
// the story gives no date happened no later than the story, so extraction and ingest give it only
// dateLatest = the publication day, and the query layer reads a one-sided range as undated.

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("undated incidents", () => {
  it("the extractor gives an undated incident the publication day as its latest day, and a dated one its day", () => {
    const text = "Police arrested twelve protesters in Lusaka. On Monday, a bomb exploded in Ndola, killing three people.";
    const { incidents } = extractArticle(text, { publishedAt: "2019-05-08" });
    const arrest = incidents.find((incident) => incident.type === "arrest");
    expect(arrest).toMatchObject({ date: null, dateEarliest: null, dateLatest: "2019-05-08", datePrecision: "unknown" });
    const blast = incidents.find((incident) => incident.place === "Ndola");
    expect(blast).toMatchObject({ date: "2019-05-06", dateLatest: "2019-05-06" });
    // Without a publication day nothing is known.
    expect(extractArticle(text, {}).incidents.find((incident) => incident.type === "arrest")).toMatchObject({ date: null, dateEarliest: null, dateLatest: null });
  });

  it("dateRange keeps a side nobody knows null instead of collapsing the range to a day", () => {
    expect(dayRange({ date: null, dateEarliest: null, dateLatest: day("2018-09-28") })).toEqual({ earliest: null, latest: day("2018-09-28") });
    expect(dayRange({ date: day("2018-09-20"), dateEarliest: null, dateLatest: null })).toEqual({ earliest: day("2018-09-20"), latest: day("2018-09-20") });
    expect(dayRange({ date: null, dateEarliest: day("2018-09-17"), dateLatest: day("2018-09-23") })).toEqual({ earliest: day("2018-09-17"), latest: day("2018-09-23") });
  });

  it("the ACLED export gives a one-sided range no event_date, and a two-sided range its first day", () => {
    const base = { id: "i", type: "arrest" as const, subType: null, summary: "s", date: null, datePrecision: "UNKNOWN" as const, attributedTo: null, fatalitiesMin: null };
    expect(acledRow({ incident: { ...base, dateEarliest: null, dateLatest: day("2018-09-28") }, place: null, outlets: [] })).toMatchObject({ event_date: null, time_precision: null });
    expect(acledRow({ incident: { ...base, dateEarliest: day("2018-09-17"), dateLatest: null }, place: null, outlets: [] })).toMatchObject({ event_date: null, time_precision: null });
    expect(acledRow({ incident: { ...base, datePrecision: "WEEK", dateEarliest: day("2018-09-17"), dateLatest: day("2018-09-23") }, place: null, outlets: [] })).toMatchObject({
      event_date: "2018-09-17",
      time_precision: 2,
    });
  });

  it("the fingerprint ignores a latest day alone, so two stories of one undated event agree", () => {
    const incident = { type: "arrest" as const, place: "Lusaka", date: null, dateEarliest: null, summary: "Police arrested twelve protesters" };
    expect(incidentFingerprint({ ...incident, dateLatest: "2019-05-08" })).toBe(incidentFingerprint({ ...incident, dateLatest: "2019-05-09" }));
    expect(incidentFingerprint({ ...incident, dateLatest: "2019-05-08" })).toBe(incidentFingerprint({ ...incident, dateLatest: null }));
    expect(incidentFingerprint({ ...incident, date: "2019-05-06", dateLatest: "2019-05-06" })).not.toBe(incidentFingerprint({ ...incident, dateLatest: null }));
  });

  it("the scorer accepts the publication day as an undated incident's latest day, for keys with it or with no date", () => {
    const text = "Police arrested twelve protesters in Lusaka.";
    const evidence = text;
    const keyWith = (dates: object): IncidentKey => ({ incidents: [{ type: "arrest", place: "Lusaka", date: null, datePrecision: "unknown", evidence, ...dates }] });
    const extraction = extractArticle(text, { publishedAt: "2019-05-08" });
    expect(scoreIncidents(keyWith({ dateLatest: "2019-05-08" }), text, extraction).dateRight).toBe(1);
    expect(scoreIncidents(keyWith({}), text, extraction).dateRight).toBe(1);
    expect(scoreIncidents(keyWith({ dateLatest: "2019-05-07" }), text, extraction).dateRight).toBe(0);
  });
});
