import type { ActionRequest, Before } from 'adminjs';
import { hashPassword } from '../../src/access/passwords.js';

/** The form's plain `password` becomes `password_hash`; an empty one leaves the hash as it is. */
export const hashNewPassword: Before = async (request: ActionRequest) => {
  if (request.method !== 'post' || !request.payload) return request;
  const { password, password_hash: _ignored, ...rest } = request.payload as Record<string, unknown>;
  const payload: Record<string, unknown> = { ...rest };
  if (typeof password === 'string' && password !== '') {
    payload.password_hash = await hashPassword(password);
    payload.password_changed_at = new Date();
  }
  return { ...request, payload };
};
