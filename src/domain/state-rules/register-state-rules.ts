import pg from 'pg';
import { QueryTypes, type Transaction } from 'sequelize';
import { SalesOrder } from '../../models/index.js';
import { registerWriteRules, type WriteRules } from '../../db/write-rules.js';
import { CAMPAIGN_MEMBER_STATES } from './campaign-member-states.js';
import { CAMPAIGN_STATES } from './campaign-states.js';
import { OPPORTUNITY_STATES } from './opportunity-states.js';
import { SALES_ORDER_STATES } from './sales-order-states.js';
import { STOCK_LEVEL_RULES, STOCK_MOVEMENT_RULES } from './stock-rules.js';
import { TICKET_STATES } from './ticket-states.js';
import { assertChildrenOpen, assertCreateAllowed, assertDeleteAllowed, assertUpdateAllowed, type StateTable } from './state-table.js';

/** Every workflow entity's table, for the checks that walk all of them (tests, the start). */
export const STATE_TABLES: ReadonlyArray<StateTable<string>> = [SALES_ORDER_STATES, OPPORTUNITY_STATES, TICKET_STATES, CAMPAIGN_STATES, CAMPAIGN_MEMBER_STATES];

/**
 * Puts the state tables in front of every generic write (src/db/write-rules.ts): the panel's new,
 * edit, delete and bulk delete of an order, an order line, an opportunity, a ticket, a campaign, a
 * member, a stock level or a movement. Called once when the app is built.
 */
export function registerStateRules(): void {
  for (const table of STATE_TABLES) registerWriteRules(table.resource, recordRules(table));
  registerWriteRules('sales_order_items', childRules(SALES_ORDER_STATES));
  registerWriteRules('campaign_members', combined(recordRules(CAMPAIGN_MEMBER_STATES), childRules(CAMPAIGN_STATES)));
  registerWriteRules('stock_levels', STOCK_LEVEL_RULES);
  registerWriteRules('stock_movements', STOCK_MOVEMENT_RULES);
}

function recordRules(table: StateTable<string>): WriteRules {
  return {
    beforeCreate: async (values) => assertCreateAllowed(table, values),
    beforeUpdate: async (before, changes) => assertUpdateAllowed(table, before, changes),
    beforeDelete: async (before) => assertDeleteAllowed(table, before),
  };
}

/** Rows under a parent (order lines, campaign members) change only while the parent's state lets them. */
function childRules(parent: StateTable<string>): WriteRules {
  const { foreignKey } = parent.children!;
  const open = async (parentId: unknown, transaction: Transaction, field?: string) => {
    const state = await lockedStateOf(parent, parentId, transaction);
    if (state !== undefined) assertChildrenOpen(parent, state, field);
  };
  return {
    beforeCreate: async (values, transaction) => open(values[foreignKey], transaction, foreignKey),
    beforeUpdate: async (before, changes, transaction) => {
      const changed = Object.keys(changes).find((field) => String(changes[field] ?? '') !== String(before[field] ?? ''));
      await open(before[foreignKey], transaction, changed);
      if (foreignKey in changes && String(changes[foreignKey]) !== String(before[foreignKey])) await open(changes[foreignKey], transaction, foreignKey);
    },
    beforeDelete: async (before, transaction) => open(before[foreignKey], transaction),
  };
}

/**
 * The parent's state, its row locked until the write commits: a line added while someone confirms
 * the order waits for the confirmation and is then refused, instead of slipping in unreserved.
 * Undefined when there is no such parent (the foreign key refuses it then, by its own message).
 */
async function lockedStateOf(parent: StateTable<string>, id: unknown, transaction: Transaction): Promise<string | undefined> {
  const key = Number(id);
  if (!Number.isSafeInteger(key)) return undefined;
  const [row] = await SalesOrder.sequelize!.query<{ state: string }>(
    `SELECT ${pg.escapeIdentifier(parent.stateField)} AS state FROM ${pg.escapeIdentifier(parent.resource)} WHERE id = $1 FOR UPDATE`,
    { bind: [key], type: QueryTypes.SELECT, transaction },
  );
  return row?.state;
}

function combined(first: WriteRules, second: WriteRules): WriteRules {
  return {
    beforeCreate: async (values, transaction) => {
      await first.beforeCreate?.(values, transaction);
      await second.beforeCreate?.(values, transaction);
    },
    beforeUpdate: async (before, changes, transaction) => {
      await first.beforeUpdate?.(before, changes, transaction);
      await second.beforeUpdate?.(before, changes, transaction);
    },
    beforeDelete: async (before, transaction) => {
      await first.beforeDelete?.(before, transaction);
      await second.beforeDelete?.(before, transaction);
    },
  };
}
