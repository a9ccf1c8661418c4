/**
 * The extraction contract: what src/extraction returns for one article. Its JSON form is the
 * format of seeds/*.gold.json (see DESIGN.md, "The extraction contract"), with extra fields the
 * answer keys do not have: the span each item came from and a confidence in [0, 1].
 *
 * Offsets are UTF-16 code units of the text as given (the same unit as Article.body offsets in
 * the database), end exclusive.
 */

/** A half-open character range [start, end) of the extracted text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** How a quote is reported: in quotation marks (whole or part of a sentence) or paraphrased. */
export type ExtractedQuoteKind = "direct" | "partial" | "indirect";

/** Where a quote was first said or published. */
export type ExtractedQuoteMedium = "statement" | "tweet" | "briefing" | "interview" | "other";

/**
 * What a quote's `speaker` names: a person (one of `people`) or an organization that speaks as a
 * body ("the State Department said"; one of `organizations`).
 */
export type ExtractedSpeakerKind = "person" | "organization";

/** One quote: its exact text at start..end, who said it and how. */
export interface ExtractedQuote extends TextRange {
  /** Exactly text.slice(start, end): the words inside the quotation marks, or the reported clause. */
  readonly text: string;
  /**
   * Who said it, by canonical name: a person's (the `name` of one of `people`) or an
   * organization's (one of `organizations`), as `speakerKind` says; null for an unnamed source
   * (then `speakerDescription` says who: "a senior official", "witnesses") or when nobody is named.
   */
  readonly speaker: string | null;
  /** "person" or "organization" when `speaker` is set; null exactly when `speaker` is null. */
  readonly speakerKind: ExtractedSpeakerKind | null;
  /** How the story describes the speaker: a title ("State Department spokesperson") or the unnamed source's description. */
  readonly speakerDescription: string | null;
  readonly kind: ExtractedQuoteKind;
  readonly medium: ExtractedQuoteMedium;
  /** The verb that attributes it ("said", "added", "told"), lower case, or null. */
  readonly reportingVerb: string | null;
  /** For social posts: the handle the post came from ("@statedeptspox"). */
  readonly handle?: string;
  /** For social posts: the date printed under the post (YYYY-MM-DD). */
  readonly date?: string;
  /** Where the attribution that names the speaker is (the "X said" words), when there is one. */
  readonly attribution: TextRange | null;
  readonly confidence: number;
}

/** A named person, with every name the story uses for them. */
export interface ExtractedPerson {
  /** Full name as first given ("Mike Pompeo"). */
  readonly name: string;
  /** Titles the story gives ("Secretary of State"). */
  readonly titles: readonly string[];
  /** Canonical name of their organization (one of `organizations`), or null. */
  readonly organization: string | null;
  /** Other names: surnames, handles ("Pompeo", "@SecPompeo"). */
  readonly aliases: readonly string[];
  readonly confidence: number;
}

/** An unnamed source ("a senior administration official"), with the phrases that refer back to it. */
export interface ExtractedAnonymousSource {
  readonly description: string;
  readonly organization: string | null;
  /** Later references ("the official"). */
  readonly aliases: readonly string[];
  readonly confidence: number;
}

/** Kinds of things a mention names. */
export type ExtractedMentionType = "person" | "anonymous" | "organization" | "place";

/** One place in the text where a person, unnamed source, organization or place is named. */
export interface ExtractedMention extends TextRange {
  readonly type: ExtractedMentionType;
  /** The canonical name (person name, source description, organization or place name). */
  readonly name: string;
  /** Exactly text.slice(start, end). */
  readonly text: string;
  readonly confidence: number;
}

/**
 * Incident types (DESIGN.md). Extraction stays free of the database, so the list is declared
 * here; tests/unit/extraction/incident-types.test.ts checks, at compile time and at run time,
 * that it is exactly the IncidentType enum of the database.
 */
export const EXTRACTED_INCIDENT_TYPES = [
  "attack",
  "explosion",
  "protest",
  "riot",
  "armed_clash",
  "evacuation",
  "closure",
  "arrest",
  "diplomatic_action",
  "other",
] as const;

/** One incident type (one of EXTRACTED_INCIDENT_TYPES). */
export type ExtractedIncidentType = (typeof EXTRACTED_INCIDENT_TYPES)[number];

/** How exactly an incident's date is known. */
export type ExtractedDatePrecision = "day" | "week" | "month" | "unknown";

/** A casualty range: "at least 25" is {min: 25, max: null}; "nearly 20" is {min: null, max: 20}. */
export interface CountRange {
  readonly min: number | null;
  readonly max: number | null;
}

/** An event the story reports (ACLED-style), with the span that reports it. */
export interface ExtractedIncident extends TextRange {
  readonly type: ExtractedIncidentType;
  readonly summary: string;
  /** Canonical place name (one of `places`), or null. */
  readonly place: string | null;
  /** YYYY-MM-DD: the day, or the first day of the week or month, when known. */
  readonly date: string | null;
  readonly datePrecision: ExtractedDatePrecision;
  /** Earliest and latest day the date can be (YYYY-MM-DD), for relative dates. */
  readonly dateEarliest: string | null;
  readonly dateLatest: string | null;
  readonly fatalities: CountRange;
  readonly injuries: CountRange;
  /** Who the story says caused it ("Iran"), or null. */
  readonly attributedTo: string | null;
  /** Who blames whom, as the story puts it, or null. */
  readonly blamedBy: string | null;
  readonly confidence: number;
}

/** What the caller knows about the article besides its text. */
export interface ExtractionOptions {
  /** Publication day (YYYY-MM-DD): relative dates ("Friday", "last week") resolve against it. */
  readonly publishedAt?: string | null;
  readonly headline?: string | null;
}

/** Everything extracted from one article. */
export interface Extraction {
  readonly article: { readonly headline: string | null; readonly publishedAt: string | null };
  readonly quotes: readonly ExtractedQuote[];
  readonly people: readonly ExtractedPerson[];
  readonly anonymousSources: readonly ExtractedAnonymousSource[];
  /** Canonical organization names. */
  readonly organizations: readonly string[];
  /** Canonical place names (one spelling each: "Basra", not also "Basrah"). */
  readonly places: readonly string[];
  readonly incidents: readonly ExtractedIncident[];
  readonly mentions: readonly ExtractedMention[];
}

/** What the speech pass (quotes, speakers, people, unnamed sources, organizations) returns. */
export type SpeechExtraction = Pick<Extraction, "quotes" | "people" | "anonymousSources" | "organizations" | "mentions">;

/** What the events pass (places, incidents) returns. */
export type EventsExtraction = Pick<Extraction, "places" | "incidents" | "mentions">;
