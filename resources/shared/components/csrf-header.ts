/**
 * The header that proves a POST comes from the panel's own page: the session's token, which the
 * server put in the XSRF-TOKEN cookie (src/access/http/csrf.ts). AdminJS's ApiClient (axios) sends
 * it by itself; a plain fetch must add it.
 */
export function csrfHeader(): Record<string, string> {
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith('XSRF-TOKEN='));
  return cookie ? { 'X-XSRF-TOKEN': decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) } : {};
}
