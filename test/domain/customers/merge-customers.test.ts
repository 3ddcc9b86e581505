import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createWarehouse, demoUser } from '../../support/fixtures.js';
import {
  Activity, AuditLog, Campaign, CampaignMember, Contact, Contract, Customer, CustomerFeedback, EmailMessage, Opportunity, Ticket,
} from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { CUSTOMER_CHILD_TABLES, mergeCustomers } from '../../../src/domain/customers/merge-customers.js';
import { everyRowAs } from '../../support/scopes.js';
import { creditCodeCheckCharacter } from '../../../src/domain/customers/credit-code.js';

type Table = (typeof CUSTOMER_CHILD_TABLES)[number];

describe('merging a duplicate customer into the survivor', () => {
  let db: DomainDatabase;
  let actor: Actor;

  beforeAll(async () => {
    db = await openDomainDatabase();
    const admin = await demoUser('admin@petrocrm.cn');
    actor = { id: admin.id, email: admin.email };
  });
  afterAll(() => db.close());

  const creditCode = () => {
    const first17 = `91320100${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    return first17 + creditCodeCheckCharacter(first17);
  };

  async function campaign(name: string): Promise<Campaign> {
    return Campaign.create({ name, kind: 'email', start_date: '2026-06-01', end_date: '2026-12-31' });
  }

  /** A customer with one or more rows in every table that belongs to a customer. */
  async function customerWithHistory(name: string, values: Partial<Customer['_creationAttributes']>, campaigns: Array<[Campaign, CampaignMember['status']]>) {
    const customer = await createCustomer({ name, ...values });
    const base = { customer_id: customer.id };
    const contact = await Contact.create({ ...base, name: `${name}联系人`, email: 'buyer@example.cn', is_primary: true });
    await Contact.create({ ...base, name: `${name}财务`, is_primary: false });
    await Opportunity.create({ ...base, title: `${name} 年度框架`, probability: 10, branch_id: customer.branch_id });
    await Contract.create({ ...base, title: `${name} 合同`, start_date: '2026-01-01', end_date: '2026-12-31', branch_id: customer.branch_id });
    const order = await createOrder(customer, await createWarehouse(), [], {});
    await Ticket.create({ ...base, subject: `${name} 咨询`, kind: 'consultation', branch_id: customer.branch_id, order_id: order.id });
    await Activity.create({ ...base, kind: 'call', subject: `${name} 回访`, contact_id: contact.id });
    await CustomerFeedback.create({ ...base, channel: 'phone', category: 'delivery', content: '到货晚了一天' });
    for (const [joined, status] of campaigns) {
      await CampaignMember.create({ ...base, campaign_id: joined.id, contact_id: contact.id, status, responded_at: status === 'responded' ? new Date('2026-06-10T02:00:00Z') : null });
      await EmailMessage.create({ ...base, campaign_id: joined.id, contact_id: contact.id, to_address: 'buyer@example.cn', subject: '夏季促销', body: '…' });
    }
    return customer;
  }

  async function countsOf(customerId: number): Promise<Record<Table, number>> {
    const counts = {} as Record<Table, number>;
    for (const table of CUSTOMER_CHILD_TABLES) {
      const [{ n }] = await db.sequelize.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, { bind: [customerId], type: QueryTypes.SELECT });
      counts[table] = n;
    }
    return counts;
  }

  async function totals(): Promise<Record<string, number>> {
    const totals: Record<string, number> = {};
    for (const table of [...CUSTOMER_CHILD_TABLES, 'customers', 'audit_logs']) {
      const [{ n }] = await db.sequelize.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`, { type: QueryTypes.SELECT });
      totals[table] = n;
    }
    return totals;
  }

  test('when a duplicate is merged, then every row it had belongs to the survivor, nothing is lost, and it points at the survivor', async () => {
    const shared = await campaign('夏季促销');
    const onlyDuplicate = await campaign('润滑油体验');
    const survivor = await customerWithHistory('江苏恒力化纤', { phone: null, credit_code: null }, [[shared, 'sent']]);
    const code = creditCode();
    const duplicate = await customerWithHistory('江苏恒力化纤股份', { phone: '0512-63250000', credit_code: code, notes: '展会录入' }, [[shared, 'responded'], [onlyDuplicate, 'targeted']]);
    const earlier = await createCustomer({ name: '恒力化纤（旧）', merged_into_id: duplicate.id, status: 'churned' });

    const survivorBefore = await countsOf(survivor.id);
    const duplicateBefore = await countsOf(duplicate.id);
    const totalsBefore = await totals();

    const moved = await mergeCustomers(everyRowAs(actor), { survivorId: survivor.id, duplicateId: String(duplicate.id) });

    // Every table: the survivor has both sets; the one campaign both were in keeps one membership.
    const survivorAfter = await countsOf(survivor.id);
    for (const table of CUSTOMER_CHILD_TABLES) {
      const folded = table === 'campaign_members' ? 1 : 0;
      expect({ table, rows: survivorAfter[table] }).toEqual({ table, rows: survivorBefore[table] + duplicateBefore[table] - folded });
    }
    expect(Object.values(await countsOf(duplicate.id)).every((rows) => rows === 0)).toBe(true);
    expect(await totals()).toEqual({ ...totalsBefore, campaign_members: totalsBefore.campaign_members - 1, audit_logs: totalsBefore.audit_logs + 2 });
    expect(moved).toMatchObject({ contacts: 2, sales_orders: 1, tickets: 1, activities: 1, customer_feedback: 1, campaign_members: 1, campaign_members_folded: 1, email_messages: 2, earlier_duplicates: 1 });

    // The membership that got further (responded) is the one kept.
    expect(await CampaignMember.findOne({ where: { campaign_id: shared.id, customer_id: survivor.id }, rejectOnEmpty: true })).toMatchObject({
      status: 'responded', responded_at: new Date('2026-06-10T02:00:00Z'),
    });
    // The survivor's primary contact stays the only primary one.
    const primaries = await Contact.findAll({ where: { customer_id: survivor.id, is_primary: true } });
    expect(primaries.map((contact) => contact.name)).toEqual(['江苏恒力化纤联系人']);

    expect(await duplicate.reload()).toMatchObject({ merged_into_id: survivor.id, status: 'churned', credit_code: null, notes: `展会录入\n已合并到 ${survivor.code} 江苏恒力化纤` });
    expect(await survivor.reload()).toMatchObject({ phone: '0512-63250000', credit_code: code, merged_into_id: null });
    expect(await earlier.reload()).toMatchObject({ merged_into_id: survivor.id });

    const audit = await AuditLog.findOne({ where: { resource: 'customers', record_id: String(survivor.id), action: 'merge' }, rejectOnEmpty: true });
    expect(audit.user_email).toBe('admin@petrocrm.cn');
    expect(audit.changes).toMatchObject({ details: { duplicateId: duplicate.id, moved: { contacts: 2 } }, fields: { phone: { before: null, after: '0512-63250000' } } });
  });

  test('when the merge is refused (itself, already merged, merged survivor, none chosen, unknown), then nothing changes', async () => {
    const survivor = await customerWithHistory('山东京博石化', {}, []);
    const duplicate = await customerWithHistory('京博石化', {}, []);
    const elsewhere = await createCustomer({ name: '已合并客户', merged_into_id: survivor.id, status: 'churned' });
    const mergedSurvivor = await createCustomer({ name: '已合并的保留方', merged_into_id: duplicate.id, status: 'churned' });
    const before = { totals: await totals(), survivor: await countsOf(survivor.id), duplicate: await countsOf(duplicate.id) };

    const refusals: Array<[Parameters<typeof mergeCustomers>[1], string]> = [
      [{ survivorId: survivor.id, duplicateId: survivor.id }, 'mergeSameCustomer'],
      [{ survivorId: duplicate.id, duplicateId: elsewhere.id }, 'customerAlreadyMerged'],
      [{ survivorId: mergedSurvivor.id, duplicateId: survivor.id }, 'mergeIntoMergedCustomer'],
      [{ survivorId: survivor.id, duplicateId: '' }, 'mergeDuplicateRequired'],
      [{ survivorId: survivor.id, duplicateId: 99999999 }, 'mergeDuplicateRequired'],
    ];
    for (const [input, code] of refusals) await expect(mergeCustomers(everyRowAs(actor), input)).rejects.toMatchObject({ code });

    expect({ totals: await totals(), survivor: await countsOf(survivor.id), duplicate: await countsOf(duplicate.id) }).toEqual(before);
    expect(await duplicate.reload()).toMatchObject({ merged_into_id: null });
  });

  test('every table that refers to a customer by customer_id is one the merge moves', async () => {
    const referring = await db.sequelize.query<{ table_name: string }>(
      `SELECT DISTINCT c.conrelid::regclass::text AS table_name
         FROM pg_constraint c
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'f' AND c.confrelid = 'customers'::regclass AND c.conrelid <> 'customers'::regclass AND a.attname = 'customer_id'`,
      { type: QueryTypes.SELECT },
    );
    expect(referring.map((row) => row.table_name).sort()).toEqual([...CUSTOMER_CHILD_TABLES].sort());
  });
});
