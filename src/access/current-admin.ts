import type { CurrentAdmin } from 'adminjs';

/** What the session remembers of the logged-in employee; access decisions reload the rest. */
export interface StaffSession extends CurrentAdmin {
  id: string;
  email: string;
  title: string;
  roleCode: string;
  locale: 'zh-CN' | 'en';
}

export function staffOf(currentAdmin: CurrentAdmin | undefined): StaffSession | undefined {
  return currentAdmin && typeof currentAdmin.id === 'string' ? (currentAdmin as StaffSession) : undefined;
}
