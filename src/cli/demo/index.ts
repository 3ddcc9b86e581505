import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { Branch } from '../../models/index.js';
import { recomputeCustomerAnalysis } from '../../domain/analysis/recompute-customer-analysis.js';
import { SYSTEM_SCOPE } from '../../access/authorisation/data-scope.js';
import { loadActivities } from './activities.js';
import { loadCatalogue } from './catalogue.js';
import { loadCreditApprovals } from './credit-approvals.js';
import { recomputeLifetimeValues } from '../../domain/analysis/recompute-lifetime-value.js';
import { loadCertificates } from './certificates.js';
import { DemoClock } from './clock.js';
import { loadContractPlans } from './contract-plans.js';
import { generateContracts, loadContracts } from './contracts.js';
import { generateCustomers, loadCustomers } from './customers.js';
import { loadFeedback } from './feedback.js';
import { loadFuelCards } from './fuel-cards.js';
import { loadOrders } from './load-orders.js';
import { loadMarketing, type CustomerStanding } from './marketing.js';
import { generateOpportunities, loadOpportunities } from './opportunities.js';
import { generateOrders } from './orders.js';
import { loadOrganisation } from './organisation.js';
import { loadPayments } from './payments.js';
import { loadPriceLists } from './price-lists.js';
import { DemoRandom } from './random.js';
import { loadSalesTargets } from './sales-targets.js';
import { loadStock } from './stock.js';
import { loadShipments } from './shipments.js';
import { simulateStock } from './stock-simulation.js';
import { generateTickets, loadTickets } from './tickets.js';
import { loadWarehouses } from './warehouses.js';

export { DEMO_PASSWORD, DEMO_USERS } from './organisation.js';

/** Names, codes, quantities and amounts follow from this seed alone; only the dates move with the day of loading. */
const DEMO_SEED = 20_260_601;
/** Credit, prices and targets draw from a sequence of their own, so adding them left everything above unchanged. */
const CREDIT_AND_PRICES_SEED = 20_260_616;
/** Batches' certificates, shipments, lifting plans and fuel cards draw from their own seed, so the rest stays the same row for row. */
const PETROLEUM_SEED = 20_260_616;

/**
 * Loads the demo company in one transaction: all of it or nothing. The head office's code marks a
 * database that has it already, so a second load adds nothing.
 */
export async function loadDemoData(sequelize: Sequelize, now: Date = new Date()): Promise<'loaded' | 'already-loaded'> {
  return sequelize.transaction(async (transaction) => {
    // Two instances starting at once on an empty database must not both load it.
    await sequelize.query('SELECT pg_advisory_xact_lock(7210302)', { transaction });
    if (await Branch.findOne({ where: { code: 'HQ' }, transaction })) return 'already-loaded';
    await loadCompany(sequelize, transaction, new DemoRandom(DEMO_SEED), new DemoClock(now));
    return 'loaded';
  });
}

async function loadCompany(sequelize: Sequelize, transaction: Transaction, random: DemoRandom, clock: DemoClock): Promise<void> {
  const organisation = await loadOrganisation(transaction);
  const user = (email: string) => organisation.userIds[email];
  const products = await loadCatalogue(transaction);
  const warehouses = await loadWarehouses(transaction, organisation);

  const customers = generateCustomers(random, clock, organisation, products);
  await loadCustomers(transaction, random, customers);
  const orders = generateOrders(random, clock, customers, warehouses);
  const opportunities = generateOpportunities(random, clock, customers, orders);
  const contracts = generateContracts(random, clock, customers, orders);
  const ledger = simulateStock(random, clock, products, warehouses, orders);
  await loadOpportunities(transaction, opportunities);
  await loadContracts(transaction, contracts);
  await loadOrders(transaction, clock, orders);
  await loadStock(transaction, ledger, user('warehouse@petrocrm.cn'));

  // Grades, RFM scores and churn come from the orders just loaded, by the same service the panel runs.
  await recomputeCustomerAnalysis({ asOf: clock.now, transaction, scope: SYSTEM_SCOPE });
  const standing = await customerStanding(sequelize, transaction);

  const agents = [user('service@petrocrm.cn'), user('service2@petrocrm.cn')];
  const { tickets, rows } = generateTickets(random, clock, customers, orders, agents);
  await loadTickets(transaction, tickets, rows);
  await loadFeedback(transaction, random, clock, customers, tickets, agents);
  await loadMarketing(transaction, random, clock, customers, standing, orders, user('marketing@petrocrm.cn'));
  await loadActivities(transaction, random, clock, organisation, customers, opportunities, tickets);

  const money = new DemoRandom(CREDIT_AND_PRICES_SEED);
  await loadPayments(transaction, money, clock, customers, orders, user('finance@petrocrm.cn'));
  await loadPriceLists(sequelize, transaction, money, clock, customers, user('marketing@petrocrm.cn'));
  await loadSalesTargets(sequelize, transaction, money, clock);
  await loadCreditApprovals(sequelize, transaction, clock, organisation);

  // The tables were filled inside this transaction, where PostgreSQL has no statistics of them yet:
  // without these, the joins below are planned for empty tables and take seconds instead of moments.
  await sequelize.query('ANALYZE customers, sales_orders, sales_order_items, stock_movements, batches, tickets', { transaction });
  const depth = new DemoRandom(PETROLEUM_SEED);
  await loadCertificates(sequelize, transaction, depth, clock, products);
  await loadShipments(sequelize, transaction, depth, clock, products, user('warehouse@petrocrm.cn'));
  await loadContractPlans(transaction, depth, contracts);
  await loadFuelCards(transaction, depth, clock, organisation, customers, standing, products);
  // Lifetime values follow the churn states the analysis above set.
  await recomputeLifetimeValues({ asOf: clock.now, transaction, scope: SYSTEM_SCOPE });
}

async function customerStanding(sequelize: Sequelize, transaction: Transaction): Promise<Map<number, CustomerStanding>> {
  const rows = await sequelize.query<CustomerStanding & { id: number }>('SELECT id, grade, status FROM customers', { type: QueryTypes.SELECT, transaction });
  return new Map(rows.map(({ id, grade, status }) => [id, { grade, status }]));
}
