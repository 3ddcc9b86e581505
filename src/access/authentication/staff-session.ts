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

declare module 'express-session' {
  interface SessionData {
    adminUser?: StaffSession;
    /** When the employee logged in (ms since the epoch): the absolute lifetime counts from here. */
    startedAt?: number;
    /** The last request that wrote the session back (at most one a minute): the idle lifetime counts from here. */
    seenAt?: number;
    /**
     * The access version PostgreSQL had when the session was read, filled in by the session store
     * on every read (src/access/http/session-store.ts); whatever was saved with it is overwritten.
     */
    accessVersion?: string;
  }
}
