import type { UserStats } from './virtual-users.js';

interface Sample {
  second: number;
  rssMb: number;
  connections: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The run as Markdown tables, ready for the README. */
export function loadReport(stats: UserStats, samples: Sample[], fullCollections: Array<{ second: number; heapMb: number }>, run: { users: number; seconds: number }): string {
  const rows = [...stats.actions].sort(([, a], [, b]) => b.latenciesMs.length - a.latenciesMs.length);
  const all = rows.flatMap(([, action]) => action.latenciesMs).sort((a, b) => a - b);
  const statuses = new Map<string, number>();
  for (const [, action] of rows) for (const [status, count] of action.statuses) statuses.set(status, (statuses.get(status) ?? 0) + count);
  const serverErrors = [...statuses].filter(([status]) => Number.parseInt(status, 10) >= 500).reduce((sum, [, count]) => sum + count, 0);
  const ms = (value: number) => value.toFixed(0);

  const lines = [
    `${run.users} users, ${run.seconds} s: ${all.length} requests, ${(all.length / (stats.elapsedMs / 1000)).toFixed(1)} per second; ` +
      `answers ${[...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}: ${count}`).join(', ')}; ` +
      `5xx: ${serverErrors}; no answer: ${stats.transportErrors}`,
    '',
    '| action | requests | median ms | p95 ms | max ms | statuses |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(([name, action]) => {
      const sorted = [...action.latenciesMs].sort((a, b) => a - b);
      const answered = [...action.statuses].map(([status, count]) => `${status}×${count}`).join(' ');
      return `| ${name} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(sorted.at(-1) ?? 0)} | ${answered} |`;
    }),
    `| all | ${all.length} | ${ms(percentile(all, 50))} | ${ms(percentile(all, 95))} | ${ms(all.at(-1) ?? 0)} | |`,
    '',
    'The app process from the first login to the end (resident memory; database connections it held, sessions included):',
    '',
    `| second | ${samples.map((sample) => sample.second).join(' | ')} |`,
    `| --- | ${samples.map(() => '---:').join(' | ')} |`,
    `| RSS MB | ${samples.map((sample) => sample.rssMb.toFixed(0)).join(' | ')} |`,
    `| connections | ${samples.map((sample) => sample.connections).join(' | ')} |`,
  ];
  lines.push(
    '',
    'JavaScript heap left after each full collection (V8 Mark-Compact), from the first login on:',
    '',
    fullCollections.length === 0 ? '(no full collection during the run)' : fullCollections.map((collection) => `${collection.second} s: ${collection.heapMb.toFixed(0)} MB`).join(', '),
  );
  if (stats.serverErrors.length > 0) lines.push('', 'First server errors:', ...stats.serverErrors.map((error) => `- ${error}`));
  return lines.join('\n');
}
