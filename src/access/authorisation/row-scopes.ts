import type { AccessProfile } from './access-profile.js';
import { permissionOn } from './can.js';
import type { RowScope } from '../../models/role-permission.model.js';

/**
 * Which rows of a table an employee may reach, as an SQL condition on that table's own columns.
 * Every table is either here, with a rule for each of own / team / branch, or named in WHOLE_TABLES
 * as reference data nobody owns; anything else gets no rows (fail closed), and the start-up check
 * (schema-check.ts) refuses a table with an owner, branch or customer column that has no rule.
 */
type ScopedCondition = (scope: Exclude<RowScope, 'all'>, who: Who) => string;

interface Who {
  me: string;
  /** The employee's team mates, the employee included. */
  team: string;
  /** The employee's branch and the offices and outlets under it. */
  branches: string;
  usersOfBranches: string;
  /** The employee's own team, or NULL. */
  myTeam: string;
}

const byPerson = (column: string): ScopedCondition => (scope, who) =>
  ({ own: `${column} = ${who.me}`, team: `${column} IN (${who.team})`, branch: `${column} IN (${who.usersOfBranches})` })[scope];

const ownedWithBranch: ScopedCondition = (scope, who) =>
  ({ own: `owner_id = ${who.me}`, team: `owner_id IN (${who.team})`, branch: `branch_id IN (${who.branches})` })[scope];

const underCustomer: ScopedCondition = (scope, who) => `customer_id IN (SELECT id FROM customers WHERE ${ownedWithBranch(scope, who)})`;

const underOrder: ScopedCondition = (scope, who) => `order_id IN (SELECT id FROM sales_orders WHERE ${ownedWithBranch(scope, who)})`;

const RULES: Record<string, ScopedCondition> = {
  customers: ownedWithBranch,
  opportunities: ownedWithBranch,
  contracts: ownedWithBranch,
  sales_orders: ownedWithBranch,
  // The dashboard's rollups of the orders (migration 0091) carry their orders' owner and branch.
  sales_daily_revenue: ownedWithBranch,
  sales_daily_category_revenue: ownedWithBranch,
  // What each order still owes (migration 0092), with the order's owner and branch; its sums per customer.
  open_receivables: ownedWithBranch,
  customer_balances: underCustomer,
  // The receivables' sums per day shipped (migration 0094), per owner and branch of their orders.
  receivables_by_shipped_day: ownedWithBranch,
  // The dashboard's counts of current customers (migration 0093) carry their owner and branch.
  customer_counts: ownedWithBranch,
  contacts: underCustomer,
  customer_feedback: underCustomer,
  campaign_members: underCustomer,
  email_messages: underCustomer,
  sales_order_items: underOrder,
  sales_order_amendments: underOrder,
  shipments: underOrder,
  contract_monthly_plans: (scope, who) => `contract_id IN (SELECT id FROM contracts WHERE ${ownedWithBranch(scope, who)})`,
  // A fleet's fuel cards, their top-ups and fuellings follow the customer.
  fuel_cards: underCustomer,
  fuel_card_top_ups: underCustomer,
  fuel_card_transactions: underCustomer,
  fuel_card_limits: (scope, who) => `card_id IN (SELECT id FROM fuel_cards WHERE ${underCustomer(scope, who)})`,
  // Money and credit follow the order they are about; a request carries its order's owner and branch.
  payments: underOrder,
  credit_approvals: ownedWithBranch,
  sales_targets: (scope, who) =>
    ({
      own: `user_id = ${who.me}`,
      team: `(user_id IN (${who.team}) OR team_id IN (SELECT team_id FROM users WHERE id IN (${who.team})))`,
      branch: `branch_id IN (${who.branches})`,
    })[scope],
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
  // A campaign is its owner's; a branch also sees those that reach its customers.
  campaigns: (scope, who) =>
    scope === 'branch'
      ? `(owner_id IN (${who.usersOfBranches}) OR id IN (SELECT campaign_id FROM campaign_members WHERE ${underCustomer('branch', who)}))`
      : byPerson('owner_id')(scope, who),
  users: (scope, who) => ({ own: `id = ${who.me}`, team: `id IN (${who.team})`, branch: `branch_id IN (${who.branches})` })[scope],
  teams: (scope, who) => ({ own: `id = ${who.myTeam}`, team: `id = ${who.myTeam}`, branch: `branch_id IN (${who.branches})` })[scope],
  warehouses: (scope, who) => ({ own: `manager_id = ${who.me}`, team: `manager_id IN (${who.team})`, branch: `branch_id IN (${who.branches})` })[scope],
  stock_movements: (scope, who) =>
    ({
      own: `performed_by_id = ${who.me}`,
      team: `performed_by_id IN (${who.team})`,
      branch: `warehouse_id IN (SELECT id FROM warehouses WHERE branch_id IN (${who.branches}))`,
    })[scope],
  audit_logs: byPerson('user_id'),
};

/** Reference data that belongs to nobody: whoever may list it sees all of it, whatever the scope says. */
const WHOLE_TABLES: ReadonlySet<string> = new Set(['branches', 'roles', 'product_categories', 'products', 'stock_levels', 'email_templates', 'opportunity_stage_probabilities',
  // Prices are the company's, not a person's; batches and their certificates are traced across customers.
  'price_lists', 'price_list_versions', 'price_list_items', 'price_adjustment_notices', 'price_adjustment_lines',
  'batches', 'coa_lines', 'batch_stocks',
]);

/** Columns that make a row somebody's: a table with one of them must have a rule above. */
export const OWNERSHIP_COLUMNS = ['owner_id', 'branch_id', 'customer_id', 'assignee_id', 'user_id', 'order_id', 'performed_by_id'] as const;

/**
 * The condition to AND into every query on the table, or null when the employee sees all its rows.
 * A table with neither a rule nor a place in WHOLE_TABLES gives nothing to a limited scope.
 */
export function rowScopeCondition(profile: AccessProfile, table: string): string | null {
  const { scope } = permissionOn(profile, table);
  if (scope === 'all' || WHOLE_TABLES.has(table)) return null;
  const rule = RULES[table];
  return rule ? rule(scope, whoIs(profile)) : 'FALSE';
}

/** Whether the matrix's row scope means anything for this table (customers: yes; products: no). */
export function isScopedResource(table: string): boolean {
  return table in RULES;
}

export function isWholeTable(table: string): boolean {
  return WHOLE_TABLES.has(table);
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
    myTeam: profile.teamId === null ? 'NULL' : String(Number(profile.teamId)),
  };
}
