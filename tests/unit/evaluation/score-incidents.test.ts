import { describe, expect, it } from "vitest";
import { addTally, emptyTally, incidentFigures, scoreIncidents, type IncidentKey } from "../../../src/evaluation/score-incidents.js";
import type { ExtractedIncident } from "../../../src/extraction/types.js";

// Issue 18's incident figures on a key small enough to count by hand.

const text = "A bomb exploded in Jos on Monday, killing 9. Police arrested 4 people in Kano.";
const key: IncidentKey = {
  places: ["Jos", "Kano", "Nigeria"],
  incidents: [
    { type: "explosion", place: "Jos", date: "2018-09-24", datePrecision: "day", fatalities: { min: 9, max: 9 }, evidence: "A bomb exploded in Jos on Monday, killing 9." },
    { type: "arrest", place: "Kano", date: null, datePrecision: "unknown", evidence: "Police arrested 4 people in Kano." },
    { type: "protest", place: "Abuja", date: null, datePrecision: "unknown", fatalities: { min: 2, max: null }, evidence: "missing from the text" },
  ],
};
const incident = (over: Partial<ExtractedIncident>): ExtractedIncident => ({
  start: 0,
  end: 44,
  type: "explosion",
  summary: "",
  place: "Jos",
  date: "2018-09-24",
  datePrecision: "day",
  dateEarliest: "2018-09-24",
  dateLatest: "2018-09-24",
  fatalities: { min: 9, max: 9 },
  injuries: { min: null, max: null },
  attributedTo: null,
  blamedBy: null,
  confidence: 0.9,
  ...over,
});

describe("scoreIncidents", () => {
  it("matches by type and evidence span or place, and counts casualties over every key incident with a toll", () => {
    const extraction = {
      places: ["Jos", "Kano", "Lagos"],
      incidents: [
        incident({}),
        // Right type and place, outside the evidence sentence; dated although the key has no date.
        incident({ start: 60, end: 70, type: "arrest", place: "Kano", fatalities: { min: null, max: null } }),
        incident({ start: 0, end: 44, type: "riot", place: "Jos" }),
      ],
    };
    const tally = scoreIncidents(key, text, extraction);
    expect(tally).toMatchObject({ goldIncidents: 3, predictedIncidents: 3, matched: 2, withCasualties: 2, casualtiesRight: 1, withPlace: 2, placeRight: 2, dated: 2, dateRight: 1, goldPlaces: 3, predictedPlaces: 3, placesMatched: 2 });
    const figures = incidentFigures(addTally(emptyTally(), tally));
    expect(figures).toMatchObject({ incidentsRecall: 0.667, incidentsPrecision: 0.667, casualtiesRight: 0.5, placeRight: 1, dateRight: 0.5 });
  });

  it("scores only the sections a key lists in `keyed`", () => {
    const tally = scoreIncidents({ ...key, keyed: ["places"] }, text, { places: ["Jos"], incidents: [] });
    expect(tally).toMatchObject({ goldIncidents: 0, matched: 0, goldPlaces: 3, placesMatched: 1 });
  });

  it("reads two spellings of one gazetteer entry as one place (Rangoon and Yangon, Burma and Myanmar)", () => {
    const burma: IncidentKey = {
      places: ["Rangoon", "Burma"],
      incidents: [{ type: "protest", place: "Rangoon", date: null, datePrecision: "unknown", evidence: "Monks marched in Rangoon." }],
    };
    const tally = scoreIncidents(burma, "Monks marched in Rangoon.", { places: ["Yangon", "Myanmar"], incidents: [incident({ start: 0, end: 25, type: "protest", place: "Yangon", date: null, datePrecision: "unknown", dateEarliest: null, dateLatest: null })] });
    expect(tally).toMatchObject({ matched: 1, placeRight: 1, placesMatched: 2 });
  });
});
