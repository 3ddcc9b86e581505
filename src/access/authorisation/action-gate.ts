import AdminJS, { ValidationError, type Action, type ActionContext, type ActionHandler, type ActionRequest, type ActionResponse, type Before, type IsFunction, type ResourceWithOptions } from 'adminjs';
import pg from 'pg';
import type { ModelStatic, Model } from 'sequelize';
import { accessOf } from './current-access.js';
import type { AccessProfile } from './access-profile.js';
import { can, permissionOn } from './can.js';
import { fieldOfKey, writableFields } from './field-policy.js';
import { rowScopeCondition } from './row-scopes.js';
import { runReadOnly } from './read-only-requests.js';
import { AccessDenied } from './access-denied.js';

type ActionOptions = Partial<Action<ActionResponse>>;
type Actions = Record<string, ActionOptions>;

const ADMINJS_ACTIONS = ['list', 'search', 'show', 'new', 'edit', 'delete', 'bulkDelete'] as const;

/** A workflow form's input, as resources/workflow declares it in the action's `custom.fields`. */
interface DeclaredField {
  name: string;
  type: string;
  resourceId?: string;
}

/**
 * Puts every action of a resource, AdminJS's and ours, present and future, under the access layer:
 * - isAccessible asks the matrix (so forbidden buttons disappear, and AdminJS refuses them too);
 * - a request that is not a POST reaches the handler as AdminJS's 'get' and runs read-only: any
 *   write it attempts is refused (read-only-requests.ts), so a GET or HEAD changes nothing;
 * - a POSTed form writes only the fields the role may write; every id it carries, a column of the
 *   resource or a workflow form's reference field, must be a row the employee reaches in the
 *   resource it references; a workflow form passes only the fields it declares, and a new/edit
 *   screen only the role's writable columns and the inputs it declares that are no column.
 */
export function withAccessControl(resource: ResourceWithOptions): ResourceWithOptions {
  const resourceId = (resource.resource as ModelStatic<Model>).tableName;
  const actions: Actions = { ...(resource.options.actions as Actions) };
  for (const name of new Set([...ADMINJS_ACTIONS, ...Object.keys(actions)])) {
    const action: ActionOptions = actions[name] ?? {};
    // Switched off for everyone by the resource itself (editing the audit log): nothing to decide.
    if (action.isAccessible === false) continue;
    const handler = action.handler ?? (AdminJS.ACTIONS as Record<string, ActionOptions>)[name]?.handler;
    actions[name] = {
      ...action,
      isAccessible: allowedBy(resourceId, name, action.isAccessible),
      before: [gateRequest(resourceId, name, declaredFields(action)), ...asList(action.before)],
      ...(handler ? { handler: readOnlyUnlessPosted(handler) } : {}),
    };
  }
  return { ...resource, options: { ...resource.options, actions } };
}

function allowedBy(resourceId: string, action: string, own: ActionOptions['isAccessible']): IsFunction {
  return (context) => {
    if (!can(accessOf(context.currentAdmin), resourceId, action)) return false;
    if (typeof own === 'function') return own(context);
    return own ?? true;
  };
}

/** AdminJS knows 'get' and 'post'; HEAD (or anything else) is a read and is shown to the handler as one. */
function readOnlyUnlessPosted(handler: NonNullable<ActionOptions['handler']>): ActionHandler<ActionResponse> {
  const handlers = asList(handler);
  const run = async (request: ActionRequest, response: unknown, context: ActionContext): Promise<ActionResponse> => {
    let answer: ActionResponse = {};
    for (const each of handlers) answer = await each(request, response, context);
    return answer;
  };
  return (request, response, context) =>
    request.method === 'post' ? run(request, response, context) : runReadOnly(() => run({ ...request, method: 'get' }, response, context));
}

function gateRequest(resourceId: string, action: string, fields: DeclaredField[] | undefined): Before {
  return async (request: ActionRequest, context: ActionContext) => {
    const profile = accessOf(context.currentAdmin);
    if (!profile) return request;
    if (request.method !== 'post') {
      // AdminJS's 'new' does nothing but create: asked for by GET or HEAD it is a mistake, not a crash.
      if (action === 'new') throw new AccessDenied(405, 'changesNeedPost');
      await assertTableFilterInScope(request, profile, context);
      return { ...request, method: 'get' };
    }
    let payload: Record<string, unknown> = { ...(request.payload ?? {}) };
    const declared = (key: string) => (fields ?? []).some((field) => field.name === key);
    if (action === 'new' || action === 'edit') {
      const editForm = context.resource.decorate().getProperties({ where: 'edit' }).map((property) => property.propertyPath);
      const writable = writableFields(profile, resourceId, editForm);
      // A screen that replaces the form may declare inputs of its own that are no column (an order's lines); its columns stay the role's writable ones.
      const formOnly = (key: string) => declared(key) && !context.resource.property(key);
      payload = Object.fromEntries(Object.entries(payload).filter(([key]) => writable.has(fieldOfKey(key)) || formOnly(key)));
      if (action === 'new') await setOwnership(payload, profile, resourceId, context);
    } else if (fields) {
      payload = Object.fromEntries(Object.entries(payload).filter(([key]) => declared(key)));
    }
    await assertReferencesInScope(payload, profile, context, fields ?? []);
    return { ...request, payload };
  };
}

function declaredFields(action: ActionOptions): DeclaredField[] | undefined {
  const fields: unknown = (action.custom as { fields?: unknown } | undefined)?.fields;
  return Array.isArray(fields) ? (fields as DeclaredField[]) : undefined;
}

/**
 * A new row belongs to whoever creates it, unless a role that sees all chose otherwise. Its branch
 * is its customer's (a complaint taken at head office belongs to the customer's branch, whose
 * manager must see it), else the creator's.
 */
async function setOwnership(payload: Record<string, unknown>, profile: AccessProfile, resourceId: string, context: ActionContext): Promise<void> {
  const limited = permissionOn(profile, resourceId).scope !== 'all';
  if (context.resource.property('owner_id') && (limited || !payload.owner_id)) payload.owner_id = profile.userId;
  if (!context.resource.property('branch_id')) return;
  const customerBranch = resourceId !== 'customers' && payload.customer_id ? await branchOfCustomer(Number(payload.customer_id), context) : null;
  if (customerBranch !== null) payload.branch_id = customerBranch;
  else if (profile.branchId !== null && (limited || !payload.branch_id)) payload.branch_id = profile.branchId;
}

async function branchOfCustomer(customerId: number, context: ActionContext): Promise<number | null> {
  if (!Number.isInteger(customerId)) return null;
  const [rows] = await sequelizeOf(context).query('SELECT branch_id FROM customers WHERE id = $1', { bind: [customerId] });
  return (rows as Array<{ branch_id: number }>)[0]?.branch_id ?? null;
}

/**
 * Every id a form posts names a row of some resource: a column's reference (a contact's customer)
 * or a workflow field's (a merge's duplicate, a task's assignee). It must be a row the employee
 * reaches there; otherwise the field says the record does not exist, as for one that really does not.
 */
async function assertReferencesInScope(payload: Record<string, unknown>, profile: AccessProfile, context: ActionContext, fields: DeclaredField[]): Promise<void> {
  const errors: Record<string, { message: string }> = {};
  for (const [key, value] of Object.entries(payload)) {
    const target = fields.find((field) => field.name === key && field.type === 'reference')?.resourceId ?? context.resource.property(key)?.reference();
    if (!target || value === null || value === undefined || String(value).trim() === '') continue;
    if (!(await reaches(profile, target, String(value).trim(), context))) errors[key] = { message: 'referenceNotFound' };
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** A table action's record filter (?warehouse=3) names a row too. */
async function assertTableFilterInScope(request: ActionRequest, profile: AccessProfile, context: ActionContext): Promise<void> {
  const filter = (context.action.custom as { filter?: { name: string; resourceId: string } } | undefined)?.filter;
  const chosen: unknown = filter && request.query?.[filter.name];
  if (!filter || chosen === undefined || chosen === '') return;
  if (!(await reaches(profile, filter.resourceId, String(chosen), context))) throw new ValidationError({ [filter.name]: { message: 'referenceNotFound' } });
}

const INT32_MAX = 2_147_483_647;

async function reaches(profile: AccessProfile, table: string, id: string, context: ActionContext): Promise<boolean> {
  if (!/^\d{1,10}$/.test(id) || Number(id) > INT32_MAX) return false;
  const condition = rowScopeCondition(profile, table);
  if (condition === null) return true;
  const [rows] = await sequelizeOf(context).query(`SELECT 1 FROM ${pg.escapeIdentifier(table)} WHERE id = $1 AND ${condition}`, { bind: [Number(id)] });
  return rows.length > 0;
}

function sequelizeOf(context: ActionContext) {
  return (context.resource as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel.sequelize!;
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
