import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/cli/demo/index.js';
import { median } from './stats.js';

/**
 * `npm run bench:paint [-- --runs 3 --url http://host:port]`
 *
 * How fast the panel appears on a branch office's or gas station's link: Chromium throttled to
 * 2 Mbit/s both ways with 150 ms of latency, first contentful paint of the login page and of the
 * dashboard, cold (an empty browser cache) and warm (the same browser coming back). Without --url it
 * starts PetroCRM as `npm start` does in production (its own PostgreSQL and demo data, in a
 * temporary folder). Prints the medians, and the bytes that crossed the link.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    url: { type: 'string' },
    'mbit-per-second': { type: 'string', default: '2' },
    'latency-ms': { type: 'string', default: '150' },
  },
});

const RUNS = Number(values.runs);
const THROUGHPUT = (Number(values['mbit-per-second']) * 1_000_000) / 8;
const LATENCY = Number(values['latency-ms']);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..');
const MANAGER = 'manager.ec@petrocrm.cn';

interface Visit {
  firstPaintMs: number;
  /** The dashboard: until every chart is drawn from its data. */
  readyMs?: number;
  bytes: number;
}

async function main(): Promise<void> {
  const server = values.url ? undefined : await startPanel();
  const origin = new URL(values.url ?? server!.url).origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'] });
  try {
    const results: Record<string, Visit[]> = { 'login, cold': [], 'login, warm': [], 'dashboard, cold': [], 'dashboard, warm': [] };
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
      results['login, cold'].push(await visit(context, `${origin}/admin/login`, 'form button'));
      results['login, warm'].push(await visit(context, `${origin}/admin/login`, 'form button'));
      await context.close();

      // A fresh cache with a session: the employee's first visit of the day on a new computer.
      const fresh = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
      await logIn(fresh, origin);
      results['dashboard, cold'].push(await visit(fresh, `${origin}/admin`, '[data-dashboard-ready]'));
      results['dashboard, warm'].push(await visit(fresh, `${origin}/admin`, '[data-dashboard-ready]'));
      await fresh.close();
    }
    report(results);
  } finally {
    await browser.close();
    await server?.stop();
  }
}

/** Opens a page over the throttled link and reads Chromium's own first contentful paint. */
async function visit(context: BrowserContext, url: string, readySelector: string): Promise<Visit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: THROUGHPUT, uploadThroughput: THROUGHPUT });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector(readySelector, { timeout: 120_000 });
  const timing = await paintTiming(page);
  await page.close();
  return { ...timing, readyMs: readySelector.startsWith('[data-dashboard') ? timing.readyMs : undefined, bytes };
}

async function paintTiming(page: Page): Promise<{ firstPaintMs: number; readyMs: number }> {
  return page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { firstPaintMs: paint ? paint.startTime : Number.NaN, readyMs: performance.now() };
  });
}

/** The login form's POST without loading the login page, so the dashboard's cache starts empty. */
async function logIn(context: BrowserContext, origin: string): Promise<void> {
  const response = await context.request.post(`${origin}/admin/login`, { form: { email: MANAGER, password: DEMO_PASSWORD }, maxRedirects: 0 });
  if (response.status() !== 302) throw new Error(`login as ${MANAGER} answered ${response.status()}`);
}

function report(results: Record<string, Visit[]>): void {
  console.log(`\nFirst contentful paint over ${values['mbit-per-second']} Mbit/s, ${LATENCY} ms latency (Chromium throttling), median of ${RUNS}:`);
  console.log('| page | first paint | all charts drawn | transferred |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, visits] of Object.entries(results)) {
    const paint = median(visits.map((v) => v.firstPaintMs));
    const ready = visits.every((v) => v.readyMs !== undefined) ? `${(median(visits.map((v) => v.readyMs!)) / 1000).toFixed(2)} s` : '—';
    const kb = median(visits.map((v) => v.bytes)) / 1024;
    console.log(`| ${name} | ${(paint / 1000).toFixed(2)} s | ${ready} | ${kb.toFixed(0)} KB |`);
  }
}

interface Panel {
  url: string;
  stop(): Promise<void>;
}

/** PetroCRM as `npm start` runs it in production, in a throw-away folder, on free ports. */
async function startPanel(): Promise<Panel> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'petrocrm-paint-'));
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    EMBEDDED_PG_DIR: path.join(folder, 'postgres'),
    EMBEDDED_PG_PORT: String(await freePort()),
    ADMIN_JS_TMP_DIR: path.join(folder, 'adminjs'),
    DEMO_DATA: 'yes',
  };
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'server.ts')], { env, cwd: ROOT });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`PetroCRM stopped before it listened (exit ${code}):\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
