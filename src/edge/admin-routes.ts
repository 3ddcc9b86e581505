/**
 * The routes under /admin whose parameters the edge checks, recognised the way express matches
 * them (fixed words in any letter case, a trailing slash allowed). Path segments arrive decoded.
 */
export type AdminRoute =
  | { kind: 'resourceAction'; resourceId: string; action: string; query?: string }
  | { kind: 'recordAction'; resourceId: string; recordId: string; action: string }
  | { kind: 'bulkAction'; resourceId: string; action: string }
  | { kind: 'search'; resourceId: string; query?: string }
  | { kind: 'dashboard' }
  | { kind: 'page'; pageName: string }
  | { kind: 'refreshToken' }
  | { kind: 'export'; resourceId: string }
  | { kind: 'importTemplate'; resourceId: string }
  | { kind: 'importUpload'; resourceId: string };

export type RouteMethod = 'get' | 'post';

/** The route a request under /admin addresses, or undefined where express would find no route of these. */
export function matchAdminRoute(method: RouteMethod, segments: string[]): AdminRoute | undefined {
  const word = (index: number, expected: string) => segments[index]?.toLowerCase() === expected;
  const count = segments.length;
  if (word(0, 'refresh-token') && count === 1) return method === 'post' ? { kind: 'refreshToken' } : undefined;
  if (word(0, 'transfer') && count >= 3) return transferRoute(method, segments);
  if (!word(0, 'api')) return undefined;
  if (word(1, 'dashboard') && count === 2) return method === 'get' ? { kind: 'dashboard' } : undefined;
  if (word(1, 'pages') && count === 3) return { kind: 'page', pageName: segments[2] };
  if (!word(1, 'resources') || count < 3) return undefined;
  const resourceId = segments[2];
  if (word(3, 'search') && (count === 4 || count === 5)) return method === 'get' ? { kind: 'search', resourceId, query: segments[4] } : undefined;
  if (word(3, 'actions') && count === 5) return { kind: 'resourceAction', resourceId, action: segments[4] };
  if (word(3, 'actions') && count === 6 && method === 'get') return { kind: 'resourceAction', resourceId, action: segments[4], query: segments[5] };
  if (word(3, 'records') && count === 6) return { kind: 'recordAction', resourceId, recordId: segments[4], action: segments[5] };
  if (word(3, 'bulk') && count === 5) return { kind: 'bulkAction', resourceId, action: segments[4] };
  return undefined;
}

function transferRoute(method: RouteMethod, segments: string[]): AdminRoute | undefined {
  const [, resourceId, step, detail] = segments;
  const lower = [step?.toLowerCase(), detail?.toLowerCase()];
  if (segments.length === 3 && lower[0] === 'export' && method === 'get') return { kind: 'export', resourceId };
  if (segments.length !== 4 || lower[0] !== 'import') return undefined;
  if (lower[1] === 'template' && method === 'get') return { kind: 'importTemplate', resourceId };
  if ((lower[1] === 'check' || lower[1] === 'commit') && method === 'post') return { kind: 'importUpload', resourceId };
  return undefined;
}
