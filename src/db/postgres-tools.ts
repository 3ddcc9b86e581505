import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** The client package a fresh Debian 12 installs for the embedded server's major version. */
export const CLIENT_PACKAGE = 'postgresql-client-15';
const DEBIAN_BIN_DIRS = '/usr/lib/postgresql';

export type ToolName = 'pg_dump' | 'pg_restore' | 'psql';

export interface PostgresTool {
  name: ToolName;
  path: string;
  major: number;
  version: string;
}

/** A tool that is missing or too old: the message says what to install. */
export class PostgresToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresToolError';
  }
}

/**
 * PostgreSQL's own program, of a major version at least the server's (pg_dump refuses a newer
 * server; pg_restore and psql of the same major read what it writes). Looked for in PG_BIN_DIR
 * when set (and only there), else on PATH, else in Debian's /usr/lib/postgresql/<major>/bin,
 * newest first.
 */
export async function findPostgresTool(name: ToolName, serverMajor: number, pgBinDir?: string): Promise<PostgresTool> {
  const candidates = pgBinDir ? [path.join(pgBinDir, name)] : [...onPath(name), ...inDebianFolders(name)];
  const found = candidates.filter((candidate) => isExecutable(candidate));
  const where = pgBinDir ? `PG_BIN_DIR (${pgBinDir})` : `PATH and ${DEBIAN_BIN_DIRS}/*/bin`;
  if (found.length === 0) {
    throw new PostgresToolError(`${name} was not found in ${where}. ${installAdvice(name, serverMajor)}`);
  }
  const tools = await Promise.all(found.map((candidate) => describeTool(name, candidate)));
  const usable = tools.find((tool) => tool.major >= serverMajor);
  if (!usable) {
    const [first] = tools;
    throw new PostgresToolError(`${name} ${first.version} (${first.path}) is older than the database server (PostgreSQL ${serverMajor}) and cannot work with it. ${installAdvice(name, serverMajor)}`);
  }
  return usable;
}

function installAdvice(name: ToolName, serverMajor: number): string {
  const debianPackage = `postgresql-client-${serverMajor}`;
  const debian = serverMajor === 15 ? `apt-get install ${CLIENT_PACKAGE}` : `apt-get install ${debianPackage} (from apt.postgresql.org when Debian has no such version)`;
  return `Install PostgreSQL ${serverMajor}'s client programs (on Debian 12: ${debian}), or set PG_BIN_DIR to the folder holding ${name} ${serverMajor} or newer.`;
}

function onPath(name: string): string[] {
  return (process.env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, name));
}

function inDebianFolders(name: string): string[] {
  if (!fs.existsSync(DEBIAN_BIN_DIRS)) return [];
  return fs
    .readdirSync(DEBIAN_BIN_DIRS)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(DEBIAN_BIN_DIRS, version, 'bin', name));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)` → 15, '15.18'. */
async function describeTool(name: ToolName, file: string): Promise<PostgresTool> {
  const { stdout } = await promisify(execFile)(file, ['--version']);
  const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(stdout)?.[1];
  if (!version) throw new PostgresToolError(`${file} --version said "${stdout.trim()}", which is not a PostgreSQL ${name}`);
  return { name, path: file, major: Number.parseInt(version, 10), version };
}

/**
 * The connection of a database URL for PostgreSQL's programs: the URL without its password (a
 * command line is visible to every user of the machine), and the password in PGPASSWORD.
 */
export function connectionOf(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' } };
}

/** Runs a tool to the end; a failure carries what it printed on stderr. */
export function runTool(tool: PostgresTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool.name} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
