import { z } from 'zod';
import type { ColumnShape } from '../db/column-shapes.js';
import { INT_LIMITS } from '../db/column-shapes.js';
import { PERIODS, type FilterProblem } from '../../dashboards/dashboard-filters.js';
import { allowsRange, choice, filterValueProblem, isDay, refuse, single, wholeNumber } from './parameter-rules.js';

/**
 * One zod schema per route for its query string, as express parses it (flat keys such as
 * `filters.status`, an array when a parameter is repeated). Each schema knows the parameters its
 * route reads and what each may hold; a parameter it does not know must still be one clean value.
 */

/** What the edge knows of a resource's fields: every property AdminJS shows, and each column's shape. */
export interface ResourceFields {
  properties: ReadonlySet<string>;
  /** Filters that are no column (the search box, a figure's definition): each reads its own value, and a value it cannot read matches no row. */
  named: ReadonlySet<string>;
  columns: ReadonlyMap<string, ColumnShape>;
  isKey(id: string): boolean;
}

export const MAX_PER_PAGE = 500;
const MAX_PAGE = 1_000_000;
const MAX_FILTERS = 50;
/** A bulk action on more rows than a list page holds is not something the panel sends. */
export const MAX_BULK_RECORDS = MAX_PER_PAGE;
const LANGUAGES = ['zh-CN', 'en'] as const;
const FORMATS = ['csv', 'xlsx'] as const;
const RANGE = /^(.+)~~(from|to)$/;
const ONE_OF = /^(.+)\.(\d{1,3})$/;

const paging = {
  page: wholeNumber('page', 1, MAX_PAGE).optional(),
  perPage: wholeNumber('perPage', 1, MAX_PER_PAGE).optional(),
};

function sorting(fields: ResourceFields) {
  return {
    sortBy: field(fields, 'sortBy').optional(),
    direction: choice('direction', ['asc', 'desc'] as const).optional(),
  };
}

/** A parameter naming a field (sortBy, searchProperty): a property of this resource. */
function field(fields: ResourceFields, param: string) {
  return single(param).transform((name, ctx) => (isField(fields, name) ? name : refuse(ctx, 'requestUnknownField', { param })));
}

function isField(fields: ResourceFields, name: string): boolean {
  return fields.properties.has(name) || fields.columns.has(name);
}

/**
 * The parameters every schema leaves to this: `filters.*` (a field of the resource, compared with
 * a value its column can hold), a known parameter written as a nested key (`sortBy.0`, which
 * AdminJS would read as an array), and any other parameter, which must be one clean value.
 */
function otherParameters(known: string[], fields?: ResourceFields) {
  return (query: Record<string, unknown>, ctx: z.RefinementCtx) => {
    let filters = 0;
    for (const [param, value] of Object.entries(query)) {
      if (known.includes(param)) continue;
      const root = param.split(/\.|~~/)[0];
      if (known.includes(root) || (param === 'filters' && fields)) {
        refuse(ctx, 'requestMalformedParameter', { param });
        continue;
      }
      const text = single(param).safeParse(value);
      if (!text.success) {
        for (const issue of text.error.issues) refuse(ctx, issue.message, (issue as { params?: Record<string, string | number> }).params);
        continue;
      }
      if (root !== 'filters' || !fields) continue;
      if (++filters > MAX_FILTERS) {
        refuse(ctx, 'requestTooMany', { param: 'filters', max: MAX_FILTERS });
        return;
      }
      checkFilter(fields, param, text.data, ctx);
    }
  };
}

function checkFilter(fields: ResourceFields, param: string, value: string, ctx: z.RefinementCtx): void {
  const path = param.slice('filters.'.length);
  const range = RANGE.exec(path);
  const name = range?.[1] ?? ONE_OF.exec(path)?.[1] ?? path;
  if (fields.named.has(name) && !fields.columns.has(name)) return;
  if (!isField(fields, name)) return void refuse(ctx, 'requestUnknownField', { param });
  const shape = fields.columns.get(name);
  if (range && !allowsRange(shape)) return void refuse(ctx, 'requestNoRangeOnField', { param });
  // An empty bound is how AdminJS sends "from … onwards" or "up to …".
  if (range && value === '') return;
  const problem = filterValueProblem(shape, value, range !== null);
  if (!problem) return;
  const limits = shape?.kind === 'int32' || shape?.kind === 'int64' ? INT_LIMITS[shape.kind] : undefined;
  refuse(ctx, problem, { param, min: String(limits?.min ?? ''), max: String(limits?.max ?? ''), choices: shape?.choices?.join(', ') ?? '' });
}

export function listQuery(fields: ResourceFields) {
  const known = { ...paging, ...sorting(fields) };
  return z.looseObject(known).superRefine(otherParameters(Object.keys(known), fields));
}

/** The search of reference pickers: `/search/<text>` plus the property it searches. */
export function searchQuery(fields: ResourceFields) {
  const known = { ...paging, ...sorting(fields), searchProperty: field(fields, 'searchProperty').optional() };
  return z.looseObject(known).superRefine(otherParameters(Object.keys(known), fields));
}

/** `recordIds=1,2,3`: at least one, each a key that can exist, none twice. */
export function bulkQuery(fields: ResourceFields) {
  const known = {
    recordIds: z.union([z.string(), z.array(z.string())], { error: () => 'requestNoRecordsSelected' }).transform((value, ctx) => {
      if (Array.isArray(value)) return refuse(ctx, 'requestRepeated', { param: 'recordIds' });
      const ids = value.split(',').filter((id) => id !== '');
      if (ids.length === 0) return refuse(ctx, 'requestNoRecordsSelected');
      if (ids.length > MAX_BULK_RECORDS) return refuse(ctx, 'requestTooMany', { param: 'recordIds', max: MAX_BULK_RECORDS });
      const bad = ids.find((id) => !fields.isKey(id));
      if (bad !== undefined) return refuse(ctx, 'requestBadRecordId', { id: bad.slice(0, 40) });
      const twice = ids.find((id, index) => ids.indexOf(id) !== index);
      if (twice !== undefined) return refuse(ctx, 'requestRecordSelectedTwice', { id: twice });
      return ids;
    }),
  };
  return z.looseObject(known).superRefine(otherParameters(Object.keys(known)));
}

/**
 * `/api/dashboard?period=…&from=…&to=…&branch=…`, refused with the dashboard's own problems
 * (badPeriod, badDate, badBranch), which its page shows; the handler then checks the range itself.
 */
export function dashboardQuery() {
  const param = (name: string, problem: FilterProblem, valid: (value: string) => boolean) =>
    z.unknown().transform((value, ctx): string => (typeof value === 'string' && !value.includes('\u0000') && valid(value) ? value : refuse(ctx, problem, { param: name })));
  const known = {
    period: param('period', 'badPeriod', (value) => (PERIODS as readonly string[]).includes(value)).optional(),
    from: param('from', 'badDate', isDay).optional(),
    to: param('to', 'badDate', isDay).optional(),
    branch: param('branch', 'badBranch', (value) => /^\d{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= Number(INT_LIMITS.int32.max)).optional(),
  };
  return z.looseObject(known).superRefine(otherParameters(Object.keys(known)));
}

/** An export is the list as a file: the list's filters and sort, checked before the first byte. */
export function exportQuery(fields: ResourceFields) {
  const known = { ...sorting(fields), format: choice('format', FORMATS).optional(), lang: choice('lang', LANGUAGES).optional() };
  return z.looseObject(known).superRefine(otherParameters(Object.keys(known), fields));
}

export function importTemplateQuery() {
  const known = { format: choice('format', FORMATS).optional(), lang: choice('lang', LANGUAGES).optional() };
  return z.looseObject(known).superRefine(otherParameters(Object.keys(known)));
}

/** The uploaded file's name rides in the query string, for the audit log. */
export function importUploadQuery() {
  const known = { lang: choice('lang', LANGUAGES).optional(), file: single('file', 1000).optional() };
  return z.looseObject(known).superRefine(otherParameters(Object.keys(known)));
}

/** Actions with parameters of their own (workflow tables, show, edit): each one clean value. */
export function actionQuery() {
  return z.looseObject({}).superRefine(otherParameters([]));
}
