/** A statement of the raw-SQL side, as node-postgres takes it. */
export interface SqlStatement {
  text: string;
  values?: unknown[];
}

export type Login = 'admin' | 'rep' | 'anonymous';

export interface Scenario {
  name: string;
  login: Login;
  /** Path and query on the app's origin. */
  path: string;
  requests: number;
  /**
   * What the database must do to answer, run straight through pg: the page's SELECT … LIMIT 20 and
   * the COUNT(*) of a list, run one after the other as the list action does. 'replay': the app's own
   * data statements, captured from one request and run in parallel as the app runs them.
   */
  sql?: SqlStatement[] | 'replay';
  /** Compares the app's answer with the first run of `sql`; returns what differs. */
  check?: (body: unknown, results: Array<Array<Record<string, unknown>>>) => string | undefined;
  /** Also measured with several connections at once. */
  concurrent?: boolean;
}

export interface ScenarioFacts {
  /** The sales representative's row scope on customers, as src/access/row-scopes.ts writes it. */
  repCustomerCondition: string;
  customerId: number;
  nameFragment: string;
  orderStatus: string;
  requests: number;
}

const PAGE = 'perPage=20&page=1';
const api = (resource: string, rest: string) => `/admin/api/resources/${resource}/${rest}`;

/** The list action's SQL: CrmResource orders by the sort column, then the key (NULLS LAST only on nullable columns). */
function listSql(table: string, where: string | null, orderBy: string, values: unknown[] = []): SqlStatement[] {
  const condition = where ? ` WHERE ${where}` : '';
  return [
    { text: `SELECT * FROM ${table}${condition} ORDER BY ${orderBy} LIMIT 20 OFFSET 0`, values },
    { text: `SELECT count(*)::int AS count FROM ${table}${condition}`, values },
  ];
}

interface ListBody {
  meta?: { total?: number };
  records?: Array<{ id: string }>;
}

function samePage(body: unknown, [page, count]: Array<Array<Record<string, unknown>>>): string | undefined {
  const list = body as ListBody;
  const appIds = (list.records ?? []).map((record) => String(record.id)).join(',');
  const sqlIds = page.map((row) => String(row.id)).join(',');
  if (list.meta?.total !== count[0].count) return `total ${list.meta?.total} in the app, ${String(count[0].count)} in SQL`;
  if (appIds !== sqlIds) return `page ids differ: app ${appIds.slice(0, 80)} / SQL ${sqlIds.slice(0, 80)}`;
  return undefined;
}

function sameRecord(body: unknown, [rows]: Array<Array<Record<string, unknown>>>): string | undefined {
  const shown = String((body as { record?: { id: unknown } }).record?.id);
  return shown === String(rows[0]?.id) ? undefined : `show returned record ${shown}, SQL ${String(rows[0]?.id)}`;
}

export function benchScenarios(facts: ScenarioFacts): Scenario[] {
  const n = facts.requests;
  const byUpdate = 'updated_at DESC, id DESC';
  const byOrderDate = 'order_date DESC, id DESC';
  return [
    { name: 'GET /healthz (express only)', login: 'anonymous', path: '/healthz', requests: n },
    {
      name: 'roles list (tiny table: fixed cost)',
      login: 'admin',
      path: `${api('roles', 'actions/list')}?${PAGE}`,
      requests: n,
      sql: listSql('roles', null, 'code ASC, id ASC'),
      check: samePage,
    },
    {
      name: 'customers list p1 (admin)',
      login: 'admin',
      path: `${api('customers', 'actions/list')}?${PAGE}`,
      requests: n,
      sql: listSql('customers', null, byUpdate),
      check: samePage,
      concurrent: true,
    },
    {
      // A Chinese fragment has no case, so CrmResource sends LIKE (ILIKE for Latin letters).
      name: `customers name LIKE '%${facts.nameFragment}%'`,
      login: 'admin',
      path: `${api('customers', 'actions/list')}?${PAGE}&filters.name=${encodeURIComponent(facts.nameFragment)}`,
      requests: n,
      sql: listSql('customers', 'name LIKE $1', byUpdate, [`%${facts.nameFragment}%`]),
      check: samePage,
    },
    {
      name: 'customers list p1 (rep, own rows)',
      login: 'rep',
      path: `${api('customers', 'actions/list')}?${PAGE}`,
      requests: n,
      sql: listSql('customers', facts.repCustomerCondition, byUpdate),
      check: samePage,
      concurrent: true,
    },
    {
      name: 'customer show (admin)',
      login: 'admin',
      path: api('customers', `records/${facts.customerId}/show`),
      requests: n,
      sql: [{ text: 'SELECT * FROM customers WHERE id = $1', values: [facts.customerId] }],
      check: sameRecord,
      concurrent: true,
    },
    {
      name: 'orders by order_date desc',
      login: 'admin',
      path: `${api('sales_orders', 'actions/list')}?${PAGE}&sortBy=order_date&direction=desc`,
      requests: n,
      sql: listSql('sales_orders', null, byOrderDate),
      check: samePage,
    },
    {
      name: `orders status=${facts.orderStatus} (+count)`,
      login: 'admin',
      path: `${api('sales_orders', 'actions/list')}?${PAGE}&filters.status=${facts.orderStatus}`,
      requests: n,
      sql: listSql('sales_orders', 'status = $1', byOrderDate, [facts.orderStatus]),
      check: samePage,
    },
    { name: 'dashboard, 12 months (admin)', login: 'admin', path: '/admin/api/dashboard', requests: Math.max(5, Math.round(n / 5)), sql: 'replay' },
  ];
}

/** The app's statement against one that gives the same rows faster: raw SQL only, evidence for a change. */
export interface WhatIf {
  name: string;
  current: SqlStatement;
  alternative: SqlStatement;
  /** Runs before the pair is measured (e.g. creates the index the alternative needs); `undo` reverts it. */
  setup?: string;
  undo?: string;
}

export function benchWhatIfs(): WhatIf[] {
  return [
    {
      name: 'orders total: count(*) → planner estimate',
      current: { text: 'SELECT count(*) FROM sales_orders' },
      alternative: { text: "SELECT reltuples::bigint FROM pg_class WHERE oid = 'sales_orders'::regclass" },
    },
  ];
}
