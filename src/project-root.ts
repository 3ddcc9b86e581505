import fs from 'node:fs';
import path from 'node:path';

/** The checkout's root folder, whether this code runs from its sources (tsx, tests) or from dist/. */
export const PROJECT_ROOT = rootAbove(import.meta.dirname);

const BUILD_FOLDER = path.join(PROJECT_ROOT, 'dist');

/**
 * The source file a path inside the build stands for: React components are bundled by AdminJS from
 * their .tsx sources, so a path computed next to compiled code is taken back to the source tree.
 */
export function sourceFileOf(file: string): string {
  const inBuild = path.relative(BUILD_FOLDER, file);
  return inBuild.startsWith('..') || path.isAbsolute(inBuild) ? file : path.join(PROJECT_ROOT, inBuild);
}

function rootAbove(folder: string): string {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`No package.json above ${folder}`);
  }
}
