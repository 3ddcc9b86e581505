import type { Transaction } from 'sequelize';
import { Role, RolePermission } from '../../models/index.js';
import type { RowScope } from '../../models/role-permission.model.js';
import { ADMINISTRATOR } from './access-profile.js';

/** A resource as the matrix sees it: its id and every action it offers, AdminJS's and ours. */
export interface ResourceActions {
  id: string;
  actions: string[];
  fields: string[];
}

/**
 * The dashboard is not a table, but who may open it is decided in the same matrix; what it counts
 * follows each table's row scope, as the lists do.
 */
export const DASHBOARD_RESOURCE: ResourceActions = { id: 'dashboard', actions: ['show'], fields: [] };

/** AdminJS's own actions plus the data interface; everything else on a resource is a workflow action. */
const NOT_WORKFLOW = new Set(['list', 'search', 'show', 'new', 'edit', 'delete', 'bulkDelete', 'export', 'import']);

interface Grant {
  /** AdminJS's actions and the data interface, e.g. ['list', 'show', 'export']. */
  actions: string[];
  /** Workflow actions: all of the resource's, or these by name. */
  custom?: 'all' | string[];
  /** Workflow actions left out of 'all': a duty kept apart (finance records payments, not sales). */
  except?: string[];
  scope?: RowScope;
  hidden?: string[];
}

const READ = ['list', 'show'];
const READ_EXPORT = [...READ, 'export'];
const WRITE = [...READ, 'new', 'edit', 'export'];
const FULL = [...WRITE, 'delete', 'bulkDelete', 'import'];
const COST = ['cost_price'];

const CUSTOMER_SIDE = [
  'customers', 'contacts', 'activities', 'customer_feedback', 'opportunities', 'contracts', 'contract_monthly_plans', 'sales_orders', 'sales_order_items',
];
/** Set by administrators only; the sales side reads what its probabilities come from. */
const STAGE_PROBABILITIES = 'opportunity_stage_probabilities';
const CATALOGUE = ['product_categories', 'products', 'warehouses', 'stock_levels', 'stock_movements'];
/** Batches with their certificates and stock: reference data like the catalogue, traced by quality. */
const QUALITY = ['batches', 'coa_lines', 'batch_stocks'];
const FUEL_CARDS = ['fuel_cards', 'fuel_card_limits', 'fuel_card_top_ups', 'fuel_card_transactions'];
/** Customer lifetime value is computed from margins, so it is as confidential as a cost price. */
const MARGINS = ['margin_to_date', 'expected_margin', 'lifetime_value'];
const MARKETING = ['campaigns', 'campaign_members', 'email_templates', 'email_messages'];
const ORGANISATION = ['branches', 'teams', 'users'];
const CREDIT = ['payments', 'credit_approvals'];
const PRICING = ['price_lists', 'price_list_versions', 'price_list_items', 'price_adjustment_notices', 'price_adjustment_lines'];
/** Customers and orders' credit views that change nothing. */
const CREDIT_VIEWS = ['creditWatchList'];
const AGING = ['agingByCustomer', 'agingByBranch', 'agingByRepresentative'];

const grant = (resources: string[], value: Grant): Record<string, Grant> => Object.fromEntries(resources.map((resource) => [resource, value]));

/**
 * What each role may do on a new installation. Administrators change it in the panel; this only
 * fills in rows that do not exist yet (a new role or a new resource), never overwrites an edit.
 */
const POLICY: Record<string, Record<string, Grant>> = {
  sales_manager: {
    ...grant(CUSTOMER_SIDE, { actions: FULL, custom: 'all', scope: 'branch' }),
    [STAGE_PROBABILITIES]: { actions: READ },
    // Approves credit over the limit and sets targets for the branch; receipts are finance's.
    sales_orders: { actions: FULL, custom: 'all', except: ['recordPayment'], scope: 'branch' },
    payments: { actions: READ_EXPORT, custom: 'all', scope: 'branch' },
    credit_approvals: { actions: READ_EXPORT, custom: 'all', scope: 'branch' },
    sales_targets: { actions: FULL, scope: 'branch' },
    ...grant(PRICING, { actions: READ_EXPORT, custom: ['reachedCustomers'] }),
    ...grant(CATALOGUE, { actions: READ_EXPORT, custom: ['lowStock'] }),
    ...grant(QUALITY, { actions: READ_EXPORT, custom: ['traceRecipients'] }),
    shipments: { actions: READ_EXPORT, custom: 'all', scope: 'branch' },
    ...grant(FUEL_CARDS, { actions: FULL, custom: 'all', scope: 'branch' }),
    tickets: { actions: WRITE, custom: ['overdue', 'traceBatch'], scope: 'branch' },
    ...grant(MARKETING, { actions: READ, scope: 'branch' }),
    ...grant(['branches', 'teams'], { actions: READ }),
    users: { actions: READ, custom: ['changeOwnPassword'], scope: 'branch' },
    dashboard: { actions: ['show'] },
  },
  sales_rep: {
    customers: { actions: [...WRITE, 'delete'], custom: ['sendEmail', ...CREDIT_VIEWS], scope: 'own', hidden: MARGINS },
    ...grant(['opportunities', 'contracts', 'contract_monthly_plans'], { actions: WRITE, custom: 'all', scope: 'own' }),
    ...grant(['contacts', 'activities', 'customer_feedback'], { actions: [...WRITE, 'delete'], custom: 'all', scope: 'own' }),
    // A representative at an outlet confirms and ships their own orders; the warehouse delivers.
    sales_orders: { actions: WRITE, custom: ['confirm', 'ship', 'cancel', 'amend', 'requestCreditApproval', 'quoteOrderLines'], scope: 'own' },
    payments: { actions: READ, custom: AGING, scope: 'own' },
    credit_approvals: { actions: READ, scope: 'own' },
    sales_targets: { actions: READ, scope: 'own' },
    ...grant(PRICING, { actions: READ, custom: ['reachedCustomers'] }),
    [STAGE_PROBABILITIES]: { actions: READ },
    sales_order_items: { actions: [...WRITE, 'delete'], scope: 'own' },
    ...grant(CATALOGUE, { actions: READ, custom: ['lowStock'], hidden: COST }),
    ...grant(QUALITY, { actions: READ, custom: ['traceRecipients'] }),
    // A representative confirms with the customer what arrived, and names a pickup's truck.
    shipments: { actions: READ, custom: 'all', scope: 'own' },
    // The gas-station account manager issues fleets' cards, tops them up and records fuellings.
    ...grant(['fuel_cards', 'fuel_card_limits'], { actions: [...WRITE, 'delete'], custom: 'all', scope: 'own' }),
    ...grant(['fuel_card_top_ups', 'fuel_card_transactions'], { actions: READ, custom: 'all', scope: 'own' }),
    // A complaint's batch is traced to the representative's own customers only: those they must call.
    tickets: { actions: [...READ, 'new'], custom: ['overdue', 'traceBatch'], scope: 'own' },
    campaign_members: { actions: READ, custom: 'all', scope: 'own' },
    ...grant(['branches', 'teams'], { actions: READ }),
    users: { actions: READ, custom: ['changeOwnPassword'], scope: 'team' },
    dashboard: { actions: ['show'] },
  },
  service_agent: {
    tickets: { actions: FULL, custom: 'all' },
    customer_feedback: { actions: FULL, custom: 'all' },
    ...grant(['customers', 'contacts', 'sales_orders', 'sales_order_items', 'shipments'], { actions: READ }),
    ...grant(QUALITY, { actions: READ_EXPORT, custom: ['traceRecipients'] }),
    activities: { actions: [...WRITE, 'delete'], custom: 'all', scope: 'own' },
    ...grant(CATALOGUE, { actions: READ, hidden: COST }),
    ...grant(['branches', 'teams'], { actions: READ }),
    users: { actions: READ, custom: ['changeOwnPassword'] },
    dashboard: { actions: ['show'] },
  },
  warehouse_clerk: {
    ...grant(CATALOGUE, { actions: FULL, custom: 'all' }),
    ...grant(QUALITY, { actions: FULL, custom: 'all' }),
    shipments: { actions: READ_EXPORT, custom: 'all' },
    sales_orders: { actions: READ, custom: ['ship', 'deliver'] },
    sales_order_items: { actions: READ },
    customers: { actions: READ },
    activities: { actions: [...WRITE, 'delete'], custom: 'all', scope: 'own' },
    ...grant(['branches', 'teams'], { actions: READ }),
    users: { actions: READ, custom: ['changeOwnPassword'], scope: 'team' },
    dashboard: { actions: ['show'] },
  },
  marketing: {
    ...grant(MARKETING, { actions: FULL, custom: 'all' }),
    // 市场部 sets prices: price lists, their versions and the adjustment notices.
    ...grant(PRICING, { actions: FULL, custom: 'all' }),
    customers: { actions: READ_EXPORT, custom: ['sendEmail'] },
    contacts: { actions: READ_EXPORT },
    ...grant(['product_categories', 'products'], { actions: READ, hidden: COST }),
    activities: { actions: [...WRITE, 'delete'], custom: 'all', scope: 'own' },
    ...grant(['branches', 'teams'], { actions: READ }),
    users: { actions: READ, custom: ['changeOwnPassword'], scope: 'team' },
    dashboard: { actions: ['show'] },
  },
  finance: {
    payments: { actions: READ_EXPORT, custom: 'all' },
    credit_approvals: { actions: READ_EXPORT },
    sales_orders: { actions: READ_EXPORT, custom: ['recordPayment'] },
    sales_order_items: { actions: READ_EXPORT },
    customers: { actions: READ_EXPORT, custom: CREDIT_VIEWS },
    ...grant(PRICING, { actions: READ }),
    activities: { actions: [...WRITE, 'delete'], custom: 'all', scope: 'own' },
    ...grant(['branches', 'teams'], { actions: READ }),
    users: { actions: READ, custom: ['changeOwnPassword'], scope: 'team' },
    dashboard: { actions: ['show'] },
  },
  readonly_manager: {
    ...grant([...CUSTOMER_SIDE, STAGE_PROBABILITIES, ...CATALOGUE, ...QUALITY, ...MARKETING, ...FUEL_CARDS, ...ORGANISATION, ...CREDIT, ...PRICING, 'sales_targets', 'shipments', 'tickets', 'roles', 'audit_logs'], { actions: READ_EXPORT }),
    // Read-only workflow views: lists and reports that change nothing (and their own tasks).
    customers: { actions: READ_EXPORT, custom: ['churnByBranch', 'lifetimeValueByStation', ...CREDIT_VIEWS] },
    payments: { actions: READ_EXPORT, custom: AGING },
    price_adjustment_notices: { actions: READ_EXPORT, custom: ['reachedCustomers'] },
    contracts: { actions: READ_EXPORT, custom: ['liftingProgress', 'liftingOverview'] },
    batches: { actions: READ_EXPORT, custom: ['traceRecipients'] },
    fuel_card_transactions: { actions: READ_EXPORT, custom: ['stationChurn'] },
    activities: { actions: READ_EXPORT, custom: ['myOpenTasks', 'markTaskDone'] },
    stock_levels: { actions: READ_EXPORT, custom: ['lowStock'] },
    tickets: { actions: READ_EXPORT, custom: ['overdue', 'traceBatch'] },
    users: { actions: READ_EXPORT, custom: ['changeOwnPassword'] },
    dashboard: { actions: ['show'] },
  },
};

/** Inserts the default matrix rows that are missing; returns how many it added. */
export async function ensureDefaultPermissions(resources: ResourceActions[], transaction?: Transaction): Promise<number> {
  const roles = await Role.findAll({ transaction });
  const existing = await RolePermission.findAll({ attributes: ['role_id', 'resource'], transaction });
  const taken = new Set(existing.map((row) => `${row.role_id}:${row.resource}`));
  const rows = [];
  for (const role of roles) {
    if (role.code === ADMINISTRATOR) continue;
    for (const resource of [...resources, DASHBOARD_RESOURCE]) {
      if (taken.has(`${role.id}:${resource.id}`)) continue;
      const value = POLICY[role.code]?.[resource.id];
      rows.push({
        role_id: role.id,
        resource: resource.id,
        actions: value ? expand(value, resource) : [],
        scope: value?.scope ?? 'all',
        hidden_fields: (value?.hidden ?? []).filter((field) => resource.fields.includes(field)),
      });
    }
  }
  // Instances starting together (WEB_CONCURRENCY, or behind a load balancer) add the same rows at
  // once: a row another one added first is left as it is, not a unique violation that stops the start.
  await RolePermission.bulkCreate(rows, { transaction, ignoreDuplicates: true });
  return rows.length;
}

function expand(value: Grant, resource: ResourceActions): string[] {
  const workflow = resource.actions.filter((action) => !NOT_WORKFLOW.has(action));
  const chosen = (value.custom === 'all' ? workflow : (value.custom ?? [])).filter((action) => !value.except?.includes(action));
  return resource.actions.filter((action) => value.actions.includes(action) || chosen.includes(action));
}
