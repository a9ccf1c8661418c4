// A small seeded PRNG for the generated corpus. Math.random cannot be seeded, and the corpus
// must come out the same, id for id, for the same seed on every machine and Node version, so
// the generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
// public domain) seeded through a murmur3-style finalizer. Only 32-bit integer arithmetic is
// used (Math.imul, >>>), which JavaScript defines exactly.

/** What a corpus seed may be: a number (as the CLI passes it) or any string. */
export type Seed = number | string;

/** One label of a derived stream: a name ("article") or a number (the article's index). */
export type StreamLabel = string | number;

/** murmur3's 32-bit finalizer: spreads every input bit over the whole word. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds a string into a running 32-bit hash (FNV-1a over UTF-16 code units, then mixed). */
function hashString(text: string, hash: number): number {
  let h = (hash ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h ^ text.length);
}

/** Folds a seed and stream labels into one 32-bit word; different labels give unrelated streams. */
function hashLabels(seed: Seed, labels: readonly StreamLabel[]): number {
  // Numbers and strings are kept apart ("1" and 1 are different seeds) by a type tag.
  let h = hashString(`${typeof seed === "number" ? "n" : "s"}:${String(seed)}`, 0x9e3779b9);
  for (const label of labels) h = hashString(`${typeof label === "number" ? "n" : "s"}:${String(label)}`, h);
  return h;
}

/** A seeded stream of pseudo-random numbers with the helpers the corpus needs. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(word: number) {
    // Four different mixes of one word fill the state; sfc32's counter (d) makes any state safe.
    this.a = fmix32(word ^ 0x243f6a88);
    this.b = fmix32(word ^ 0x85a308d3);
    this.c = fmix32(word ^ 0x13198a2e);
    this.d = 1;
    // The first outputs of a fresh state are still correlated with the seed: discard them.
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  /** The stream for a seed and a path of labels, e.g. Random.from(seed, "article", 41). */
  static from(seed: Seed, ...labels: StreamLabel[]): Random {
    return new Random(hashLabels(seed, labels));
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`Random.int: empty range ${min}..${max}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max), rounded to `digits` decimals so it prints the same everywhere. */
  float(min: number, max: number, digits = 3): number {
    const scale = 10 ** digits;
    return Math.round((min + this.next() * (max - min)) * scale) / scale;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("Random.pick: empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value of a weighted list of [value, weight] pairs (weights need not sum to 1). */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError("Random.weighted: empty list");
    return last[0];
  }

  /** Up to k distinct elements of a list, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const count = Math.min(k, copy.length);
    // A partial Fisher-Yates shuffle: only the first `count` places are settled.
    for (let i = 0; i < count; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const swap = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = swap;
    }
    return copy.slice(0, count);
  }

  /** `length` lowercase hexadecimal digits. */
  hex(length: number): string {
    let out = "";
    while (out.length < length) out += this.uint32().toString(16).padStart(8, "0");
    return out.slice(0, length);
  }
}
