/** Every packaging diagnostic code with a one-line title (APPC4xx). */
export const PACKAGE_CODES = {
  APPC401: 'the app does not bundle (esbuild error)',
  APPC402: 'a production dependency is not installed',
  APPC403: 'an installed package has another version than package-lock.json lists',
  APPC404: 'package-lock.json lists a package where none is installed',
  APPC405: 'a package.json is missing or not valid JSON',
  APPC406: 'two files map to one path in deployment.zip',
  APPC420: 'the app imports a package that is not in package.json dependencies',
  APPC421: 'the app imports a file that the deny list keeps out of deployment.zip',
  APPC422: 'a symlink in lib/ or vendor/ points outside the project',
  APPC423: 'a symlink loop in lib/ or vendor/',
  APPC424: 'a file or directory to pack cannot be read',
  APPC425: 'a dependency is a symlink out of the project that package.json does not declare',
  APPC426: "deployment.zip unzipped is over Lambda's 250 MB limit",
  APPC427: 'a broken symlink in lib/ or vendor/ is left out',
  APPC428: 'lib or vendor is not a directory',
  APPC429: 'the app names a file that the deny list keeps out of deployment.zip',
} as const;
