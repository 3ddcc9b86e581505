import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/project-root.js';

export interface AppInstance {
  /** http://127.0.0.1:<port>, where it listens. */
  origin: string;
  stop(): Promise<void>;
}

const STARTED = /PetroCRM is running at http:\/\/[^:/]+:(\d+)\//;

/**
 * Another PetroCRM on the same database, in a process of its own, started as `npm start` starts it
 * (src/server.ts) with the environment given: as a second instance behind a load balancer, it has
 * its own event loop, pools, access-profile cache and dashboard answers, and shares the sessions and
 * the data through PostgreSQL. Resolves once it listens.
 */
export async function startAppInstance(env: Record<string, string>, log: (message: string) => void): Promise<AppInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/server.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = once(child, 'exit');
  const port = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const started = STARTED.exec(output.join(''));
      if (started) resolve(started[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    void exited.then(([code]) => reject(new Error(`the extra instance stopped (exit ${String(code)}) before listening:\n${output.join('').slice(-2000)}`)));
  });
  log(`another PetroCRM instance (pid ${child.pid}) listening on 127.0.0.1:${port}`);
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
