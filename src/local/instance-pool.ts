/**
 * The instances of one function, scaled like Lambda scales a function out: an invocation takes
 * a warm idle instance, or a new one while there are fewer than `concurrency`, or waits its
 * turn (first come, first served). Each instance runs one invocation at a time. An invocation
 * that outlives the function's timeout is answered `timeout` and its instance discarded (its
 * state may be half-changed), as Lambda does; the next invocation gets a fresh one.
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
 * A new instance's loading (Lambda's Init phase) has its own limit: INIT_TIMEOUT_MS, then, as
 * Lambda retries a slow Init within the first invocation, the function's timeout once more;
 * past that the invocation fails. The function's timeout for the handler starts once loaded.
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
 */
import { FunctionInstance, type InstanceOptions, type InvokeResult } from './function-instance';
import type { ContextFields } from './instance-protocol';

/** Lambda's limit for the Init phase of an execution environment. */
export const INIT_TIMEOUT_MS = 10_000;

export type PoolOutcome = InvokeResult | 'timeout';

export interface PoolOptions extends InstanceOptions {
  /** The most instances at a time (`--concurrency`). */
  concurrency: number;
  /** The function's `lambda_timeout`, in milliseconds. */
  timeoutMs: number;
}

interface Job {
  exportName: string;
  event: unknown;
  /** The context for an invocation that must end by `deadline`. */
  context(deadline: number): ContextFields;
  done(outcome: PoolOutcome): void;
}

export class InstancePool {
  private readonly live = new Set<FunctionInstance>();
  /** Ready instances without an invocation; the most recently used last (reused first, as warm). */
  private readonly idle: FunctionInstance[] = [];
  private readonly waiting: Job[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** How many instances exist (busy, idle or starting). */
  get size(): number {
    return this.live.size;
  }

  /**
   * Starts an instance now (a cold start before any request); resolves with what its bundle exports, its load error, or
   * `'timeout'`.
   */
  async warm(): Promise<{ exports: string[] } | { error: Error } | 'timeout'> {
    const instance = this.spawn();
    const ready = await withDeadline(Date.now() + this.options.timeoutMs, () => instance.ready);
    if (ready === 'timeout' || 'error' in ready) this.discard(instance);
    else this.release(instance);
    return ready;
  }

  /** Runs `exportName` of the bundle on an instance of this function. */
  invoke(exportName: string, event: unknown, context: (deadline: number) => ContextFields): Promise<PoolOutcome> {
    if (this.closed) return Promise.resolve({ error: new Error('appc local is stopping') });
    return new Promise((done) => {
      this.waiting.push({ exportName, event, context, done });
      this.dispatch();
    });
  }

  /** Ends every instance, busy ones too, and answers the waiting invocations with an error. */
  close(): void {
    this.closed = true;
    for (const instance of this.live) instance.terminate();
    this.live.clear();
    this.idle.length = 0;
    for (const job of this.waiting.splice(0)) job.done({ error: new Error('appc local is stopping') });
  }

  /** Gives waiting invocations to idle instances, then to new ones up to `concurrency`. */
  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      const instance = this.idle.pop() ?? (this.live.size < this.options.concurrency ? this.spawn() : undefined);
      if (!instance) return;
      void this.run(this.waiting.shift() as Job, instance);
    }
  }

  private async run(job: Job, instance: FunctionInstance): Promise<void> {
    const outcome = await this.invokeOn(instance, job);
    if (outcome === 'timeout' || !instance.alive) this.discard(instance);
    else this.release(instance);
    job.done(outcome);
    this.dispatch();
  }

  /** Waits for the instance to be ready (a cold start), then runs the job with the function's timeout. */
  private async invokeOn(instance: FunctionInstance, job: Job): Promise<PoolOutcome> {
    const started = await withDeadline(Date.now() + INIT_TIMEOUT_MS + this.options.timeoutMs, () => instance.ready);
    if (started === 'timeout')
      return {
        error: new Error(
          `the function instance did not finish loading within ${(INIT_TIMEOUT_MS + this.options.timeoutMs) / 1000} s (Lambda's Init limit, then the function's timeout)`,
        ),
      };
    if ('error' in started) return started;
    const deadline = Date.now() + this.options.timeoutMs;
    return withDeadline(deadline, () => instance.invoke(job.exportName, job.event, job.context(deadline)));
  }

  private spawn(): FunctionInstance {
    const instance = new FunctionInstance({
      ...this.options,
      onStrayError: (error) => {
        this.discard(instance);
        this.options.onStrayError(error);
      },
    });
    this.live.add(instance);
    return instance;
  }

  private release(instance: FunctionInstance): void {
    if (this.closed) instance.terminate();
    else this.idle.push(instance);
  }

  private discard(instance: FunctionInstance): void {
    instance.terminate();
    this.live.delete(instance);
    const at = this.idle.indexOf(instance);
    if (at >= 0) this.idle.splice(at, 1);
  }
}

/** `work()`'s result (it never rejects), or `'timeout'` once `deadline` (epoch ms) passes first. */
function withDeadline<T>(deadline: number, work: () => Promise<T>): Promise<T | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    void work()
      .then(resolve)
      .finally(() => clearTimeout(timer));
  });
}
