import { ValidationError, type Action, type ActionResponse, type After, type Before, type BulkActionResponse, type RecordActionResponse, type ResourceOptions } from 'adminjs';
import { CrmResource } from '../../src/db/crm-resource.js';
import { dayProblem, instantOf } from '../../src/db/strict-values.js';
import { leanListHandler } from './lean-list.js';

type BuiltInAction = 'new' | 'edit' | 'delete' | 'bulkDelete';
type Actions = NonNullable<ResourceOptions['actions']>;
// AdminJS types each built-in action by its own response; here they are handled alike.
type ActionMap = Record<string, Partial<Action<ActionResponse>>>;

/**
 * A resource's actions: AdminJS's own as every resource uses them, then the resource's custom
 * actions (which win, except that their `before` hooks on new/edit run after ours).
 * - An emptied number field means "no value", not AdminJS's 0.
 * - A date is a real 'YYYY-MM-DD' day and a time a real moment, read on the business clock, before
 *   AdminJS turns them into JavaScript dates (which would move 2026-02-30 to 2 March).
 * - A new record opens on its own page, not the list.
 * - A bulk delete removes every chosen record or none, with the notice a single delete gives.
 * - `disabled` turns off actions that make no sense for anyone on this resource (stock changes
 *   only through receive/adjust/transfer, the audit log only grows), in the API as on screen.
 * - Lists are lean (lean-list.ts): the fields shown, references by title, an estimated total
 *   beyond ten thousand rows, keyset paging.
 */
export function withBuiltInActions(customActions: Actions = {}, { disabled = [] }: { disabled?: BuiltInAction[] } = {}): Actions {
  const custom = customActions as ActionMap;
  const actions: ActionMap = {
    ...custom,
    list: { handler: leanListHandler, ...custom.list },
    bulkDelete: { handler: bulkDeleteAll, ...custom.bulkDelete },
  };
  for (const name of ['new', 'edit']) {
    actions[name] = { ...custom[name], before: [blankNumbersAreEmpty, strictDates, ...[custom[name]?.before ?? []].flat()] };
  }
  actions.new = { ...actions.new, after: [...[custom.new?.after ?? []].flat(), toTheNewRecord] };
  for (const name of disabled) actions[name] = { ...actions[name], isAccessible: false, isVisible: false };
  return actions;
}

/** AdminJS converts a number field's '' with Number(), which is 0: a cleared rating would become 0. */
const blankNumbersAreEmpty: Before = async (request, context) => {
  if (request.method !== 'post' || !request.payload) return request;
  const payload: Record<string, unknown> = { ...request.payload };
  for (const [key, value] of Object.entries(payload)) {
    const type = context.resource.property(key)?.type();
    if (value === '' && (type === 'number' || type === 'float')) payload[key] = null;
  }
  return { ...request, payload };
};

/**
 * AdminJS reads a date field with `new Date(text)`, which rolls impossible days over and reads a
 * time without an offset on the server's clock. Days are checked here and times pinned to the
 * business clock first; a wrong one is a field error and nothing is written.
 */
const strictDates: Before = async (request, context) => {
  if (request.method !== 'post' || !request.payload) return request;
  const payload: Record<string, unknown> = { ...request.payload };
  const errors: Record<string, { message: string; type: string }> = {};
  for (const [key, value] of Object.entries(payload)) {
    const type = context.resource.property(key)?.type();
    if (typeof value !== 'string' || value.trim() === '' || (type !== 'date' && type !== 'datetime')) continue;
    const instant = type === 'datetime' ? instantOf(value) : undefined;
    const problem = type === 'date' ? dayProblem(value.trim()) : instant ? undefined : 'notADate';
    if (problem) errors[key] = { message: problem, type: problem };
    else payload[key] = type === 'date' ? value.trim() : instant!.toISOString();
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { ...request, payload };
};

/**
 * A new record opens on its own page, where the next step (add lines, assign, confirm) is; AdminJS
 * goes back to the list. A role that may not open the record stays with AdminJS's list.
 */
const toTheNewRecord: After<ActionResponse> = async (response, _request, context) => {
  const record = (response as RecordActionResponse).record;
  if (!response.redirectUrl || !record?.id || Object.keys(record.errors ?? {}).length > 0) return response;
  if (!record.recordActions?.some((action) => action.name === 'show')) return response;
  const resourceId = context.resource._decorated?.id() ?? context.resource.id();
  return { ...response, redirectUrl: context.h.recordActionUrl({ resourceId, recordId: String(record.id), actionName: 'show' }) };
};

const bulkDeleteAll: Action<BulkActionResponse>['handler'] = async (request, _response, context) => {
  const { records = [], resource, currentAdmin, h } = context;
  const json = records.map((record) => record.toJSON(currentAdmin));
  if (request.method !== 'post') return { records: json };
  try {
    const ids = records.map((record) => String(record.id()));
    if (resource instanceof CrmResource) await resource.deleteMany(ids, context);
    else for (const id of ids) await resource.delete(id, context);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { records: json, notice: { message: error.baseError?.message ?? 'thereWereValidationErrors', type: 'error' } };
  }
  return {
    records: json,
    notice: { message: records.length > 1 ? 'successfullyBulkDeleted_plural' : 'successfullyBulkDeleted', options: { count: records.length }, type: 'success' },
    redirectUrl: h.resourceUrl({ resourceId: resource._decorated?.id() ?? resource.id() }),
  };
};
