/** Milliseconds per stage, in the order the stages ran (`appc package` prints them). */
export type Timings = Array<[label: string, ms: number]>;

/** Records how long each stage of a run takes. */
export class StageTimer {
  readonly timings: Timings = [];

  time<T>(label: string, run: () => T): T {
    const start = performance.now();
    try {
      return run();
    } finally {
      this.timings.push([label, performance.now() - start]);
    }
  }

  async timeAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      this.timings.push([label, performance.now() - start]);
    }
  }
}
