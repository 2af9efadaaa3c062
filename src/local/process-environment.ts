/**
 * The stage's environment variables, set in this process for the app (which runs here) and
 * put back as they were when the app is reloaded or the server stops.
 */
export class ProcessEnvironment {
  /** The values the variables had before `apply`, `undefined` for unset ones. */
  private saved = new Map<string, string | undefined>();

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Restores the previous variables, then sets `variables`. */
  apply(variables: Readonly<Record<string, string>>): void {
    this.restore();
    for (const [name, value] of Object.entries(variables)) {
      this.saved.set(name, this.env[name]);
      this.env[name] = value;
    }
  }

  restore(): void {
    for (const [name, value] of this.saved) {
      if (value === undefined) delete this.env[name];
      else this.env[name] = value;
    }
    this.saved.clear();
  }
}
