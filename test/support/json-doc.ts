/**
 * Generated JSON (templates, swagger, events, HTTP replies) as tests read it. Assertions walk it
 * by path and compare what they find, so a wrong path fails the test; typing every document the
 * emitters produce would only restate them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: read by path, checked by assertions
export type JsonDoc = any;
