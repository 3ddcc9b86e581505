import { ValidationError, type Action, type ActionContext, type ActionRequest, type ActionResponse, type Before, type IsFunction, type ResourceWithOptions } from 'adminjs';
import pg from 'pg';
import type { ModelStatic, Model } from 'sequelize';
import { accessOf } from './access-middleware.js';
import type { AccessProfile } from './access-profile.js';
import { can, permissionOn } from './can.js';
import { fieldOfKey, writableFields } from './field-policy.js';
import { rowScopeCondition } from './row-scopes.js';

type ActionOptions = Partial<Action<ActionResponse>>;
type Actions = Record<string, ActionOptions>;

const ADMINJS_ACTIONS = ['list', 'search', 'show', 'new', 'edit', 'delete', 'bulkDelete'];

/**
 * Puts every action of a resource, AdminJS's and ours, under the permission matrix: isAccessible
 * asks the same `can` the API middleware asks (so forbidden buttons disappear), and forms may only
 * write the fields the role may write, on rows and references inside its scope.
 */
export function withAccessControl(resource: ResourceWithOptions): ResourceWithOptions {
  const resourceId = (resource.resource as ModelStatic<Model>).tableName;
  const actions: Actions = { ...(resource.options.actions as Actions) };
  for (const name of new Set([...ADMINJS_ACTIONS, ...Object.keys(actions)])) {
    const action: ActionOptions = actions[name] ?? {};
    // Switched off for everyone by the resource itself (editing the audit log): nothing to decide.
    if (action.isAccessible === false) continue;
    actions[name] = {
      ...action,
      isAccessible: allowedBy(resourceId, name, action.isAccessible),
      before: [name === 'new' || name === 'edit' ? onlyWritableFields(resourceId, name) : referencesInScope, ...asList(action.before)],
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

function onlyWritableFields(resourceId: string, action: 'new' | 'edit'): Before {
  return async (request: ActionRequest, context: ActionContext) => {
    const profile = accessOf(context.currentAdmin);
    if (request.method !== 'post' || !request.payload || !profile) return request;
    const editForm = context.resource.decorate().getProperties({ where: 'edit' }).map((property) => property.propertyPath);
    const writable = writableFields(profile, resourceId, editForm);
    const payload: Record<string, unknown> = Object.fromEntries(Object.entries(request.payload).filter(([key]) => writable.has(fieldOfKey(key))));
    if (action === 'new') await setOwnership(payload, profile, resourceId, context);
    await assertReferencesInScope(payload, profile, context);
    return { ...request, payload };
  };
}

/** Workflow actions post ids too (assign a task to a customer): they must be inside the scope. */
const referencesInScope: Before = async (request, context) => {
  const profile = accessOf(context.currentAdmin);
  if (request.method === 'post' && request.payload && profile) await assertReferencesInScope(request.payload, profile, context);
  return request;
};

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

/** A sales representative may not attach a contact or an order to a customer they cannot see. */
async function assertReferencesInScope(payload: Record<string, unknown>, profile: AccessProfile, context: ActionContext): Promise<void> {
  const errors: Record<string, { message: string }> = {};
  for (const [key, value] of Object.entries(payload)) {
    const target = context.resource.property(key)?.reference();
    const id = Number(value);
    const condition = target && Number.isInteger(id) && rowScopeCondition(profile, target);
    if (!condition) continue;
    const [rows] = await sequelizeOf(context).query(`SELECT 1 FROM ${pg.escapeIdentifier(target)} WHERE id = $1 AND ${condition}`, {
      bind: [id],
    });
    if ((rows).length === 0) errors[key] = { message: 'referenceNotFound' };
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

function sequelizeOf(context: ActionContext) {
  return (context.resource as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel.sequelize!;
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
