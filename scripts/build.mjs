// Compiles the server's TypeScript to plain JavaScript in dist/, so `npm start` runs node itself: a
// signal to npm's pid reaches the app (through no tsx in between), and nothing compiles at start.
//   node scripts/build.mjs             build (npm's `prepare`, after every npm install / npm ci)
//   node scripts/build.mjs --if-stale  build only when a source file changed since (npm's `prestart`)
// The React components are not built here: AdminJS bundles them from their .tsx sources at start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const SOURCE_FOLDERS = ['src', 'resources', 'dashboards', 'migrations'];
const OUT = path.join(root, 'dist');
const STAMP = path.join(OUT, '.sources');
const LOCK = path.join(root, '.dist-build.lock');

const sources = SOURCE_FOLDERS.flatMap((folder) => listSources(path.join(root, folder))).sort();
const fingerprint = fingerprintOf([...sources, path.join(root, 'package.json'), import.meta.filename]);

if (process.argv.includes('--if-stale') && readStamp() === fingerprint) process.exit(0);
await withLock(async () => {
  // Another start may have built it while this one waited for the lock.
  if (readStamp() === fingerprint) return;
  const staging = `${OUT}.${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  await build({
    entryPoints: sources,
    outdir: staging,
    outbase: root,
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'transform',
    sourcemap: 'linked',
    logLevel: 'warning',
    // tsconfig's module settings, without tsconfig's include list (it names test/ and bench/ too).
    tsconfigRaw: { compilerOptions: { jsx: 'react', verbatimModuleSyntax: false } },
  });
  fs.writeFileSync(path.join(staging, '.sources'), fingerprint);
  // Swap in the new build whole: a start reading dist/ never sees half of one and half of another.
  const previous = `${OUT}.old.${process.pid}`;
  if (fs.existsSync(OUT)) fs.renameSync(OUT, previous);
  fs.renameSync(staging, OUT);
  fs.rmSync(previous, { recursive: true, force: true });
  console.log(`Built ${sources.length} files into dist/`);
});

function listSources(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Paths, sizes and modification times: any edit, added or removed file changes it. */
function fingerprintOf(files) {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    const { size, mtimeMs } = fs.statSync(file);
    hash.update(`${path.relative(root, file)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    return fs.readFileSync(STAMP, 'utf8');
  } catch {
    return undefined;
  }
}

/** Two starts at once (tests, a process manager starting instances) build once, not over each other. */
async function withLock(work) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw new Error(`Cannot create the build lock ${LOCK}`, { cause: error });
      // A build killed half-way leaves its lock behind; none takes this long.
      if (Date.now() - fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${LOCK} is held by another build; remove it if no build runs`, { cause: error });
      await sleep(200);
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
