/** Log levels, as Python's logging module names them (Chalice's logger). */
export const LOG_LEVELS = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 } as const;
export type LogLevel = keyof typeof LOG_LEVELS;

/**
 * `app.log`: writes `<appName> - LEVEL - message` lines to stdout (CloudWatch Logs on
 * Lambda). Default level ERROR; `app.debug = true` lowers it to DEBUG.
 */
export class Logger {
  level: LogLevel = 'ERROR';
  /** Where lines go; tests and `appc local` may replace it. */
  write: (line: string) => void = (line) => process.stdout.write(line);

  constructor(readonly name: string) {}

  setLevel(level: LogLevel): void {
    if (!(level in LOG_LEVELS)) throw new TypeError(`unknown log level ${String(level)}`);
    this.level = level;
  }

  isEnabledFor(level: LogLevel): boolean {
    return LOG_LEVELS[level] >= LOG_LEVELS[this.level];
  }

  debug(message: unknown): void {
    this.log('DEBUG', message);
  }
  info(message: unknown): void {
    this.log('INFO', message);
  }
  warning(message: unknown): void {
    this.log('WARNING', message);
  }
  warn(message: unknown): void {
    this.log('WARNING', message);
  }
  error(message: unknown): void {
    this.log('ERROR', message);
  }
  critical(message: unknown): void {
    this.log('CRITICAL', message);
  }

  log(level: LogLevel, message: unknown): void {
    if (this.isEnabledFor(level)) this.write(`${this.name} - ${level} - ${String(message)}\n`);
  }
}
