import { ValidationError, type ActionContext, type ActionRequest, type Before, type ResourceOptions } from 'adminjs';
import { hashPassword } from '../../src/access/passwords.js';
import { MIN_PASSWORD_LENGTH, changeOwnPassword, setUserActive } from '../../src/access/staff-accounts.js';
import { staffActor } from '../../src/access/access-middleware.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';
import { refusalNotice } from '../workflow/workflow-action.js';
import { Components } from './user.components.js';

/**
 * The form's plain `password` becomes `password_hash`; a new user must have one, an edit may leave
 * it empty to keep the current one (that is how an administrator resets a password: types a new one).
 */
export const hashNewPassword: Before = async (request: ActionRequest, context: ActionContext) => {
  if (request.method !== 'post' || !request.payload) return request;
  const { password, password_hash: _ignored, ...rest } = request.payload as Record<string, unknown>;
  const payload: Record<string, unknown> = { ...rest };
  const isNew = context.action.name === 'new';
  if (typeof password === 'string' && password !== '') {
    if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationError({ password: { message: 'passwordTooShort', type: 'minLength' } });
    payload.password_hash = await hashPassword(password);
    payload.password_changed_at = new Date();
  } else if (isNew) {
    throw new ValidationError({ password: { message: 'fieldRequired', type: 'required' } });
  }
  return { ...request, payload };
};

function activation(active: boolean) {
  return async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
    const record = context.record!;
    try {
      await setUserActive(staffActor(context.currentAdmin), Number(record.id()), active);
      const fresh = await context.resource.findOne(record.id(), context);
      return { record: (fresh ?? record).toJSON(context.currentAdmin), notice: { message: active ? 'userActivated' : 'userDeactivated', type: 'success' } };
    } catch (error) {
      return { record: record.toJSON(context.currentAdmin), notice: refusalNotice(error) };
    }
  };
}

export const userActions: NonNullable<ResourceOptions['actions']> = {
  new: { before: hashNewPassword },
  edit: { before: hashNewPassword },
  deactivate: {
    actionType: 'record',
    icon: 'UserX',
    component: false,
    guard: 'confirmDeactivateUser',
    isVisible: ({ record }) => record?.params.active === true,
    handler: activation(false),
  },
  activate: {
    actionType: 'record',
    icon: 'UserCheck',
    component: false,
    isVisible: ({ record }) => record?.params.active === false,
    handler: activation(true),
  },
  changeOwnPassword: {
    actionType: 'resource',
    icon: 'Key',
    component: Components.ChangeOwnPassword,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      if (request.method !== 'post') return {};
      const { currentPassword = '', newPassword = '', confirmation = '' } = (request.payload ?? {}) as Record<string, string>;
      try {
        await changeOwnPassword(staffActor(context.currentAdmin), currentPassword, newPassword, confirmation);
        return { notice: { message: 'passwordChanged', type: 'success' } };
      } catch (error) {
        const notice = refusalNotice(error);
        return { notice, field: error instanceof BusinessRuleError ? error.field : undefined };
      }
    },
  },
};
