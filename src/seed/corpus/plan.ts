import { dayOf } from "./dates.js";
import type { Random } from "./random.js";

// The corpus is planned before anything is written, in flat typed arrays (a few bytes per
// article), so that 100,000 articles can be streamed in batches: which day each article is
// about, which incidents it reports, how many quotes and annotations it carries and which of
// its quotes repeat a statement another article quoted. Exact totals are kept: asking for
// 10,000 quotes gives 10,000 quotes.

/** First day of the news the corpus covers. */
export const FIRST_DAY = dayOf(2016, 1, 1);
/** Last day of the news the corpus covers. */
export const LAST_DAY = dayOf(2020, 12, 31);

/** What generateCorpus is asked for, with every count settled. */
export interface CorpusSize {
  readonly articles: number;
  readonly people: number;
  readonly quotes: number;
  readonly incidents: number;
  readonly annotations: number;
  readonly claimReviews: number;
  readonly quoteLinks: number;
  readonly auditEvents: number;
}

/** A statement quoted by two articles, once as a statement and once as a tweet or at a briefing. */
export interface StatementLink {
  readonly incident: number;
  readonly fromArticle: number;
  readonly toArticle: number;
}

/** Lists of integers per article or per incident, packed (compressed sparse rows). */
export class PackedLists {
  constructor(
    private readonly offsets: Int32Array,
    private readonly values: Int32Array,
  ) {}

  /** The list of row `index`. */
  get(index: number): Int32Array {
    return this.values.subarray(this.offsets[index] ?? 0, this.offsets[index + 1] ?? 0);
  }

  /** Packs lists given as (row, value) pairs, keeping each row's values in pair order. */
  static fromPairs(rows: number, pairRows: readonly number[], pairValues: readonly number[]): PackedLists {
    const offsets = new Int32Array(rows + 1);
    for (const row of pairRows) offsets[row + 1] = (offsets[row + 1] ?? 0) + 1;
    for (let i = 0; i < rows; i += 1) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
    const fill = offsets.slice(0, rows);
    const values = new Int32Array(pairValues.length);
    for (let i = 0; i < pairRows.length; i += 1) {
      const row = pairRows[i] as number;
      values[fill[row] as number] = pairValues[i] as number;
      fill[row] = (fill[row] as number) + 1;
    }
    return new PackedLists(offsets, values);
  }
}

/** The plan of the corpus. */
export interface CorpusPlan {
  readonly size: CorpusSize;
  /** The day each article is about (its publication day when it has one). */
  readonly articleDay: Int32Array;
  /** Per article, the incidents it reports, the one it leads with first. */
  readonly articleIncidents: PackedLists;
  /** Per incident, the articles that report it, earliest first. */
  readonly incidentArticles: PackedLists;
  /** Per incident, the day of its first report. */
  readonly incidentFirstReport: Int32Array;
  readonly quotes: Int32Array;
  readonly annotations: Int32Array;
  readonly claimReviews: Int32Array;
  readonly auditEvents: Int32Array;
  /** Per article, the statement links it is the first (from) or the second (to) article of. */
  readonly linksFrom: ReadonlyMap<number, readonly StatementLink[]>;
  readonly linksTo: ReadonlyMap<number, readonly StatementLink[]>;
}

/**
 * Splits `total` over `weights.length` buckets in proportion to the weights, after giving each
 * bucket its minimum. Cumulative rounding keeps the sum exact without sorting.
 */
export function allocate(total: number, weights: Float64Array, minimum?: Int32Array): Int32Array {
  const counts = new Int32Array(weights.length);
  let remaining = total;
  if (minimum) {
    for (let i = 0; i < counts.length; i += 1) {
      counts[i] = minimum[i] as number;
      remaining -= minimum[i] as number;
    }
  }
  if (remaining < 0) throw new RangeError(`allocate: the minimums add up to more than ${total}`);
  let sum = 0;
  for (const weight of weights) sum += weight;
  if (sum <= 0) return counts;
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < counts.length; i += 1) {
    cumulative += weights[i] as number;
    const upTo = Math.round((cumulative / sum) * remaining);
    counts[i] = (counts[i] as number) + upTo - given;
    given = upTo;
  }
  return counts;
}

/** Weights around 1 (between 1 - spread and 1 + spread), one per bucket. */
function jitter(random: Random, count: number, spread: number): Float64Array {
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i += 1) weights[i] = 1 - spread + random.next() * 2 * spread;
  return weights;
}

/** Plans the corpus; `random` is the plan's own stream. */
export function planCorpus(size: CorpusSize, random: Random): CorpusPlan {
  const n = size.articles;
  const articleDay = new Int32Array(n);
  for (let i = 0; i < n; i += 1) articleDay[i] = random.int(FIRST_DAY, LAST_DAY);

  // Articles in date order, so that an incident is reported by articles of the following days.
  const byDay = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (articleDay[a] as number) - (articleDay[b] as number) || a - b);

  const pairArticles: number[] = [];
  const pairIncidents: number[] = [];
  const incidentFirstReport = new Int32Array(size.incidents);
  const incidentRows: number[] = [];
  const incidentValues: number[] = [];
  for (let incident = 0; incident < size.incidents; incident += 1) {
    const reports = Math.min(n, random.weighted<number>([[1, 55], [2, 30], [3, 15]]));
    const firstPosition = random.int(0, n - 1);
    const articles = new Set<number>();
    for (let k = 0, position = firstPosition; k < reports && position < n; k += 1) {
      articles.add(byDay[position] as number);
      position += 1 + random.int(0, 4);
    }
    incidentFirstReport[incident] = articleDay[byDay[firstPosition] as number] as number;
    for (const article of articles) {
      pairArticles.push(article);
      pairIncidents.push(incident);
      incidentRows.push(incident);
      incidentValues.push(article);
    }
  }
  const articleIncidents = PackedLists.fromPairs(n, pairArticles, pairIncidents);
  const incidentArticles = PackedLists.fromPairs(size.incidents, incidentRows, incidentValues);

  // Statement links: the first two articles (in generation order) of incidents reported twice or more.
  const candidates: number[] = [];
  for (let incident = 0; incident < size.incidents; incident += 1) {
    if (incidentArticles.get(incident).length >= 2) candidates.push(incident);
  }
  const linksFrom = new Map<number, StatementLink[]>();
  const linksTo = new Map<number, StatementLink[]>();
  const linkEnds = new Int32Array(n);
  const linked = random.sample(candidates, size.quoteLinks).sort((a, b) => a - b);
  for (const incident of linked) {
    const [a, b] = [...incidentArticles.get(incident)].sort((x, y) => x - y);
    if (a === undefined || b === undefined) continue;
    const link: StatementLink = { incident, fromArticle: a, toArticle: b };
    linksFrom.set(a, [...(linksFrom.get(a) ?? []), link]);
    linksTo.set(b, [...(linksTo.get(b) ?? []), link]);
    linkEnds[a] = (linkEnds[a] as number) + 1;
    linkEnds[b] = (linkEnds[b] as number) + 1;
  }
  let ends = 0;
  for (const count of linkEnds) ends += count;
  if (ends > size.quotes) {
    // Not enough quotes to carry every link: drop the links rather than invent quotes.
    linksFrom.clear();
    linksTo.clear();
    linkEnds.fill(0);
  }

  return {
    size,
    articleDay,
    articleIncidents,
    incidentArticles,
    incidentFirstReport,
    quotes: allocate(size.quotes, jitter(random, n, 0.8), linkEnds),
    annotations: allocate(size.annotations, jitter(random, n, 0.9)),
    claimReviews: allocate(size.claimReviews, jitter(random, n, 1)),
    auditEvents: allocate(size.auditEvents, jitter(random, n, 0.9)),
    linksFrom,
    linksTo,
  };
}
