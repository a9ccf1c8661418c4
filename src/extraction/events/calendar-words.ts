// Month and weekday names as regular-expression alternations (no groups, no trailing "."), the one
// list the date, count, place and country rules build their patterns from.

/** The months' full names, January first. */
export const MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December";

/** The months' abbreviations as the wires print them ("Sept" and "Sep" both; May has none). */
export const MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";

/** The weekdays' full names. */
export const WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
