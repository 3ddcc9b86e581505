// `npm test`: the whole jest suite. The browser journeys (test/e2e) drive Debian's chromium; where it
// is missing they are left out with one line saying so, except in CI, where that is a failure.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const chromium = '/usr/bin/chromium';
const jest = fileURLToPath(new URL('../node_modules/jest/bin/jest.js', import.meta.url));
const args = process.argv.slice(2);

if (!existsSync(chromium)) {
  if (process.env.CI === 'true') {
    console.error(`browser tests cannot run: ${chromium} is missing (.ci/run installs Debian's chromium)`);
    process.exit(1);
  }
  console.log(`browser tests not run: ${chromium} is missing (apt-get install chromium to run them)`);
  args.push('--testPathIgnorePatterns', '/test/e2e/');
}

// jest runs the files in one process here (two cores: one worker), and each file's ES modules stay in
// its heap; past about ninety files that outgrows node's default 4 GB. The machine has 24 GB.
const run = spawnSync(process.execPath, ['--experimental-vm-modules', '--max-old-space-size=8192', jest, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
