import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Config } from './config.js';
import { embeddedSessionSecret, openDatabase } from './db/database.js';
import { prepareData } from './lifecycle.js';
import { ROOT_PATH } from './app.js';

export interface ServingProcesses {
  url: string;
  stop(): Promise<void>;
}

/**
 * WEB_CONCURRENCY > 1: this process (node:cluster's primary) opens the database — the embedded
 * PostgreSQL is its child, as in a single-process start — migrates it and loads what the start asks
 * for once, then forks that many processes of the app, each a full instance on DATABASE_URL (as
 * behind any load balancer: sessions, the matrix, the job queue and locks live in PostgreSQL), while
 * node:cluster hands the port's connections to them in turn. One Node process runs JavaScript on one
 * core; the requests' CPU (AdminJS's records, JSON, the session) is what caps a single process.
 *
 * A process that stops after it listened is replaced; one that stops before stops the start.
 */
export async function serveWithProcesses(config: Config, log: (message: string) => void): Promise<ServingProcesses> {
  const database = await openDatabase(config, log);
  let stopping = false;
  const exits: Array<Promise<unknown>> = [];
  const stopProcesses = async () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    await Promise.all(exits);
  };
  try {
    await prepareData(config, database, log);
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      SESSION_SECRET: config.sessionSecret ?? embeddedSessionSecret(config),
      // Done above, once: two processes loading the demo company or creating the administrator would race.
      DEMO_DATA: 'no', ADMIN_EMAIL: '', ADMIN_PASSWORD: '',
    };
    const fork = (slot: number): Promise<{ worker: Worker; port: number }> =>
      new Promise((resolve, reject) => {
        // Each bundles the components in a folder of its own: one rewriting a bundle another serves would serve half a file.
        const worker = cluster.fork({ ...env, ADMIN_JS_TMP_DIR: path.join(config.adminBundleDir, `process-${slot}`) });
        let listened = false;
        exits.push(new Promise((exited) => worker.once('exit', exited)));
        worker.once('listening', (address: AddressInfo) => {
          listened = true;
          resolve({ worker, port: address.port });
        });
        worker.once('exit', (code: number | null, signal: string | null) => {
          const how = signal ?? `exit ${String(code)}`;
          if (!listened) reject(new Error(`App process ${slot} stopped before it listened (${how})`));
          else if (!stopping) {
            log(`App process ${slot} (pid ${worker.process.pid}) stopped (${how}); starting another`);
            fork(slot).catch((error: unknown) => log(error instanceof Error ? error.message : String(error)));
          }
        });
      });
    // PORT=0: node:cluster gives every process the port the first one got.
    const started = await Promise.all(Array.from({ length: config.webProcesses }, (_, slot) => fork(slot + 1)));
    log(`Serving with ${started.length} app processes (WEB_CONCURRENCY), pids ${started.map(({ worker }) => worker.process.pid).join(', ')}`);
    return {
      url: `http://localhost:${started[0].port}${ROOT_PATH}`,
      stop: async () => {
        await stopProcesses();
        await database.close();
      },
    };
  } catch (error) {
    await stopProcesses();
    await database.close();
    throw error;
  }
}
