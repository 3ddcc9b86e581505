import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { StaticAssets } from '../../src/web/static-assets.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/** The bytes on the wire, not decompressed (supertest and fetch would undo the encoding under test). */
function raw(url: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('scripts and styles under hashed names, compressed once, cached for a year', () => {
  const script = Buffer.from(`window.answer = ${JSON.stringify('答案'.repeat(2000))};`);
  let cacheDir: string;
  let server: Server;
  let base: string;
  let assets: StaticAssets;

  beforeAll(async () => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petrocrm-assets-'));
    assets = new StaticAssets([{ name: 'app.bundle.js', read: async () => script }], { urlPath: '/assets', cacheDir, compress: true });
    await assets.prepare();
    const app = express();
    app.use('/assets', assets.handler);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  test('when a browser takes brotli, then the script comes brotli-compressed, immutable for a year, and decompresses to the file', async () => {
    const url = assets.urlOf('app.bundle.js')!;
    expect(url).toMatch(/^\/assets\/app\.bundle\.[0-9a-f]{12}\.js$/);
    const { headers, body } = await raw(base + url, 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('br');
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zlib.brotliDecompressSync(body).equals(script)).toBe(true);
    expect(body.length).toBeLessThan(script.length / 10);
  });

  test('when a browser takes only gzip or nothing, then it gets gzip or the plain file', async () => {
    const url = base + assets.urlOf('app.bundle.js')!;
    const gzipped = await raw(url, 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(script)).toBe(true);
    const plain = await raw(url, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
  });

  test('when another version of the script is asked for, then nothing is served for it', async () => {
    expect((await raw(`${base}/assets/app.bundle.000000000000.js`, 'br')).status).toBe(404);
  });
});

describe("the panel's pages ask nothing of another origin", () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
  }, 60_000);
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  const sources = (html: string) => [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map(([, url]) => url);

  test('when the login page is opened, then it links no web font, loads hashed scripts of its own origin and not our components', async () => {
    const response = await request(origin(running.url)).get('/admin/login');
    expect(response.status).toBe(200);
    expect(response.text).not.toMatch(/googleapis|gstatic/);
    const urls = sources(response.text);
    expect(urls.filter((url) => !url.startsWith('/admin/'))).toEqual([]);
    expect(urls).toEqual(expect.arrayContaining([expect.stringMatching(/^\/admin\/assets\/global\.bundle\.[0-9a-f]{12}\.js$/), expect.stringMatching(/^\/admin\/assets\/panel\.[0-9a-f]{12}\.css$/)]));
    expect(urls.some((url) => url.includes('components.bundle'))).toBe(false);
    expect(response.headers['cache-control']).toBe('no-cache');

    const script = urls.find((url) => url.includes('app.bundle'))!;
    const asset = await request(origin(running.url)).get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('when a logged-in page is opened, then our components come from a hashed URL too, and the page itself is compressed', async () => {
    const agent = await loginAs(running.url, 'viewer@petrocrm.cn');
    const response = await agent.get('/admin').set('Accept-Encoding', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.text).not.toMatch(/googleapis|gstatic/);
    expect(sources(response.text).filter((url) => !url.startsWith('/admin/'))).toEqual([]);
    const components = sources(response.text).find((url) => url.includes('components.bundle'))!;
    expect(components).toMatch(/^\/admin\/assets\/components\.bundle\.[0-9a-f]{12}\.js$/);
    const asset = await agent.get(components);
    expect(asset.status).toBe(200);
    expect(asset.text).toContain('PetroDashboard');
  }, 120_000);

  test('when an address outside the panel is opened, then a Chinese page says so and leads back', async () => {
    const response = await request(origin(running.url)).get('/no-such-page').set('Accept', 'text/html');
    expect(response.status).toBe(404);
    expect(response.text).toContain('找不到页面');
    expect(response.text).toContain('href="/admin"');
  });
});
