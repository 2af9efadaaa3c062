/** The JSON values emitters and the policy build: plain objects whose key order is the order they are written in. */
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}
