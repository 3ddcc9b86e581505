import { QueryTypes, type Sequelize } from 'sequelize';
import type { Actor } from '../../../src/audit/audit-log.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';
import { AuditLog } from '../../../src/models/index.js';
import { demoUser } from '../../support/fixtures.js';

/** The tables a workflow action can write; a refusal must leave every one of them as it was. */
const WORKFLOW_TABLES = [
  'sales_orders', 'sales_order_items', 'stock_levels', 'stock_movements', 'opportunities', 'activities', 'audit_logs',
  'payments', 'credit_approvals', 'price_list_versions', 'price_list_items', 'price_adjustment_notices',
  'batches', 'batch_stocks', 'shipments', 'contract_monthly_plans', 'fuel_cards', 'fuel_card_top_ups', 'fuel_card_transactions',
] as const;

/** Who performs the steps in a test: a demo employee, as the audit log will name them. */
export async function actorFor(email: string): Promise<Actor> {
  const user = await demoUser(email);
  return { id: user.id, email: user.email };
}

/** A fingerprint of every row of the workflow tables: equal before and after means nothing was written. */
export async function fingerprintWorkflowTables(sequelize: Sequelize): Promise<Record<string, string>> {
  const fingerprints: Record<string, string> = {};
  for (const table of WORKFLOW_TABLES) {
    const [row] = await sequelize.query<{ fingerprint: string | null; rows: string }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS fingerprint, count(*) AS rows FROM ${table} t`,
      { type: QueryTypes.SELECT },
    );
    fingerprints[table] = `${row.rows}:${row.fingerprint ?? ''}`;
  }
  return fingerprints;
}

/** Runs a step that must be refused, checks the refusal and that the database did not change. */
export async function expectRefusedWithoutChanges(
  sequelize: Sequelize,
  step: () => Promise<unknown>,
  code: string,
  params?: Record<string, string | number>,
  field?: string,
): Promise<BusinessRuleError> {
  const before = await fingerprintWorkflowTables(sequelize);
  const error = await step().then(
    () => {
      throw new Error(`expected a refusal "${code}", but the step succeeded`);
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(BusinessRuleError);
  const refusal = error as BusinessRuleError;
  expect(refusal.code).toBe(code);
  if (params) expect(refusal.params).toEqual(params);
  if (field) expect(refusal.field).toBe(field);
  expect(await fingerprintWorkflowTables(sequelize)).toEqual(before);
  return refusal;
}

export interface AuditChange {
  action: string;
  user_email: string | null;
  changes: Record<string, unknown>;
}

/** The audit rows of one record, oldest first. */
export async function auditOf(resource: string, recordId: number): Promise<AuditChange[]> {
  const rows = await AuditLog.findAll({ where: { resource, record_id: String(recordId) }, order: [['id', 'ASC']] });
  return rows.map((row) => ({ action: row.action, user_email: row.user_email, changes: row.changes }));
}
