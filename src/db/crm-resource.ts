import { BaseRecord, ValidationError, flat, type ActionContext, type BaseProperty, type Filter, type ParamsType, type PropertyErrors, type PropertyOptions } from 'adminjs';
import { Resource as SequelizeResource } from '@adminjs/sequelize';
import {
  DataTypes, Op, QueryTypes, ValidationError as SequelizeValidationError, literal,
  type Model, type ModelAttributeColumnOptions, type ModelStatic, type Order, type WhereOptions,
} from 'sequelize';
import { endOfBusinessDay, startOfBusinessDay } from '../clock/business-clock.js';
import { isCalendarDay } from '../clock/calendar-day.js';
import { dayProblem, decimalProblem, instantOf, instantProblem } from './strict-values.js';
import { BusinessRuleError } from '../errors/business-rule-error.js';
import { listFiltersOf } from './list-filters.js';
import { columnShapesOf, fitsInteger, type ColumnShape } from './column-shapes.js';

type Attribute = ModelAttributeColumnOptions;
type Values = Record<string, unknown>;
interface Sort { sortBy?: string; direction?: 'asc' | 'desc' }
export interface FindOptions {
  limit?: number;
  offset?: number;
  sort?: Sort;
  /** Keyset paging: the page starts after this row (its id) in the sort order; the offset is then ignored. */
  after?: string;
}
/** A list's total: exact up to ESTIMATE_ABOVE rows, PostgreSQL's estimate beyond. */
export interface ListTotal { total: number; estimated: boolean }
type ScopedModel = ModelStatic<Model> & { _scope?: { where?: unknown }; _injectScope(options: object): void };
/** The fields node-postgres reads from PostgreSQL's error report. */
interface PgError { code?: string; detail?: string; constraint?: string; table?: string; column?: string; message?: string; hint?: string }

const INT32_MAX = 2_147_483_647;
/** The SQLSTATE the state-rule triggers raise (migration 0023; a class of our own, 'PC'). */
const STATE_RULE_SQLSTATE = 'PC001';
const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

/** The list filter of the search box over every list: `filters.search=<any part of a text column>`. */
export const SEARCH_FILTER = 'search';
/**
 * Counting every matching row dominates a list of a million orders (60 ms of a 70 ms request);
 * beyond this many the list says "about" and shows PostgreSQL's estimate. Counting up to here
 * costs a few milliseconds at most.
 */
export const ESTIMATE_ABOVE = 10_000;
/** From this offset on, a page first finds its keys in the sort's index, then reads only its rows. */
const DEEP_OFFSET = 200;
const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * The Sequelize adapter as PetroCRM needs it:
 * - what PostgreSQL refuses (NOT NULL, foreign key, unique, CHECK, bad syntax) comes back as an
 *   AdminJS ValidationError on the field the user must fix, with a message key translated in
 *   src/i18n; values PostgreSQL would refuse without naming the field are checked before any
 *   statement, so nothing is written;
 * - a delete refused because other rows still refer to the record says so, naming their table;
 * - text filters match any part, case-insensitively (ILIKE), so a Chinese name, code or phone is
 *   found from a fragment; `x.0`, `x.1` filters mean "x is one of"; a range of days on a date
 *   column compares days, on a timestamp column the instants those business days span;
 * - values are stored as typed or refused: an impossible date, money with a third decimal, a
 *   quantity with a fourth get a field error instead of being moved or rounded;
 *   `search` looks in every text column a screen shows at once (the search box over every list);
 * - a titleProperty may be composed of columns (`custom.titleOf`), e.g. ticket number + subject;
 * - fields a resource marks `isDisabled` (computed or workflow-owned) are never written from a form;
 * - forms and show pages list fields in the table's order.
 *
 * The model is read through `SequelizeModel` on every call, so a subclass may substitute a scoped
 * model for one call (the row scope of src/access does).
 */
/** A scoped model (the row scope) shares its model's definition, and so its properties. */
const propertiesOfDefinition = new WeakMap<object, BaseProperty[]>();

export class CrmResource extends SequelizeResource {
  private static readonly constraintColumns = new Map<string, string[]>();

  protected get sequelizeModel(): ModelStatic<Model> {
    return (this as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel;
  }

  /**
   * Fields in the order the table declares them. The Sequelize adapter gives every field the same
   * position and calls every "name", "email" or "title" a title, and AdminJS's sort of equal
   * positions leaves forms and show pages in a jumble; the resource's titleProperty names the title.
   */
  override properties(): BaseProperty[] {
    // Made once per model definition: AdminJS asks for them again for each record it sends (its id).
    const attributes = this.sequelizeModel.getAttributes();
    let properties = propertiesOfDefinition.get(attributes);
    if (!properties) {
      properties = super.properties().map((property, index) => Object.assign(property, { position: () => index + 1, isTitle: () => false }));
      propertiesOfDefinition.set(attributes, properties);
    }
    return [...properties];
  }

  override async find(filter: Filter, { limit = 20, offset = 0, sort = {}, after }: FindOptions = {}) {
    const model = this.sequelizeModel;
    const where = this.whereOf(filter);
    const order = this.orderOf(sort);
    const keyset = after === undefined ? undefined : this.keysetCondition(sort, after);
    if (keyset) {
      return this.recordsOf(await model.findAll({ where: { [Op.and]: [where, keyset] }, limit, order }));
    }
    if (offset < DEEP_OFFSET) return this.recordsOf(await model.findAll({ where, limit, offset, order }));
    // A deep page: skipping rows in the sort's index (an index-only scan) costs little; reading every
    // skipped row from the table, as OFFSET does, is what made page 500 ten times slower than page 1.
    const key = this.primaryKey();
    const keys = await model.findAll({ attributes: [key], where, limit, offset, order, raw: true });
    if (keys.length === 0) return [];
    const ids = keys.map((row) => (row as unknown as Values)[key]);
    return this.recordsOf(await model.findAll({ where: { [key]: { [Op.in]: ids } }, order }));
  }

  override async count(filter: Filter): Promise<number> {
    return this.sequelizeModel.count({ where: this.whereOf(filter) });
  }

  /**
   * The total a list shows: exact while it is at most ESTIMATE_ABOVE (a count that stops there),
   * else the planner's estimate (the table's own statistics when nothing narrows the list).
   */
  async listTotal(filter: Filter): Promise<ListTotal> {
    const model = this.sequelizeModel as ScopedModel;
    const sequelize = model.sequelize!;
    const conditions = this.conditionsOf(filter);
    const narrowed = conditions.length > 0 || model._scope?.where !== undefined;
    const options = { attributes: [[literal('1'), 'one']], where: { [Op.and]: conditions } };
    model._injectScope(options);
    if (!narrowed) {
      const [{ rows }] = await sequelize.query<{ rows: number }>(
        'SELECT GREATEST(reltuples, 0)::bigint::int AS rows FROM pg_class WHERE oid = to_regclass(:table)',
        { replacements: { table: model.getTableName() }, type: QueryTypes.SELECT },
      );
      if (rows > ESTIMATE_ABOVE) return { total: rows, estimated: true };
      return { total: await model.count({ where: options.where }), estimated: false };
    }
    const queryGenerator = (sequelize.getQueryInterface() as unknown as { queryGenerator: { selectQuery(table: unknown, options: object, model: unknown): string } }).queryGenerator;
    const select = (limit?: number) => queryGenerator.selectQuery(model.getTableName(), { ...options, limit }, model).replace(/;\s*$/, '');
    const [plan] = await sequelize.query<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(`EXPLAIN (FORMAT JSON) ${select()}`, { type: QueryTypes.SELECT });
    const estimate = Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
    // Far beyond the threshold (a status shared by half the orders) the estimate stands on the
    // column's statistics; nearer, or for a fragment (whose share PostgreSQL guesses), count up to it.
    if (estimate > ESTIMATE_ABOVE * 10 && !this.hasTextMatch(filter)) return { total: estimate, estimated: true };
    const [{ count }] = await sequelize.query<{ count: number }>(`SELECT count(*)::int AS count FROM (${select(ESTIMATE_ABOVE + 1)}) AS bounded`, { type: QueryTypes.SELECT });
    if (count <= ESTIMATE_ABOVE) return { total: count, estimated: false };
    return { total: Math.max(ESTIMATE_ABOVE + 1, estimate), estimated: true };
  }

  /**
   * The rows other records refer to, as a list shows them: the key, the title's columns and the
   * `columns` asked for (a product's unit), nothing else; one statement for all the ids.
   */
  async findTitles(ids: Array<string | number>, columns: string[] = []): Promise<Values[]> {
    const model = this.sequelizeModel;
    const attributes = model.getAttributes();
    const title = this._decorated?.options.titleProperty;
    const titleColumns = title ? (this.titleParts(title) ?? [title]) : [];
    const wanted = [...new Set([this.primaryKey(), ...titleColumns, ...columns])].filter((name) => attributes[name]);
    const keys = ids.filter((id) => this.isKey(id));
    if (keys.length === 0) return [];
    const rows = await model.findAll({ attributes: wanted, where: { [this.primaryKey()]: { [Op.in]: keys } }, raw: true });
    return rows.map((row) => this.withTitle(row as unknown as Values));
  }

  /** This resource as the action's caller may read it: a subclass narrows it to their rows. */
  inScopeOf(_context?: ActionContext): this {
    return this;
  }

  /**
   * Keyset paging works where the order is total and has no NULLs: the sort column is NOT NULL (or
   * the key itself) and the key breaks ties. The row the page follows is read by its id, so its
   * sort value is exact to the microsecond.
   */
  isKeysetSort(sort: Sort): boolean {
    const column = this.sortColumnOf(sort);
    return column === this.primaryKey() || this.isNotNull(column);
  }

  override async findOne(id: string | number): Promise<BaseRecord | null> {
    if (!this.isKey(id)) return null;
    const row = await this.sequelizeModel.findByPk(id);
    return row ? this.toRecord(row) : null;
  }

  override async findMany(ids: Array<string | number>): Promise<BaseRecord[]> {
    const rows = await this.sequelizeModel.findAll({ where: { [this.primaryKey()]: { [Op.in]: ids.filter((id) => this.isKey(id)) } } });
    return rows.map((row) => this.toRecord(row));
  }

  override async create(params: ParamsType): Promise<ParamsType> {
    const values = this.parseParams(params);
    try {
      const row = await this.sequelizeModel.create(values);
      return this.withTitle(row.toJSON());
    } catch (error) {
      throw await this.refusalOf(error, values);
    }
  }

  override async update(id: string, params: ParamsType): Promise<ParamsType> {
    const values = this.parseParams(params);
    try {
      await this.sequelizeModel.update(values, { where: { [this.primaryKey()]: id }, individualHooks: true });
    } catch (error) {
      throw await this.refusalOf(error, values);
    }
    const row = await this.sequelizeModel.findByPk(id, { rejectOnEmpty: true });
    return this.withTitle(row.toJSON());
  }

  override async delete(id: string, context?: ActionContext): Promise<void> {
    await this.deleteMany([id], context);
  }

  /**
   * Deletes every record or none: one still referenced stops the whole batch. The action context
   * is there for subclasses that record who deleted (the audit log).
   */
  async deleteMany(ids: string[], _context?: ActionContext): Promise<void> {
    try {
      await this.sequelizeModel.sequelize!.transaction(async (transaction) => {
        for (const id of ids) await (await this.sequelizeModel.findByPk(id, { transaction }))?.destroy({ transaction });
      });
    } catch (error) {
      throw stillReferencedRefusal(error) ?? error;
    }
  }

  /**
   * The form's values this table may take: known columns only, strings trimmed, never the key,
   * the timestamps or a read-only field. Blank means "no value": NULL, or the column's default when
   * it has one. Throws a ValidationError for values PostgreSQL would refuse.
   */
  override parseParams(params: ParamsType): Values {
    const model = this.sequelizeModel;
    const attributes = model.getAttributes();
    const timestamps = new Set([model.options.createdAt, model.options.updatedAt]);
    const values: Values = {};
    for (const [name, raw] of Object.entries(flat.unflatten<ParamsType, Values>(params))) {
      const attribute = attributes[name];
      if (!attribute || attribute.primaryKey || timestamps.has(name) || this.option(name)?.isDisabled) continue;
      const value = typeof raw === 'string' ? raw.trim() : raw;
      if (value === '' || value === null || value === undefined) {
        if (attribute.defaultValue === undefined) values[name] = null;
        continue;
      }
      values[name] = value instanceof Date && !Number.isNaN(value.getTime()) ? dateValue(attribute, value) : value;
    }
    for (const [name, value] of Object.entries(values)) {
      // A time typed without an offset is a time on the business clock, not the server's.
      if (typeof value === 'string' && isInstantType(attributes[name])) values[name] = instantOf(value) ?? value;
    }
    const errors = this.invalidValues(values);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    return values;
  }

  /**
   * What a refused write means to the user: a ValidationError on the field to fix, or a notice.
   * `values` (what was written) lets a CHECK that found a field empty say "required".
   * Anything that is not a refusal is returned as it came, for the error log.
   */
  protected async refusalOf(error: unknown, values: Values = {}): Promise<unknown> {
    if (error instanceof BusinessRuleError) return businessRefusal(error);
    const pg = pgErrorOf(error);
    if (pg?.code) {
      const refusal = stateRuleRefusal(error) ?? (await this.databaseRefusal(pg, values));
      if (refusal) return refusal;
    }
    if (error instanceof SequelizeValidationError && error.errors.length) {
      const errors: PropertyErrors = {};
      for (const item of error.errors) {
        const message = sequelizeMessage(item.validatorKey, item.type);
        if (item.path) errors[this.fieldOf(item.path)] = { message, type: message };
      }
      return new ValidationError(errors);
    }
    return error;
  }

  /** A delete refused by a foreign key (a notice naming the table that still refers to the row) or by a business rule. */
  protected deleteRefusalOf(error: unknown): unknown {
    if (error instanceof BusinessRuleError) return businessRefusal(error);
    return stillReferencedRefusal(error) ?? stateRuleRefusal(error) ?? error;
  }

  private toRecord(row: Model): BaseRecord {
    return new BaseRecord(this.withTitle(row.toJSON()), this);
  }

  private option(name: string): PropertyOptions | undefined {
    return this._decorated?.options.properties?.[name];
  }

  private titleParts(name: string): string[] | undefined {
    const parts: unknown = this.option(name)?.custom?.titleOf;
    return Array.isArray(parts) ? (parts as string[]) : undefined;
  }

  /** The params with the composed title (`custom.titleOf`) filled in, for records a subclass builds itself. */
  protected withTitle(params: Values): Values {
    const title = this._decorated?.options.titleProperty;
    const parts = title ? this.titleParts(title) : undefined;
    if (!title || !parts) return params;
    return { ...params, [title]: parts.map((part) => params[part]).filter((value) => value != null && value !== '').join(' ') };
  }

  /** What each column can hold, for checking a request's parameters before anything reaches SQL. */
  columnShapes(): ReadonlyMap<string, ColumnShape> {
    return columnShapesOf(this.sequelizeModel);
  }

  /** Whether a record with this id can exist at all: an integer key out of its column's range cannot. */
  isKey(id: unknown): boolean {
    const key = this.columnShapes().get(this.primaryKey());
    if (key?.kind === 'int32' || key?.kind === 'int64') return /^\d+$/.test(String(id)) && fitsInteger(String(id), key.kind);
    return typeof id === 'string' || typeof id === 'number';
  }

  // -- reading ------------------------------------------------------------------------------------

  /** A filter on text matches a fragment (LIKE), whose share of the rows PostgreSQL can only guess. */
  private hasTextMatch(filter: Filter): boolean {
    const attributes = this.sequelizeModel.getAttributes();
    return Object.values(filter.filters ?? {}).some(({ path, value }) => {
      const [name, index] = path.split('.');
      const attribute = attributes[name];
      return index === undefined && (this.titleParts(name) !== undefined || (attribute !== undefined && isTextType(attribute) && !attribute.values && typeof value !== 'object'));
    });
  }

  private whereOf(filter: Filter | undefined): WhereOptions {
    return { [Op.and]: this.conditionsOf(filter) };
  }

  private conditionsOf(filter: Filter | undefined): WhereOptions[] {
    const conditions: WhereOptions[] = [];
    const oneOf = new Map<string, unknown[]>();
    const attributes = this.sequelizeModel.getAttributes();
    const { virtual = {}, defaults = [] } = listFiltersOf(this.sequelizeModel.tableName);
    const filtered = new Set(Object.values(filter?.filters ?? {}).map(({ path }) => path.split('.')[0]));
    for (const { unless, condition } of defaults) if (!filtered.has(unless)) conditions.push(literal(`(${condition})`));
    for (const { path, value } of Object.values(filter?.filters ?? {})) {
      const [name, index] = path.split('.');
      if (name === SEARCH_FILTER) {
        conditions.push(this.searchCondition(String(value)));
        continue;
      }
      if (Object.hasOwn(virtual, name) && !attributes[name]) {
        const condition = virtual[name](value, (text) => this.sequelizeModel.sequelize!.escape(text));
        conditions.push(condition === null ? { [this.primaryKey()]: { [Op.is]: null } } : literal(`(${condition})`));
        continue;
      }
      const parts = this.titleParts(name);
      if (parts) {
        const text = String(value);
        conditions.push({ [Op.or]: parts.map((part) => ({ [part]: { [textMatch(text)]: containing(text) } })) });
        continue;
      }
      const attribute = attributes[name];
      if (!attribute) continue;
      if (index !== undefined) {
        const choice = exactValue(attribute, value);
        oneOf.set(name, [...(oneOf.get(name) ?? []), ...(choice === undefined ? [] : [choice])]);
      } else {
        conditions.push(this.conditionOf(name, attribute, value));
      }
    }
    for (const [name, choices] of oneOf) conditions.push({ [name]: { [Op.in]: choices } });
    return conditions;
  }

  /**
   * The text columns the list's search box looks in: every name, code, phone, e-mail, address or
   * note of the row that a screen shows, less what the caller may not read (a subclass says).
   */
  protected searchColumns(): string[] {
    return Object.entries(this.sequelizeModel.getAttributes())
      .filter(([name, attribute]) => isFreeText(attribute) && isShown(this.option(name)) && !this.unreadableColumns.has(name))
      .map(([name]) => name);
  }

  /** Columns the caller may not read; the access layer's view of a resource fills it per request. */
  protected get unreadableColumns(): ReadonlySet<string> {
    return NOTHING_HIDDEN;
  }

  private searchCondition(text: string): WhereOptions {
    const words = text.trim();
    const columns = this.searchColumns();
    // Nothing to look in matches nothing, rather than everything.
    if (!words || columns.length === 0) return { [this.primaryKey()]: { [Op.is]: null } };
    return { [Op.or]: columns.map((column) => ({ [column]: { [textMatch(words)]: containing(words) } })) };
  }

  private conditionOf(name: string, attribute: Attribute, value: unknown): WhereOptions {
    if (value !== null && typeof value === 'object') {
      const range = rangeOf(attribute, value);
      return range ? { [name]: range } : { [this.primaryKey()]: { [Op.is]: null } };
    }
    if (isTextType(attribute) && !attribute.values) {
      const text = String(value);
      const match = { [name]: { [textMatch(text)]: containing(text) } };
      if (!this.option(name)?.custom?.characterIndexed || (text.match(/[\u0080-\uffff]/g) ?? []).length < 2) return match;
      // Only rows holding every character of the fragment can match: the characters' GIN index
      // (migrations/0041) finds them, the LIKE keeps the exact answer. Not for one character: one
      // common in names (鑫 is in one name in twenty) has more rows in its index entry than a scan
      // of the names costs (measured at 100 000 customers: the count 70 ms through the index, 52 ms
      // without); two characters together are rare enough for the index to win.
      const column = escapeIdentifier(name);
      const characters = this.sequelizeModel.sequelize!.escape(text);
      return { [Op.and]: [match, literal(`string_to_array(${column}, NULL) @> string_to_array(${characters}, NULL)`)] };
    }
    const exact = exactValue(attribute, value);
    // A value the column cannot hold matches nothing, rather than failing or being ignored.
    return exact === undefined ? { [this.primaryKey()]: { [Op.is]: null } } : { [name]: exact };
  }

  private sortColumnOf({ sortBy }: Sort): string {
    const attributes = this.sequelizeModel.getAttributes();
    return sortBy && attributes[sortBy] ? sortBy : (sortBy && this.titleParts(sortBy)?.[0]) || this.primaryKey();
  }

  private isNotNull(name: string): boolean {
    const model = this.sequelizeModel;
    return name === this.primaryKey() || name === model.options.createdAt || name === model.options.updatedAt || model.getAttributes()[name]?.allowNull === false;
  }

  private orderOf(sort: Sort): Order {
    const key = this.primaryKey();
    const column = this.sortColumnOf(sort);
    // Empty values last when sorting down; on a NOT NULL column plain DESC says the same and lets
    // PostgreSQL walk the column's index instead of sorting the table (80× on 200 000 orders).
    const dirOf = (name: string) => (sort.direction !== 'desc' ? 'ASC' : this.isNotNull(name) ? 'DESC' : 'DESC NULLS LAST');
    // The key breaks ties, so pages do not repeat or skip rows that sort equal.
    return column === key ? [[key, dirOf(key)]] : [[column, dirOf(column)], [key, dirOf(key)]];
  }

  /** "After row 42 in this order", or undefined when the order allows no keyset. */
  private keysetCondition(sort: Sort, after: string): WhereOptions | undefined {
    if (!this.isKeysetSort(sort) || !/^\d+$/.test(after)) return undefined;
    const key = this.primaryKey();
    const column = this.sortColumnOf(sort);
    const table = this.sequelizeModel.getTableName() as string;
    const comparison = sort.direction === 'desc' ? '<' : '>';
    const columns = column === key ? [key] : [column, key];
    const row = columns.map((name) => escapeIdentifier(name)).join(', ');
    return literal(`(${row}) ${comparison} (SELECT ${row} FROM ${escapeIdentifier(table)} WHERE ${escapeIdentifier(key)} = ${after})`);
  }

  private recordsOf(rows: Model[]): BaseRecord[] {
    return rows.map((row) => this.toRecord(row));
  }

  // -- writing ------------------------------------------------------------------------------------

  /** What PostgreSQL would refuse without naming the field: bad numbers, dates, lengths, choices. */
  private invalidValues(values: Values): PropertyErrors {
    const attributes = this.sequelizeModel.getAttributes();
    const errors: PropertyErrors = {};
    for (const [name, value] of Object.entries(values)) {
      if (value === null) continue;
      const message = invalidValueMessage(attributes[name], value);
      if (message) errors[this.fieldOf(name)] = { message, type: message };
    }
    return errors;
  }

  private fieldOf(column: string): string {
    const shownOn: unknown = this.option(column)?.custom?.errorsShownOn;
    return typeof shownOn === 'string' ? shownOn : column;
  }

  private async databaseRefusal(pg: PgError, values: Values): Promise<ValidationError | undefined> {
    const on = (column: string | undefined, message: string) =>
      column ? new ValidationError({ [this.fieldOf(column)]: { message, type: message } }) : new ValidationError({}, { message, type: message });
    switch (pg.code) {
      case '23502':
        return on(pg.column, 'fieldRequired');
      case '23503':
        return on(this.keyColumns(pg.detail).at(-1), 'referenceNotFound');
      case '23505':
        return on(this.keyColumns(pg.detail).at(-1), 'valueTaken');
      case '23514':
        return this.checkRefusal(pg, values);
      case '22P02':
      case '22007':
      case '22008':
        return on(columnHolding(values, pg.message), pg.code === '22P02' ? 'notANumber' : 'notADate');
      case '22003':
        return on(undefined, 'valueOutOfRange');
      case '22001':
        return on(undefined, 'valueTooLong');
      default:
        return undefined;
    }
  }

  /** Columns named in "Key (a, lower(b::text))=(…)", as this model's attributes. */
  private keyColumns(detail: string | undefined): string[] {
    const key = /Key \((.+?)\)=/.exec(detail ?? '')?.[1] ?? '';
    const attributes = this.sequelizeModel.getAttributes();
    return (key.match(/[a-z_][a-z0-9_]*/g) ?? []).filter((word) => word in attributes);
  }

  /**
   * A CHECK names its columns: a rule such as "a lost opportunity needs a reason" is missing a
   * value when one of them is empty; otherwise the value is out of range ("end after start" puts
   * it on the later column).
   */
  private async checkRefusal(pg: PgError, values: Values): Promise<ValidationError> {
    const attributes = this.sequelizeModel.getAttributes();
    const columns = (await this.columnsOfConstraint(pg)).filter((column) => !attributes[column]?.primaryKey);
    // Emptied in the form, else left out of it (a new record's form sends only what was filled in).
    const emptied = columns.filter((column) => column in values && values[column] === null);
    const empty = emptied.length ? emptied : columns.filter((column) => !(column in values) && attributes[column]?.defaultValue === undefined);
    if (empty.length) return new ValidationError(Object.fromEntries(empty.map((c) => [this.fieldOf(c), { message: 'fieldRequired', type: 'fieldRequired' }])));
    const column = columns.filter((c) => c in values).at(-1) ?? columns.at(-1);
    const errors: PropertyErrors = column ? { [this.fieldOf(column)]: { message: 'valueOutOfRange', type: 'valueOutOfRange' } } : {};
    return new ValidationError(errors, column ? undefined : { message: 'valueOutOfRange', type: 'valueOutOfRange' });
  }

  private async columnsOfConstraint({ constraint, table }: PgError): Promise<string[]> {
    if (!constraint || !table) return [];
    const cacheKey = `${table}.${constraint}`;
    const cached = CrmResource.constraintColumns.get(cacheKey);
    if (cached) return cached;
    const rows = await this.sequelizeModel.sequelize!.query<{ name: string }>(
      `SELECT a.attname AS name
         FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.conname = :constraint AND c.conrelid = to_regclass(:table)
        ORDER BY a.attnum`,
      { replacements: { constraint, table }, type: QueryTypes.SELECT },
    );
    const columns = rows.map((row) => row.name);
    CrmResource.constraintColumns.set(cacheKey, columns);
    return columns;
  }
}

/** A business rule's refusal as AdminJS shows a validation error: the notice, and the field marked when it names one. */
function businessRefusal(error: BusinessRuleError): ValidationError {
  const mark = { message: error.code, type: 'businessRule' };
  return new ValidationError(error.field ? { [error.field]: mark } : {}, mark);
}

/**
 * The database's own guard of a workflow's states (migration 0023): it names the column and puts
 * the message key in the error's hint. The domain refuses the same changes first; this answers
 * writes that came another way at the same moment.
 */
function stateRuleRefusal(error: unknown): ValidationError | undefined {
  const pg = pgErrorOf(error);
  if (pg?.code !== STATE_RULE_SQLSTATE || !pg.hint) return undefined;
  const mark = { message: pg.hint, type: 'businessRule' };
  return new ValidationError(pg.column ? { [pg.column]: mark } : {}, mark);
}

function escapeIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function pgErrorOf(error: unknown): PgError | undefined {
  const parent = (error as { parent?: PgError } | null)?.parent;
  return parent && typeof parent.code === 'string' ? parent : undefined;
}

/** 23503 for NO ACTION foreign keys; ON DELETE RESTRICT reports 23001 (restrict_violation). */
function stillReferencedRefusal(error: unknown): ValidationError | undefined {
  const pg = pgErrorOf(error);
  if (pg?.code !== '23503' && pg?.code !== '23001') return undefined;
  const table = /from table "(\w+)"/.exec(pg.detail ?? '')?.[1] ?? /constraint "\w+" on table "(\w+)"/.exec(pg.message ?? '')?.[1];
  return new ValidationError({}, { message: table ? `stillReferencedBy_${table}` : 'stillReferenced', type: 'stillReferenced' });
}

/** Chinese has no upper and lower case: plain LIKE finds the same rows three times faster than ILIKE. */
function textMatch(text: string): typeof Op.like | typeof Op.iLike {
  return text.toLowerCase() === text.toUpperCase() ? Op.like : Op.iLike;
}

/** LIKE's own wildcards in what the user typed are matched literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Written by people, searched by fragments: strings and texts, not a fixed list of choices. */
function isFreeText(attribute: Attribute): boolean {
  return (attribute.type instanceof DataTypes.STRING || attribute.type instanceof DataTypes.TEXT) && !attribute.values;
}

/** Shown on some screen (a list or a record's page): a column kept from every screen is not searched. */
function isShown(option: PropertyOptions | undefined): boolean {
  const visible = option?.isVisible;
  if (visible === undefined || typeof visible === 'boolean') return visible !== false;
  if (typeof visible === 'function') return true;
  return visible.list !== false || visible.show !== false;
}

function isTextType(attribute: Attribute): boolean {
  return attribute.type instanceof DataTypes.STRING || attribute.type instanceof DataTypes.TEXT || attribute.type instanceof DataTypes.ENUM;
}

function isNumericType(attribute: Attribute | undefined): boolean {
  return attribute?.type instanceof DataTypes.INTEGER || attribute?.type instanceof DataTypes.BIGINT
    || attribute?.type instanceof DataTypes.DECIMAL || attribute?.type instanceof DataTypes.FLOAT;
}

/** A filter value as the column holds it, or undefined when the column cannot hold it. */
function exactValue(attribute: Attribute, value: unknown): unknown {
  const text = String(value);
  if (attribute.type instanceof DataTypes.BOOLEAN) return text === 'true' ? true : text === 'false' ? false : undefined;
  if (attribute.type instanceof DataTypes.INTEGER) return fitsInteger(text, attribute.type instanceof DataTypes.BIGINT ? 'int64' : 'int32') ? text : undefined;
  if (isNumericType(attribute)) return NUMERIC_TEXT.test(text) ? text : undefined;
  if (attribute.values && !attribute.values.includes(text)) return undefined;
  return text;
}

function invalidValueMessage(attribute: Attribute, value: unknown): string | undefined {
  const { type } = attribute;
  if (isNumericType(attribute)) {
    const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
    if (!NUMERIC_TEXT.test(text)) return 'notANumber';
    if (type instanceof DataTypes.INTEGER || type instanceof DataTypes.BIGINT) {
      if (!Number.isInteger(Number(text))) return 'notAnInteger';
      if (type instanceof DataTypes.INTEGER && Math.abs(Number(text)) > INT32_MAX) return 'valueOutOfRange';
      return undefined;
    }
    const { precision, scale } = (type as { options?: { precision?: number; scale?: number } }).options ?? {};
    return decimalProblem(text, precision, scale);
  }
  if (type instanceof DataTypes.DATEONLY) return value instanceof Date ? undefined : dayProblem(String(value));
  if (type instanceof DataTypes.DATE) return value instanceof Date ? (Number.isNaN(value.getTime()) ? 'notADate' : undefined) : instantProblem(String(value));
  if (attribute.values && !attribute.values.includes(String(value))) return 'notAChoice';
  const length = (type as { options?: { length?: number } }).options?.length;
  if (type instanceof DataTypes.STRING && length && [...String(value)].length > length) return 'valueTooLong';
  return undefined;
}

function isInstantType(attribute: Attribute | undefined): boolean {
  return attribute?.type instanceof DataTypes.DATE && !(attribute.type instanceof DataTypes.DATEONLY);
}

/**
 * A from–to filter. On a date column both ends are days, compared as days. On a timestamp column
 * a day means the whole business day (to the 20th includes the 20th's evening), and an instant
 * is that instant. An end that is neither matches nothing.
 */
function rangeOf(attribute: Attribute, { from, to }: { from?: unknown; to?: unknown }): Record<symbol, unknown> | undefined {
  const range: Record<symbol, unknown> = {};
  const ends: Array<[unknown, typeof Op.gte | typeof Op.lte]> = [[from, Op.gte], [to, Op.lte]];
  for (const [end, operator] of ends) {
    if (end === undefined || end === null || end === '') continue;
    const text = String(end).trim();
    if (attribute.type instanceof DataTypes.DATEONLY) {
      if (!isCalendarDay(text)) return undefined;
      range[operator] = text;
    } else if (isInstantType(attribute) && isCalendarDay(text)) {
      if (operator === Op.gte) range[Op.gte] = startOfBusinessDay(text);
      else range[Op.lt] = endOfBusinessDay(text);
    } else if (isInstantType(attribute)) {
      const instant = instantOf(text);
      if (!instant) return undefined;
      range[operator] = instant;
    } else {
      range[operator] = text;
    }
  }
  return range;
}

function sequelizeMessage(validatorKey: string | null | undefined, type: string | null): string {
  if (validatorKey === 'is_null' || type === 'notNull Violation') return 'fieldRequired';
  if (validatorKey === 'not_unique') return 'valueTaken';
  if (validatorKey === 'isEmail') return 'notAnEmail';
  if (validatorKey === 'isIn') return 'notAChoice';
  return 'invalidValue';
}

/** PostgreSQL quotes the value it could not read ("invalid input syntax for type numeric: "abc""). */
function columnHolding(values: Values, message: string | undefined): string | undefined {
  const quoted = /: "(.*)"$/.exec(message ?? '')?.[1];
  if (quoted === undefined) return undefined;
  return Object.keys(values).find((name) => String(values[name]) === quoted);
}

/** A calendar day stays that day ('2026-11-24'), whatever the server's time zone; a moment stays exact. */
function dateValue(attribute: Attribute, value: Date): string {
  return attribute.type instanceof DataTypes.DATEONLY ? value.toISOString().slice(0, 10) : value.toISOString();
}
