/**
 * The part of npm-packlist's API appc uses (the package ships no types). `tree` is an
 * @npmcli/arborist node; packlist reads only `path`, `package`, `isProjectRoot`,
 * `edgesOut` (for bundled dependencies) and `workspaces`.
 */
declare module 'npm-packlist' {
  interface PacklistTree {
    path: string;
    package: object;
    isProjectRoot: boolean;
    edgesOut: Map<string, unknown>;
  }
  /** The package's files as `npm pack` would publish them, POSIX paths relative to `tree.path`. */
  function packlist(tree: PacklistTree): Promise<string[]>;
  export = packlist;
}
