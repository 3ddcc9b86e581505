import { ValidationError, type Action, type ActionResponse, type Before, type BulkActionResponse, type ResourceOptions } from 'adminjs';
import { CrmResource } from '../../src/db/crm-resource.js';
import { leanListHandler } from './lean-list.js';

type BuiltInAction = 'new' | 'edit' | 'delete' | 'bulkDelete';
type Actions = NonNullable<ResourceOptions['actions']>;
// AdminJS types each built-in action by its own response; here they are handled alike.
type ActionMap = Record<string, Partial<Action<ActionResponse>>>;

/**
 * A resource's actions: AdminJS's own as every resource uses them, then the resource's custom
 * actions (which win, except that their `before` hooks on new/edit run after ours).
 * - An emptied number field means "no value", not AdminJS's 0.
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
    actions[name] = { ...custom[name], before: [blankNumbersAreEmpty, ...[custom[name]?.before ?? []].flat()] };
  }
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
