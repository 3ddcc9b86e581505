import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchDatabase } from '../bench-database.js';
import { createSequelize } from '../../src/db/sequelize.js';
import { migrate } from '../../src/db/migrator.js';
import { initModels } from '../../src/models/index.js';
import { loadDemoData } from '../../src/cli/demo/index.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { runVirtualUsers, type UserStats } from './virtual-users.js';
import { loadReport } from './load-report.js';

/**
 * `npm run bench:load [-- --users 50 --seconds 120]`: the demo company, PetroCRM as `npm start`
 * runs it (compiled, NODE_ENV=production, its own process), and that many employees at once doing
 * what they do all day (lists, filters, records, searches, the dashboard; activities, contacts,
 * notes) for that long. Prints the answers by status, latency, the app's memory over time and the
 * database connections it held. Not a test: figures for the README.
 */
const { values } = parseArgs({ options: { users: { type: 'string', default: '50' }, seconds: { type: 'string', default: '120' } } });
const users = Number(values.users);
const seconds = Number(values.seconds);
const log = (message: string) => console.log(message);

const database = await startBenchDatabase(log);
let app: ReturnType<typeof spawn> | undefined;
try {
  const sequelize = createSequelize(database.url);
  initModels(sequelize);
  await migrate(sequelize);
  await loadDemoData(sequelize);
  await sequelize.close();

  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  const port = await freePort();
  // --trace-gc prints the heap left after each full collection: the live memory, which resident
  // memory only shows through V8's lazy collector.
  app = spawn(process.execPath, ['--trace-gc', path.join(PROJECT_ROOT, 'dist', 'src', 'server.js')], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: database.url, SESSION_SECRET: crypto.randomBytes(48).toString('base64url'), PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'no' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await printed(app, 'PetroCRM is running at');
  const fullCollections = liveHeapAfterFullCollections(app);
  const origin = `http://127.0.0.1:${port}`;
  log(`PetroCRM (pid ${app.pid}) on ${origin}; ${users} users for ${seconds} s`);

  const samples: Array<{ second: number; rssMb: number; connections: number }> = [];
  const watcher = new pg.Client(database.url);
  watcher.on('error', (error) => log(`sampling connection lost: ${error.message}`));
  await watcher.connect();
  const started = Date.now();
  const sample = async () => {
    const { rows } = await watcher.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    samples.push({ second: Math.round((Date.now() - started) / 1000), rssMb: rssMb(app!.pid!), connections: rows[0].n });
  };
  const sampleOrSay = () => sample().catch((error: unknown) => log(`sample failed: ${error instanceof Error ? error.message : String(error)}`));
  await sample();
  const timer = setInterval(() => void sampleOrSay(), 5000);
  const stats: UserStats = await runVirtualUsers(origin, users, seconds * 1000);
  clearInterval(timer);
  await sample();
  await watcher.end();
  console.log(loadReport(stats, samples, fullCollections, { users, seconds }));
} finally {
  if (app?.pid) {
    app.kill('SIGTERM');
    await new Promise((resolve) => app!.once('exit', resolve));
  }
  await database.stop();
}

/** `[…] 81234 ms: Mark-Compact 180.1 (200.3) -> 95.6 (190.1) MB, …`: when, and the heap left. */
function liveHeapAfterFullCollections(child: ReturnType<typeof spawn>): Array<{ second: number; heapMb: number }> {
  const collections: Array<{ second: number; heapMb: number }> = [];
  const started = Date.now();
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const heap = /Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line)?.[1];
      if (heap) collections.push({ second: Math.round((Date.now() - started) / 1000), heapMb: Number(heap) });
    }
  });
  return collections;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

function printed(child: ReturnType<typeof spawn>, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}:\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
