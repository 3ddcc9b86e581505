import { QueryTypes, type Sequelize } from 'sequelize';

/** What a computation over the database gives, and until when it holds without any write. */
export interface Computed<T> {
  value: T;
  /**
   * An instant (a timestamptz PostgreSQL reads) after which the same rows give another answer,
   * because the computation compares them with now(); null when it does not read the clock.
   */
  validUntil: string | null;
}

interface Kept<T> {
  snapshot: string;
  validUntil: string | null;
  value: T;
}

/** The computations of one key: the one running, the one the callers arriving meanwhile share, the last kept. */
interface KeyState<T> {
  running?: Promise<T>;
  next?: Promise<T>;
  kept?: Kept<T>;
}

/** Keys remembered at most; the oldest idle one is forgotten first. */
const KEYS_KEPT = 200;

/**
 * Answers computed from many statements (the statistics page runs ~20), kept exactly as long as
 * they are what a new computation would give, and shared by the callers asking at the same time.
 *
 * Exact, with no invalidation to forget: an answer is kept under the PostgreSQL snapshot it was
 * computed in (pg_current_snapshot(): which transactions are committed). Two equal snapshots see
 * the same rows, so when the snapshot is unchanged the kept answer is served; any commit anywhere,
 * by this instance or another one, by the app or by hand, changes it. An answer is kept only if the
 * snapshot was the same before its first statement and after its last, so every statement saw the
 * same rows. Each instance keeps its own answers: nothing is shared that another could make stale.
 *
 * Shared without serving the past: a caller never joins a computation that started before it
 * asked (it could miss what was committed just before). Callers arriving while one runs share the
 * next one, which starts when it ends: one computation at a time per key however many ask, and
 * each caller's answer includes every commit made before it asked.
 */
export class SnapshotMemo<T> {
  private readonly keys = new Map<string, KeyState<T>>();

  constructor(private readonly sequelize: Sequelize) {}

  answer(key: string, compute: () => Promise<Computed<T>>): Promise<T> {
    const state = this.stateOf(key);
    if (!state.running) return this.start(state, compute);
    state.next ??= state.running.then(
      () => this.start(state, compute),
      () => this.start(state, compute),
    );
    return state.next;
  }

  private start(state: KeyState<T>, compute: () => Promise<Computed<T>>): Promise<T> {
    const running = this.run(state, compute);
    state.running = running;
    state.next = undefined;
    const settled = () => {
      if (state.running === running) state.running = undefined;
    };
    running.then(settled, settled);
    return running;
  }

  private async run(state: KeyState<T>, compute: () => Promise<Computed<T>>): Promise<T> {
    const kept = state.kept;
    const before = await this.snapshot(kept?.validUntil ?? null);
    if (kept && kept.snapshot === before.snapshot && before.inTime) return kept.value;
    const { value, validUntil } = await compute();
    const after = await this.snapshot(null);
    // A commit between the two would leave some statements seeing it and some not: served, not kept.
    state.kept = after.snapshot === before.snapshot ? { snapshot: before.snapshot, validUntil, value } : undefined;
    return value;
  }

  /** The current snapshot, and whether now() is still at or before `validUntil`. */
  private async snapshot(validUntil: string | null): Promise<{ snapshot: string; inTime: boolean }> {
    const [row] = await this.sequelize.query<{ snapshot: string; inTime: boolean }>(
      `SELECT pg_current_snapshot()::text AS snapshot, ($validUntil::timestamptz IS NULL OR now() <= $validUntil::timestamptz) AS "inTime"`,
      { bind: { validUntil }, type: QueryTypes.SELECT },
    );
    return row;
  }

  private stateOf(key: string): KeyState<T> {
    let state = this.keys.get(key);
    if (state) {
      // Map order is insertion order: re-inserting marks the key as the most recently used.
      this.keys.delete(key);
    } else {
      state = {};
      if (this.keys.size >= KEYS_KEPT) this.forgetOldestIdle();
    }
    this.keys.set(key, state);
    return state;
  }

  private forgetOldestIdle(): void {
    for (const [key, state] of this.keys) {
      if (!state.running && !state.next) {
        this.keys.delete(key);
        return;
      }
    }
  }
}
