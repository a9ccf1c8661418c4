import type { CountRange } from "../types.js";

// One toll per incident, reconciled across the sentences that report it (sixteenth pass, casualties).
//
// Stories state an incident's casualties piecemeal: a lede's total ("At least six people are dead"), then the
// victims group by group ("One soldier and two police were wounded. ... injuring seven children"), restatements
// ("The six dead included ..."), and victims besides those already told ("Another eight people were injured",
// "Two other officers were killed"). Taking the highest figure of every report, as the passes before did, is right
// for a restatement and wrong for a breakdown; adding them up is the reverse. What tells them apart is who the
// victims are: a count of one group (forces, armed men, civilians) restates that group's count, a count of
// another group adds to it, a count of people at large is a total the groups' sum may not exceed, and a count
// of others adds to everything. So each holder of a toll keeps its counts by victim group and the toll it
// reports is reconciled from them:
//
//   toll = max(total of the generic counts, sum over the groups of each group's count) + the others' counts
//
// where counts of one group (or of the generic total) merge as before (the highest floor, the lowest ceiling).

/** The victims a count is of: a group of people, anyone ("people", "members", a name), or others besides. */
export type VictimGroup = "generic" | "forces" | "armed" | "civilians" | `others@${number}`;

/** A toll's counts by victim group, deaths and injuries apart. */
export interface Tolls {
  readonly fatalities: Map<VictimGroup, CountRange>;
  readonly injuries: Map<VictimGroup, CountRange>;
}

/** A toll with nothing counted. */
export function emptyTolls(): Tolls {
  return { fatalities: new Map(), injuries: new Map() };
}

/** A copy that can change without changing `tolls`. */
export function copyTolls(tolls: Tolls): Tolls {
  return { fatalities: new Map(tolls.fatalities), injuries: new Map(tolls.injuries) };
}

// The groups, by the noun that names the victims. Police and soldiers are one group ("security forces" are
// told as either), and women and children are civilians: a story often breaks its civilians down by them.
const FORCES = /^(?:soldiers?|troops?|servicem[ae]n|servicemembers?|service\s+members?|marines?|sailors?|airm[ae]n|paratroopers?|peacekeepers?|personnel|guards?|police(?:m[ae]n|wom[ae]n)?|officers?|gendarmes?|cops?|commandos?|militiam[ae]n|security)$/i;
const ARMED = /^(?:militants?|insurgents?|gunm[ae]n|attackers?|assailants?|fighters?|rebels?|terrorists?|extremists?|jihadists?|bombers?|kidnappers?|hostage-takers?|suspects?|enemy)$/i;
const CIVILIANS = /^(?:civilians?|children|child|boys?|girls?|kids?|babies|baby|infants?|teenagers?|students?|pupils?|schoolchildren|women|woman|residents?|villagers?|passengers?|worshipp?ers?|pilgrims?|shoppers?|bystanders?|pedestrians?|protesters?|demonstrators?|workers?|farmers?|journalists?|reporters?|family|relatives?|prisoners?|inmates?|detainees?)$/i;
/** Words that end the victims' noun phrase: the verb or a preposition ("members of the 1st Brigade"). */
const PHRASE_END = /^(?:of|from|with|in|at|on|who|which|that|were|was|are|is|have|has|had|and|or|as|by|died|killed|dead|wounded|injured|hurt)$/i;

/**
 * The victim group of the words after a count ("Afghan children were wounded" civilians, "U.S. soldiers"
 * forces, "people" generic): the first noun of the group words among the few words before the phrase ends.
 */
export function victimGroupOf(after: string): VictimGroup {
  const words = after.trim().split(/[\s,;:()]+/).slice(0, 4);
  for (const word of words) {
    const bare = word.replace(/[.'’"]+$/, "");
    if (FORCES.test(bare)) return "forces";
    if (ARMED.test(bare)) return "armed";
    if (CIVILIANS.test(bare)) return "civilians";
    if (PHRASE_END.test(bare)) break;
  }
  return "generic";
}

/** Merges two count ranges from reports of one group: the highest floor, the lowest ceiling. */
function merge(a: CountRange, b: CountRange): CountRange {
  const min = a.min === null ? b.min : b.min === null ? a.min : Math.max(a.min, b.min);
  let max = a.max === null ? b.max : b.max === null ? a.max : Math.min(a.max, b.max);
  if (min !== null && max !== null && max < min) max = null;
  return { min, max };
}

/** Adds counts of different victims. */
function add(a: CountRange, b: CountRange): CountRange {
  return { min: a.min === null || b.min === null ? (a.min ?? b.min) : a.min + b.min, max: a.max === null || b.max === null ? null : a.max + b.max };
}

const counted = (range: CountRange): boolean => range.min !== null || range.max !== null;

/** Records a count of `group` in `parts` (a group counted again keeps its highest floor). */
export function addCount(parts: Map<VictimGroup, CountRange>, group: VictimGroup, range: CountRange): void {
  if (!counted(range)) return;
  const had = parts.get(group);
  parts.set(group, had ? merge(had, range) : range);
}

/** Adds every count of `from` into `into`, group by group. */
export function mergeTolls(into: Tolls, from: Tolls): void {
  for (const [group, range] of from.fatalities) addCount(into.fatalities, group, range);
  for (const [group, range] of from.injuries) addCount(into.injuries, group, range);
}

/** A toll's counts as one total of people at large (its groups not to be added to another report's). */
export function totalOnly(tolls: Tolls): Tolls {
  const out = emptyTolls();
  addCount(out.fatalities, "generic", reconcile(tolls.fatalities));
  addCount(out.injuries, "generic", reconcile(tolls.injuries));
  return out;
}

/** The one toll the counts by group make (see the module comment). */
export function reconcile(parts: ReadonlyMap<VictimGroup, CountRange>): CountRange {
  let generic: CountRange | null = null;
  let groups: CountRange | null = null;
  let others: CountRange | null = null;
  for (const [group, range] of parts) {
    if (group === "generic") generic = generic ? merge(generic, range) : range;
    else if (group.startsWith("others@")) others = others ? add(others, range) : range;
    else groups = groups ? add(groups, range) : range;
  }
  let toll: CountRange | null = generic && groups ? merge(generic, groups) : (generic ?? groups);
  // (A generic total above the groups' sum is the toll, with the groups' floor if it has none: merge does that.)
  if (others) toll = toll ? add(toll, others) : others;
  return toll ?? { min: null, max: null };
}
