import type { RequestHandler } from 'express';
import { accessProfileAt } from '../authorisation/profile-cache.js';
import { attachAccess } from '../authorisation/current-access.js';
import { rememberLanguageChoice } from '../../i18n/remember-language.js';
import { endSession } from './session-lifetime.js';

/**
 * The logged-in employee's access profile for this request, at the access version read with the
 * session: a matrix, role, user or deactivation change applies to the very next request, on any
 * instance. A user who is gone or deactivated has their session ended there and then.
 */
export const loadStaffAccess: RequestHandler = async (req, res, next) => {
  const staff = req.session?.adminUser;
  if (!staff) return next();
  try {
    const profile = await accessProfileAt(Number(staff.id), req.session.accessVersion);
    if (!profile) return await endSession(req, res);
    attachAccess(staff, profile);
    await rememberLanguageChoice(req, profile.userId, profile.locale);
    next();
  } catch (error) {
    next(error);
  }
};
