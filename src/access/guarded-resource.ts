import { BaseRecord, type ActionContext, type CurrentAdmin, type Filter, type ParamsType, type RecordJSON } from 'adminjs';
import { literal, type Model, type ModelStatic, type Transaction } from 'sequelize';
import { CrmResource } from '../db/crm-resource.js';
import { accessOf, staffActor } from './access-middleware.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/audit-log.js';
import { fieldOfKey, isReadable } from './field-policy.js';
import { rowScopeCondition } from './row-scopes.js';

type FindOptions = Parameters<CrmResource['find']>[1];
type SequelizeRecord = Model & { toJSON(): Record<string, unknown> };
type Row = Record<string, unknown>;

/**
 * The AdminJS adapter every resource goes through. Over CrmResource (field errors, search) it adds
 * what AdminJS leaves to us: row scope on every read (lists, counts, search, single records,
 * references), fields the role may not read removed from every record that leaves the server, and
 * each create, update and delete run in one transaction together with its audit row.
 */
export class GuardedResource extends CrmResource {
  private get model(): ModelStatic<SequelizeRecord> {
    return (this as unknown as { SequelizeModel: ModelStatic<SequelizeRecord> }).SequelizeModel;
  }

  /** The same resource seen through the employee's row scope (a Sequelize scope ANDed into WHERE). */
  private scopedFor(context?: ActionContext): this {
    const profile = accessOf(context?.currentAdmin);
    const condition = profile && rowScopeCondition(profile, this.id());
    if (!condition) return this;
    return Object.create(this, { SequelizeModel: { value: this.model.scope({ where: literal(condition) }) } }) as this;
  }

  /** The lean list's reads (totals, titles of references) under the same row scope. */
  override inScopeOf(context?: ActionContext): this {
    return this.scopedFor(context);
  }

  override async find(filter: Filter, options: FindOptions, context?: ActionContext): Promise<BaseRecord[]> {
    const records: BaseRecord[] = await super.find.call(this.scopedFor(context), filter, options);
    return records.map((record) => this.guarded(record.params));
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    return super.count.call(this.scopedFor(context), filter);
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const record = await super.findOne.call(this.scopedFor(context), id);
    return record && this.guarded(record.params);
  }

  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const records: BaseRecord[] = await super.findMany.call(this.scopedFor(context), ids);
    return records.map((record) => this.guarded(record.params));
  }

  override build(params: Record<string, unknown>): BaseRecord {
    return this.guarded(params);
  }

  override async create(params: ParamsType, context?: ActionContext): Promise<ParamsType> {
    const values = this.parseParams(params);
    const after = await this.inAuditedTransaction(context, values, async (transaction, actor): Promise<Row> => {
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
          await row.destroy({ transaction });
          await recordAudit(actor, { action: 'delete', resource: this.id(), recordId: id, before }, transaction);
        }
      });
    } catch (error) {
      throw this.deleteRefusalOf(error);
    }
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
    return (this as unknown as { withTitle(values: Record<string, unknown>): ParamsType }).withTitle(params);
  }

  private guarded(params: Record<string, unknown>): BaseRecord {
    return new GuardedRecord(params, this);
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
