import http from 'node:http';
import { parentPort } from 'node:worker_threads';

/**
 * The HTTP load generator, in a worker thread: it keeps its own event loop, so sending requests and
 * reading answers does not queue behind the app's work on the main thread (where the app runs).
 */
export interface LoadJob {
  id: number;
  url: string;
  cookie?: string;
  requests: number;
  /** Requests in flight at once, each on its own keep-alive connection. */
  connections: number;
}

export interface LoadResult {
  id: number;
  /** Per request, in the order they finished: epoch milliseconds, comparable across threads. */
  spans: Array<[start: number, end: number]>;
  failures: number;
  firstFailure?: string;
  elapsedMs: number;
}

const now = (): number => performance.timeOrigin + performance.now();

async function run(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const result: LoadResult = { id: job.id, spans: [], failures: 0, elapsedMs: 0 };
  let issued = 0;
  const connection = async () => {
    while (issued < job.requests) {
      issued++;
      const start = now();
      const { status, body } = await get(job.url, job.cookie, agent);
      result.spans.push([start, now()]);
      if (status !== 200) {
        result.failures++;
        result.firstFailure ??= `HTTP ${status}: ${body.slice(0, 200)}`;
      }
    }
  };
  const started = now();
  try {
    await Promise.all(Array.from({ length: job.connections }, connection));
  } finally {
    agent.destroy();
  }
  result.elapsedMs = now() - started;
  return result;
}

function get(url: string, cookie: string | undefined, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

parentPort?.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => parentPort!.postMessage(result),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
