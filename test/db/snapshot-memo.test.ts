import pg from 'pg';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../src/db/sequelize.js';
import { SnapshotMemo, type Computed } from '../../src/db/snapshot-memo.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The kept answers of the statistics page: served again only while no commit could change them,
 * whoever commits (here a second connection, as another instance of the app would), never the
 * answer of a computation that started before the caller asked.
 */
describe('answers kept under a PostgreSQL snapshot', () => {
  let database: TestDatabase;
  let sequelize: Sequelize;
  /** Another connection: what another instance, a job or psql would write through. */
  let other: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('empty');
    sequelize = createSequelize(database.url);
    other = new pg.Client(database.url);
    await other.connect();
    await other.query('CREATE TABLE deliveries (id serial PRIMARY KEY, tons numeric NOT NULL)');
  });
  afterAll(async () => {
    await other.end();
    await sequelize.close();
    await database.drop();
  });
  beforeEach(() => other.query('TRUNCATE deliveries'));

  const snapshotNow = async () => (await other.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot')).rows[0].snapshot;

  /** The rows' count as the memo computes it, with how many times it computed. */
  function countingDeliveries(validUntil: string | null = null, gate?: Promise<void>) {
    const firstCount = signal();
    const counter = { computed: 0, firstCounted: firstCount.opened };
    const compute = async (): Promise<Computed<number>> => {
      counter.computed += 1;
      const [row] = await sequelize.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries', { type: QueryTypes.SELECT });
      firstCount.open();
      await gate;
      const [until] = validUntil === null ? [{ at: null }] : await sequelize.query<{ at: string }>(`SELECT (${validUntil})::text AS at`, { type: QueryTypes.SELECT });
      return { value: row.n, validUntil: until.at };
    };
    return { counter, compute };
  }

  function signal(): { opened: Promise<void>; open(): void } {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  }

  it('serves the kept answer again while no transaction commits anywhere in the cluster', async () => {
    const memo = new SnapshotMemo<number>(sequelize);
    const { counter, compute } = countingDeliveries();
    await other.query('INSERT INTO deliveries (tons) VALUES (1), (2)');
    // Transactions are numbered cluster-wide, so another database's commit (autovacuum's analyze,
    // another test file's app) also counts as a change: try until one pair of calls ran undisturbed.
    let undisturbed = false;
    for (let attempt = 0; attempt < 20 && !undisturbed; attempt += 1) {
      const before = await snapshotNow();
      expect(await memo.answer('deliveries', compute)).toBe(2);
      const computedAfterFirst = counter.computed;
      expect(await memo.answer('deliveries', compute)).toBe(2);
      if ((await snapshotNow()) === before) {
        undisturbed = true;
        expect(counter.computed).toBe(computedAfterFirst);
      }
    }
    expect(undisturbed).toBe(true);
  });

  it('computes again after another connection commits, and not for a write still uncommitted', async () => {
    const memo = new SnapshotMemo<number>(sequelize);
    const { compute } = countingDeliveries();
    expect(await memo.answer('deliveries', compute)).toBe(0);

    await other.query('BEGIN');
    await other.query('INSERT INTO deliveries (tons) VALUES (5)');
    expect(await memo.answer('deliveries', compute)).toBe(0);
    await other.query('COMMIT');
    expect(await memo.answer('deliveries', compute)).toBe(1);

    await other.query('DELETE FROM deliveries');
    expect(await memo.answer('deliveries', compute)).toBe(0);
  });

  it('never gives a caller the answer of a computation that started before it asked', async () => {
    const memo = new SnapshotMemo<number>(sequelize);
    const slow = signal();
    const { counter, compute } = countingDeliveries(null, slow.opened);
    const early = memo.answer('deliveries', compute);
    // The early computation has counted (0) and waits; a delivery is committed, then three ask.
    await counter.firstCounted;
    await other.query('INSERT INTO deliveries (tons) VALUES (7)');
    const later = [memo.answer('deliveries', compute), memo.answer('deliveries', compute), memo.answer('deliveries', compute)];
    slow.open();

    expect(await early).toBe(0);
    expect(await Promise.all(later)).toEqual([1, 1, 1]);
    // The three shared one computation, started when the early one ended.
    expect(counter.computed).toBe(2);
  });

  it('keys apart: another key is computed on its own', async () => {
    const memo = new SnapshotMemo<number>(sequelize);
    const { counter, compute } = countingDeliveries();
    await Promise.all([memo.answer('branch 1', compute), memo.answer('branch 2', compute)]);
    expect(counter.computed).toBe(2);
  });

  it('computes again once the instant the answer was valid until has passed, with no commit', async () => {
    const memo = new SnapshotMemo<number>(sequelize);
    const expired = countingDeliveries(`now() - interval '1 millisecond'`);
    await memo.answer('deliveries', expired.compute);
    await memo.answer('deliveries', expired.compute);
    expect(expired.counter.computed).toBe(2);
  });

  it('hands a failed computation to the callers that shared it, and the next caller computes again', async () => {
    const memo = new SnapshotMemo<number>(sequelize);
    const slow = signal();
    let calls = 0;
    const failing = async (): Promise<Computed<number>> => {
      calls += 1;
      await slow.opened;
      if (calls <= 2) throw new Error(`computation ${calls} failed`);
      return { value: 42, validUntil: null };
    };
    const first = memo.answer('deliveries', failing);
    const shared = [memo.answer('deliveries', failing), memo.answer('deliveries', failing)];
    slow.open();
    await expect(first).rejects.toThrow('computation 1 failed');
    for (const answer of shared) await expect(answer).rejects.toThrow('computation 2 failed');
    expect(await memo.answer('deliveries', failing)).toBe(42);
    expect(calls).toBe(3);
  });
});
