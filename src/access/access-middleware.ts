import type { Request, RequestHandler, Response } from 'express';
import type AdminJS from 'adminjs';
import pg from 'pg';
import { loadAccessProfile, type AccessProfile } from './access-profile.js';
import { can } from './can.js';
import { fieldOfKey, isReadable } from './field-policy.js';
import { rowScopeCondition } from './row-scopes.js';
import { User } from '../models/index.js';
import { rememberLanguageChoice } from '../i18n/remember-language.js';
import type { Actor } from '../audit/audit-log.js';

const ACCESS = Symbol.for('petrocrm.access');

/** The access profile loaded for this request; AdminJS hands the same object to every hook. */
export function accessOf(currentAdmin: unknown): AccessProfile | undefined {
  return (currentAdmin as { [ACCESS]?: AccessProfile } | undefined)?.[ACCESS];
}

/** The logged-in employee as the audit log names them. */
export function staffActor(currentAdmin: unknown): Actor & { id: number } {
  const profile = accessOf(currentAdmin);
  if (!profile) throw new Error('An action ran without a logged-in employee');
  return { id: profile.userId, email: profile.email };
}

/**
 * Reads the employee's role, scope and permissions fresh on every request, so a change in the
 * matrix or a deactivation applies to the very next request. The profile is attached under a
 * symbol, so it is neither saved in the session store nor sent to the browser.
 */
export const loadStaffAccess: RequestHandler = async (req, res, next) => {
  const staff = req.session?.adminUser;
  // The panel's scripts and styles are the same for everyone: no profile query for each of them.
  if (!staff || req.path.startsWith('/frontend/')) return next();
  try {
    const profile = await loadAccessProfile(Number(staff.id));
    if (!profile) {
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      if (req.path.startsWith('/api/')) return void res.status(401).json({ message: 'Not logged in' });
      return res.redirect(`${req.baseUrl}/login`);
    }
    Object.defineProperty(staff, ACCESS, { value: profile, enumerable: false, configurable: true });
    await rememberLanguageChoice(req, profile.userId, profile.locale);
    next();
  } catch (error) {
    next(error);
  }
};

type ApiRoute =
  | { kind: 'resource'; resourceId: string; action: string }
  | { kind: 'record'; resourceId: string; recordId: string; action: string }
  | { kind: 'bulk'; resourceId: string; action: string }
  | { kind: 'search'; resourceId: string }
  | { kind: 'dashboard' }
  | { kind: 'other' };

function parseApiRoute(path: string): ApiRoute {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'dashboard') return { kind: 'dashboard' };
  if (parts[0] !== 'resources' || !parts[1]) return { kind: 'other' };
  const [, resourceId, section, a, b] = parts;
  if (section === 'actions' && a) return { kind: 'resource', resourceId, action: a };
  if (section === 'records' && a && b) return { kind: 'record', resourceId, recordId: a, action: b };
  if (section === 'bulk' && a) return { kind: 'bulk', resourceId, action: a };
  if (section === 'search') return { kind: 'search', resourceId };
  return { kind: 'other' };
}

/**
 * Every API call is checked here against the matrix before AdminJS runs it: the action, the rows it
 * touches (row scope), and the fields it filters or sorts on. AdminJS's own isAccessible checks the
 * same decisions again and hides the buttons; this layer makes the answer a real 403.
 */
export function enforceApiAccess(admin: AdminJS): RequestHandler {
  return async (req, res, next) => {
    try {
      const profile = accessOf(req.session?.adminUser);
      if (!profile) return next();
      const route = parseApiRoute(req.path);
      if (route.kind === 'dashboard') return can(profile, 'dashboard', 'show') ? next() : forbid(res);
      if (route.kind === 'other') return next();
      const resource = admin.findResource(route.resourceId);
      const action = route.kind === 'search' ? 'search' : route.action;
      if (!can(profile, route.resourceId, action)) return forbid(res);
      if (!queriesReadableFields(req, profile, route.resourceId)) return forbid(res);
      const recordIds =
        route.kind === 'record' ? [route.recordId] : route.kind === 'bulk' ? (typeof req.query.recordIds === 'string' ? req.query.recordIds : '').split(',').filter(Boolean) : [];
      if (recordIds.length > 0 && !(await allInScope(profile, resource.id(), recordIds))) return forbid(res);
      next();
    } catch (error) {
      // An unknown resource: let AdminJS answer it as it does.
      if (error instanceof Error && error.name === 'ResourceNotFoundError') return next();
      next(error);
    }
  };
}

function queriesReadableFields(req: Request, profile: AccessProfile, resourceId: string): boolean {
  const keys = Object.keys(req.query).filter((key) => key.startsWith('filters.')).map((key) => fieldOfKey(key.slice('filters.'.length)));
  if (typeof req.query.sortBy === 'string') keys.push(fieldOfKey(req.query.sortBy));
  return keys.every((field) => isReadable(profile, resourceId, field));
}

async function allInScope(profile: AccessProfile, table: string, recordIds: string[]): Promise<boolean> {
  const condition = rowScopeCondition(profile, table);
  if (!condition) return true;
  const ids = recordIds.map(Number);
  if (ids.some((id) => !Number.isInteger(id))) return false;
  const [rows] = await User.sequelize!.query(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(table)} WHERE id = ANY($1) AND ${condition}`, {
    bind: [ids],
  });
  return (rows as Array<{ n: number }>)[0].n === new Set(ids).size;
}

function forbid(res: Response): void {
  res.status(403).json({ message: 'Forbidden', notice: { message: 'forbiddenError', type: 'error' } });
}

