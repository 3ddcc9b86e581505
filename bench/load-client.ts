import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadResult } from './load-worker.js';

type Reply = LoadResult | { id: number; error: string };

/** Talks to the load worker: one job at a time, answered with the timing of every request. */
export class LoadClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(result: LoadResult): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor() {
    // A worker does not inherit tsx's loader; tsx's own API loads the TypeScript worker inside it.
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const worker = new URL('./load-worker.ts', import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(worker)}, ${JSON.stringify(import.meta.url)}))`;
    this.worker = new Worker(bootstrap, { eval: true });
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`load worker: ${reply.error}`));
      else waiting?.resolve(reply);
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...job, id } satisfies LoadJob);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

export const latencies = (result: LoadResult): number[] => result.spans.map(([start, end]) => end - start);

export type { HttpRequest, LoadResult } from './load-worker.js';
