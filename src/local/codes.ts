/** Every `appc local` diagnostic code with a one-line title (APPC6xx). */
export const LOCAL_CODES = {
  APPC601: 'the app throws while loading (its module-level code, or a package it requires)',
  APPC602: 'the bundle lacks a handler the API needs',
  APPC603: 'the server cannot listen on the host and port',
  APPC604: "the app's module-level code does not finish within the function's timeout",
  APPC605: 'the function `appc invoke` runs throws (its handler throws or rejects)',
  APPC606: 'the function `appc invoke` runs does not finish within its lambda_timeout',
} as const;
