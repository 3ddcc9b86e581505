import { BusinessRuleError } from '../../errors/business-rule-error.js';

type Row = Record<string, unknown>;

/**
 * Which of a record's fields (and child rows) may change in which state of its workflow: one table
 * per entity (sales-order-states.ts, opportunity-states.ts, …). The domain checks every generic
 * write against it — a form, the API, a bulk action — before anything is written (see
 * register-state-rules.ts); the workflow actions themselves move the state and the fields that go
 * with it. The database holds the same table as triggers (migrations/0021), for writes that come any
 * other way; test/domain/state-rules checks that both say the same.
 */
export interface StateTable<State extends string> {
  /** The table, as the panel's resource id. */
  resource: string;
  /** The column holding the state, and the state every new record starts in. */
  stateField: string;
  initialState: State;
  /** Fields only the workflow actions write: a generic write that changes one is refused. */
  workflowFields: readonly string[];
  /** Per state, the other fields a generic write may still change; 'all' for any of them. */
  editable: Record<State, readonly string[] | 'all'>;
  /** States in which the record may be deleted. */
  deletable: readonly State[];
  /** State changes a form may make itself (ending a campaign); every other one is a workflow action's. */
  formSteps?: Partial<Record<State, readonly State[]>>;
  /** The child rows that belong to the record, and the states in which they may be added, changed or removed. */
  children?: { resource: string; foreignKey: string; openIn: readonly State[] };
}

/** The message key of a field a state has frozen: 'stateFrozen_sales_orders_confirmed'. */
export function frozenMessage(table: StateTable<string>, state: string): string {
  return `stateFrozen_${table.resource}_${state}`;
}

/** The message key of a field only the workflow moves: 'workflowOwned_opportunities_probability'. */
export function workflowMessage(table: StateTable<string>, field: string): string {
  return `workflowOwned_${table.resource}_${field}`;
}

/** The message key of a record its state keeps from being deleted. */
export function undeletableMessage(table: StateTable<string>, state: string): string {
  return `stateUndeletable_${table.resource}_${state}`;
}

/** The message key of child rows (order lines, members) a state has frozen. */
export function childrenFrozenMessage(table: StateTable<string>, state: string): string {
  return `childrenFrozen_${table.resource}_${state}`;
}

export function isEditable<State extends string>(table: StateTable<State>, state: State, field: string): boolean {
  if (table.workflowFields.includes(field) || field === table.stateField) return false;
  const editable = table.editable[state];
  return editable === 'all' || editable.includes(field);
}

/**
 * Refuses a generic update that would change a field its state does not let change, naming the
 * first such field. `changes` are the values the write would store (the panel drops a form's
 * read-only fields before, so a workflow field met here came another way).
 */
export function assertUpdateAllowed<State extends string>(table: StateTable<State>, before: Row, changes: Row): void {
  const state = before[table.stateField] as State;
  const stepTo = changes[table.stateField];
  const formStep = table.stateField in changes && !sameValue(state, stepTo) && (table.formSteps?.[state] ?? []).includes(stepTo as State);
  for (const [field, value] of Object.entries(changes)) {
    if (sameValue(before[field], value) || (field === table.stateField && formStep)) continue;
    if (table.workflowFields.includes(field) || field === table.stateField) throw new BusinessRuleError(workflowMessage(table, field), {}, field);
    if (!isEditable(table, state, field)) throw new BusinessRuleError(frozenMessage(table, state), {}, field);
  }
}

/**
 * Refuses a new record that would start anywhere but at the beginning of its workflow, or with a
 * workflow field already filled in (a campaign created running).
 */
export function assertCreateAllowed<State extends string>(table: StateTable<State>, values: Row): void {
  const state = values[table.stateField];
  if (state !== undefined && state !== null && state !== table.initialState) {
    throw new BusinessRuleError(workflowMessage(table, table.stateField), {}, table.stateField);
  }
  for (const field of table.workflowFields) {
    if (values[field] !== undefined && values[field] !== null) throw new BusinessRuleError(workflowMessage(table, field), {}, field);
  }
}

export function assertDeleteAllowed<State extends string>(table: StateTable<State>, before: Row): void {
  const state = before[table.stateField] as State;
  if (!table.deletable.includes(state)) throw new BusinessRuleError(undeletableMessage(table, state));
}

/** Refuses a change of child rows while the parent's state keeps them as they are. */
export function assertChildrenOpen<State extends string>(table: StateTable<State>, state: State, field?: string): void {
  if (!table.children?.openIn.includes(state)) throw new BusinessRuleError(childrenFrozenMessage(table, state), {}, field);
}

/**
 * Whether a stored value and a sent one are the same: forms send text ('91200.00', '' for none,
 * an ISO time), the database gives numbers as text and times as Dates.
 */
export function sameValue(stored: unknown, sent: unknown): boolean {
  const empty = (value: unknown) => value === null || value === undefined || value === '';
  if (empty(stored) || empty(sent)) return empty(stored) && empty(sent);
  if (stored instanceof Date || sent instanceof Date) return instant(stored) === instant(sent);
  const a = String(stored).trim();
  const b = String(sent).trim();
  if (a === b) return true;
  const decimal = /^[+-]?\d*\.?\d+$/;
  return decimal.test(a) && decimal.test(b) && canonicalDecimal(a) === canonicalDecimal(b);
}

function instant(value: unknown): number {
  return value instanceof Date ? value.getTime() : Date.parse(String(value));
}

function canonicalDecimal(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const digits = `${whole.replace(/^0+/, '') || '0'}.${fraction.replace(/0+$/, '')}`;
  return negative && digits !== '0.' ? `-${digits}` : digits;
}
