/** Every packaging diagnostic code with a one-line title (APPC4xx). */
export const PACKAGE_CODES = {
  APPC401: 'the app does not bundle (esbuild error)',
  APPC402: 'a production dependency is not installed',
  APPC403: 'an installed package has another version than package-lock.json lists',
  APPC404: 'package-lock.json lists a package where none is installed',
  APPC405: 'a package.json is missing or not valid JSON',
  APPC406: 'two files map to one path in deployment.zip',
} as const;
