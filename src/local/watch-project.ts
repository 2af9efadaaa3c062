/**
 * `--autoreload`: calls back (debounced) when a file that matters to the app changes. Uses one
 * non-recursive `fs.watch` per project directory (node_modules and dot-directories other than
 * .appc left out; Node 20's recursive watch on Linux would walk node_modules too), and watches
 * directories rather than files so editors that save by renaming are seen.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProjectWatcher {
  close(): void;
}

/**
 * Watches `projectDir`; `isRelevant` gets each changed path (POSIX, relative to the project)
 * and `onChange` the relevant ones once no change came for `debounceMs`.
 */
export function watchProject(
  projectDir: string,
  isRelevant: (file: string) => boolean,
  onChange: (files: string[]) => void,
  debounceMs = 100,
): ProjectWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  const batch = debouncedBatch(onChange, debounceMs);

  const changed = (dir: string, name: string) => {
    const file = path.relative(projectDir, path.join(dir, name)).split(path.sep).join('/');
    // Files written into a new directory before its watcher existed count as changed.
    if (isDirectory(path.join(dir, name))) for (const added of sync()) filesIn(added).forEach((f) => changed(added, f));
    if (isRelevant(file)) batch.add(file);
  };
  const sync = () => syncWatchers(watchers, projectDirectories(projectDir), changed);

  sync();
  return {
    close() {
      batch.close();
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** Collects files and passes them, sorted, to `onChange` once none came for `debounceMs`. */
function debouncedBatch(
  onChange: (files: string[]) => void,
  debounceMs: number,
): { add(file: string): void; close(): void } {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  return {
    add(file) {
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending].sort();
        pending.clear();
        if (!closed) onChange(files);
      }, debounceMs);
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}

/** Watches `dirs` (the project's directories as they are now) and no others; returns the ones it started watching. */
function syncWatchers(
  watchers: Map<string, fs.FSWatcher>,
  dirs: Iterable<string>,
  changed: (dir: string, name: string) => void,
): string[] {
  const wanted = new Set(dirs);
  for (const [dir, watcher] of watchers) {
    if (!wanted.has(dir)) {
      watcher.close();
      watchers.delete(dir);
    }
  }
  const added: string[] = [];
  for (const dir of wanted) {
    if (watchers.has(dir)) continue;
    const watcher = watchDirectory(dir, changed, () => watchers.delete(dir));
    if (!watcher) continue;
    watchers.set(dir, watcher);
    added.push(dir);
  }
  return added;
}

function watchDirectory(
  dir: string,
  changed: (dir: string, name: string) => void,
  onError: () => void,
): fs.FSWatcher | undefined {
  try {
    const watcher = fs.watch(dir, (_event, name) => name && changed(dir, name.toString()));
    watcher.on('error', () => {
      watcher.close();
      onError();
    });
    return watcher;
  } catch {
    // The directory went away between the walk and the watch.
    return undefined;
  }
}

/** The project directory and its subdirectories, without node_modules and dot-directories other than .appc. */
function projectDirectories(root: string): string[] {
  const dirs = [root];
  for (let i = 0; i < dirs.length; i++) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dirs[i], { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      if (entry.name.startsWith('.') && !(dirs[i] === root && entry.name === '.appc')) continue;
      dirs.push(path.join(dirs[i], entry.name));
    }
  }
  return dirs;
}

function filesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
