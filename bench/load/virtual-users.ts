import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';

/**
 * Employees of the demo company, each in a loop of what they do in the panel: mostly reads (lists
 * with filters and sort, records, searches, the dashboard), some writes (a call logged, a contact
 * added, a customer's notes edited), on the rows their role reaches. No pause between requests:
 * each user keeps one request in flight all the time, the hardest way to be 50 users.
 */

type Write = 'activity' | 'contact' | 'notes';

const ACCOUNTS: Array<{ email: string; writes: Write[] }> = [
  { email: 'admin@petrocrm.cn', writes: ['activity', 'contact', 'notes'] },
  { email: 'manager.ec@petrocrm.cn', writes: ['activity', 'contact', 'notes'] },
  { email: 'manager.sc@petrocrm.cn', writes: ['activity', 'contact', 'notes'] },
  { email: 'rep.zhang@petrocrm.cn', writes: ['activity', 'contact', 'notes'] },
  { email: 'rep.liu@petrocrm.cn', writes: ['activity', 'contact', 'notes'] },
  { email: 'rep.huang@petrocrm.cn', writes: ['activity', 'contact', 'notes'] },
  { email: 'rep.zhao@petrocrm.cn', writes: ['activity', 'contact', 'notes'] },
  { email: 'service@petrocrm.cn', writes: ['activity'] },
  { email: 'service2@petrocrm.cn', writes: ['activity'] },
];

const FRAGMENTS = ['石化', '鑫', '加油站', '物流', '塑料', '上海', '化工'];
const ORDER_STATUSES = ['draft', 'confirmed', 'shipped', 'delivered', 'closed'];

export interface ActionStats {
  latenciesMs: number[];
  /** By status; '200 refused' is a form AdminJS answered 200 with an error notice (nothing written). */
  statuses: Map<string, number>;
}

export interface UserStats {
  actions: Map<string, ActionStats>;
  /** The first answers of 500 or more, as they came. */
  serverErrors: string[];
  /** Requests that got no answer at all (connection refused or reset). */
  transportErrors: number;
  elapsedMs: number;
}

interface Session {
  cookie: string;
  customerIds: number[];
  writes: Write[];
}

export async function runVirtualUsers(origin: string, count: number, durationMs: number): Promise<UserStats> {
  const stats: UserStats = { actions: new Map(), serverErrors: [], transportErrors: 0, elapsedMs: 0 };
  // One after the other: the login limit counts a login from the moment it arrives, so fifty at
  // once from one address would be refused as a guessing attack.
  const sessions: Session[] = [];
  for (let index = 0; index < count; index++) sessions.push(await openSession(origin, ACCOUNTS[index % ACCOUNTS.length]));
  const started = Date.now();
  const deadline = started + durationMs;
  await Promise.all(
    sessions.map(async (session, user) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const action = pickAction(session);
        const began = performance.now();
        try {
          const response = await fetch(`${origin}${action.path}`, {
            method: action.body ? 'POST' : 'GET',
            headers: { Cookie: session.cookie, ...(action.body ? { 'Content-Type': 'application/json' } : {}) },
            body: action.body ? JSON.stringify(action.body(user, n)) : undefined,
          });
          const text = await response.text();
          const refused = action.body !== undefined && response.status === 200 && text.includes('"type":"error"');
          record(stats, action.name, refused ? '200 refused' : String(response.status), performance.now() - began);
          if (response.status >= 500 && stats.serverErrors.length < 10) stats.serverErrors.push(`${action.name} ${response.status} ${text.slice(0, 200)}`);
        } catch {
          stats.transportErrors++;
        }
      }
    }),
  );
  stats.elapsedMs = Date.now() - started;
  return stats;
}

async function openSession(origin: string, account: { email: string; writes: Write[] }): Promise<Session> {
  const login = await fetch(`${origin}/admin/login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: account.email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 302) throw new Error(`login as ${account.email} answered ${login.status}`);
  const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const list = await fetch(`${origin}/admin/api/resources/customers/actions/list?perPage=100`, { headers: { Cookie: cookie } });
  const body = (await list.json()) as { records: Array<{ id: string }> };
  return { cookie, customerIds: body.records.map((record) => Number(record.id)), writes: account.writes };
}

interface Action {
  name: string;
  path: string;
  body?: (user: number, n: number) => Record<string, string>;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const api = (rest: string) => `/admin/api/resources/${rest}`;

/** One of the day's actions, by how often employees do it (in hundredths). */
function pickAction(session: Session): Action {
  const customer = () => pick(session.customerIds);
  const reads: Array<[number, () => Action]> = [
    [20, () => ({ name: 'customer list', path: api(`customers/actions/list?page=${1 + Math.floor(Math.random() * 5)}&perPage=20&sortBy=${pick(['name', 'updated_at'])}&direction=desc`) })],
    [8, () => ({ name: 'customer filter', path: api(`customers/actions/list?filters.status=active&filters.grade=${pick(['A', 'B', 'C'])}`) })],
    [15, () => ({ name: 'customer record', path: api(`customers/records/${customer()}/show`) })],
    [12, () => ({ name: 'order list', path: api(`sales_orders/actions/list?filters.status=${pick(ORDER_STATUSES)}&sortBy=order_date&direction=desc`) })],
    [5, () => ({ name: 'orders of a quarter', path: api('sales_orders/actions/list?filters.order_date~~from=2026-07-01&filters.order_date~~to=2026-09-30') })],
    [8, () => ({ name: 'customer search', path: api(`customers/actions/search/${encodeURIComponent(pick(FRAGMENTS))}`) })],
    [5, () => ({ name: 'ticket list', path: api('tickets/actions/list?sortBy=created_at&direction=desc') })],
    [5, () => ({ name: 'product list', path: api('products/actions/list') })],
    [4, () => ({ name: 'dashboard', path: `/admin/api/dashboard?period=${pick(['month', '3m', '12m'])}` })],
  ];
  const writes: Record<Write, [number, () => Action]> = {
    activity: [10, () => ({ name: 'log a call', path: api('activities/actions/new'), body: (user, n) => ({ kind: 'call', subject: `负载测试电话 ${user}-${n}`, customer_id: String(customer()) }) })],
    contact: [4, () => ({ name: 'add a contact', path: api('contacts/actions/new'), body: (user, n) => ({ customer_id: String(customer()), name: `联系人 ${user}-${n}` }) })],
    notes: [4, () => ({ name: 'edit notes', path: api(`customers/records/${customer()}/edit`), body: (user, n) => ({ notes: `负载测试备注 ${user}-${n}` }) })],
  };
  const choices = [...reads, ...session.writes.map((write) => writes[write])];
  let roll = Math.random() * choices.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, make] of choices) {
    roll -= weight;
    if (roll < 0) return make();
  }
  return choices[0][1]();
}

function record(stats: UserStats, name: string, status: string, latencyMs: number): void {
  let action = stats.actions.get(name);
  if (!action) stats.actions.set(name, (action = { latenciesMs: [], statuses: new Map() }));
  action.latenciesMs.push(latencyMs);
  action.statuses.set(status, (action.statuses.get(status) ?? 0) + 1);
}
