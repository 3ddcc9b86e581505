import fs from 'node:fs';
import http from 'node:http';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { TEST_SESSION_SECRET } from '../support/test-app.js';
import { childrenOf, freePort, npmStart, scratchFolder, waitFor, type Started } from '../support/npm-start.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';
import { IMPORT_LIMITS } from '../../src/domain/transfer/import-limits.js';
import { csrfTokenOfCookies } from '../support/test-app.js';
import { CSRF_HEADER } from '../../src/access/http/csrf.js';

/**
 * A 20 MB import against the server as `npm start` runs it, in a process of its own so its memory
 * can be read: the panel keeps answering while the file is checked, a second import at the same
 * time is told to come back (one slot, no queue here), and the import's peak memory stays bounded.
 */

const MAX_EXTRA_MEMORY_MB = 300;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function post(port: number, path: string, cookie: string, body: Buffer): { answer: Promise<Answer>; sent: Promise<void> } {
  const request = http.request({
    host: '127.0.0.1', port, method: 'POST', path, agent: false,
    headers: { 'Content-Type': 'text/csv', 'Content-Length': body.length, Cookie: cookie, [CSRF_HEADER]: csrfTokenOfCookies(cookie) },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
  });
  // Flushed to the socket: the app is reading this body, so it holds an import slot.
  const sent = new Promise<void>((resolve) => request.on('finish', resolve));
  request.end(body);
  return { answer, sent };
}

/** 50 000 customers in 19 MB: long addresses and notes, as an ERP export has them. */
function bigCustomerCsv(): Buffer {
  const address = '江苏省南京市江北新区化工园区方水路'.repeat(3);
  const notes = '年度框架协议客户, 需要提前三天预约提货, 付款条件月结三十天, 质量证明书随车'.repeat(2);
  const lines = ['name,customer_type,region,address,notes'];
  for (let n = 0; n < IMPORT_LIMITS.rows; n++) lines.push(`负载测试客户${n},trader,华东,${address}${n}号,${notes}`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

describe('a 20 MB import while the panel is in use', () => {
  const scratch = scratchFolder('petrocrm-import-');
  let database: TestDatabase;
  let started: Started;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    port = await freePort();
    started = npmStart(
      { DATABASE_URL: database.url, SESSION_SECRET: TEST_SESSION_SECRET, NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', IMPORT_CONCURRENCY: '1', IMPORT_QUEUE: '0' },
      scratch.root,
    );
    await waitFor(started, 'PetroCRM is running at');
  });
  afterAll(async () => {
    started.child.kill('SIGTERM');
    await started.exited;
    await database.drop();
    scratch.remove();
  });

  test('when a 20 MB file is checked, then other requests are answered meanwhile, a second import gets 429, and the peak memory grows by less than 300 MB', async () => {
    const login = await fetch(`http://127.0.0.1:${port}/admin/login`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@petrocrm.cn', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const list = () => fetch(`http://127.0.0.1:${port}/admin/api/resources/branches/actions/list`, { headers: { Cookie: cookie } });
    const small = Buffer.from('name,customer_type,region\r\n小文件客户,trader,华东\r\n', 'utf8');
    // The parsers and the check run once before measuring, so their code is not counted as the file's.
    expect((await post(port, '/admin/transfer/customers/import/check', cookie, small).answer).status).toBe(200);
    expect((await list()).status).toBe(200);

    const file = bigCustomerCsv();
    expect(file.length).toBeGreaterThan(19 * 1024 * 1024);
    const [app] = childrenOf(started.child.pid!);
    const rssBefore = memoryKb(app, 'VmRSS');
    // Resets the peak to the current size (Linux's clear_refs), so the peak read after is this import's.
    fs.writeFileSync(`/proc/${app}/clear_refs`, '5');

    const big = post(port, '/admin/transfer/customers/import/check', cookie, file);
    let bigAnswered = false;
    void big.answer.then(() => (bigAnswered = true));
    await big.sent;
    const second = await post(port, '/admin/transfer/customers/import/check', cookie, small).answer;
    const meanwhile = await list();
    const answeredMeanwhile = !bigAnswered;

    const answer = await big.answer;
    const peakGrowthMb = (memoryKb(app, 'VmHWM') - rssBefore) / 1024;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ format: 'csv', rowCount: IMPORT_LIMITS.rows, problemCount: 0 });
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBe('30');
    expect(JSON.parse(second.body).message).toBe('当前正在进行的导入较多, 请稍后 (约 30 秒后) 再试');
    expect(meanwhile.status).toBe(200);
    expect(answeredMeanwhile).toBe(true);
    expect(peakGrowthMb).toBeLessThan(MAX_EXTRA_MEMORY_MB);
    console.log(`20 MB import check: peak memory grew by ${peakGrowthMb.toFixed(0)} MB`);
  }, 300_000);
});
