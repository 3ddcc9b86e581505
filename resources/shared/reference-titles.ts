import type { ActionContext, BaseRecord, BaseResource, CurrentAdmin, PropertyDecorator } from 'adminjs';
import { CrmResource } from '../../src/db/crm-resource.js';
import { accessOf } from '../../src/access/authorisation/current-access.js';
import { isReadable } from '../../src/access/authorisation/field-policy.js';

type Params = Record<string, unknown>;

/**
 * A referenced record as a list row carries it: what AdminJS's reference cell reads (the title,
 * and a show action when the user may open the record, which makes the cell a link: the cell
 * reads only the action's name) and the columns a cell takes from it (a product's unit).
 */
class ReferenceRecord {
  constructor(
    private readonly id: string | number,
    private readonly title: string,
    private readonly params: Params,
    private readonly showable: boolean,
  ) {}

  toJSON() {
    return {
      id: this.id,
      title: this.title,
      params: this.params,
      recordActions: this.showable ? [{ name: 'show' }] : [],
    };
  }
}

/**
 * Fills `populated` of list rows the lean way: for each referenced resource, one statement for all
 * the ids the rows' `paths` hold, reading only the key, the title and the columns cells need, inside
 * the caller's row scope, without the fields their role may not read.
 */
export async function populateReferences(records: BaseRecord[], paths: string[], context: ActionContext): Promise<void> {
  if (records.length === 0) return;
  const decorator = records[0].resource.decorate();
  const properties = paths.map((path) => decorator.getPropertyByKey(path)).filter((property): property is PropertyDecorator => Boolean(property?.reference()));
  const byTarget = new Map<BaseResource, PropertyDecorator[]>();
  for (const property of properties) {
    const target = property.reference()!;
    byTarget.set(target, [...(byTarget.get(target) ?? []), property]);
  }
  const unitReferences = unitReferencesOf(Object.values(decorator.getFlattenProperties()));
  await Promise.all(
    [...byTarget].map(async ([target, referring]) => {
      const ids = [...new Set(records.flatMap((record) => referring.map((property): unknown => (record.params as Record<string, unknown>)[property.propertyPath])))]
        .filter((id): id is string | number => (typeof id === 'number' || typeof id === 'string') && id !== '');
      if (ids.length === 0) return;
      const columns = referring.some((property) => unitReferences.has(property.propertyPath)) ? ['unit'] : [];
      const titles = await titlesOf(target, ids, columns, context);
      for (const record of records) {
        for (const property of referring) {
          const reference = titles.get(String(record.params[property.propertyPath]));
          if (reference) record.populate(property.propertyPath, reference as unknown as BaseRecord);
        }
      }
    }),
  );
}

async function titlesOf(target: BaseResource, ids: Array<string | number>, columns: string[], context: ActionContext): Promise<Map<string, ReferenceRecord>> {
  const targetId = target.id();
  const rows: Params[] = target instanceof CrmResource
    ? await target.inScopeOf(context).findTitles(ids, columns)
    : (await target.findMany(ids, context)).map((record) => record.params);
  const decorator = target.decorate();
  const showable = decorator.actions.show?.isAccessible(context.currentAdmin) ?? false;
  const titleProperty = decorator.options.titleProperty;
  const references = new Map<string, ReferenceRecord>();
  for (const row of rows) {
    const readable = readableParams(targetId, row, context.currentAdmin);
    const title = titleProperty && readable[titleProperty] != null ? String(readable[titleProperty]) : String(row.id);
    const cells = Object.fromEntries(columns.filter((column) => column in readable).map((column) => [column, readable[column]]));
    references.set(String(row.id), new ReferenceRecord(row.id as string | number, title, cells, showable));
  }
  return references;
}

function readableParams(resourceId: string, row: Params, currentAdmin: CurrentAdmin | undefined): Params {
  const profile = accessOf(currentAdmin);
  if (!profile) return row;
  return Object.fromEntries(Object.entries(row).filter(([field]) => isReadable(profile, resourceId, field)));
}

/** References whose unit a quantity cell shows (resources/shared/presets.ts quantity({ reference })). */
function unitReferencesOf(properties: PropertyDecorator[]): Set<string> {
  const references = new Set<string>();
  for (const property of properties) {
    const reference: unknown = property.options.custom?.unitFromReference;
    if (typeof reference === 'string') references.add(reference);
  }
  return references;
}
