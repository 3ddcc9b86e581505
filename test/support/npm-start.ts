import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** npm's exit code. */
  exited: Promise<number | null>;
}

export interface StartOptions {
  /**
   * Run as PID 1 of a new PID namespace, as a container runtime runs its entry point. As root the
   * namespace is made directly; as a normal user inside a user namespace that maps the user to
   * itself (unprivileged user namespaces, on by default in Debian), so the app runs as that user.
   */
  asPidOne?: boolean;
}

/**
 * `npm start` as a user types it: npm from PATH in the checkout, its own environment and home
 * folder (npm keeps its logs there), its printed output collected.
 */
export function npmStart(env: Record<string, string>, home: string, options: StartOptions = {}): Started {
  const fullEnv = { PATH: process.env.PATH ?? '', HOME: home, npm_config_update_notifier: 'false', npm_config_fund: 'false', ...env };
  const unshare = os.userInfo().uid === 0 ? ['--pid', '--fork', '--mount-proc'] : ['--map-current-user', '--pid', '--fork', '--mount-proc'];
  const child = options.asPidOne
    ? spawn('unshare', [...unshare, 'npm', 'start'], { cwd: projectRoot, env: fullEnv })
    : spawn('npm', ['start'], { cwd: projectRoot, env: fullEnv });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitFor(started: Started, text: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null || Date.now() > deadline) throw new Error(`never printed "${text}":\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The children of a process, from /proc (the app is npm's child; under unshare, its grandchild). */
export function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

/** The PostgreSQL server the app started: its child named postgres (the pid as seen from here). */
export function postgresOf(appPid: number): number | undefined {
  return childrenOf(appPid).find((pid) => fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres');
}

/** The pid a process has in each PID namespace it lives in, outermost first ("NSpid: 4711 1"). */
export function namespacePids(pid: number): number[] {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return (/^NSpid:\s+(.+)$/m.exec(status)?.[1] ?? '').split(/\s+/).map(Number);
}

/** A folder for one test's database, npm home and whatever else it writes, removed afterwards. */
export function scratchFolder(prefix: string): { root: string; remove(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}
