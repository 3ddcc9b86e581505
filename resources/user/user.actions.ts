import { ValidationError, type ActionContext, type ActionRequest, type Before, type ResourceOptions } from 'adminjs';
import type { Response } from 'express';
import { hashPassword } from '../../src/access/authentication/passwords.js';
import { checkPasswordPolicy } from '../../src/access/authentication/password-policy.js';
import { changeOwnPassword, setUserActive, unlockLogin } from '../../src/access/authentication/staff-accounts.js';
import { staffActor } from '../../src/access/authorisation/current-access.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';
import { recordWorkflow, refusalNotice } from '../workflow/workflow-action.js';
import { Components } from './user.components.js';

/**
 * The form's plain `password` becomes `password_hash`; a new user must have one, an edit may leave
 * it empty to keep the current one (that is how an administrator resets a password: types a new one).
 * The password policy applies; a reset ends every session of that user (the users trigger).
 */
export const hashNewPassword: Before = async (request: ActionRequest, context: ActionContext) => {
  if (request.method !== 'post' || !request.payload) return request;
  const { password, password_hash: _ignored, ...rest } = request.payload as Record<string, unknown>;
  const payload: Record<string, unknown> = { ...rest };
  const isNew = context.action.name === 'new';
  if (typeof password === 'string' && password !== '') {
    try {
      checkPasswordPolicy(password, String(payload.email ?? context.record?.params.email ?? ''), 'password');
    } catch (error) {
      if (error instanceof BusinessRuleError) throw new ValidationError({ password: { message: error.code, type: 'passwordPolicy' } });
      throw error;
    }
    payload.password_hash = await hashPassword(password);
    payload.password_changed_at = new Date();
  } else if (isNew) {
    throw new ValidationError({ password: { message: 'fieldRequired', type: 'required' } });
  }
  return { ...request, payload };
};

export const userActions: NonNullable<ResourceOptions['actions']> = {
  new: { before: hashNewPassword },
  edit: { before: hashNewPassword },
  // Forms that POST: a link, a prefetch or a HEAD request cannot deactivate anyone.
  deactivate: recordWorkflow({
    icon: 'UserX',
    variant: 'danger',
    intro: 'confirmDeactivateUser',
    submit: 'deactivateUserButton',
    isVisible: (params) => params.active === true,
    run: async (userId, { actor }) => {
      await setUserActive(actor, userId, false);
      return { message: 'userDeactivated' };
    },
  }),
  activate: recordWorkflow({
    icon: 'UserCheck',
    intro: 'confirmActivateUser',
    submit: 'activateUserButton',
    isVisible: (params) => params.active === false,
    run: async (userId, { actor }) => {
      await setUserActive(actor, userId, true);
      return { message: 'userActivated' };
    },
  }),
  unlockLogin: recordWorkflow({
    icon: 'Unlock',
    intro: 'unlockLoginIntro',
    submit: 'unlockLoginButton',
    run: async (userId, { actor }) => ({ message: (await unlockLogin(actor, userId)) ? 'loginUnlocked' : 'loginWasNotLocked' }),
  }),
  changeOwnPassword: {
    actionType: 'resource',
    icon: 'Key',
    component: Components.ChangeOwnPassword,
    handler: async (request: ActionRequest, response: Response, context: ActionContext) => {
      if (request.method !== 'post') return {};
      const field = (name: string) => String((request.payload as Record<string, unknown> | undefined)?.[name] ?? '');
      try {
        const input = { current: field('currentPassword'), next: field('newPassword'), confirmation: field('confirmation'), currentSessionId: response.req.sessionID };
        await changeOwnPassword(staffActor(context.currentAdmin), input);
        return { notice: { message: 'passwordChanged', type: 'success' } };
      } catch (error) {
        const notice = refusalNotice(error);
        return { notice, field: error instanceof BusinessRuleError ? error.field : undefined };
      }
    },
  },
};
