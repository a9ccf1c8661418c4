import type { Random } from "./random.js";

// The corpus makes its own ids instead of letting PostgreSQL's uuid(7) default pick them, so
// that the same seed gives the same ids and keyset cursors over `id` are reproducible. They
// are shaped like UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, version 7, 12 random bits,
// variant 10, 62 random bits. The milliseconds come from a simulated clock that only moves
// forward, so ids sort (as PostgreSQL compares uuids: byte by byte) in the order they were
// handed out, and the record's createdAt is the same instant its id carries.

/** An id and the instant it was made (the record's createdAt). */
export interface Stamp {
  readonly id: string;
  readonly at: Date;
}

/** Milliseconds the simulated clock moves between two records, at most. */
const MAX_STEP_MS = 6;

/** A simulated clock that hands out increasing UUIDv7-shaped ids and the instants they stand for. */
export class IdClock {
  private ms: number;

  /** startMs: the Unix milliseconds of the first id; random: where the random bits come from. */
  constructor(
    private readonly random: Random,
    startMs: number,
  ) {
    this.ms = startMs;
  }

  /** The current instant, moved forward first so that no two records share one. */
  tick(): Date {
    this.ms += this.random.int(1, MAX_STEP_MS);
    return new Date(this.ms);
  }

  /** Moves the clock forward by at least `ms` (a pause between two phases of work). */
  advance(ms: number): void {
    this.ms += Math.max(0, Math.floor(ms));
  }

  /** A new id, greater than every id handed out before, with its instant. */
  stamp(): Stamp {
    const at = this.tick();
    return { id: uuidV7At(this.ms, this.random), at };
  }
}

/** A UUIDv7-shaped string for the given Unix milliseconds, its random bits drawn from `random`. */
export function uuidV7At(ms: number, random: Random): string {
  const time = ms.toString(16).padStart(12, "0");
  if (time.length > 12) throw new RangeError(`uuidV7At: ${ms} does not fit in 48 bits`);
  const randA = random.hex(3);
  const variant = (0x8 | random.int(0, 3)).toString(16);
  const rest = random.hex(15);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA}-${variant}${rest.slice(0, 3)}-${rest.slice(3, 15)}`;
}
