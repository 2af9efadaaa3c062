/**
 * Runs jobs one at a time, in arrival order. `app.currentRequest` and `app.lambdaContext` are
 * per app, not per request, which is right on Lambda (one container handles one event at a
 * time) but not for a server taking requests concurrently: local mode gives the app one
 * invocation at a time, like a single warm container, so no handler sees another request's
 * `currentRequest`. A job that outlives `timeoutMs` gives up its turn (its caller gets
 * `'timeout'`) so one stuck handler cannot stall the server.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run<T>(job: () => Promise<T>, timeoutMs: number): Promise<{ value: T } | { error: unknown } | 'timeout'> {
    const result = this.tail.then(() => withTimeout(job, timeoutMs));
    this.tail = result.then(() => undefined);
    return result;
  }
}

function withTimeout<T>(job: () => Promise<T>, timeoutMs: number): Promise<{ value: T } | { error: unknown } | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    let running: Promise<T>;
    try {
      running = job();
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(
      (value) => resolve({ value }),
      (error: unknown) => resolve({ error }),
    ).finally(() => clearTimeout(timer));
  });
}
