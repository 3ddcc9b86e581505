import type { DomainDatabase } from '../../support/domain-database.js';
import { createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { AuditLog, Campaign, CampaignMember, EmailMessage, type Customer } from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { buildCampaignTargets } from '../../../src/domain/marketing/build-campaign-targets.js';
import { launchCampaign } from '../../../src/domain/marketing/launch-campaign.js';
import { recordCampaignConversion, recordCampaignResponse } from '../../../src/domain/marketing/record-campaign-response.js';
import { campaign, customerWithContacts, openMarketingDatabase, template } from './marketing-company.js';
import { everyRowAs } from '../../support/scopes.js';

const actor: Actor = { id: null, email: 'marketing@test' };
const LAUNCH = new Date('2026-06-15T01:00:00Z');
const SUBJECT = '{{customer.name}}，{{campaign.name}}开始了';
const BODY = '尊敬的{{contact.name}}：\n贵公司（{{customer.code}}）可享受{{campaign.name}}优惠，{{campaign.start_date}} 至 {{campaign.end_date}}。';
const criteria = { target_grade: 'A', target_customer_type: 'distributor', target_region: '华东', target_status: 'active' } as const;
const matching = { grade: 'A', customer_type: 'distributor', region: '华东', status: 'active' } as const;

describe('campaigns: target list, launch, responses', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openMarketingDatabase();
  });
  afterAll(() => db.close());

  /** Everything a refusal must leave alone. */
  async function state(campaignId: number) {
    const found = await Campaign.findByPk(campaignId, { rejectOnEmpty: true });
    const members = await CampaignMember.findAll({ where: { campaign_id: campaignId }, order: [['id', 'ASC']] });
    return {
      campaign: found.get({ plain: true, clone: true }),
      members: members.map((member) => member.get({ plain: true, clone: true })),
      emails: await EmailMessage.count(),
      audits: await AuditLog.count(),
    };
  }

  async function expectRefusal(campaignId: number, attempt: () => Promise<unknown>, code: string) {
    const before = await state(campaignId);
    await expect(attempt()).rejects.toMatchObject({ code });
    expect(await state(campaignId)).toEqual(before);
  }

  test('from criteria to launch: the list holds exactly the matching customers, a second build adds only newcomers, launch mails each reachable one once', async () => {
    const mail = await template('summer', SUBJECT, BODY);
    const summer = await campaign({ ...criteria, email_template_id: mail.id });
    const k1 = await customerWithContacts({ ...matching, name: '苏州塑料贸易' }, [['王建华', 'wang@sz-plastics.cn', true], ['财务', 'fin@sz-plastics.cn', false]]);
    const k2 = await customerWithContacts({ ...matching, name: '无锡化工经销' }, [['前台', null, true], ['李娜', 'li@wx-chem.cn', false]]);
    const k3 = await customerWithContacts({ ...matching, name: '常州石化商行' }, [['赵先生', null, true]]);
    await customerWithContacts({ ...matching, grade: 'B', name: 'B 类客户' }, [['甲', 'a@b.cn', true]]);
    await customerWithContacts({ ...matching, region: '华南', name: '华南客户' }, [['乙', 'b@b.cn', true]]);
    await customerWithContacts({ ...matching, customer_type: 'manufacturer', name: '生产商' }, [['丙', 'c@b.cn', true]]);
    await customerWithContacts({ ...matching, status: 'at_risk', name: '预警客户' }, [['丁', 'd@b.cn', true]]);
    await customerWithContacts({ ...matching, merged_into_id: k1.customer.id, name: '已合并的重复客户' }, [['戊', 'e@b.cn', true]]);

    expect(await buildCampaignTargets(everyRowAs(actor), summer.id)).toEqual({ added: 3, total: 3 });
    const members = await CampaignMember.findAll({ where: { campaign_id: summer.id }, order: [['customer_id', 'ASC']] });
    expect(members.map((member) => [member.customer_id, member.contact_id, member.status])).toEqual([
      [k1.customer.id, k1.contacts[0].id, 'targeted'],
      [k2.customer.id, k2.contacts[0].id, 'targeted'],
      [k3.customer.id, k3.contacts[0].id, 'targeted'],
    ]);

    const k4 = await customerWithContacts({ ...matching, name: '南通油品' }, [['钱芳', 'qian@nt-oil.cn', true]]);
    const k3Member = await CampaignMember.findOne({ where: { campaign_id: summer.id, customer_id: k3.customer.id }, rejectOnEmpty: true });
    await recordCampaignResponse(actor, k3Member.id, { notes: '电话回复' }, LAUNCH);
    expect(await buildCampaignTargets(everyRowAs(actor), summer.id)).toEqual({ added: 1, total: 4 });
    expect(await k3Member.reload()).toMatchObject({ status: 'responded' });

    expect(await launchCampaign(actor, summer.id, LAUNCH)).toEqual({ queued: 3, skipped: 0 });
    const emails = await EmailMessage.findAll({ where: { campaign_id: summer.id }, order: [['to_address', 'ASC']] });
    expect(emails.map((email) => [email.to_address, email.customer_id, email.status, email.attempts])).toEqual([
      ['li@wx-chem.cn', k2.customer.id, 'queued', 0],
      ['qian@nt-oil.cn', k4.customer.id, 'queued', 0],
      ['wang@sz-plastics.cn', k1.customer.id, 'queued', 0],
    ]);
    const toWang = emails[2];
    expect(toWang.subject).toBe('苏州塑料贸易，夏季树脂促销开始了');
    expect(toWang.body).toBe(`尊敬的王建华：\n贵公司（${k1.customer.code}）可享受夏季树脂促销优惠，2026-06-01 至 2026-08-31。`);
    expect(toWang).toMatchObject({ template_id: mail.id, contact_id: k1.contacts[0].id, next_attempt_at: LAUNCH });

    const statusOf = async (customer: Customer) => (await CampaignMember.findOne({ where: { campaign_id: summer.id, customer_id: customer.id }, rejectOnEmpty: true }));
    // Queued, not sent: the member's status follows the e-mail, which has not left the outbox yet.
    expect(await statusOf(k1.customer)).toMatchObject({ status: 'queued', contact_id: k1.contacts[0].id });
    expect(await statusOf(k2.customer)).toMatchObject({ status: 'queued', contact_id: k2.contacts[1].id });
    expect(await statusOf(k3.customer)).toMatchObject({ status: 'responded' });
    expect(await summer.reload()).toMatchObject({ status: 'active', launched_at: LAUNCH });

    // Everyone targeted has been reached: launching again has nobody to mail, and says so.
    await expectRefusal(summer.id, () => launchCampaign(actor, summer.id, LAUNCH), 'campaignHasNoTargets');

    // A customer who matches later is reached by the next launch; nobody is mailed twice.
    await customerWithContacts({ ...matching, name: '扬州新客户' }, [['孙强', 'sun@yz.cn', true]]);
    expect(await buildCampaignTargets(everyRowAs(actor), summer.id)).toEqual({ added: 1, total: 5 });
    expect(await launchCampaign(actor, summer.id, new Date('2026-06-20T01:00:00Z'))).toEqual({ queued: 1, skipped: 0 });
    expect(await EmailMessage.count({ where: { campaign_id: summer.id } })).toBe(4);
    expect(await summer.reload()).toMatchObject({ launched_at: LAUNCH });

    const audit = await AuditLog.findOne({ where: { resource: 'campaigns', record_id: String(summer.id), action: 'launch' }, order: [['id', 'ASC']], rejectOnEmpty: true });
    expect(audit.changes).toMatchObject({ details: { queued: 3, skipped: 0 }, fields: { status: { before: 'planned', after: 'active' } } });
  });

  test('when a campaign has no criteria or is over, then building its list is refused and nothing changes', async () => {
    const blank = await campaign({ name: '空条件活动' });
    await expectRefusal(blank.id, () => buildCampaignTargets(everyRowAs(actor), blank.id), 'campaignNeedsCriteria');
    const done = await campaign({ ...criteria, name: '已结束活动', status: 'completed' });
    await expectRefusal(done.id, () => buildCampaignTargets(everyRowAs(actor), done.id), 'campaignClosed');
    await expect(buildCampaignTargets(everyRowAs(actor), 99999)).rejects.toMatchObject({ code: 'campaignNotFound' });
  });

  test('when the template is missing, inactive or has a field we cannot fill, or the campaign ended or has no list, then launch is refused and nothing changes', async () => {
    await customerWithContacts({ ...matching, customer_type: 'fleet', name: '车队客户' }, [['周队长', 'zhou@fleet.cn', true]]);
    const fleet = { ...criteria, target_customer_type: 'fleet' } as const;

    const noList = await campaign({ ...fleet, name: '没有名单', email_template_id: (await template('t-nolist', SUBJECT, BODY)).id });
    await expectRefusal(noList.id, () => launchCampaign(actor, noList.id, LAUNCH), 'campaignHasNoTargets');

    const withoutTemplate = await campaign({ ...fleet, name: '没有模板' });
    await buildCampaignTargets(everyRowAs(actor), withoutTemplate.id);
    await expectRefusal(withoutTemplate.id, () => launchCampaign(actor, withoutTemplate.id, LAUNCH), 'campaignNeedsTemplate');

    const inactive = await campaign({ ...fleet, name: '停用模板', email_template_id: (await template('t-off', SUBJECT, BODY, false)).id });
    await buildCampaignTargets(everyRowAs(actor), inactive.id);
    await expectRefusal(inactive.id, () => launchCampaign(actor, inactive.id, LAUNCH), 'campaignNeedsTemplate');

    const typo = await campaign({ ...fleet, name: '模板写错', email_template_id: (await template('t-typo', '{{customer.nmae}} 您好', BODY)).id });
    await buildCampaignTargets(everyRowAs(actor), typo.id);
    await expectRefusal(typo.id, () => launchCampaign(actor, typo.id, LAUNCH), 'templateUnknownField');
    await expect(launchCampaign(actor, typo.id, LAUNCH)).rejects.toMatchObject({ params: { field: 'customer.nmae' } });

    const ended = await campaign({ ...fleet, name: '过期活动', end_date: '2026-06-10', email_template_id: (await template('t-ended', SUBJECT, BODY)).id });
    await buildCampaignTargets(everyRowAs(actor), ended.id);
    await expectRefusal(ended.id, () => launchCampaign(actor, ended.id, LAUNCH), 'campaignEnded');

    const cancelled = await campaign({ ...fleet, name: '取消的活动', status: 'cancelled', email_template_id: (await template('t-cancel', SUBJECT, BODY)).id });
    await expectRefusal(cancelled.id, () => launchCampaign(actor, cancelled.id, LAUNCH), 'campaignClosed');
  });

  describe('responses and conversions', () => {
    let member: CampaignMember;
    let customer: Customer;

    beforeAll(async () => {
      const event = await campaign({ ...criteria, target_customer_type: 'trader', name: '客户答谢会', kind: 'event' });
      ({ customer } = await customerWithContacts({ ...matching, customer_type: 'trader', name: '宁波贸易' }, [['陈总', 'chen@nb.cn', true]]));
      await buildCampaignTargets(everyRowAs(actor), event.id);
      member = await CampaignMember.findOne({ where: { campaign_id: event.id, customer_id: customer.id }, rejectOnEmpty: true });
    });

    async function expectMemberUnchanged(attempt: () => Promise<unknown>, code: string, field?: string) {
      const before = (await member.reload()).get({ plain: true, clone: true });
      await expect(attempt()).rejects.toMatchObject({ code, ...(field ? { field } : {}) });
      expect((await member.reload()).get({ plain: true, clone: true })).toEqual(before);
    }

    test('when a targeted customer answers, then the member has responded (event campaigns reach people without e-mail); twice is refused', async () => {
      const at = new Date('2026-06-18T06:00:00Z');
      expect(await recordCampaignResponse(actor, member.id, { notes: '确认参会 2 人' }, at)).toMatchObject({ status: 'responded', responded_at: at, notes: '确认参会 2 人' });
      await expectMemberUnchanged(() => recordCampaignResponse(actor, member.id), 'memberAlreadyResponded');
    });

    test('when the order is another customer\'s or cancelled, then the conversion is refused', async () => {
      const warehouse = await createWarehouse();
      const product = await createProduct();
      const { customer: other } = await customerWithContacts({ ...matching, name: '别人家' }, []);
      const othersOrder = await createOrder(other, warehouse, [{ productId: product.id, quantity: '5.000', unitPrice: '7000.00' }], { status: 'confirmed' });
      const cancelled = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '5.000', unitPrice: '7000.00' }], { status: 'cancelled' });
      await expectMemberUnchanged(() => recordCampaignConversion(actor, member.id, { orderId: othersOrder.id }), 'conversionOrderOtherCustomer', 'order_id');
      await expectMemberUnchanged(() => recordCampaignConversion(actor, member.id, { orderId: cancelled.id }), 'conversionOrderCancelled', 'order_id');
      await expectMemberUnchanged(() => recordCampaignConversion(actor, member.id, { orderId: 'abc' }), 'conversionOrderOtherCustomer', 'order_id');
    });

    test('when the customer orders, then the member is converted with the order; converting again is refused', async () => {
      const order = await createOrder(customer, await createWarehouse(), [{ productId: (await createProduct()).id, quantity: '20.000', unitPrice: '7100.00' }], { status: 'confirmed' });
      const at = new Date('2026-06-25T06:00:00Z');
      const converted = await recordCampaignConversion(actor, member.id, { orderId: String(order.id), notes: '会后下单 20 吨' }, at);
      expect(converted).toMatchObject({ status: 'converted', converted_at: at, order_id: order.id, responded_at: new Date('2026-06-18T06:00:00Z'), notes: '确认参会 2 人\n会后下单 20 吨' });
      await expectMemberUnchanged(() => recordCampaignConversion(actor, member.id), 'memberAlreadyConverted');
      await expectMemberUnchanged(() => recordCampaignResponse(actor, member.id), 'memberAlreadyResponded');
    });
  });
});
