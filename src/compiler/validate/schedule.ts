import type { FunctionModel, ScheduleFunction } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { argumentLocation } from './part-locations';

const RATE = /^rate\((\d+) (minutes?|hours?|days?)\)$/;
const CRON = /^cron\((.*)\)$/;

/**
 * EventBridge schedule expressions: `rate(value unit)` with a positive integer and a singular
 * unit iff the value is 1, or `cron(...)` with six fields, one of day-of-month and day-of-week `?`
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 */
export function validateSchedules(functions: readonly FunctionModel[]): Diagnostic[] {
  return functions
    .filter((fn): fn is ScheduleFunction => fn.kind === 'schedule')
    .flatMap((fn) => {
      const problem = expressionProblem(fn.expression);
      return problem
        ? [
            error(
              'APPC330',
              `invalid schedule expression '${fn.expression}': ${problem.what}`,
              problem.fix,
              argumentLocation(fn),
            ),
          ]
        : [];
    });
}

interface Problem {
  what: string;
  fix: string;
}

function expressionProblem(expression: string): Problem | undefined {
  if (expression.startsWith('rate(')) return rateProblem(expression);
  if (expression.startsWith('cron(')) return cronProblem(expression);
  return {
    what: "it is neither 'rate(...)' nor 'cron(...)'",
    fix: "Write 'rate(5 minutes)', 'cron(0 12 * * ? *)', or use new Rate(...) / new Cron(...).",
  };
}

function rateProblem(expression: string): Problem | undefined {
  const match = RATE.exec(expression);
  if (!match)
    return {
      what: 'a rate is a whole number and minute(s), hour(s) or day(s)',
      fix: "Write e.g. 'rate(5 minutes)' or use new Rate(5, Rate.MINUTES).",
    };
  const value = Number(match[1]);
  const singular = !match[2].endsWith('s');
  if (value <= 0) return { what: 'the rate must be positive', fix: "Use a value of 1 or more, e.g. 'rate(1 minute)'." };
  if (singular === (value === 1)) return undefined;
  const unit = singular ? `${match[2]}s` : match[2].slice(0, -1);
  return {
    what: `the unit must be ${value === 1 ? 'singular' : 'plural'} for ${value}`,
    fix: `Write 'rate(${value} ${unit})', or use new Rate(...).`,
  };
}

function cronProblem(expression: string): Problem | undefined {
  const fields = CRON.exec(expression)?.[1].trim().split(/\s+/) ?? [];
  if (fields.length !== 6) {
    return {
      what: `a cron has 6 fields (minutes hours day-of-month month day-of-week year), this has ${fields.length}`,
      fix: "Write e.g. 'cron(0 12 * * ? *)' or use new Cron(...).",
    };
  }
  if (fields[2] !== '?' && fields[4] !== '?') {
    return {
      what: "one of day-of-month and day-of-week must be '?'",
      fix: `Write e.g. 'cron(${[...fields.slice(0, 4), '?', fields[5]].join(' ')})'.`,
    };
  }
  return undefined;
}
