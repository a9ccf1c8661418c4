// Closed word lists the speech rules read. They describe English news style in general (how
// reporters attribute, which words make a title or an organization), never one story: a word
// belongs here only when it means the same thing in any wire story.

import { lemmaOfWord } from "../text.js";

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Inflected forms of verbs that attribute speech ("said", "told", "warned"), lower case. */
export const REPORTING_VERBS = words(`
  say says said saying tell tells told telling add adds added adding state states stated
  warn warns warned warning write writes wrote writing tweet tweets tweeted tweeting post posted
  explain explains explained note notes noted claim claims claimed insist insists insisted
  argue argues argued assert asserts asserted declare declares declared announce announces
  announced reiterate reiterates reiterated acknowledge acknowledges acknowledged admit admits
  admitted confirm confirms confirmed deny denies denied ask asks asked reply replies replied
  answer answered recall recalled suggest suggests suggested predict predicted promise promised
  vow vows vowed urge urges urged report reports reported stress stresses stressed emphasize
  emphasized emphasised remark remarked testify testified conclude concluded continue continued
  allege alleged contend contended maintain maintained read reads
  respond responds responded retort retorts retorted counter counters countered joke jokes joked
  quip quips quipped shout shouts shouted yell yells yelled scream screamed exclaim exclaims
  exclaimed boom boomed bark barked snap snapped observe observes observed muse mused complain
  complains complained lament lamented boast boasts boasted brag bragged concede concedes conceded
  interject interjected recount recounted demand demands demanded plead pleaded whisper whispered
  mutter muttered cry cried chime chimed scoff scoffed proclaim proclaimed concluded concludes
  texted emailed wonder wondered affirm affirms affirmed caution cautions cautioned
  emphasizes emphasizing emphasising stressing noting claiming insisting arguing asserting
  declaring announcing reiterating acknowledging admitting confirming denying explaining
  suggesting predicting promising vowing urging cautioning affirming underscoring
  agree agrees agreed request requests requested comment comments commented
  indicate indicates indicated reveal reveals revealed reaffirm reaffirms reaffirmed rule rules ruled
  chant chants chanted chanting chide chides chided chiding fume fumes fumed gush gushed sigh sighed
  inform informs informed assure assures assured reassure reassures reassured convey conveys conveyed
  underscore underscores underscored remind reminds reminded remember remembers remembered recalls
  hint hints hinted hinting charge charges charged`);

/**
 * Reporting verbs that take their reported clause without "that" ("X said the port ...").
 * The others need an explicit "that" before indirect speech is read, because "X confirmed the
 * arrests" reports a fact, not words.
 */
export const BARE_CLAUSE_VERBS = words(`say says said saying tell tells told add adds added adding`);

/**
 * Reporting verbs that may report a clause without "that" when one follows ("Doe stressed the
 * two countries will ..."); read only when a subject and a finite verb come after them.
 */
export const CLAUSE_TAKING_VERBS = words(`
  emphasize emphasizes emphasized emphasised stress stresses stressed note notes noted warn warns
  warned insist insists insisted argue argues argued claim claims claimed assert asserts asserted
  acknowledge acknowledges acknowledged admit admits admitted predict predicted suggest suggests
  suggested reiterate reiterates reiterated explain explains explained declare declares declared
  concede concedes conceded maintain maintains maintained contend contends contended allege
  alleges alleged confirm confirms confirmed deny denies denied announce announces announced
  write writes wrote report reports reported agree agrees agreed underscore underscores underscored
  affirm affirms affirmed caution cautions cautioned emphasizing emphasising stressing noting
  insisting arguing claiming asserting acknowledging admitting predicting suggesting reiterating
  explaining declaring conceding maintaining alleging confirming denying announcing writing
  reporting underscoring affirming cautioning warning vow vows vowed indicate indicates indicated
  reveal reveals revealed reaffirm reaffirms reaffirmed`);

/** Reporting verbs that only attribute a quotation, never introduce a clause of their own. */
export const QUOTE_ONLY_VERBS = words(`
  continue continued read reads ask asks asked boom boomed bark barked snap snapped cry cried
  chime chimed wonder wondered scream screamed yell yelled shout shouts shouted whisper whispered
  mutter muttered quip quips quipped exclaim exclaims exclaimed remember remembers remembered`);

/**
 * Words that make up titles and ranks ("Secretary of State", "Press Secretary", "Colonel").
 * A capitalized word in this list is part of a title, never of a person's name.
 */
export const TITLE_WORDS = words(`
  secretary minister president vice prime press spokesperson spokesman spokeswoman director
  chief general gen. col. colonel lt. lieutenant sgt. sergeant maj. major capt. captain adm.
  admiral cmdr. commander senator sen. rep. representative gov. governor mayor ambassador deputy
  assistant under attorney chairman chairwoman chair chairperson commissioner judge justice king
  queen prince princess pope dr. mr. mister mrs. ms. miss prof. professor foreign defense defence
  interior health finance treasury commerce homeland security national adviser advisor senior
  executive ceo leader speaker majority minority supreme sheikh ayatollah lord sir dame rev.
  journalist reporter correspondent editor councilor councillor
  bishop cardinal officer inspector superintendent sheriff detective premier chancellor envoy
  special acting former first lady head coach lawmaker legislator mp congressman congresswoman
  consul counselor counsellor undersecretary state protection civil public information coordinator administrator
  brigadier brig. marshal corporal cpl. whip counsel affairs`);

/** Lower-case nouns that make a phrase a role or title ("spokesperson", "official"). */
export const ROLE_NOUNS = words(`
  secretary minister president spokesperson spokesman spokeswoman director chief general colonel
  lieutenant sergeant major captain admiral commander senator representative governor mayor
  ambassador deputy assistant attorney chairman chairwoman chair chairperson commissioner judge
  justice king queen prince princess pope professor adviser advisor executive ceo leader speaker
  officer inspector superintendent sheriff detective premier chancellor envoy head coach lawmaker
  legislator mp congressman congresswoman consul official diplomat analyst expert researcher
  lawyer founder manager president-elect candidate activist organizer resident witness doctor
  teacher schoolteacher farmer owner student worker engineer economist scientist journalist
  reporter editor correspondent priest imam rabbi pastor nurse surgeon physician mother father
  survivor victim member chairman spokesperson administrator coordinator brigadier marshal corporal whip counsel
  citizen councilor councillor negotiator`);

/** Head nouns of organizations, capitalized in names ("Department", "Embassy", "Force"). */
export const ORG_HEADS = words(`
  department ministry embassy consulate force forces council journal house agency agencies
  commission association union nations party army navy police court university bank times post
  news guard corps committee organization organisation institute office service authority front
  movement group company corp. corporation inc. ltd. co. federation parliament assembly senate
  congress government administration bureau board centre center foundation fund league alliance
  network press tribune herald telegraph guardian daily gazette reuters brigade brigades battalion
  regiment militia directorate secretariat cabinet mission delegation coalition club`);

/** Lower-case nouns that head an organization phrase in running text ("the interior ministry"). */
export const ORG_NOUNS = words(`
  ministry department agency embassy consulate government police army military authorities
  service commission council delegation office committee association union party court bureau
  administration company firm group network agency newspaper broadcaster station regime forces
  militia opposition coalition parliament spokesperson's`);

/** Capitalized words that are never part of a person's name (places, calendar, structure). */
export const NOT_NAME_WORDS = words(`
  united states kingdom nations union america american north south east west northern southern
  eastern western central new old great saint st. san santa los las el la le de del port road
  street avenue square river sea ocean lake mountains mountain city province county district
  region island islands bay gulf coast valley park bridge airport station republic empire camp
  fort base route aboard
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept.
  oct. nov. dec. today yesterday tomorrow the a an and or of for in on at by to with from
  i we you he she they it this that these those his her their our my your its
  reuters ap afp bbc cnn twitter facebook instagram youtube god christmas easter eid
  question answer q a moderator operator briefing voa npr statement statements opening remarks
  readout transcript testimony updates reporters regime`);

/**
 * Head nouns of unnamed sources: "a senior administration official", "witnesses", "shipping
 * agents". A phrase ending in one of these, with no name in it, is an anonymous source.
 */
export const SOURCE_HEADS = words(`
  official officials source sources diplomat diplomats aide aides witness witnesses resident
  residents agent agents analyst analysts officer officers person people insider insiders
  adviser advisers advisor advisors strategist strategists
  spokesman spokeswoman spokesperson spokespeople expert experts observer observers activist activists medic
  medics doctor doctors worker workers employee employees member members lawmaker lawmakers
  investigator investigators relative relatives survivor survivors villager villagers
  eyewitness eyewitnesses rescuer rescuers negotiator negotiators staffer staffers colleague
  colleagues friend friends neighbor neighbors neighbour neighbours authorities critics critic
  supporters opponents protesters demonstrators prosecutors lawyers organizers organisers
  families parents students teachers farmers traders troops soldiers commanders economists
  scientists specialists researchers scholars voters respondents backers allies donors delegates
  speakers participants`);

/** Nouns naming a written or broadcast statement: "the statement said" speaks for its author. */
export const STATEMENT_NOUNS = words(`statement statements release communique communiqué letter post tweet message notice`);

/**
 * Documents a story cites as its source ("according to a new poll", "according to court
 * records"): the document is an unnamed source of what it reports.
 */
export const DOCUMENT_NOUNS = words(`
  poll polls survey surveys report reports data study studies analysis records documents
  filings figures estimates statistics tally count census memo memos transcript transcripts
  indictment complaint lawsuit affidavit filing website newspaper paper magazine index ranking
  rankings tracker projections forecast average averages results emails interviews`);

/** Words of the attribution that tell the medium ("in a statement", "a news conference"). */
export const MEDIUM_CUES: readonly { readonly pattern: RegExp; readonly medium: "statement" | "tweet" | "briefing" | "interview" }[] = [
  { pattern: /\b(statement|communiqu[eé]|press release|written)\b/i, medium: "statement" },
  { pattern: /\b(tweet(ed)?|on twitter|on x\b|posted)\b/i, medium: "tweet" },
  { pattern: /\b(news conference|press conference|briefing|press briefing|told reporters)\b/i, medium: "briefing" },
  { pattern: /\b(interview|by telephone|by phone)\b/i, medium: "interview" },
];

/** Personal pronouns in the subject case ("he said", "they looked"), lower case. */
export const PERSONAL_SUBJECT_PRONOUNS = words(`he she they we it i you`);

/** Personal pronouns that can be the subject of a reporting verb, with the gender they imply. */
export const SUBJECT_PRONOUNS: ReadonlyMap<string, "male" | "female" | null> = new Map([
  ["he", "male"],
  ["she", "female"],
]);

/** Abbreviated titles and the role noun a later reference uses ("Rear Adm. Jane Doe" ... "the admiral"). */
export const TITLE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["adm.", "admiral"], ["gen.", "general"], ["col.", "colonel"], ["lt.", "lieutenant"], ["sgt.", "sergeant"],
  ["maj.", "major"], ["capt.", "captain"], ["cmdr.", "commander"], ["sen.", "senator"], ["rep.", "representative"],
  ["gov.", "governor"], ["amb.", "ambassador"], ["det.", "detective"], ["insp.", "inspector"], ["supt.", "superintendent"],
  ["prof.", "professor"], ["pres.", "president"], ["atty.", "attorney"],
]);

/**
 * Abbreviations whose full stop ends no sentence ("Gen. Doe", "Mr. Roe", "No. 2"), lower case with the
 * stop. The one list for sentence ends; it holds TITLE_ABBREVIATIONS' keys, which stay a map of their own
 * because only those name a role ("Gen." → "the general"), while "Mr.", "Dr." or "Jr." name none.
 */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS.keys(),
  ...words(`mr. mrs. ms. dr. st. jr. sr. rev. no.`),
]);

/** Title words that tell a person's gender (used only to check pronouns). */
export const GENDERED_WORDS: ReadonlyMap<string, "male" | "female"> = new Map([
  ["mr.", "male"], ["mr", "male"], ["mister", "male"], ["spokesman", "male"], ["chairman", "male"], ["congressman", "male"],
  ["king", "male"], ["prince", "male"], ["sir", "male"], ["lord", "male"], ["father", "male"],
  ["ms.", "female"], ["ms", "female"], ["mrs.", "female"], ["mrs", "female"], ["miss", "female"],
  ["spokeswoman", "female"], ["chairwoman", "female"], ["congresswoman", "female"], ["queen", "female"],
  ["princess", "female"], ["dame", "female"], ["lady", "female"], ["mother", "female"],
]);

/**
 * Given names that tell a person's gender in English-language news (used only to check "he" and
 * "she"). Names borne by both sexes ("Chris", "Dana", "Jean", "Kim", "Pat") are left out.
 */
export const MALE_GIVEN_NAMES = words(`
  aaron abdul abdullah adam ahmed alan albert alexander ali andrew anthony antonio arnold ashton
  barack barry ben benjamin bernie bill bob bobby boris brad brian bruce bryan carl carlos charles
  charlie chuck colin craig dan daniel darrell dave david dennis dick don donald doug douglas ed
  eddie edward emmanuel eric frank fred gary george gerald gordon greg gregory harold harry henry
  howard ivan jack jacob james jason jeb jeff jeffrey jerry jim jimmy joe joel john johnny jon
  jonathan jorge jose joseph josh joshua juan justin keith ken kenneth kevin larry lindsey lloyd
  luis marco mark martin matt matthew michael mike mitch mitt mohammed muhammad nathan newt nicholas
  nick omar patrick paul peter phil philip ralph rand raymond reince richard rick rob robert roger
  ron ronald rudy russell ryan sam samuel scott sean sergei stephen steve steven ted thomas tim
  timothy todd tom tony vladimir walter wayne william xi yuri
  saddam osama hosni yasser ibrahim hassan hamid mahmoud ahmad uhuru kofi winston adolf yitzhak
  ariel shimon ehud
`);

/** Given names borne by women (see MALE_GIVEN_NAMES). */
export const FEMALE_GIVEN_NAMES = words(`
  alice alison amanda amy andrea angela ann anna anne barbara betsy betty beverly carly carol
  caroline catherine cheryl christine claire claudia condoleezza cynthia deborah debbie diana
  diane donna dorothy elaine elizabeth ellen emily emma evelyn frances gina gloria hannah heather
  heidi helen hillary huma ivanka jane janet janice jennifer jessica jill joan joanna joni joyce
  judith judy julia julie karen kate katherine kathleen kathy kelly kellyanne kirsten laura lauren
  linda lisa lori lynn madeleine margaret maria marie marine marsha martha mary megan melania
  melissa michelle monica nancy natalie nicole nikki olivia pamela patricia patty paula rachel
  rebecca rose ruth samantha sandra sarah sharon sheila shirley stephanie susan susana tammy
  teresa theresa tulsi valerie victoria virginia wendy yvonne roxana harriet eleanor sylvie nadia
  laurene
`);

/**
 * Organizations that wire copy names several ways: one canonical name for each, so "State
 * Department" and "U.S. Department of State" are one organization. Keys are lower case. A
 * metonym stays as written: "the Pentagon" (the building that stands for the department) is
 * listed as the story names it, beside the department when the story names that too.
 */
export const ORGANIZATION_ALIASES: ReadonlyMap<string, string> = new Map([
  ["state department", "U.S. Department of State"],
  ["u.s. state department", "U.S. Department of State"],
  ["us state department", "U.S. Department of State"],
  ["department of state", "U.S. Department of State"],
  ["u.s. department of state", "U.S. Department of State"],
  ["defense department", "U.S. Department of Defense"],
  ["department of defense", "U.S. Department of Defense"],
  ["u.s. department of defense", "U.S. Department of Defense"],
  ["u.s. defense department", "U.S. Department of Defense"],
  ["eu", "European Union"],
  ["un", "United Nations"],
  ["u.n.", "United Nations"],
]);

/**
 * How news writing describes some agencies instead of naming them ("the U.N. refugee agency" for
 * UNHCR): a description that ends so is that agency, when the story names it too.
 */
export const DESCRIBED_AGENCIES: readonly { readonly description: RegExp; readonly names: readonly string[] }[] = [
  { description: /\brefugee agency$/i, names: ["UNHCR", "United Nations High Commissioner for Refugees", "Office of the United Nations High Commissioner for Refugees"] },
  { description: /\bchildren['’]?s (?:agency|fund)$/i, names: ["UNICEF", "United Nations Children's Fund"] },
  { description: /\bnuclear (?:watchdog|agency)$/i, names: ["IAEA", "International Atomic Energy Agency"] },
  { description: /\bfood (?:agency|aid agency)$/i, names: ["WFP", "World Food Program", "World Food Programme"] },
  { description: /\b(?:world )?health (?:agency|body)$/i, names: ["WHO", "World Health Organization"] },
];

/** Titles whose holder belongs to an organization the title itself does not name. */
export const TITLE_ORGANIZATIONS: readonly { readonly title: RegExp; readonly organization: string }[] = [
  { title: /\bsecretary of state\b/i, organization: "U.S. Department of State" },
  { title: /\bwhite house\b/i, organization: "White House" },
];

/** Organizations named by one word or an acronym, which the capitalized-run rule cannot see. */
export const KNOWN_ORGANIZATIONS = words(`
  Pentagon Kremlin Reuters AP AFP NATO Hamas Hezbollah Taliban UNICEF UNHCR OPEC
  Interpol Europol Anadolu Congress Senate CIA FBI ISIS ISIL Daesh VOA BBC CNN NPR RFA Xinhua`);

/**
 * Broadcasters and agencies whose names have no organization head ("Voice of America", and "World Food
 * Program" where no "United Nations"/"UN" opens it, a name read as before), which
 * a story names as a body like any other: the outlet is one of the story's organizations.
 */
export const KNOWN_ORGANIZATION_NAMES = /(?<![\p{L}])(?:Voice of America|Radio Free Europe\/Radio Liberty|Radio Free (?:Asia|Europe)|Radio Liberty|Al Jazeera|Deutsche Welle|Associated Press|(?<!(?:Nations|U\.?N\.?)\s)World Food Programm?e?)(?![\p{L}])/gu;

// Answers of wink's lexicon, kept per word: the rule asks about few words, and the bound keeps a
// long-running server's cache small whatever text it is sent.
const pluralNounAnswers = new Map<string, boolean>();
const PLURAL_NOUN_ANSWERS_KEPT = 10_000;

/**
 * Whether a word is the plural of a common noun wink's lexicon knows ("Civilians", "Separatists",
 * "Villagers": their lemma is a singular the lexicon lists as a noun); a name that merely ends in
 * "s" ("Reuters", "Hamas", "Jones") is not, since wink leaves an unknown word as it is.
 */
export function isCommonPluralNoun(word: string): boolean {
  const lower = word.toLowerCase();
  const known = pluralNounAnswers.get(lower);
  if (known !== undefined) return known;
  let answer = false;
  if (/^\p{Ll}{4,}s$/u.test(lower)) {
    const lemma = lemmaOfWord(lower);
    answer = lemma !== lower && lemma.length >= 3 && lower.startsWith(lemma.slice(0, Math.min(lemma.length, 3)));
  }
  if (pluralNounAnswers.size >= PLURAL_NOUN_ANSWERS_KEPT) pluralNounAnswers.clear();
  pluralNounAnswers.set(lower, answer);
  return answer;
}
