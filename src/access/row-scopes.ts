import type { AccessProfile } from './access-profile.js';
import { permissionOn } from './can.js';
import type { RowScope } from '../models/role-permission.model.js';

/**
 * Which rows of a table an employee may reach, as an SQL condition on that table's own columns.
 * Customers, opportunities, contracts and orders belong to an owner and a branch; the rows under a
 * customer, an order or a contract follow their parent (a fleet's fuel cards their customer). Tables
 * not listed here (products, warehouses, batches and their certificates, …) are reference data
 * everyone with the action may see whole.
 */
type ScopedCondition = (scope: Exclude<RowScope, 'all'>, who: Who) => string;

interface Who {
  me: string;
  team: string;
  branches: string;
  usersOfBranches: string;
}

const ownedWithBranch: ScopedCondition = (scope, who) =>
  ({ own: `owner_id = ${who.me}`, team: `owner_id IN (${who.team})`, branch: `branch_id IN (${who.branches})` })[scope];

const underCustomer: ScopedCondition = (scope, who) => `customer_id IN (SELECT id FROM customers WHERE ${ownedWithBranch(scope, who)})`;

const CONDITIONS: Record<string, ScopedCondition> = {
  customers: ownedWithBranch,
  opportunities: ownedWithBranch,
  contracts: ownedWithBranch,
  sales_orders: ownedWithBranch,
  contacts: underCustomer,
  customer_feedback: underCustomer,
  campaign_members: underCustomer,
  email_messages: underCustomer,
  sales_order_items: (scope, who) => `order_id IN (SELECT id FROM sales_orders WHERE ${ownedWithBranch(scope, who)})`,
  shipments: (scope, who) => `order_id IN (SELECT id FROM sales_orders WHERE ${ownedWithBranch(scope, who)})`,
  contract_monthly_plans: (scope, who) => `contract_id IN (SELECT id FROM contracts WHERE ${ownedWithBranch(scope, who)})`,
  fuel_cards: underCustomer,
  fuel_card_top_ups: underCustomer,
  fuel_card_transactions: underCustomer,
  fuel_card_limits: (scope, who) => `card_id IN (SELECT id FROM fuel_cards WHERE ${underCustomer(scope, who)})`,
  activities: (scope, who) =>
    ({
      own: `(owner_id = ${who.me} OR assignee_id = ${who.me})`,
      team: `(owner_id IN (${who.team}) OR assignee_id IN (${who.team}))`,
      branch: `(owner_id IN (${who.usersOfBranches}) OR assignee_id IN (${who.usersOfBranches}))`,
    })[scope],
  tickets: (scope, who) =>
    ({
      own: `(assignee_id = ${who.me} OR ${underCustomer('own', who)})`,
      team: `(assignee_id IN (${who.team}) OR ${underCustomer('team', who)})`,
      branch: `branch_id IN (${who.branches})`,
    })[scope],
  users: (scope, who) => ({ own: `id = ${who.me}`, team: `id IN (${who.team})`, branch: `branch_id IN (${who.branches})` })[scope],
  audit_logs: (scope, who) => ({ own: `user_id = ${who.me}`, team: `user_id IN (${who.team})`, branch: `user_id IN (${who.usersOfBranches})` })[scope],
};

/** The condition to AND into every query on the table, or null when the employee sees all rows. */
export function rowScopeCondition(profile: AccessProfile, resource: string): string | null {
  const { scope } = permissionOn(profile, resource);
  const condition = CONDITIONS[resource];
  if (scope === 'all' || !condition) return null;
  return condition(scope, whoIs(profile));
}

export function isScopedResource(resource: string): boolean {
  return resource in CONDITIONS;
}

/** Ids come from our own database as integers; they are written into SQL as numbers only. */
function whoIs(profile: AccessProfile): Who {
  const list = (ids: number[]) => (ids.length > 0 ? ids.map((id) => Number(id)).join(', ') : 'NULL');
  const branches = list(profile.branchIds);
  return {
    me: String(Number(profile.userId)),
    team: list(profile.teamMemberIds),
    branches,
    usersOfBranches: `SELECT id FROM users WHERE branch_id IN (${branches})`,
  };
}
