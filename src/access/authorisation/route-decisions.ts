import type AdminJS from 'adminjs';
import type { BaseResource, CurrentAdmin } from 'adminjs';
import pg from 'pg';
import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import type { AccessProfile } from './access-profile.js';
import { AccessDenied } from './access-denied.js';
import { can } from './can.js';
import { fieldOfKey, isQueryable } from './field-policy.js';
import { rowScopeCondition } from './row-scopes.js';

/** The most records a bulk action takes at once (AdminJS's own page limit). */
const MAX_BULK_RECORDS = 500;
const RECORD_ID = /^[1-9]\d{0,9}$/;
const INT32_MAX = 2_147_483_647;

interface ActionTarget {
  target: 'resource' | 'record' | 'bulk';
  /** Fixed by the route (AdminJS's search route); otherwise the path's :action. */
  action?: string;
}

/**
 * May this employee run this action, as the API route names it? Decided on what AdminJS itself will
 * look up: the resource by id, the action among the resource's own (not another resource's, not an
 * inherited property), of the kind the route runs (a record action on a record), granted by the
 * matrix and not switched off by the resource; every record it names inside the row scope; every filter and sort on a field the role
 * may read; no parameter given twice (an array could slip past a check of a single value).
 */
export async function decideActionRequest(
  admin: AdminJS,
  currentAdmin: CurrentAdmin,
  profile: AccessProfile,
  { target, action: fixedAction }: ActionTarget,
  params: Record<string, string>,
  query: Record<string, unknown>,
): Promise<void> {
  const resource = resourceById(admin, params.resourceId);
  const actionName = fixedAction ?? params.action;
  const actions = resource.decorate().actions;
  const action = Object.hasOwn(actions, actionName) ? actions[actionName] : undefined;
  if (!action) throw new AccessDenied(404, 'notFound');
  const kindMatches = { resource: action.isResourceType(), record: action.isRecordType(), bulk: action.isBulkType() }[target];
  if (!kindMatches) throw new AccessDenied(404, 'notFound');
  // The matrix, and what the resource says of its own action (switched off for everyone: the audit log's edit).
  if (!can(profile, resource.id(), actionName) || !action.isAccessible(currentAdmin)) throw new AccessDenied(403, 'forbiddenError');
  assertQueryAllowed(profile, resource, query);
  if (target === 'record') await assertInScope(profile, resource, [recordId(params.recordId)]);
  if (target === 'bulk') await assertInScope(profile, resource, recordIds(query.recordIds));
}

export function decideDashboardRequest(profile: AccessProfile): void {
  if (!can(profile, 'dashboard', 'show')) throw new AccessDenied(403, 'forbiddenError');
}

export function decideTransferRequest(admin: AdminJS, profile: AccessProfile, action: 'export' | 'import', resourceId: string | undefined): void {
  const resource = resourceById(admin, resourceId);
  if (!can(profile, resource.id(), action)) throw new AccessDenied(403, 'forbiddenError');
}

function resourceById(admin: AdminJS, resourceId: string | undefined): BaseResource {
  const resource = admin.resources.find((candidate) => candidate.id() === resourceId);
  if (!resource) throw new AccessDenied(404, 'notFound');
  return resource;
}

function assertQueryAllowed(profile: AccessProfile, resource: BaseResource, query: Record<string, unknown>): void {
  if (Object.values(query).some((value) => typeof value !== 'string')) throw new AccessDenied(400, 'badRequest');
  const resourceId = resource.id();
  const asked = Object.keys(query).filter((key) => key.startsWith('filters.')).map((key) => fieldOfKey(key.slice('filters.'.length)));
  if (typeof query.sortBy === 'string') asked.push(fieldOfKey(query.sortBy));
  // AdminJS's search takes any column as `searchProperty`; the panel only ever searches titles.
  if (query.searchProperty !== undefined && query.searchProperty !== resource.decorate().titleProperty().name()) throw new AccessDenied(403, 'forbiddenError');
  if (!asked.every((field) => isQueryable(profile, resourceId, field))) throw new AccessDenied(403, 'forbiddenError');
}

function recordId(value: string | undefined): number {
  if (!value || !RECORD_ID.test(value) || Number(value) > INT32_MAX) throw new AccessDenied(404, 'notFound');
  return Number(value);
}

function recordIds(value: unknown): number[] {
  const ids = typeof value === 'string' ? value.split(',') : [];
  if (ids.length === 0 || ids.length > MAX_BULK_RECORDS) throw new AccessDenied(400, 'badRequest');
  return ids.map((id) => {
    if (!RECORD_ID.test(id) || Number(id) > INT32_MAX) throw new AccessDenied(400, 'badRequest');
    return Number(id);
  });
}

/** Every id names a row the employee reaches: one that exists but lies outside is 403, one that does not exist 404. */
async function assertInScope(profile: AccessProfile, resource: BaseResource, ids: number[]): Promise<void> {
  const condition = rowScopeCondition(profile, resource.id());
  if (condition === null) return;
  const model = (resource as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel;
  const [{ found, visible }] = await model.sequelize!.query<{ found: number; visible: number }>(
    `SELECT count(*)::int AS found, (count(*) FILTER (WHERE ${condition}))::int AS visible FROM ${pg.escapeIdentifier(resource.id())} WHERE id = ANY($1::int[])`,
    { bind: [ids], type: QueryTypes.SELECT },
  );
  if (visible === new Set(ids).size) return;
  throw found === 0 ? new AccessDenied(404, 'notFound') : new AccessDenied(403, 'forbiddenError');
}
