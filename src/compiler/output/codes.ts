/**
 * Every diagnostic code of the command line and of writing OUT, with a one-line title
 * (APPC440-APPC459: output, filesystem, usage). Usage problems exit 2, the others 1.
 */
export const OUTPUT_CODES = {
  APPC440: 'OUT is empty',
  APPC441: 'OUT, or a directory above it, is a file',
  APPC442: 'OUT is the project directory or contains it',
  APPC443: 'OUT holds files appc did not write',
  APPC444: 'OUT cannot be written (permissions, disk full, a file in the way)',
  APPC445: 'another appc run holds the lock on OUT',
  APPC446: "the stage name breaks API Gateway's rules",
  APPC447: 'a policy file is outside the directory it must stay in',
  APPC448: 'app.ts is not a readable file',
  APPC449: 'a project file or directory cannot be read',
  APPC450: 'the project nests too deeply for appc to read',
  APPC451: 'a command-line argument is not valid',
} as const;

export type OutputCode = keyof typeof OUTPUT_CODES;
