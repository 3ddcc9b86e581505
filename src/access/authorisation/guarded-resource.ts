import { BaseRecord, flat, type ActionContext, type CurrentAdmin, type Filter, type ParamsType, type RecordJSON } from 'adminjs';
import { literal, type Model, type ModelStatic, type Transaction } from 'sequelize';
import { CrmResource } from '../../db/crm-resource.js';
import { writeRulesOf } from '../../db/write-rules.js';
import { accessOf, staffActor } from './current-access.js';
import type { AccessProfile } from './access-profile.js';
import { can } from './can.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../audit/audit-log.js';
import { fieldOfKey, isQueryable, isReadable } from './field-policy.js';
import { rowScopeCondition } from './row-scopes.js';
import { maskAuditChanges } from './audit-visibility.js';
import { AccessDenied } from './access-denied.js';

type FindOptions = Parameters<CrmResource['find']>[1];
type SequelizeRecord = Model & { toJSON(): Record<string, unknown> };
type Row = Record<string, unknown>;

/**
 * The AdminJS adapter every resource goes through, and so the last word on every read however it
 * was asked for (a list, a count, a search, a picker, a related list, an export, a populated
 * reference, a record page):
 * - row scope: a Sequelize scope ANDed into the WHERE of each query;
 * - a filter or sort on a field the role may not read is refused (it would be an oracle);
 * - fields the role may not read leave the server in no record, the audit log's masked included;
 * - a reference shown on another resource's record carries only its id and title when the role
 *   may not open that resource itself;
 * - each create, update and delete runs in one transaction together with its audit row.
 * - each write first passes the business rules the domain registered for its table
 *   (src/db/write-rules.ts: a confirmed order's lines, a closed ticket's fields).
 */
export class GuardedResource extends CrmResource {
  private get model(): ModelStatic<SequelizeRecord> {
    return (this as unknown as { SequelizeModel: ModelStatic<SequelizeRecord> }).SequelizeModel;
  }

  /**
   * The same resource seen through the employee's row scope (a Sequelize scope ANDed into WHERE),
   * its search box blind to the fields the role may not read.
   */
  private scopedFor(context?: ActionContext): this {
    const profile = accessOf(context?.currentAdmin);
    if (!profile) return this;
    const condition = rowScopeCondition(profile, this.id());
    const hidden = new Set(Object.keys(this.model.getAttributes()).filter((field) => !isReadable(profile, this.id(), field)));
    return Object.create(this, {
      ...(condition ? { SequelizeModel: { value: this.model.scope({ where: literal(condition) }) } } : {}),
      unreadableColumns: { value: hidden },
    }) as this;
  }

  /** The lean list's reads (totals, titles of references) under the same row scope. */
  override inScopeOf(context?: ActionContext): this {
    return this.scopedFor(context);
  }

  override async find(filter: Filter, options: FindOptions, context?: ActionContext): Promise<BaseRecord[]> {
    this.assertQueryable(filter, options?.sort?.sortBy, context);
    const records: BaseRecord[] = await super.find.call(this.scopedFor(context), filter, options);
    return records.map((record) => this.guarded(record.params, context));
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    this.assertQueryable(filter, undefined, context);
    return super.count.call(this.scopedFor(context), filter);
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const record = await super.findOne.call(this.scopedFor(context), id);
    return record && this.guarded(record.params, context);
  }

  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const records: BaseRecord[] = await super.findMany.call(this.scopedFor(context), ids);
    return records.map((record) => this.guarded(record.params, context));
  }

  override build(params: Record<string, unknown>): BaseRecord {
    return new GuardedRecord(params, this);
  }

  override async create(params: ParamsType, context?: ActionContext): Promise<ParamsType> {
    const values = this.parseParams(params);
    const after = await this.inAuditedTransaction(context, values, async (transaction, actor): Promise<Row> => {
      await writeRulesOf(this.id()).beforeCreate?.(values, transaction);
      const created = await this.model.create(values, { transaction });
      await recordAudit(actor, { action: 'new', resource: this.id(), recordId: created.get('id') as number, after: created.toJSON() }, transaction);
      return created.toJSON();
    });
    return this.titled(after);
  }

  override async update(id: string, params: ParamsType, context?: ActionContext): Promise<ParamsType> {
    const values = this.parseParams(params);
    const after = await this.inAuditedTransaction(context, values, async (transaction, actor): Promise<Row> => {
      const row = await this.model.findByPk(id, { transaction, lock: true, rejectOnEmpty: true });
      const before: Row = row.toJSON();
      await writeRulesOf(this.id()).beforeUpdate?.(before, values, transaction);
      await row.update(values, { transaction });
      await recordAudit(actor, { action: 'edit', resource: this.id(), recordId: id, before, after: row.toJSON<Row>() }, transaction);
      return row.toJSON();
    });
    return this.titled(after);
  }

  override async delete(id: string, context?: ActionContext): Promise<void> {
    await this.deleteMany([id], context);
  }

  /** Deletes every record or none: one still referenced stops the whole batch, audit rows included. */
  override async deleteMany(ids: string[], context?: ActionContext): Promise<void> {
    try {
      await this.model.sequelize!.transaction(async (transaction) => {
        const actor = actorOf(context?.currentAdmin);
        for (const id of ids) {
          const row = await this.model.findByPk(id, { transaction, lock: true });
          if (!row) continue;
          const before: Row = row.toJSON();
          await writeRulesOf(this.id()).beforeDelete?.(before, transaction);
          await row.destroy({ transaction });
          await recordAudit(actor, { action: 'delete', resource: this.id(), recordId: id, before }, transaction);
        }
      });
    } catch (error) {
      throw this.deleteRefusalOf(error);
    }
  }

  /** Filtering or sorting by a field is reading it: only on what the role may read. */
  private assertQueryable(filter: Filter | undefined, sortBy: string | undefined, context?: ActionContext): void {
    const profile = accessOf(context?.currentAdmin);
    if (!profile) return;
    const fields = [...Object.keys(filter?.filters ?? {}), ...(sortBy ? [sortBy] : [])].map(fieldOfKey);
    const refused = fields.flatMap((field) => [field, ...this.composedTitleOf(field)]).find((field) => !isQueryable(profile, this.id(), field));
    if (refused !== undefined) throw new AccessDenied(403, 'forbiddenError');
  }

  /** The columns a composed title (`custom.titleOf`) is made of: filtering the title filters them. */
  private composedTitleOf(field: string): string[] {
    const parts: unknown = this.decorate().options.properties?.[field]?.custom?.titleOf;
    return Array.isArray(parts) ? (parts as string[]) : [];
  }

  private async inAuditedTransaction<T>(
    context: ActionContext | undefined,
    values: Record<string, unknown>,
    work: (transaction: Transaction, actor: Actor) => Promise<T>,
  ): Promise<T> {
    const actor = actorOf(context?.currentAdmin);
    try {
      return await this.model.sequelize!.transaction((transaction) => work(transaction, actor));
    } catch (error) {
      throw await this.refusalOf(error, values);
    }
  }

  /** CrmResource composes titles such as "TK00000012 漏油投诉"; keep that for what we return. */
  private titled(params: Record<string, unknown>): ParamsType {
    return this.withTitle(params);
  }

  /** A record as the reader may see it (see the class comment). */
  private guarded(params: Record<string, unknown>, context?: ActionContext): BaseRecord {
    const profile = accessOf(context?.currentAdmin);
    if (!profile) return new GuardedRecord(params, this);
    if (this.id() === 'audit_logs') {
      const row = flat.unflatten<Row, Row>(params);
      return new GuardedRecord({ ...row, changes: maskAuditChanges(profile, String(row.resource), row.changes) }, this);
    }
    if (context?.resource && context.resource.id() !== this.id() && !this.mayOpen(profile)) return new GuardedRecord(this.idAndTitle(params), this);
    return new GuardedRecord(params, this);
  }

  private mayOpen(profile: AccessProfile): boolean {
    return can(profile, this.id(), 'show') || can(profile, this.id(), 'list');
  }

  private idAndTitle(params: Record<string, unknown>): Record<string, unknown> {
    const title = this.decorate().titleProperty().name();
    return { id: params.id, [title]: params[title] };
  }
}

/** A record whose JSON for the browser leaves out what the logged-in role may not read. */
class GuardedRecord extends BaseRecord {
  override toJSON(currentAdmin?: CurrentAdmin): RecordJSON {
    const json = super.toJSON(currentAdmin);
    const profile = accessOf(currentAdmin);
    const resourceId = this.resource.id();
    const visible = Object.entries(json.params).filter(([key]) => (profile ? isReadable(profile, resourceId, fieldOfKey(key)) : !key.startsWith('password')));
    return { ...json, params: Object.fromEntries(visible) };
  }
}

/** Without a request (a script, a test) the change is the system's. */
function actorOf(currentAdmin: CurrentAdmin | undefined): Actor {
  return accessOf(currentAdmin) ? staffActor(currentAdmin) : SYSTEM_ACTOR;
}
