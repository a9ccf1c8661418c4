import { monitorEventLoopDelay } from "node:perf_hooks";

/** The histogram's resolution (ms); like @fastify/under-pressure, it is taken off the mean it reads. */
const RESOLUTION_MS = 10;
/** How often the mean delay is read and the histogram started again. */
const SAMPLE_INTERVAL_MS = 1000;

/**
 * The event loop's mean delay over the last second, and whether it is past the bound: the
 * overload signal of HTTP requests and WebSocket subscriptions alike. Written here instead of
 * @fastify/under-pressure because that plugin's sampler also reads the process's memory
 * (`process.memoryUsage()` opens /proc), which threw EMFILE and crashed the process once slow
 * clients held every file descriptor; this sampler opens nothing.
 */
export class EventLoopPressure {
  private readonly histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly timer: NodeJS.Timeout;
  private delayMs = 0;

  /** `maxDelayMs` 0 turns the check off (the sampler still runs, for the log lines). */
  constructor(private readonly maxDelayMs: number) {
    this.histogram.enable();
    this.timer = setInterval(() => {
      const mean = this.histogram.mean / 1e6;
      this.delayMs = Number.isFinite(mean) ? Math.max(0, mean - RESOLUTION_MS) : 0;
      this.histogram.reset();
    }, SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Mean delay (ms) of the last complete sample. */
  get delay(): number {
    return this.delayMs;
  }

  /** True while the last sample's mean delay is over the bound: new work is refused. */
  get underPressure(): boolean {
    return this.maxDelayMs > 0 && this.delayMs > this.maxDelayMs;
  }

  /** Stops sampling (the server is closing). */
  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}
