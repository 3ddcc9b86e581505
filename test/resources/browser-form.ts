export type Form = Record<string, string>;

/** What the browser posts: every param, null as AdminJS's marker for it, nested objects left out. */
export function asForm(params: Record<string, unknown>): Form {
  const entries = Object.entries(params).filter(([, value]) => value === null || typeof value !== 'object');
  return Object.fromEntries(entries.map(([key, value]) => [key, value === null ? '__FORM_VALUE_NULL__' : String(value as string | number | boolean)]));
}
