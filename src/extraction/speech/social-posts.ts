import type { AnalyzedText } from "../text.js";
import type { TextRange } from "../types.js";

// Embedded social posts as news sites print them: the post's text on one line, then a credit
// line "— Name (@handle) Month D, YYYY". The credit makes the text a quote of that person.

/** One embedded post: its text, who posted it and when. */
export interface SocialPost {
  /** The post's words, without the trailing picture or link address. */
  readonly quote: TextRange;
  /** The whole line of the post and the credit line, which no other rule should read again. */
  readonly lines: TextRange;
  readonly credit: TextRange;
  readonly name: string;
  readonly nameRange: TextRange;
  readonly handle: string;
  readonly handleRange: TextRange;
  /** YYYY-MM-DD, or null when the credit's date does not parse. */
  readonly date: string | null;
}

const CREDIT = /^[—–-]\s*(\p{Lu}[\p{L}.'’ -]*?)\s*\((@\w{1,30})\)\s*(?:on \w+\s*)?(\p{L}+\.? \d{1,2}, \d{4})?\s*$/u;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const TRAILING_LINK = /\s*(?:pic\.twitter\.com\/\S+|https?:\/\/\S+)\s*$/;

/** "September 28, 2018" -> "2018-09-28". */
function isoDate(written: string | undefined): string | null {
  const match = written?.match(/^(\p{L}+)\.? (\d{1,2}), (\d{4})$/u);
  if (!match) return null;
  const month = MONTHS.indexOf((match[1] ?? "").slice(0, 3).toLowerCase());
  if (month < 0) return null;
  return `${match[3]}-${String(month + 1).padStart(2, "0")}-${(match[2] ?? "").padStart(2, "0")}`;
}

/** Finds embedded social posts: a credit line and the line of text right before it. */
export function findSocialPosts(analyzed: AnalyzedText): SocialPost[] {
  const { text, paragraphs } = analyzed;
  const posts: SocialPost[] = [];
  paragraphs.forEach((paragraph, index) => {
    const line = text.slice(paragraph.start, paragraph.end);
    const match = CREDIT.exec(line);
    const previous = paragraphs[index - 1];
    if (!match || !previous || match.index !== 0) return;
    const name = match[1] ?? "";
    const handle = match[2] ?? "";
    const nameStart = paragraph.start + line.indexOf(name);
    const handleStart = paragraph.start + line.indexOf(handle, nameStart - paragraph.start + name.length);
    const postText = text.slice(previous.start, previous.end);
    const link = TRAILING_LINK.exec(postText);
    const quoteEnd = previous.start + (link ? link.index : postText.trimEnd().length);
    posts.push({
      quote: { start: previous.start, end: quoteEnd },
      lines: { start: previous.start, end: paragraph.end },
      credit: paragraph,
      name,
      nameRange: { start: nameStart, end: nameStart + name.length },
      handle,
      handleRange: { start: handleStart, end: handleStart + handle.length },
      date: isoDate(match[3]),
    });
  });
  return posts;
}
