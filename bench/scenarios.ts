import { DEMO_PASSWORD } from '../src/cli/demo/index.js';
import type { HttpRequest } from './load-worker.js';

/** A statement of the raw-SQL side, as node-postgres takes it. */
export interface SqlStatement {
  text: string;
  values?: unknown[];
}

export type Login = 'admin' | 'rep' | 'anonymous';

/**
 * How the raw-SQL side is measured:
 * - statements: what the database must do to answer (a list's SELECT … LIMIT 20 and its COUNT(*)),
 *   run one after the other as the list action runs them;
 * - 'replay': the app's own data statements, captured from one request, run in parallel (the dashboard);
 * - 'replay-write': the same, in one transaction that is rolled back (create, edit, a workflow step).
 */
export type SqlSide = SqlStatement[] | 'replay' | 'replay-write';

export interface Scenario {
  /** Stable name in the JSON results. */
  key: string;
  name: string;
  login: Login;
  /** Request i sends requests[i % length]. */
  requests: HttpRequest[];
  /** Each request must reach a row no earlier request reached (a workflow step runs once per order). */
  unique?: boolean;
  expectStatus?: number;
  sql?: SqlSide;
  /** Compares the app's answer with the first run of `sql`; returns what differs. */
  check?: (body: unknown, results: Array<Array<Record<string, unknown>>>) => string | undefined;
  /** Seconds, not milliseconds, per request: measured with fewer requests. */
  heavy?: boolean;
  /**
   * Another session commits every few milliseconds while it is measured, as a busy company does:
   * no answer kept under a snapshot (src/db/snapshot-memo.ts) is served again, each is computed.
   */
  commitsMeanwhile?: boolean;
}

export interface ScenarioFacts {
  /** The sales representative's row scope on customers, as src/access/row-scopes.ts writes it. */
  repCustomerCondition: string;
  customerId: number;
  /** A customer with many orders, for the reference filter. */
  busyCustomerId: number;
  branchId: number;
  warehouseId: number;
  /** Draft orders to edit, and delivered orders to close: one per request. */
  draftOrderIds: number[];
  deliveredOrderIds: number[];
  nameFragment: string;
  orderStatus: string;
  deepPage: number;
  loginEmail: string;
}

const api = (resource: string, rest: string) => `/admin/api/resources/${resource}/${rest}`;
const get = (path: string): HttpRequest[] => [{ method: 'GET', path }];
const list = (resource: string, query = '') => get(`${api(resource, 'actions/list')}?perPage=20&page=1${query}`);

/** The list action's SQL: CrmResource orders by the sort column, then the key (NULLS LAST only on nullable columns). */
function listSql(table: string, where: string | null, orderBy: string, values: unknown[] = [], offset = 0): SqlStatement[] {
  const condition = where ? ` WHERE ${where}` : '';
  return [
    { text: `SELECT * FROM ${table}${condition} ORDER BY ${orderBy} LIMIT 20 OFFSET ${offset}`, values },
    { text: `SELECT count(*)::int AS count FROM ${table}${condition}`, values },
  ];
}

interface ListBody {
  meta?: { total?: number; totalIsEstimate?: boolean };
  records?: Array<{ id: string }>;
}

function samePage(body: unknown, [page, count]: Array<Array<Record<string, unknown>>>): string | undefined {
  const answer = body as ListBody;
  const appIds = (answer.records ?? []).map((record) => String(record.id)).join(',');
  const sqlIds = page.map((row) => String(row.id)).join(',');
  if (appIds !== sqlIds) return `page ids differ: app ${appIds.slice(0, 80)} / SQL ${sqlIds.slice(0, 80)}`;
  const exact = Number(count[0].count);
  const total = answer.meta?.total ?? Number.NaN;
  // An estimated total is the planner's, within a few percent of the exact one at this size.
  if (answer.meta?.totalIsEstimate ? Math.abs(total - exact) > exact * 0.1 : total !== exact) {
    return `total ${total}${answer.meta?.totalIsEstimate ? ' (estimate)' : ''} in the app, ${exact} in SQL`;
  }
  return undefined;
}

function sameRecord(body: unknown, [rows]: Array<Array<Record<string, unknown>>>): string | undefined {
  const shown = String((body as { record?: { id: unknown } }).record?.id);
  return shown === String(rows[0]?.id) ? undefined : `show returned record ${shown}, SQL ${String(rows[0]?.id)}`;
}

export function benchScenarios(facts: ScenarioFacts): Scenario[] {
  const byUpdate = 'updated_at DESC, id DESC';
  const byOrderDate = 'order_date DESC, id DESC';
  const deepOffset = (facts.deepPage - 1) * 20;
  const fragment = facts.nameFragment;
  return [
    { key: 'healthz', name: 'GET /healthz (express only)', login: 'anonymous', requests: get('/healthz') },
    {
      key: 'customers-p1', name: 'customers, page 1 by last change, with total', login: 'admin',
      requests: list('customers'), sql: listSql('customers', null, byUpdate), check: samePage,
    },
    {
      // A Chinese fragment has no case, so CrmResource sends LIKE (ILIKE for Latin letters).
      key: 'customers-name', name: `customers, name fragment ${fragment}`, login: 'admin',
      requests: list('customers', `&filters.name=${encodeURIComponent(fragment)}`),
      sql: listSql('customers', 'name LIKE $1', byUpdate, [`%${fragment}%`]), check: samePage,
    },
    {
      key: 'customers-rep', name: "a sales rep's own customers", login: 'rep',
      requests: list('customers'), sql: listSql('customers', facts.repCustomerCondition, byUpdate), check: samePage,
    },
    {
      key: 'customer-show', name: "one customer's page (show)", login: 'admin',
      requests: get(api('customers', `records/${facts.customerId}/show`)),
      sql: [{ text: 'SELECT * FROM customers WHERE id = $1', values: [facts.customerId] }], check: sameRecord,
    },
    {
      key: 'orders-p1', name: 'orders, page 1 by date', login: 'admin',
      requests: list('sales_orders', '&sortBy=order_date&direction=desc'), sql: listSql('sales_orders', null, byOrderDate), check: samePage,
    },
    {
      key: 'orders-status', name: `orders with status ${facts.orderStatus}, by date`, login: 'admin',
      requests: list('sales_orders', `&filters.status=${facts.orderStatus}`),
      sql: listSql('sales_orders', 'status = $1', byOrderDate, [facts.orderStatus]), check: samePage,
    },
    {
      key: 'orders-deep', name: `orders, page ${facts.deepPage}`, login: 'admin',
      requests: get(`${api('sales_orders', 'actions/list')}?perPage=20&page=${facts.deepPage}`),
      sql: listSql('sales_orders', null, byOrderDate, [], deepOffset), check: samePage,
    },
    {
      key: 'orders-customer', name: "one customer's orders (reference filter)", login: 'admin',
      requests: list('sales_orders', `&filters.customer_id=${facts.busyCustomerId}`),
      sql: listSql('sales_orders', 'customer_id = $1', byOrderDate, [facts.busyCustomerId]), check: samePage,
    },
    {
      key: 'order-create', name: 'create an order', login: 'admin',
      requests: [{
        method: 'POST', path: api('sales_orders', 'actions/new'),
        form: { customer_id: String(facts.customerId), warehouse_id: String(facts.warehouseId), branch_id: String(facts.branchId), order_date: '2026-03-02', notes: 'bench' },
      }],
      sql: 'replay-write',
    },
    {
      key: 'order-edit', name: 'edit a draft order', login: 'admin', unique: true,
      requests: facts.draftOrderIds.map((id, i) => ({
        method: 'POST' as const, path: api('sales_orders', `records/${id}/edit`), form: { notes: `bench edit ${i}`, delivery_date: '2026-03-20' },
      })),
      sql: 'replay-write',
    },
    {
      key: 'order-close', name: 'workflow: close a delivered order', login: 'admin', unique: true,
      requests: facts.deliveredOrderIds.map((id) => ({ method: 'POST' as const, path: api('sales_orders', `records/${id}/close`), form: {} })),
      sql: 'replay-write',
    },
    {
      key: 'dashboard', name: 'dashboard, 12 months, all branches, data changing', login: 'admin', heavy: true, commitsMeanwhile: true,
      requests: get('/admin/api/dashboard?period=12m'), sql: 'replay',
    },
    {
      key: 'dashboard-branch', name: 'dashboard, 12 months, one branch, data changing', login: 'admin', heavy: true, commitsMeanwhile: true,
      requests: get(`/admin/api/dashboard?period=12m&branch=${facts.branchId}`), sql: 'replay',
    },
    {
      key: 'dashboard-unchanged', name: 'dashboard, 12 months, all branches, no commit meanwhile', login: 'admin',
      requests: get('/admin/api/dashboard?period=12m'), sql: 'replay',
    },
    {
      key: 'login', name: 'login', login: 'anonymous', expectStatus: 302,
      requests: [{ method: 'POST', path: '/admin/login', form: { email: facts.loginEmail, password: DEMO_PASSWORD } }],
      sql: 'replay',
    },
  ];
}
