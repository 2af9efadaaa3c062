import { LambdaEvent } from './event-sources';
import type { LambdaContext } from './events';

/** A schedule rate: `new Rate(5, Rate.MINUTES)` is `rate(5 minutes)`; `new Rate(1, Rate.DAYS)` is `rate(1 day)`. */
export class Rate {
  static readonly MINUTES = 'MINUTES';
  static readonly HOURS = 'HOURS';
  static readonly DAYS = 'DAYS';

  constructor(
    readonly value: number,
    readonly unit: RateUnit,
  ) {}

  toString(): string {
    const unit = this.unit.toLowerCase();
    return `rate(${this.value} ${this.value === 1 ? unit.slice(0, -1) : unit})`;
  }
}
export type RateUnit = 'MINUTES' | 'HOURS' | 'DAYS';

/** A cron schedule: `new Cron(0, 18, '?', '*', 'MON-FRI', '*')` is `cron(0 18 ? * MON-FRI *)`. */
export class Cron {
  constructor(
    readonly minutes: CronField,
    readonly hours: CronField,
    readonly dayOfMonth: CronField,
    readonly month: CronField,
    readonly dayOfWeek: CronField,
    readonly year: CronField,
  ) {}

  toString(): string {
    const fields = [this.minutes, this.hours, this.dayOfMonth, this.month, this.dayOfWeek, this.year];
    return `cron(${fields.join(' ')})`;
  }
}
export type CronField = string | number;

/** What `app.schedule` accepts: a `rate(...)`/`cron(...)` string, a `Rate` or a `Cron`. */
export type ScheduleExpression = string | Rate | Cron;

/** The string the template's `Schedule` property carries. */
export function scheduleExpressionString(expression: ScheduleExpression): string {
  return typeof expression === 'string' ? expression : expression.toString();
}

/** The EventBridge (CloudWatch Events) event a scheduled handler receives. */
export interface RawCloudWatchEvent {
  version?: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** What `app.schedule` and `app.onCWEvent` handlers receive (Chalice's `CloudWatchEvent`). */
export class CloudWatchEvent extends LambdaEvent<RawCloudWatchEvent> {
  readonly version: string | undefined;
  readonly account: string;
  readonly region: string;
  readonly detail: unknown;
  readonly detailType: string;
  readonly source: string;
  readonly time: string;
  readonly eventId: string;
  readonly resources: string[];

  constructor(event: RawCloudWatchEvent, context?: LambdaContext) {
    super(event, context);
    this.version = event.version;
    this.account = event.account;
    this.region = event.region;
    this.detail = event.detail;
    this.detailType = event['detail-type'];
    this.source = event.source;
    this.time = event.time;
    this.eventId = event.id;
    this.resources = event.resources;
  }
}
