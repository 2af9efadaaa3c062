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
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (dir: string, name: string) => {
    const file = path.relative(projectDir, path.join(dir, name)).split(path.sep).join('/');
    // Files written into a new directory before its watcher existed count as changed.
    if (isDirectory(path.join(dir, name))) for (const added of sync()) filesIn(added).forEach((f) => changed(added, f));
    if (!isRelevant(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending.clear();
      if (!closed) onChange(files);
    }, debounceMs);
  };

  /** Watches the project's directories as they are now; returns the ones it started watching. */
  const sync = (): string[] => {
    const added: string[] = [];
    const dirs = new Set(projectDirectories(projectDir));
    for (const [dir, watcher] of watchers) {
      if (!dirs.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = fs.watch(dir, (_event, name) => name && changed(dir, name.toString()));
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
        added.push(dir);
      } catch {
        // The directory went away between the walk and the watch.
      }
    }
    return added;
  };

  sync();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
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
