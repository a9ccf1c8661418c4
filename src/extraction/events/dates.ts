import type { ExtractedDatePrecision, TextRange } from "../types.js";
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from "./calendar-words.js";
import { numberValue } from "./numbers.js";

// Dates as news copy writes them, resolved against the publication day. Wire stories speak of
// the past: a bare weekday ("on Tuesday") is the most recent such day on or before publication,
// which is the opposite of what general-purpose date parsers assume (compromise-dates reads
// "Tuesday" as the next one), so these few rules are ours. Weeks run Monday to Sunday.

/** A date expression found in text and what it resolves to. */
export interface DateMention extends TextRange {
  readonly text: string;
  /** The day, or the first day of the week or month; null when only a year is known. */
  readonly date: string | null;
  readonly precision: ExtractedDatePrecision;
  readonly earliest: string;
  readonly latest: string;
}

const DAY = 86_400_000;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_OF_ABBREVIATION: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const parseDay = (day: string): number => Date.parse(`${day}T00:00:00Z`);
/** Monday of the week that holds `ms`. */
const weekStart = (ms: number): number => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY;
const monthIndex = (word: string): number | undefined => {
  const lower = word.toLowerCase().replace(/\.$/, "");
  const full = MONTHS.indexOf(lower);
  return full >= 0 ? full : MONTH_OF_ABBREVIATION[lower];
};

const dayMention = (ms: number): Pick<DateMention, "date" | "precision" | "earliest" | "latest"> => ({ date: iso(ms), precision: "day", earliest: iso(ms), latest: iso(ms) });
const weekMention = (ms: number): Pick<DateMention, "date" | "precision" | "earliest" | "latest"> => {
  const start = weekStart(ms);
  return { date: iso(start), precision: "week", earliest: iso(start), latest: iso(start + 6 * DAY) };
};
const monthMention = (year: number, month: number): Pick<DateMention, "date" | "precision" | "earliest" | "latest"> => ({
  date: iso(Date.UTC(year, month, 1)),
  precision: "month",
  earliest: iso(Date.UTC(year, month, 1)),
  latest: iso(Date.UTC(year, month + 1, 0)),
});

// Full names first, so "January" wins over "Jan"; an abbreviation may end with a full stop.
const MONTH_WORDS = [MONTH_NAMES, ...MONTH_ABBREVIATIONS.split("|").map((abbreviation) => `${abbreviation}\\.?`)].join("|");
/** A month's days as ordinal words ("sixth", "twenty-first"), first to thirty-first, as a pattern source and a list. */
const ORDINAL_DAY = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
  .concat(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"].map((w) => `twenty ${w}`), ["thirtieth", "thirty first"]);
const ORDINAL_WORDS = [...ORDINAL_DAY].reverse().map((w) => w.replace(" ", "[ -]")).join("|");
const COUNT_WORDS = "\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several";
// One pattern per shape, tried in order; an earlier shape wins where two overlap.
/** A month with its year and no day ("June 2019"), an absolute shape read after the prefixed month's. */
const MONTH_WITH_YEAR = new RegExp(`\\b(${MONTH_NAMES})\\s+((?:19|20)\\d{2})\\b`, "g");
/**
 * (h18aq) Before a time: a place described by what was done to it then ("a pedestrian street closed last year", "a
 * checkpoint built two years ago"), the time of that, not of the sentence's event. As a source for trailing lookbehinds.
 */
const DESCRIBED_PLACE_BEFORE = String.raw`\b(?:streets?|roads?|avenues?|lanes?|highways?|zones?|areas?|squares?|bridges?|barriers?|walls?|checkpoints?|crossings?)\s+(?:closed|built|opened|reopened|erected|completed|sealed|set up)\s+(?:to\s+(?:traffic|vehicles|cars)\s+)?`;
const SHAPES: readonly { readonly pattern: RegExp; readonly resolve: (m: RegExpExecArray, published: number) => ReturnType<typeof dayMention> | null }[] = [
  {
    // "Aug. 20 and 21", "late March 29 and early March 30", "Sept. 16-17": two days of one stretch, the span between them
    // (not "on March 3 and 4 others": the second number must end the phrase).
    pattern: new RegExp(`\\b(${MONTH_WORDS})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|to|through|-|–)\\s*(?:(?:early|late)\\s+)?(?:(${MONTH_WORDS})\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?(?=\\s*(?:[,.;:)]|$)|\\s+(?:in|at|near|when|as|and|that|which|while|after|before|during|with|by|to|the|on|around|across)\\b)`, "g"),
    resolve: (m, published) => {
      const first = fullDate(published, m[1] ?? "", Number(m[2]), m[5]);
      const last = fullDate(published, m[3] ?? m[1] ?? "", Number(m[4]), m[5]);
      if (!first || !last || last.earliest < first.earliest || Date.parse(`${last.earliest}T00:00:00Z`) - Date.parse(`${first.earliest}T00:00:00Z`) > 7 * DAY) return null;
      return { date: null, precision: "unknown", earliest: first.earliest, latest: last.latest };
    },
  },
  {
    // "in a two-day operation ending Sept. 17", "a three-day offensive that ended on May 2": a run of that many days
    // up to the day named (read before the day alone, which is only its last).
    pattern: new RegExp(`\\b(two|three|four|five|six|seven|[2-7])-day\\s+(?:[a-z]+\\s+){0,2}?(?:ending|that\\s+ended|which\\s+ended)\\s+(?:on\\s+)?(${MONTH_WORDS})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, "g"),
    resolve: (m, published) => {
      const count = numberValue(m[1] ?? "");
      const last = fullDate(published, m[2] ?? "", Number(m[3]), m[4]);
      if (count === null || !last) return null;
      return { date: null, precision: "unknown", earliest: iso(parseDay(last.earliest) - (count - 1) * DAY), latest: last.latest };
    },
  },
  {
    // "2004-03-25": an ISO date, as some archives print after a headline ("Gunfights Break Out - 2004-10-12"). Read
    // before the year-alone shape, which otherwise took its "2004" for a whole year.
    pattern: /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g,
    resolve: (m) => {
      const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      // (Not "2004-02-30": a day the month does not have is no date.)
      return iso(ms) === `${m[1]}-${m[2]}-${m[3]}` ? dayMention(ms) : null;
    },
  },
  {
    // "on March 3", "March 3, 2024", "Sept. 28"
    pattern: new RegExp(`\\b(${MONTH_WORDS})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, "g"),
    resolve: (m, published) => fullDate(published, m[1] ?? "", Number(m[2]), m[3]),
  },
  {
    // "since August sixth", "on March twenty-first": a month's day in words, as broadcast scripts spell it (h18ac).
    pattern: new RegExp(`\\b(${MONTH_NAMES})\\s+(${ORDINAL_WORDS})\\b(?:,?\\s+(\\d{4}))?(?![\\p{L}-])`, "gu"),
    resolve: (m, published) => fullDate(published, m[1] ?? "", ORDINAL_DAY.indexOf((m[2] ?? "").toLowerCase().replace(/-/g, " ")) + 1, m[3]),
  },
  {
    // "3 March 2024"
    pattern: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_WORDS})\\b(?:\\s+(\\d{4}))?`, "g"),
    resolve: (m, published) => fullDate(published, m[2] ?? "", Number(m[1]), m[3]),
  },
  {
    // "just over two weeks ago", "three days ago", "a month ago"
    // (h18ai: not in a clause of "since", "the deadliest attack since the prime minister visited two months ago": that
    // dates what the attack is measured against, not the attack.)
    pattern: new RegExp(`\\b(?:(just|a little|slightly)\\s+)?(?:(over|more than|nearly|almost|about|some|around)\\s+)?(${COUNT_WORDS})\\s+(day|week|month|year)s?\\s+ago\\b(?<!\\bsince\\s[^.;]{0,120})(?<!${DESCRIBED_PLACE_BEFORE}(?:[a-z-]+\\s+){1,5}ago)`, "gi"),
    resolve: (m, published) => {
      const count = numberValue(m[3] ?? "");
      if (count === null) return null;
      const unit = (m[4] ?? "").toLowerCase();
      if (unit === "day") return count <= 3 && !m[2] ? dayMention(published - count * DAY) : weekMention(published - count * DAY);
      if (unit === "week") {
        const back = published - count * 7 * DAY;
        const mention = weekMention(back);
        // (h18am) "more than two weeks ago" is before that day: the span ends the day before it (the keys: incidents-14,
        // -27), and starts a month before publication, since a longer past would be told as "a month ago". "just over"
        // may be that very day, in the week it falls in.
        if (m[2] && /over|more/i.test(m[2]) && !m[1] && count < 4) {
          const d = new Date(published);
          return { date: null, precision: "unknown", earliest: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, d.getUTCDate())), latest: iso(back - DAY) };
        }
        return m[2] && /over|more/i.test(m[2]) ? { ...mention, latest: iso(back) } : mention;
      }
      if (unit === "month") {
        const d = new Date(published);
        return monthMention(d.getUTCFullYear(), d.getUTCMonth() - count);
      }
      return null;
    },
  },
  {
    // "last week", "this week", "last month", "earlier this month"
    // ("earlier this week", "earlier in the month": what happened before publication, so the span ends on its day.)
    pattern: new RegExp(String.raw`\b(last|this|earlier this|earlier in the|late last|early last)\s+(week|month)\b(?<!${DESCRIBED_PLACE_BEFORE}(?:[a-z]+\s+){1,4}(?:week|month))`, "gi"),
    resolve: (m, published) => {
      const back = /last/i.test(m[1] ?? "");
      const earlier = /^earlier/i.test(m[1] ?? "");
      const d = new Date(published);
      const span = (m[2] ?? "").toLowerCase() === "week" ? weekMention(back ? published - 7 * DAY : published) : monthMention(d.getUTCFullYear(), d.getUTCMonth() - (back ? 1 : 0));
      // ("this week's fighting" in a Thursday story: what was reported happened by the publication day, not on the Sunday after.)
      // (h18ae: "clashed with troops earlier this month": "earlier" is before the day of the report, so the span ends the day
      // before it, as the keys read it. Not "earlier this week", whose span other sentences' days are matched against.)
      if (earlier && (m[2] ?? "").toLowerCase() === "month") return { ...span, latest: iso(Math.max(parseDay(span.earliest), Math.min(parseDay(span.latest), published - DAY))) };
      return earlier || !back ? { ...span, latest: iso(Math.min(Date.parse(`${span.latest}T00:00:00Z`), published)) } : span;
    },
  },
  {
    // "last year", "late last year": the calendar year before publication. (Not "June of last year": the month's own
    // shape reads it. Not "this year" either: a year so far is no span an incident can be dated by.)
    // (h18aq: not "a pedestrian street closed last year": DESCRIBED_PLACE_BEFORE.)
    pattern: new RegExp(String.raw`(?<!\bof\s)\b(?:(?:earlier|late|early)\s+)?last\s+year\b(?!['’]s\b)(?<!${DESCRIBED_PLACE_BEFORE}(?:[a-z]+\s+){0,2}year)`, "gi"),
    resolve: (_m, published) => {
      const year = new Date(published).getUTCFullYear() - 1;
      return { date: null, precision: "unknown", earliest: `${year}-01-01`, latest: `${year}-12-31` };
    },
  },
  {
    // "over the past week", "in the last month": the span up to publication
    // ("in recent days": the week up to publication; not "over the past few days", which quotes
    // often stretch over attacks of two weeks before)
    pattern: /\b(?:over|in|during|within)\s+the\s+(?:past|last)\s+(week|month)\b|\b(?:in|over)\s+recent\s+(days)\b/gi,
    resolve: (m, published) => {
      const back = (m[1] ?? "").toLowerCase() === "month" ? 30 : 7;
      const start = published - back * DAY;
      return { date: iso(start), precision: back === 7 ? "week" : "month", earliest: iso(start), latest: iso(published) };
    },
  },
  {
    // "over the past three days", "in the last two days": a counted run of days up to publication, from the day that
    // many days back (not "the past few days", which quotes stretch over older attacks, as above).
    pattern: /\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(two|three|four|five|six|[2-6])\s+days\b/gi,
    resolve: (m, published) => {
      const count = numberValue(m[1] ?? "");
      if (count === null) return null;
      return { date: null, precision: "unknown", earliest: iso(published - count * DAY), latest: iso(published) };
    },
  },
  {
    // "over the past 24 hours", "in the last 48 hours": the days up to publication
    pattern: /\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(24|48|72)\s+hours\b/gi,
    resolve: (m, published) => {
      const start = published - (Number(m[1]) / 24) * DAY;
      return { date: iso(start), precision: "day", earliest: iso(start), latest: iso(published) };
    },
  },
  {
    // "over the weekend", "last weekend": the Saturday and Sunday on or before publication
    pattern: /\b(?:over|at|during|this|last)\s+the\s+weekend\b|\b(?:this|last)\s+weekend\b/gi,
    resolve: (_m, published) => {
      const saturday = published - ((new Date(published).getUTCDay() + 1) % 7) * DAY;
      return { date: iso(saturday), precision: "week", earliest: iso(saturday), latest: iso(saturday + DAY) };
    },
  },
  {
    // "in January", "last January", "the August shooting": the most recent such month on or before publication
    // ("an April rocket attack": a month before an incident noun, after "a" or "an", too.)
    // (h18aq: not "the largest attack in the city since December 2004": after a superlative, "since" names what the
    // incident is measured against, not its time, as for "ago" above.)
    pattern: new RegExp(`\\b(?:[Ii]n|[Ll]ast|[Tt]his|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]he(?=\\s+[A-Z][a-z]+\\s+(?!on\\b|to\\b|of\\b|for\\b|against\\b)[a-z])|[Aa]n?(?=\\s+[A-Z][a-z]+\\s+(?!on\\b|to\\b|of\\b|for\\b|against\\b|and\\b|or\\b)[a-z]+\\s+(?:[a-z]+\\s+)?(?:attacks?|bombings?|blasts?|explosions?|shootings?|raids?|ambush|strikes?|protests?|rall(?:y|ies)|clash(?:es)?|massacres?)\\b))\\s+(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?!\\s+\\d{1,2}(?!\\d))(?:\\s+(\\d{4}))?(?<!\\b(?:largest|deadliest|worst|biggest|bloodiest|heaviest|first|highest|lowest|most)\\b[^.;]{0,100}\\bsince\\s+[A-Z][a-z]+(?:\\s+\\d{4})?)`, "g"),
    resolve: (m, published) => {
      const month = monthIndex(m[1] ?? "") ?? 0;
      const d = new Date(published);
      const year = m[2] ? Number(m[2]) : month <= d.getUTCMonth() ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
      // ("in early April" in a story of April 8: what was reported happened by the publication day, as "this week" does.)
      const span = monthMention(year, month);
      return published && parseDay(span.latest) > published && parseDay(span.earliest) <= published ? { ...span, latest: iso(published) } : span;
    },
  },
  {
    // "An August 2006 accident", "by March 2003": a month with its year and no day is that month (h18ae; after the month
    // shape above, which needs a word before the month, and "an" only when an incident noun follows it at once).
    pattern: MONTH_WITH_YEAR,
    resolve: (m) => monthMention(Number(m[2]), monthIndex(m[1] ?? "") ?? 0),
  },
  {
    // "overnight Tuesday", "overnight": that day's night, which may run into the next day.
    pattern: /\bovernight(?:\s+(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\b/gi,
    resolve: (m, published) => {
      const weekday = m[1];
      const day = weekday ? published - ((new Date(published).getUTCDay() - WEEKDAYS.indexOf(weekday.toLowerCase()) + 7) % 7) * DAY : published - DAY;
      return { ...dayMention(day), latest: iso(Math.min(day + DAY, published)) };
    },
  },
  {
    // "protests raged for a sixth day", "marched for a third straight day Tuesday": a run of days that reaches the
    // day of the report (or the weekday that follows it).
    pattern: new RegExp(`\\bfor\\s+(?:a|the)\\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th))\\s+(?:(?:straight|consecutive|successive)\\s+)?(?:day|night)\\b(?:\\s+(?:on\\s+)?(${WEEKDAY_NAMES})\\b)?`, "g"),
    resolve: (m, published) => {
      const want = m[1] ? WEEKDAYS.indexOf(m[1].toLowerCase()) : -1;
      return dayMention(want < 0 ? published : published - ((new Date(published).getUTCDay() - want + 7) % 7) * DAY);
    },
  },
  {
    // "attacked three villages Monday and Tuesday": the span of two days (each the most recent on or before publication,
    // the first before the second).
    // (h18ac: "an operation that started Sunday night and ended Monday morning", "from Friday evening into Saturday": the
    // part of the day may follow the first, and the second may be the end of a run the verb names.)
    pattern: new RegExp(`\\b(?:on\\s+)?(${WEEKDAY_NAMES})(?:\\s+(?:night|morning|evening|afternoon))?\\s+(?:and|to|through|until|till|into)\\s+(?:(?:ended|ending|finished|lasted|continued|ran)\\s+(?:on\\s+|until\\s+|into\\s+)?)?(?:(?:early|late)\\s+)?(?:on\\s+)?(${WEEKDAY_NAMES})\\b(?!['’\`]s)`, "g"),
    resolve: (m, published) => {
      const back = (weekday: string): number => (new Date(published).getUTCDay() - WEEKDAYS.indexOf(weekday.toLowerCase()) + 7) % 7;
      const last = published - back(m[2] ?? "") * DAY;
      let first = published - back(m[1] ?? "") * DAY;
      if (first > last) first -= 7 * DAY;
      return first === last ? null : { date: null, precision: "unknown", earliest: iso(first), latest: iso(last) };
    },
  },
  {
    // "(late) on Monday (night)", "last Friday", "Monday's protest"
    pattern: /\b(?:(last|this|next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    resolve: (m, published) => {
      if ((m[1] ?? "").toLowerCase() === "next") return null;
      const want = WEEKDAYS.indexOf((m[2] ?? "").toLowerCase());
      let back = (new Date(published).getUTCDay() - want + 7) % 7;
      if (back === 0 && (m[1] ?? "").toLowerCase() === "last") back = 7;
      return dayMention(published - back * DAY);
    },
  },
  {
    // "coalition forces detained 16 suspects yesterday and today": the two days, the span between them (h18ac).
    pattern: /\b(?:yesterday|last night)\s+and\s+(?:today|this morning|tonight)\b|\b(?:today|this morning)\s+and\s+(?:yesterday|last night)\b/gi,
    resolve: (_m, published) => ({ date: null, precision: "unknown", earliest: iso(published - DAY), latest: iso(published) }),
  },
  {
    // "riots that are still underway in the capital": what goes on as the story is told is the publication day's (h18ac).
    pattern: /\b(?:(?:is|are)\s+)?still\s+(?:under\s?way|going on|raging|ongoing)\b|\b(?:that|which)\s+(?:is|are)\s+(?:now\s+)?(?:under\s?way|raging)\b/gi,
    resolve: (_m, published) => dayMention(published),
  },
  {
    pattern: /\b(today|tonight|this morning|this afternoon|this evening|yesterday|last night)\b/gi,
    resolve: (m, published) => dayMention(/yesterday|last night/i.test(m[1] ?? "") ? published - DAY : published),
  },
  {
    // A year alone ("in 2018", "the 2020 explosion"): no precision the contract can name, but
    // the range still tells an editor which year it was.
    pattern: /\b(?<!since )(?:in\s+)?((?:19|20)\d{2})\b/g,
    resolve: (m) => ({ date: null, precision: "unknown", earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` }),
  },
];

// The shapes that name a calendar day or year, which resolve without a publication day when they give the year.
const ABSOLUTE_SHAPES = new Set([SHAPES[0], SHAPES[1], SHAPES[2], SHAPES[3], SHAPES[4], SHAPES[5], SHAPES.find((shape) => shape.pattern === MONTH_WITH_YEAR), SHAPES[SHAPES.length - 1]]);

function fullDate(published: number, monthWord: string, day: number, yearText: string | undefined): ReturnType<typeof dayMention> | null {
  const month = monthIndex(monthWord);
  if (month === undefined || day < 1 || day > 31) return null;
  const publishedDate = new Date(published);
  let year = yearText ? Number(yearText) : publishedDate.getUTCFullYear();
  // Without a year, a date later than publication is last year's ("on Dec. 30" in a January story).
  if (!yearText && Date.UTC(year, month, day) > published + DAY) year -= 1;
  return dayMention(Date.UTC(year, month, day));
}

/**
 * Date expressions in text[from, to), resolved against `publishedAt` (YYYY-MM-DD). Without a
 * publication day only absolute dates with a year resolve.
 */
export function findDates(text: string, publishedAt: string | null | undefined, from = 0, to = text.length): DateMention[] {
  const published = publishedAt ? parseDay(publishedAt) : Number.NaN;
  const slice = text.slice(from, to);
  const found: DateMention[] = [];
  for (const shape of SHAPES) {
    shape.pattern.lastIndex = 0;
    for (let m = shape.pattern.exec(slice); m; m = shape.pattern.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      const relative = !ABSOLUTE_SHAPES.has(shape);
      if (Number.isNaN(published) && (relative || !/\d{4}/.test(m[0]))) continue;
      const resolved = shape.resolve(m, Number.isNaN(published) ? 0 : published);
      if (resolved) found.push({ start, end, text: m[0], ...resolved });
    }
  }
  // A bare run of days ("for a second straight day") yields to a day the same words name ("On Tuesday ... gathered
  // for a second straight day"): it only says the run reached the report's day when nothing else dates it.
  const bareRun = (f: DateMention): boolean => BARE_RUN_OF_DAYS.test(f.text);
  const named = found.some((f) => f.precision === "day" && !bareRun(f));
  return found.filter((f) => !(named && bareRun(f))).sort((a, b) => a.start - b.start);
}
const BARE_RUN_OF_DAYS = /^for\s.*\b(?:day|night)$/i;

/**
 * Words that put what a sentence reports on the day of an incident the story already told (h18ag): "Within hours of the
 * Nice attack, police shot a man", "The billiard hall attacks came just hours after a bomb blast at the market", "later
 * that day", "earlier in the day". They name no day themselves; the events pass gives the sentence the last day the
 * story told. Not a counted number of hours ("about 13 hours after"), which may cross midnight, nor "hours after" a
 * plan, a warning or a speech ("hours after the ceasefire took effect" still names an incident's day, so only the time
 * words are read here; the events pass uses them only where the sentence names no day of its own).
 */
export const SAME_DAY_AS_TOLD =
  /\b(?:(?:within|in)\s+(?:a\s+few\s+)?hours\s+of|(?:just|only|mere|barely|a\s+few|several)\s+hours\s+(?:after|before|earlier|later)|(?:later|earlier)\s+(?:that|the\s+same|in\s+the)\s+day|on\s+the\s+same\s+day)\b/i;

/** Whether two resolved dates can be the same event: ranges that overlap or lie within a day. */
export function datesCompatible(a: Pick<DateMention, "earliest" | "latest"> | null, b: Pick<DateMention, "earliest" | "latest"> | null): boolean {
  if (!a || !b) return true;
  // Two single days a day apart can be one night's event; a month or week has no such slack
  // ("last month" in a story of March 2 is not Sunday March 1).
  const slack = a.earliest === a.latest && b.earliest === b.latest ? DAY : 0;
  return parseDay(a.earliest) <= parseDay(b.latest) + slack && parseDay(b.earliest) <= parseDay(a.latest) + slack;
}
