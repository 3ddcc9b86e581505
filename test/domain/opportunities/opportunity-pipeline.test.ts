import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createProduct, createWarehouse, demoBranch, setStock } from '../../support/fixtures.js';
import { advanceOpportunityStage } from '../../../src/domain/opportunities/advance-opportunity-stage.js';
import { markOpportunityWon } from '../../../src/domain/opportunities/mark-opportunity-won.js';
import { markOpportunityLost } from '../../../src/domain/opportunities/mark-opportunity-lost.js';
import { Opportunity, OpportunityStageProbability, SalesOrderItem, type Customer, type Product } from '../../../src/models/index.js';
import { exactOrderLines } from '../../../src/domain/opportunities/exact-order-lines.js';
import { DemoRandom } from '../../../src/cli/demo/random.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';

describe('the opportunity pipeline', () => {
  let db: DomainDatabase;
  let rep: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    rep = await actorFor('rep.zhang@petrocrm.cn');
  });
  afterAll(() => db.close());

  function opportunityFor(customer: Customer, product: Product | null, overrides: Partial<Opportunity['_creationAttributes']> = {}): Promise<Opportunity> {
    return Opportunity.create({
      title: `年度框架采购 ${customer.name}`, customer_id: customer.id, product_id: product?.id ?? null, quantity: '120.000', amount: '1020000.00', probability: 10,
      expected_close: null, owner_id: rep.id, branch_id: customer.branch_id, lost_reason: null, closed_at: null, notes: null, ...overrides,
    });
  }

  test('when advanced, then it moves one stage at a time with the stage probability, until negotiation', async () => {
    const opportunity = await opportunityFor(await createCustomer(), null);
    const steps: Array<[string, number]> = [];
    for (let i = 0; i < 3; i += 1) {
      const { opportunity: moved } = await advanceOpportunityStage(opportunity.id, rep);
      steps.push([moved.stage, moved.probability]);
    }
    expect(steps).toEqual([['qualified', 25], ['proposal', 50], ['negotiation', 75]]);
    expect(translate('zh-CN', 'opportunityAdvancedToNegotiation', { probability: 75 })).toBe('已推进到「商务谈判」阶段, 赢单概率 75%');
    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => advanceOpportunityStage(opportunity.id, rep), 'opportunityAtLastStage');
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe(`「${opportunity.title}」已在商务谈判阶段: 请标记赢单或输单`);
    expect((await auditOf('opportunities', opportunity.id)).map((row) => row.changes.fields)).toEqual([
      { stage: { before: 'lead', after: 'qualified' }, probability: { before: 10, after: 25 } },
      { stage: { before: 'qualified', after: 'proposal' }, probability: { before: 25, after: 50 } },
      { stage: { before: 'proposal', after: 'negotiation' }, probability: { before: 50, after: 75 } },
    ]);
  });

  test('when won, then a draft order for the customer is created with its product and quantity, priced to its amount, from the branch warehouse that has the stock', async () => {
    const branch = await demoBranch('SC');
    const customer = await createCustomer({ branch_id: branch.id });
    const product = await createProduct({ name: 'PP T30S' });
    const elsewhere = await createWarehouse({ name: '别处大库' });
    const branchEmpty = await createWarehouse({ branch_id: branch.id, name: '华南空库' });
    const branchStocked = await createWarehouse({ branch_id: branch.id, name: '华南中转库' });
    await setStock(product.id, elsewhere.id, '500.000');
    await setStock(product.id, branchStocked.id, '150.000');
    const opportunity = await opportunityFor(customer, product, { stage: 'negotiation', probability: 75 });

    const won = await markOpportunityWon(opportunity.id, rep);

    expect([won.opportunity.stage, won.opportunity.probability]).toEqual(['won', 100]);
    expect(won.opportunity.closed_at).toBeInstanceOf(Date);
    expect(won.warehouse.id).toBe(branchStocked.id);
    expect(won.warehouse.id).not.toBe(branchEmpty.id);
    expect(won.order).toMatchObject({
      status: 'draft', customer_id: customer.id, opportunity_id: opportunity.id, warehouse_id: branchStocked.id,
      branch_id: branch.id, owner_id: rep.id, total_amount: '1020000.00',
    });
    expect(won.order.order_no).toMatch(/^SO\d{8}$/);
    const lines = await SalesOrderItem.findAll({ where: { order_id: won.order.id } });
    expect(lines.map((line) => [line.product_id, line.quantity, line.unit_price, line.amount])).toEqual([[product.id, '120.000', '8500.00', '1020000.00']]);
    expect(translate('zh-CN', 'opportunityWon', { order: won.order.order_no, product: 'PP T30S', quantity: '120.000', unit: 't', warehouse: '华南中转库' })).toBe(
      `已赢单, 生成草稿订单 ${won.order.order_no}: 「PP T30S」120.000 t, 发货仓库 华南中转库`,
    );
    expect((await auditOf('opportunities', opportunity.id)).at(-1)).toMatchObject({
      action: 'markOpportunityWon', changes: { fields: { stage: { before: 'negotiation', after: 'won' } }, details: { order_no: won.order.order_no } },
    });
    expect(await auditOf('sales_orders', won.order.id)).toEqual([expect.objectContaining({ action: 'markOpportunityWon', changes: expect.objectContaining({ after: expect.objectContaining({ status: 'draft' }) }) })]);
    await expectRefusedWithoutChanges(db.sequelize, () => markOpportunityWon(opportunity.id, rep), 'opportunityClosed');
    await expectRefusedWithoutChanges(db.sequelize, () => markOpportunityLost(opportunity.id, '价格', rep), 'opportunityClosed');
  });

  test('when won with no agreed amount, then the line takes the list price', async () => {
    const product = await createProduct({ list_price: '7600.00' });
    await createWarehouse();
    const opportunity = await opportunityFor(await createCustomer(), product, { amount: '0', quantity: '3.000' });
    const { order } = await markOpportunityWon(opportunity.id, rep);
    expect(order.total_amount).toBe('22800.00');
  });

  test('when the product or quantity is missing, then winning is refused and no order appears', async () => {
    const customer = await createCustomer();
    const noProduct = await opportunityFor(customer, null);
    await expectRefusedWithoutChanges(db.sequelize, () => markOpportunityWon(noProduct.id, rep), 'opportunityNeedsProduct', { opportunity: noProduct.title }, 'product_id');
    const noQuantity = await opportunityFor(customer, await createProduct(), { quantity: null });
    await expectRefusedWithoutChanges(db.sequelize, () => markOpportunityWon(noQuantity.id, rep), 'opportunityNeedsQuantity', undefined, 'quantity');
    await expectRefusedWithoutChanges(db.sequelize, () => markOpportunityWon(31337, rep), 'opportunityNotFound', { id: 31337 });
  });

  test('when lost, then the reason is required and kept, and the probability drops to zero', async () => {
    const opportunity = await opportunityFor(await createCustomer(), null, { stage: 'proposal', probability: 50 });
    await expectRefusedWithoutChanges(db.sequelize, () => markOpportunityLost(opportunity.id, '', rep), 'fieldRequired', {}, 'lost_reason');
    const lost = await markOpportunityLost(opportunity.id, '竞争对手报价低 3%', rep);
    expect([lost.stage, lost.probability, lost.lost_reason]).toEqual(['lost', 0, '竞争对手报价低 3%']);
    expect(lost.closed_at).toBeInstanceOf(Date);
    expect((await auditOf('opportunities', opportunity.id)).at(-1)).toMatchObject({ action: 'markOpportunityLost', changes: { details: { reason: '竞争对手报价低 3%' } } });
    await expectRefusedWithoutChanges(db.sequelize, () => advanceOpportunityStage(opportunity.id, rep), 'opportunityClosed');
  });

  test('when won at 256 000.00 for 30 t, then the order totals 256 000.00 exactly: 20 t at 8533.33 and 10 t at 8533.34', async () => {
    const product = await createProduct();
    await createWarehouse();
    const opportunity = await opportunityFor(await createCustomer(), product, { amount: '256000.00', quantity: '30.000' });
    const { order } = await markOpportunityWon(opportunity.id, rep);
    expect(order.total_amount).toBe('256000.00');
    const lines = await SalesOrderItem.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']] });
    expect(lines.map((line) => [line.quantity, line.unit_price, line.amount])).toEqual([['20.000', '8533.33', '170666.60'], ['10.000', '8533.34', '85333.40']]);
  });

  test('when amounts and quantities are drawn at random (seeded), then the lines always sum to the amount as PostgreSQL rounds each line', () => {
    const seed = 20260712;
    const random = new DemoRandom(seed);
    for (let draw = 0; draw < 2000; draw += 1) {
      const fen = BigInt(random.int(100, 5_000_000_000));
      const milli = BigInt(random.int(1, 500_000_000));
      const amount = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
      const quantity = `${milli / 1000n}.${String(milli % 1000n).padStart(3, '0')}`;
      const lines = exactOrderLines(amount, quantity);
      if (!lines) continue;
      const total = lines.reduce((sum, line) => {
        const lineMilli = BigInt(line.quantity.replace('.', ''));
        const priceFen = BigInt(line.unitPrice.replace('.', ''));
        return sum + (lineMilli * priceFen * 2n + 1000n) / 2000n;
      }, 0n);
      expect({ seed, draw, amount, quantity, total: String(total) }).toEqual({ seed, draw, amount, quantity, total: String(fen) });
      expect(lines.reduce((sum, line) => sum + BigInt(line.quantity.replace('.', '')), 0n)).toBe(milli);
    }
  });

  test('when an administrator changes the probability of a stage, then every opportunity in that stage follows; won stays 100 and lost 0', async () => {
    const customer = await createCustomer();
    const [proposal, won] = [await opportunityFor(customer, null, { stage: 'proposal' }), await opportunityFor(customer, null, { stage: 'won', probability: 3 })];
    expect([(await proposal.reload()).probability, (await won.reload()).probability]).toEqual([50, 100]);
    const stage = await OpportunityStageProbability.findOne({ where: { stage: 'proposal' }, rejectOnEmpty: true });
    await stage.update({ probability: 60 });
    expect((await proposal.reload()).probability).toBe(60);
    // Typed in anyway, by any path, it is the stage's again.
    await Opportunity.update({ probability: 99 }, { where: { id: proposal.id } });
    expect((await proposal.reload()).probability).toBe(60);
    const fixed = await OpportunityStageProbability.findOne({ where: { stage: 'won' }, rejectOnEmpty: true });
    await expect(fixed.update({ probability: 90 })).rejects.toThrow(/check/i);
    await stage.update({ probability: 50 });
  });
});
