import crypto from 'node:crypto';
import { Filter, SortSetter, flat, type ActionHandler, type ActionJSON, type BaseRecord, type CurrentAdmin, type ListActionResponse, type RecordJSON, type ResourceDecorator } from 'adminjs';
import { CrmResource, type ListTotal } from '../../src/db/crm-resource.js';
import { populateReferences } from './reference-titles.js';

const PER_PAGE_LIMIT = 500;

/** The list API's meta: AdminJS's, plus what an estimated total and keyset paging need. */
export interface LeanListMeta {
  total: number;
  perPage: number;
  page: number;
  direction?: 'asc' | 'desc';
  sortBy?: string;
  /** The total is PostgreSQL's estimate (a list of more than ESTIMATE_ABOVE rows): the page says "约". */
  totalIsEstimate: boolean;
  /** Pass as `after` with page + 1: the next page then starts at this page's last row (keyset). */
  nextCursor?: string;
}

/**
 * AdminJS's list action, lean. The same query parameters and answer, with:
 * - rows carrying the fields the list shows (its listProperties, the title, what cells read) plus
 *   any asked for with `fields=a,b` (a related list's columns), not every column;
 * - references of those fields populated with id and title only, one statement per referenced
 *   resource, instead of whole records with every action of their own;
 * - each row's actions with only what its menu and its click read;
 * - a total counted up to ESTIMATE_ABOVE and estimated beyond (meta.totalIsEstimate);
 * - keyset paging: `after=<meta.nextCursor>` reads the next page from the index where the last one
 *   ended; without it, deep pages find their keys in the sort's index first.
 */
export const leanListHandler: ActionHandler<ListActionResponse> = async (request, _response, context) => {
  const { resource, _admin, currentAdmin } = context;
  const query = flat.unflatten<Record<string, unknown>, Record<string, unknown>>(request.query ?? {});
  const decorator = resource.decorate();
  const perPage = query.perPage ? Math.min(Number(query.perPage) || 10, PER_PAGE_LIMIT) : (_admin.options.settings?.defaultPerPage ?? 10);
  const page = Number(query.page) || 1;
  const firstSortable = decorator.getListProperties().find((property) => property.isSortable());
  const sort = firstSortable
    ? SortSetter({ sortBy: text(query.sortBy), direction: text(query.direction) as 'asc' | 'desc' | undefined }, firstSortable.name(), decorator.options)
    : undefined;
  const filters = (query.filters ?? {}) as Record<string, unknown>;
  const filter = await new Filter(filters, resource).populate(context);

  const crm = resource instanceof CrmResource ? resource : undefined;
  const cursorKey = cursorKeyOf(sort, filters);
  const after = crm && sort && crm.isKeysetSort(sort) ? afterOf(text(query.after), page, cursorKey) : undefined;
  const offset = (page - 1) * perPage;
  const [records, total] = await Promise.all([
    resource.find(filter, { limit: perPage, offset, sort, ...(after ? { after } : {}) }, context)
      // The row the cursor names was deleted meanwhile: the page by its number then.
      .then((found) => (after && found.length === 0 ? resource.find(filter, { limit: perPage, offset, sort }, context) : found)),
    crm ? crm.inScopeOf(context).listTotal(filter) : resource.count(filter, context).then((count): ListTotal => ({ total: count, estimated: false })),
  ]);
  const fields = rowFields(decorator, text(query.fields));
  await populateReferences(records, fields, context);
  context.records = records;

  const last = records.at(-1);
  const meta: LeanListMeta = {
    total: total.total,
    perPage,
    page,
    direction: sort?.direction,
    sortBy: sort?.sortBy,
    totalIsEstimate: total.estimated,
    ...(crm && sort && crm.isKeysetSort(sort) && last && records.length === perPage ? { nextCursor: cursorOf(page + 1, cursorKey, String(last.id())) } : {}),
  };
  return { meta, records: records.map((record) => leanRecordJSON(record, fields, currentAdmin)) } as ListActionResponse;
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The fields a row carries: its key, the list's columns, the title's, what a cell reads, and `fields=` asked for. */
function rowFields(decorator: ResourceDecorator, asked: string | undefined): string[] {
  const known = decorator.getFlattenProperties();
  const title = decorator.options.titleProperty;
  const titleParts: unknown = title ? known[title]?.options.custom?.titleOf : undefined;
  const listed = decorator.getListProperties().map((property) => property.propertyPath);
  const cellColumns = listed.map((path): unknown => known[path]?.options.custom?.unitColumn).filter((column): column is string => typeof column === 'string');
  const wanted = [
    ...Object.values(known).filter((property) => property.isId()).map((property) => property.propertyPath),
    ...listed, ...(title ? [title] : []), ...(Array.isArray(titleParts) ? (titleParts as string[]) : []), ...cellColumns,
    ...(asked?.split(',') ?? []),
  ];
  return [...new Set(wanted.map((field) => field.trim()).filter((field) => field in known))];
}

/**
 * A row as the list page reads it. The browser builds a row's menu, its click and the bulk buttons
 * from name, type, icon, label and handler (actionsToButtonGroup, buildActionClickHandler); the
 * layout and custom settings of each action (a show page's related lists: 1.4 KB per row) are
 * read only on the action's own page, which fetches the record again.
 */
function leanRecordJSON(record: BaseRecord, fields: string[], currentAdmin: CurrentAdmin | undefined): RecordJSON {
  const json = record.toJSON(currentAdmin);
  const params = Object.fromEntries(fields.filter((field) => field in json.params).map((field) => [field, json.params[field]]));
  return {
    ...json,
    params,
    recordActions: json.recordActions.map(leanAction),
    bulkActions: json.bulkActions.map(leanAction),
  };
}

function leanAction(action: ActionJSON): ActionJSON {
  const { guard, variant, parent, showInDrawer, component } = action as unknown as Record<string, unknown>;
  return {
    // No resourceId: the row's own resource is the list's, and the menu reads it from its params
    // (the action's copy only names a styling hook, data-css, that the panel does not use).
    name: action.name, actionType: action.actionType, icon: action.icon as unknown, label: action.label, hasHandler: action.hasHandler,
    ...(guard ? { guard } : {}),
    ...(variant && variant !== 'default' ? { variant } : {}),
    ...(parent ? { parent } : {}),
    ...(showInDrawer ? { showInDrawer } : {}),
    ...(component === false ? { component } : {}),
  } as unknown as ActionJSON;
}

// -- keyset cursors -------------------------------------------------------------------------------

/** A cursor is good for one page of one sort and one set of filters; any other request ignores it. */
function cursorKeyOf(sort: { sortBy?: string; direction?: string } | undefined, filters: Record<string, unknown>): string {
  return crypto.createHash('sha1').update(JSON.stringify([sort?.sortBy, sort?.direction, flat.flatten(filters)])).digest('base64url').slice(0, 12);
}

function cursorOf(page: number, key: string, lastId: string): string {
  return `${page}.${key}.${lastId}`;
}

function afterOf(cursor: string | undefined, page: number, key: string): string | undefined {
  const [cursorPage, cursorKey, lastId] = cursor?.split('.') ?? [];
  return cursorPage === String(page) && cursorKey === key && /^\d+$/.test(lastId ?? '') ? lastId : undefined;
}
