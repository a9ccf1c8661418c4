// Calendar arithmetic on whole UTC days (days since 1970-01-01), the unit the corpus plans in.

const MS_PER_DAY = 86_400_000;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
/** AP style abbreviates these months before a day ("Sept. 4") and spells out the rest. */
const AP_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** The day number of a calendar date. */
export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Midnight UTC of a day number (what a @db.Date column stores). */
export function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

/** A moment within a day: `minutes` after midnight UTC. */
export function instantOf(day: number, minutes: number): Date {
  return new Date(day * MS_PER_DAY + minutes * 60_000);
}

/** "Tuesday". */
export function weekdayName(day: number): string {
  return WEEKDAYS[dateOf(day).getUTCDay()] as string;
}

/** "Sept. 4" (AP style). */
export function apDate(day: number): string {
  const date = dateOf(day);
  return `${AP_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "September 28, 2018" (the date line of an embedded tweet). */
export function longDate(day: number): string {
  const date = dateOf(day);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** "March". */
export function monthName(day: number): string {
  return MONTHS[dateOf(day).getUTCMonth()] as string;
}

/** Monday..Sunday of the week before the week that contains `day`. */
export function previousWeek(day: number): { readonly first: number; readonly last: number } {
  const weekday = (dateOf(day).getUTCDay() + 6) % 7; // Monday = 0
  const monday = day - weekday;
  return { first: monday - 7, last: monday - 1 };
}

/** First and last day of the month before the month that contains `day`. */
export function previousMonth(day: number): { readonly first: number; readonly last: number } {
  const date = dateOf(day);
  const firstOfThis = dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  const last = firstOfThis - 1;
  const lastDate = dateOf(last);
  return { first: dayOf(lastDate.getUTCFullYear(), lastDate.getUTCMonth() + 1, 1), last };
}

/** "yyyy/mm/dd" for URLs. */
export function urlDate(day: number): string {
  return dateOf(day).toISOString().slice(0, 10).replaceAll("-", "/");
}
