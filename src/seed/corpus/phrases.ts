import type { OrgKind } from "./vocabulary.js";

// Text banks for the generated stories. Templates take {slots} filled with plain text:
// {place}, {country}, {demonym}, {incident} (a noun: "attack", "protests"), {group}, {topic}.
// Quotes are written the way wire copy writes them: curly quotation marks and apostrophes, so
// that offsets are exercised on characters beyond ASCII; some tweets carry emoji, which take
// two UTF-16 code units each.

/** Who is speaking, for choosing what they say: an organization kind, or a bystander. */
export type SpeakerCategory = OrgKind | "WITNESS";

/** Fills {slot} placeholders; an unknown slot is a bug in the templates, so it throws. */
export function fill(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`Corpus template slot {${name}} has no value: ${template}`);
    return value;
  });
}

/** Full sentences a speaker says (DIRECT quotes), by who they are. */
export const DIRECT_QUOTES: Readonly<Record<SpeakerCategory, readonly string[]>> = {
  GOVERNMENT: [
    "We condemn this cowardly {incident} in the strongest possible terms, and those responsible will be brought to justice",
    "The government will not allow anyone to threaten the security of {country}",
    "Our priority now is to care for the wounded and to support the families of the victims",
    "We have opened an investigation and we will announce its results as soon as they are available",
    "This is an attack on all {demonym} people, not only on the people of {place}",
    "We call on citizens to remain calm and to cooperate with the security services",
    "There will be no negotiations with those who target civilians",
    "The situation in {place} is under control, and public services will resume tomorrow",
    "We are working around the clock to restore electricity and water to every district",
  ],
  SECURITY: [
    "Our forces have secured the area and are searching for the perpetrators",
    "The attackers used a vehicle packed with explosives",
    "We had received warnings about a possible attack in the area, and we increased patrols",
    "Several suspects have been detained and are being questioned",
    "The road to {place} remains closed while our teams clear the area",
    "We are still counting the dead, and the toll may rise",
    "Security has been tightened around government buildings and places of worship",
    "Our units came under fire shortly after midnight and returned fire",
  ],
  INTERNATIONAL: [
    "We are deeply concerned by the escalation and urge all parties to exercise maximum restraint",
    "Civilians must never be a target",
    "The international community cannot stand by while the people of {place} suffer",
    "There is no military solution to this conflict",
    "We call for an independent and transparent investigation into the {incident}",
    "The parties must return to the negotiating table without preconditions",
    "Humanitarian workers must be allowed to do their jobs safely",
  ],
  HUMANITARIAN: [
    "Hospitals in {place} are overwhelmed and running short of blood and medicine",
    "The humanitarian situation is deteriorating by the hour",
    "Families have fled with nothing but the clothes they were wearing",
    "We need safe and unimpeded access to reach people in need",
    "Our teams treated dozens of wounded people overnight, many of them children",
    "Without urgent funding, we will be forced to cut food rations next month",
    "Clean water is now the most urgent need in {place}",
  ],
  RIGHTS: [
    "The authorities must investigate these killings promptly and impartially",
    "Arbitrary detention of peaceful protesters is a violation of international law",
    "Those responsible for abuses must be held accountable, whoever they are",
    "We have documented a pattern of unlawful attacks on civilians in {place}",
    "Families still do not know where their relatives are being held",
  ],
  ARMED_GROUP: [
    "The operation was a response to the crimes committed against our people",
    "We will continue our struggle until our demands are met",
    "We did not target civilians, and we reject these accusations",
    "Our fighters withdrew after completing their mission",
  ],
  RESEARCH: [
    "This is part of a wider pattern of escalation across {country}",
    "The government has lost control of large parts of the countryside",
    "What we are seeing is a contest for influence between regional powers",
    "The {incident} shows how fragile the security gains of the past year really are",
    "Economic grievances are driving much of the anger on the streets",
    "Nobody should be surprised; the warning signs were there for months",
  ],
  COMPANY: [
    "Operations at the site have been suspended until further notice",
    "The safety of our employees is our first priority",
    "We are assessing the damage and expect to resume shipments within days",
  ],
  MEDIA: ["Our correspondents in {place} are safe and continue to report", "We stand by our reporting"],
  WITNESS: [
    "I heard a huge blast and then everyone started running",
    "We have nothing left, our house is gone",
    "The shooting went on for hours, and we hid in the basement with the children",
    "Nobody has come to help us",
    "We are not afraid, and we will keep coming back until they listen",
    "The whole street shook, and the windows of my shop were shattered",
    "My brother went to the market this morning and we still cannot find him",
  ],
};

/**
 * Sentences that quote a fragment (PARTIAL quotes): the words before the fragment (after the
 * speaker's name), the fragments that fit, the words after, and the reporting verb.
 */
export const PARTIAL_FRAMES: ReadonlyArray<readonly [before: string, fragments: readonly string[], after: string, verb: string]> = [
  [
    " described the {incident} as “",
    ["a cowardly act of terror", "an unacceptable escalation", "a clear violation of international law", "a dangerous provocation", "the worst violence in years", "deeply troubling"],
    "”.",
    "described",
  ],
  [" warned of “", ["serious and credible threats", "a humanitarian catastrophe", "further escalation", "a dangerous vacuum"], "” in {place}.", "warned"],
  [" called the government’s response “", ["unacceptable and unjustified", "too little, too late", "a turning point", "collective punishment"], "”.", "called"],
  [" said there was “", ["credible evidence", "no doubt"], "” that the {incident} had been planned for weeks.", "said"],
];

/** PARTIAL quote frames for stories about talks rather than incidents. */
export const PARTIAL_TALKS_FRAMES: ReadonlyArray<readonly [before: string, fragments: readonly string[], after: string, verb: string]> = [
  [" called the talks “", ["a step in the right direction", "frank and constructive", "a waste of time", "long overdue"], "”.", "called"],
  [" said an agreement could come within “", ["a matter of days", "weeks, not months"], "”.", "said"],
];

/** Full sentences about talks (DIRECT quotes in stories that report no incident). */
export const TALKS_QUOTES: readonly string[] = [
  "We had frank and constructive discussions, but there is still a long way to go",
  "The people of {country} deserve to see results, not more meetings",
  "We will not sign anything that does not guarantee the rights of the displaced",
  "Both sides showed a willingness to compromise",
  "The next round will be decisive",
  "Nobody should expect a breakthrough this week",
  "Without money for reconstruction, any agreement will remain on paper",
];

/** What a speaker is reported to have said about talks (INDIRECT quotes in stories that report no incident). */
export const INDIRECT_TALKS_CLAUSES: readonly string[] = [
  "the talks had been constructive",
  "a further round would be held next month",
  "no agreement had been reached on {topic}",
  "the delegations would meet again in Geneva",
  "progress on {topic} depended on funding from donors",
];

/** What a speaker is reported to have said, without their words (INDIRECT quotes). */
export const INDIRECT_CLAUSES: readonly string[] = [
  "security forces had arrested several suspects",
  "the death toll was expected to rise",
  "the border crossing would remain closed until further notice",
  "the government was prepared to hold talks with the protesters",
  "the attackers had entered the city from the north",
  "aid convoys had been unable to reach {place} for two weeks",
  "an investigation had been opened into the {incident}",
  "the ministry had received no request for assistance",
  "most of the victims were civilians",
  "reinforcements had been sent to {place}",
  "the curfew in {place} would be lifted at the weekend",
  "talks would resume next month in Geneva",
];

/** Posts on social media (TWEET quotes); some end in emoji. */
export const TWEETS: readonly string[] = [
  "Our thoughts are with the victims of today’s {incident} in {place} and their families. 🙏",
  "We strongly condemn the {incident} in {place}. Violence is never the answer. #{tag}",
  "Deeply saddened by the loss of life in {place}. We stand with the people of {country}. 🕊️",
  "Just spoke with officials in {place} about the situation. Our teams are ready to help.",
  "Update: access to {place} remains restricted. We call on all parties to allow aid through. #{tag}",
  "Heartbreaking scenes from {place} today. Civilians must be protected. 💔",
];

/** How a bystander with no name is described; the quote has no speaker, only this description. */
export const BYSTANDERS: readonly string[] = [
  "a witness",
  "one resident",
  "a shopkeeper who gave only his first name",
  "a taxi driver",
  "a nurse at the city’s main hospital",
  "a student who joined the protest",
  "a father of four",
];

/** Descriptions of unnamed sources: {org} is an organization, {city} a city. */
export const ANONYMOUS_DESCRIPTIONS: ReadonlyArray<readonly [template: string, alias: string, category: SpeakerCategory]> = [
  ["a senior official at the {org}", "the official", "GOVERNMENT"],
  ["a security source in {city}", "the source", "SECURITY"],
  ["a Western diplomat", "the diplomat", "INTERNATIONAL"],
  ["a senior administration official", "the official", "GOVERNMENT"],
  ["a police officer in {city}", "the officer", "SECURITY"],
  ["a commander in the {group}", "the commander", "ARMED_GROUP"],
  ["an aid worker in {city}", "the aid worker", "HUMANITARIAN"],
  ["a hospital official in {city}", "the official", "HUMANITARIAN"],
  ["a senior military officer", "the officer", "SECURITY"],
  ["a European diplomat based in {city}", "the diplomat", "INTERNATIONAL"],
];

/** What protesters protest against. */
export const GRIEVANCES: readonly string[] = [
  "power cuts",
  "unemployment",
  "corruption",
  "rising fuel prices",
  "the water crisis",
  "delayed salaries",
  "the election results",
  "the arrest of a local activist",
];

/** Things attacked, bombed or burned. */
export const TARGETS: readonly string[] = [
  "a military base",
  "a police checkpoint",
  "a crowded market",
  "a government building",
  "a bus station",
  "a hotel",
  "a mosque",
  "a church",
  "a school",
  "an oil pipeline",
  "a power station",
  "a military convoy",
  "a hospital",
  "a court building",
  "the provincial council building",
];

/** Topics of stories that report no incident. */
export const TOPICS: readonly string[] = [
  "a ceasefire",
  "the return of displaced families",
  "reconstruction funding",
  "a prisoner exchange",
  "the upcoming elections",
  "humanitarian access",
  "border security",
  "the fuel crisis",
];

/** Closing or background sentences with no entities. */
export const FILLER: readonly string[] = [
  "Residents said electricity had been cut for most of the day.",
  "Schools and shops in the city centre remained closed.",
  "Long queues formed outside bakeries and petrol stations.",
  "Mobile phone networks were down for several hours.",
  "Funerals for some of the victims were held later in the day.",
  "Prices of basic goods have nearly doubled since the start of the year.",
  "Many families said they would not return until the fighting stopped.",
];

/** Annotation bodies by motivation: {name} a person, {place} a place, {number} a figure. */
export const ANNOTATION_BODIES: Readonly<Record<string, readonly string[]>> = {
  commenting: [
    "Consider moving this up to the lead.",
    "This paragraph repeats the one above.",
    "Good detail, keep it.",
    "Background is getting long here; trim?",
  ],
  questioning: [
    "Do we have a second source for this figure?",
    "Is this the ministry’s number or the hospital’s?",
    "Who else confirmed this? The wires have a different toll.",
    "Are we sure about the spelling of {name}?",
    "Did this happen in {place} itself or on the outskirts?",
  ],
  assessing: [
    "Casualty count matches the ministry statement.",
    "Attribution is solid: two independent sources.",
    "This claim is disputed by local officials.",
    "Checked against the video: consistent.",
  ],
  tagging: ["", "Tagged for the weekly roundup."],
  linking: [
    "See also our earlier report from {place}.",
    "Related: the statement published the same morning.",
    "Links to the incident database entry.",
  ],
  editing: [
    "Suggest “at least {number}” rather than “{number}”.",
    "Style: spell out numbers under ten.",
    "Attribution should come after the quote, not before.",
    "Cut “shocking”: editorialising.",
  ],
  highlighting: ["", "Key line."],
  identifying: ["This is {name}.", "Same person as in yesterday’s story: {name}.", "Refers to {place}."],
};

/** Replies in annotation threads. */
export const REPLIES: readonly string[] = [
  "Agreed, done.",
  "Checked with the desk: keep as is.",
  "Second source found, see the notes.",
  "Not yet, still waiting on the ministry.",
  "Fixed in the latest revision.",
  "I disagree; the lead is fine.",
];

/** Tags editors put on annotations. */
export const TAGS: readonly string[] = [
  "fact-check",
  "casualties",
  "attribution",
  "style",
  "legal",
  "needs-source",
  "follow-up",
  "translation",
  "unnamed-source",
  "numbers",
];

/** Explanations of claim review ratings, by rating. */
export const CLAIM_EXPLANATIONS: Readonly<Record<string, readonly string[]>> = {
  TRUE: ["Confirmed by hospital records and two independent witnesses.", "Matches the official statement and the video."],
  MOSTLY_TRUE: ["Broadly accurate; the figure has since been revised slightly.", "Accurate, but leaves out the earlier ceasefire."],
  MIXED: ["Part of the claim is supported, part is not.", "Sources disagree on the timing."],
  MOSTLY_FALSE: ["The figure is several times higher than any other source reports.", "Misleading: the closure was temporary."],
  FALSE: ["No record of this event exists in the sources we checked.", "The video is from a different year and country."],
  UNPROVEN: ["We could not verify this with the information available.", "No independent access to the area."],
};

/** Reasons an article was retracted. */
export const RETRACTION_REASONS: readonly string[] = [
  "The article relied on a source whose account could not be verified.",
  "The article reported an attack that did not take place.",
  "The images in the article were from a different event.",
];

/** Phrases that no longer appear in an article body: the text of orphaned annotations. */
export const ORPHANED_PHRASES: readonly string[] = [
  "the shocking announcement on Friday",
  "officials refused to comment",
  "according to unconfirmed reports",
  "the toll rose to 14 overnight",
  "a previously unknown group",
];

/** Reporting verbs for quotes with a plain "said" layout. */
export const SAID_VERBS: readonly string[] = ["said", "said", "said", "added", "insisted", "told reporters"];
