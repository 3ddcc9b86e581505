import pg from 'pg';
import { migrations } from '../../migrations/index.js';
import { expectedSchema } from './expected-schema.js';
import { snapshotSchema, type SchemaSnapshot } from './schema-snapshot.js';

/**
 * - error: PetroCRM cannot work on this (a table, column, constraint, trigger or function it
 *   relies on is missing or different); the app refuses to start.
 * - warning: it works, but not as designed (a missing index is slow, an extra constraint may
 *   refuse writes).
 * - note: something that is not PetroCRM's, left alone.
 */
export type Severity = 'error' | 'warning' | 'note';

export interface Finding {
  severity: Severity;
  message: string;
}

export interface SchemaReport {
  /** The migrations the database records as applied, which the comparison is against. */
  applied: string[];
  /** Migrations of this version not applied yet (npm start applies them). */
  pending: string[];
  findings: Finding[];
}

/**
 * Compares the database's schema with what its applied migrations create: tables, columns (type,
 * NOT NULL, default), constraints, indexes, triggers, functions and sequences, in the schemas
 * the migrations create objects in. Other schemas (a job queue's, another application's) are
 * not looked at. Reads only.
 */
export async function checkSchema(url: string): Promise<SchemaReport> {
  const applied = await appliedMigrations(url);
  const known = migrations.map((migration) => migration.name);
  if (applied.length === 0) return { applied, pending: known, findings: [] };

  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    return {
      applied, pending: [],
      findings: [{ severity: 'error', message: `The database was migrated by a newer PetroCRM (migrations ${unknown.join(', ')} are unknown to this version): run that version, or restore a backup made by this one.` }],
    };
  }
  const count = Math.max(...applied.map((name) => known.indexOf(name))) + 1;
  const skipped = known.slice(0, count).filter((name) => !applied.includes(name));
  const expected = await expectedSchema(url, count);
  const client = new pg.Client(url);
  await client.connect();
  let actual: SchemaSnapshot;
  try {
    actual = await snapshotSchema(client, expected.schemas);
  } finally {
    await client.end();
  }
  const findings = [
    ...skipped.map((name): Finding => ({ severity: 'error', message: `Migration ${name} is not recorded in schema_migrations although later ones are.` })),
    ...compareSnapshots(expected.snapshot, actual),
  ];
  return { applied, pending: known.slice(count), findings };
}

async function appliedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
    if (!(exists.rows[0] as { present: boolean }).present) return [];
    const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

export function compareSnapshots(expected: SchemaSnapshot, actual: SchemaSnapshot): Finding[] {
  const findings: Finding[] = [];
  const say = (severity: Severity, message: string) => findings.push({ severity, message });
  const actualTables = new Set(actual.tables);
  const expectedTables = new Set(expected.tables);

  for (const table of expected.tables) if (!actualTables.has(table)) say('error', `Table ${table} is missing.`);
  for (const table of actual.tables) if (!expectedTables.has(table)) say('note', `Table ${table} is not created by PetroCRM's migrations; left alone.`);

  for (const [key, want] of Object.entries(expected.columns)) {
    const [table, column] = splitLast(key);
    if (!actualTables.has(table)) continue;
    const have = actual.columns[key];
    if (!have) say('error', `Table ${table} has no column ${column} (${want.type}${want.notNull ? ', NOT NULL' : ''}).`);
    else {
      if (have.type !== want.type) say('error', `Column ${table}.${column} is ${have.type}; the migrations make it ${want.type}.`);
      if (have.notNull && !want.notNull) say('error', `Column ${table}.${column} is NOT NULL; the migrations let it be empty, and PetroCRM leaves it empty where it has no value.`);
      if (!have.notNull && want.notNull) say('warning', `Column ${table}.${column} may be empty; the migrations make it NOT NULL, so the database no longer refuses a row without it.`);
      if (have.default !== want.default) {
        const severity = want.default !== null && have.default === null && want.notNull ? 'error' : 'warning';
        say(severity, `Column ${table}.${column} defaults to ${have.default ?? 'nothing'}; the migrations give it ${want.default ?? 'no default'}.`);
      }
    }
  }
  for (const [key, have] of Object.entries(actual.columns)) {
    const [table, column] = splitLast(key);
    if (!expectedTables.has(table) || expected.columns[key]) continue;
    if (have.notNull && have.default === null) say('error', `Table ${table} has an extra column ${column} that is NOT NULL without a default: PetroCRM cannot insert a row there.`);
    else say('warning', `Table ${table} has an extra column ${column} (${have.type}) that PetroCRM does not use.`);
  }

  compareNamed('constraint', expected.constraints, actual.constraints, actualTables, expectedTables, (want) => `${want.kind} ${want.definition}`, 'error', 'warning', say);
  compareNamed('index', expected.indexes, actual.indexes, actualTables, expectedTables, (want) => want.definition, (want) => (want.unique ? 'error' : 'warning'), 'note', say);
  compareNamed('trigger', expected.triggers, actual.triggers, actualTables, expectedTables, (want) => want.definition, 'error', 'warning', say);

  for (const [name, want] of Object.entries(expected.functions)) {
    const have = actual.functions[name];
    if (!have) say('error', `Function ${name} is missing.`);
    else if (comparable(name, have.definition) !== comparable(name, want.definition)) say('error', `Function ${name} differs from the one the migrations create.`);
  }
  const sequences = new Set(actual.sequences);
  for (const sequence of expected.sequences) if (!sequences.has(sequence)) say('error', `Sequence ${sequence} is missing.`);
  return findings;
}

type Named = { table: string };

/** Constraints, indexes and triggers: missing, different, or extra on one of PetroCRM's tables. */
function compareNamed<T extends Named>(
  what: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  actualTables: Set<string>,
  expectedTables: Set<string>,
  describe: (item: T) => string,
  missingSeverity: Severity | ((item: T) => Severity),
  extraSeverity: Severity,
  say: (severity: Severity, message: string) => void,
): void {
  const severityOf = (item: T) => (typeof missingSeverity === 'function' ? missingSeverity(item) : missingSeverity);
  for (const [key, want] of Object.entries(expected)) {
    if (!actualTables.has(want.table)) continue;
    const name = nameOf(key, want.table);
    const have = actual[key];
    if (!have) say(severityOf(want), `Table ${want.table} lacks the ${what} ${name}: ${describe(want)}.`);
    else if (describe(have) !== describe(want)) say(severityOf(want), `The ${what} ${name} on ${want.table} is "${describe(have)}"; the migrations make it "${describe(want)}".`);
  }
  for (const [key, have] of Object.entries(actual)) {
    if (!expectedTables.has(have.table) || expected[key]) continue;
    say(extraSeverity, `Table ${have.table} has an extra ${what} ${nameOf(key, have.table)} that the migrations do not create: ${describe(have)}.`);
  }
}

function nameOf(key: string, table: string): string {
  return key.startsWith(`${table}.`) ? key.slice(table.length + 1) : key;
}

function splitLast(key: string): [string, string] {
  const dot = key.lastIndexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

function normalized(definition: string): string {
  return definition.replace(/\s+/g, ' ').trim();
}

/**
 * A function's definition as compared: the receivable day's zone is the start's BUSINESS_TIME_ZONE,
 * written into the function at a start on another zone (src/domain/credit/receivable-day.ts), not
 * what the migrations wrote; any other difference still counts.
 */
function comparable(name: string, definition: string): string {
  const text = normalized(definition);
  return /(^|\.)receivable_shipped_on\(/.test(name) ? text.replace(/AT TIME ZONE '[^']*'/g, "AT TIME ZONE '<BUSINESS_TIME_ZONE>'") : text;
}

const LABELS: Record<Severity, string> = { error: 'ERROR  ', warning: 'WARNING', note: 'NOTE   ' };

/** The report in plain words, errors first. */
export function formatSchemaReport(report: SchemaReport, database: string): string {
  const lines = [`Schema of ${database}, compared with what PetroCRM's migrations create:`];
  if (report.applied.length === 0) {
    lines.push('  The database holds no PetroCRM schema yet (no schema_migrations table): npm start creates it.');
    return lines.join('\n');
  }
  lines.push(`  ${report.applied.length} migration(s) applied, the last ${report.applied.at(-1)}.`);
  if (report.pending.length > 0) lines.push(`  ${report.pending.length} not applied yet (${report.pending.join(', ')}): npm start applies them.`);
  const order: Severity[] = ['error', 'warning', 'note'];
  const sorted = [...report.findings].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  for (const finding of sorted) lines.push(`  ${LABELS[finding.severity]} ${finding.message}`);
  const count = (severity: Severity) => report.findings.filter((finding) => finding.severity === severity).length;
  lines.push(
    count('error') > 0
      ? `${count('error')} problem(s) PetroCRM cannot work with, ${count('warning')} warning(s).`
      : `The schema is what PetroCRM expects${count('warning') > 0 ? `, with ${count('warning')} warning(s)` : ''}.`,
  );
  return lines.join('\n');
}

export function hasErrors(report: SchemaReport): boolean {
  return report.findings.some((finding) => finding.severity === 'error');
}
