import type { AppModel, FunctionModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { closestName } from '../config/did-you-mean';
import { quoteList } from './wording';
import { describeFunction } from './function-kinds';

export const ROUTE_OPTIONS: readonly string[] = ['methods', 'name', 'authorizer', 'contentTypes', 'apiKeyRequired', 'cors'];

/** Option keys of each registration (DESIGN.md §2). */
export const FUNCTION_OPTIONS: Readonly<Record<FunctionModel['kind'], readonly string[]>> = {
  'authorizer': ['name', 'ttlSeconds', 'executionRole', 'header'],
  'schedule': ['name', 'description'],
  'lambda': ['name'],
  'sns': ['name', 'topic'],
  'sqs': ['name', 'queue', 'queueArn', 'batchSize', 'maximumBatchingWindowInSeconds', 'maximumConcurrency'],
  'cw-event': ['name', 'eventPattern'],
  'kinesis': ['name', 'stream', 'batchSize', 'startingPosition', 'maximumBatchingWindowInSeconds'],
  'dynamodb': ['name', 'streamArn', 'batchSize', 'startingPosition', 'maximumBatchingWindowInSeconds'],
  's3': ['name', 'bucket', 'events', 'prefix', 'suffix'],
};

/** Chalice rejects unexpected keyword arguments (`route() got unexpected keyword arguments`). */
export function validateUnknownOptions(model: AppModel): Diagnostic[] {
  const routes = model.routes.flatMap((route) => route.unknownOptions.map((key) =>
    error('APPC315', `unknown route option '${key}'`, remedy(key, ROUTE_OPTIONS), route.location)));
  const functions = model.functions.flatMap((fn) => fn.unknownOptions.map((key) =>
    error('APPC316', `unknown ${describeFunction(fn.kind)} option '${key}'`, remedy(key, FUNCTION_OPTIONS[fn.kind]), fn.location)));
  return [...routes, ...functions];
}

function remedy(key: string, known: readonly string[]): string {
  const guess = closestName(key, known);
  const list = `known options: ${quoteList(known)}`;
  return guess ? `Did you mean '${guess}'? (${list})` : `Remove it; ${list}.`;
}
