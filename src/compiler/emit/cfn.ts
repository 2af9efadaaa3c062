/**
 * Small helpers for CloudFormation intrinsic functions and the JSON values emitters build.
 * Emitters return plain objects whose key order is the order they are written in.
 */

import type { JsonObject } from '../model/json';

export type { Json, JsonObject } from '../model/json';

/** `{ "Ref": id }`: a resource's primary identifier (a function's name, an API's id). */
export function ref(logicalId: string): JsonObject {
  return { Ref: logicalId };
}

/** `{ "Fn::GetAtt": [id, attribute] }`. */
export function getAtt(logicalId: string, attribute: string): JsonObject {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

/** `{ "Fn::Sub": text }`, or the list form when `variables` are given. */
export function sub(text: string, variables?: JsonObject): JsonObject {
  return { 'Fn::Sub': variables ? [text, variables] : text };
}

/** A resource entry of the template: its logical ID and its definition. */
export interface ResourceEntry {
  id: string;
  resource: JsonObject;
}

/** Thrown when two resources would get one logical ID (Chalice's `DuplicateResourceNameError`). */
export class DuplicateLogicalIdError extends Error {
  constructor(readonly logicalId: string) {
    super(`A duplicate resource name was generated for the SAM template: ${logicalId}`);
    this.name = 'DuplicateLogicalIdError';
  }
}

/** Re-exported for src/compiler/emit/sam-iam.ts, which imports it with the helpers above. */
export { assertNever } from '../assert-never';
