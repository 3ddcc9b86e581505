import http from 'node:http';
import { parentPort } from 'node:worker_threads';

/**
 * The HTTP load generator, in a worker thread: it keeps its own event loop, so sending requests and
 * reading answers does not queue behind the app's work on the main thread (where the app runs).
 */
export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path and query on the origin. */
  path: string;
  /** A form body (application/x-www-form-urlencoded), for POST. */
  form?: Record<string, string>;
}

export interface LoadJob {
  id: number;
  /** Connection i sends to origins[i % length], as a load balancer spreads connections over instances. */
  origins: string[];
  /** Request i sends requests[i % length]: a write that must hit a new row each time gets a list. */
  requests: HttpRequest[];
  headers: Record<string, string>;
  count: number;
  /** Requests in flight at once, each on its own keep-alive connection. */
  connections: number;
  expectStatus: number;
}

export interface LoadResult {
  id: number;
  /** Per request, in the order they finished: epoch milliseconds, comparable across threads. */
  spans: Array<[start: number, end: number]>;
  /** Bytes of each answer's body, as sent (no compression is asked for). */
  bytes: number[];
  failures: number;
  firstFailure?: string;
  elapsedMs: number;
}

const now = (): number => performance.timeOrigin + performance.now();

async function run(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
  const result: LoadResult = { id: job.id, spans: [], bytes: [], failures: 0, elapsedMs: 0 };
  let issued = 0;
  const connection = async (origin: string) => {
    while (issued < job.count) {
      const request = job.requests[issued % job.requests.length];
      issued++;
      const start = now();
      const { status, body } = await send(origin, job, request, agent);
      result.spans.push([start, now()]);
      result.bytes.push(body.length);
      const refused = status === job.expectStatus && /"type":"error"/.test(body.toString('utf8', 0, 4096));
      if (status !== job.expectStatus || refused) {
        result.failures++;
        result.firstFailure ??= `${request.method} ${request.path}: HTTP ${status}: ${body.toString('utf8', 0, 300)}`;
      }
    }
  };
  const started = now();
  try {
    await Promise.all(Array.from({ length: job.connections }, (_, i) => connection(job.origins[i % job.origins.length])));
  } finally {
    agent.destroy();
  }
  result.elapsedMs = now() - started;
  return result;
}

function send(origin: string, job: LoadJob, request: HttpRequest, agent: http.Agent): Promise<{ status: number; body: Buffer }> {
  const payload = request.form ? Buffer.from(new URLSearchParams(request.form).toString()) : undefined;
  const headers: Record<string, string | number> = { accept: 'application/json', ...job.headers };
  if (payload) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': payload.length });
  return new Promise((resolve, reject) => {
    const outgoing = http.request(new URL(request.path, origin), { method: request.method, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

parentPort?.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => parentPort!.postMessage(result),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
