import type request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser } from '../support/fixtures.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import {
  AuditLog, Campaign, CampaignMember, Contact, Customer, EmailMessage, EmailTemplate, StockMovement, Ticket,
} from '../../src/models/index.js';
import { SLA_HOURS } from '../../src/domain/service/ticket-sla.js';
import { startTestSmtpServer, type TestSmtpServer } from '../domain/marketing/smtp-test-server.js';

const HOUR = 3600 * 1000;

/** POST a workflow form, as the panel does. */
function post(agent: request.Agent, path: string, form: Record<string, string> = {}) {
  return agent.post(`/admin/api/resources/${path}`).type('form').send(form);
}

describe('service, analysis and marketing actions over the AdminJS API', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let admin: request.Agent;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    admin = await loginAs(origin(running.url), 'admin@petrocrm.cn');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  describe('tickets', () => {
    let ticketId: number;

    test('when a ticket is created in the panel, then its SLA due time follows its priority; raising the priority moves it', async () => {
      const customer = await createCustomer({ name: '宁波塑料制品厂' });
      const created = await post(admin, 'tickets/actions/new', { subject: '包装袋破损', kind: 'after_sales', priority: 'high', customer_id: String(customer.id), branch_id: String(customer.branch_id) });
      expect(created.body.notice).toMatchObject({ type: 'success' });
      ticketId = Number(created.body.record.id);
      const ticket = await Ticket.findByPk(ticketId, { rejectOnEmpty: true });
      expect(ticket.sla_due_at).toEqual(new Date(ticket.created_at.getTime() + SLA_HOURS.high * HOUR));
      expect(new Date(created.body.record.params.sla_due_at)).toEqual(ticket.sla_due_at);

      const edited = await post(admin, `tickets/records/${ticketId}/edit`, { priority: 'urgent' });
      expect(edited.body.notice).toMatchObject({ type: 'success' });
      expect((await ticket.reload()).sla_due_at).toEqual(new Date(ticket.created_at.getTime() + SLA_HOURS.urgent * HOUR));
    });

    test('the workflow runs from assign to reopen; a GET never changes anything; a refusal says why and changes nothing', async () => {
      const agent = await demoUser('service2@petrocrm.cn');
      const path = (action: string) => `tickets/records/${ticketId}/${action}`;

      const opened = await admin.get(`/admin/api/resources/${path('assign')}`);
      expect(opened.status).toBe(200);
      expect(opened.body.record.params.status).toBe('new');
      expect(opened.body.notice).toBeUndefined();

      const assigned = await post(admin, path('assign'), { assignee_id: String(agent.id) });
      expect(assigned.body.notice).toEqual({ message: 'ticketAssigned', type: 'success', options: { ticketNo: expect.stringMatching(/^TK/), assignee: agent.name } });
      expect(assigned.body.record.params).toMatchObject({ status: 'assigned', assignee_id: agent.id });
      expect(assigned.body.redirectUrl).toBe(`/admin/resources/tickets/records/${ticketId}/show`);

      expect((await post(admin, path('start'))).body.notice).toMatchObject({ message: 'ticketStarted', type: 'success' });

      const before = (await Ticket.findByPk(ticketId, { rejectOnEmpty: true })).get({ plain: true, clone: true });
      const refused = await post(admin, path('escalate'), { escalated_to: 'production_plant', escalation_note: '  ' });
      expect(refused.body.notice).toEqual({ message: 'ticketEscalationNoteRequired', type: 'error', options: {} });
      expect(refused.body.record.errors).toEqual({ escalation_note: { message: 'ticketEscalationNoteRequired' } });
      expect((await Ticket.findByPk(ticketId, { rejectOnEmpty: true })).get({ plain: true, clone: true })).toEqual(before);

      const escalated = await post(admin, path('escalate'), { escalated_to: 'research_institute', escalation_note: '请研究院分析破损原因' });
      expect(escalated.body.notice).toMatchObject({ message: 'ticketEscalated_research_institute', type: 'success' });
      expect((await post(admin, path('close'), { satisfaction: '5' })).body.notice).toMatchObject({ message: 'ticketCloseRefused', type: 'error' });
      expect((await post(admin, path('resolve'), { resolution: '更换包装供应商，补发 2 吨' })).body.notice).toMatchObject({ message: 'ticketResolved' });
      const closed = await post(admin, path('close'), { satisfaction: '4', feedback: '处理及时' });
      expect(closed.body.notice).toMatchObject({ message: 'ticketClosed', options: { satisfaction: 4 } });
      expect(await Ticket.findByPk(ticketId)).toMatchObject({ status: 'closed', satisfaction: 4, feedback: '处理及时', escalated_to: 'research_institute' });
      expect((await post(admin, path('reopen'), { reason: '客户又发现破损' })).body.notice).toMatchObject({ message: 'ticketReopened' });
      expect(await Ticket.findByPk(ticketId)).toMatchObject({ status: 'in_progress', satisfaction: null });

      const audited = await AuditLog.findAll({ where: { resource: 'tickets', record_id: String(ticketId) }, order: [['id', 'ASC']] });
      expect(audited.map((row) => row.action)).toEqual(expect.arrayContaining(['assign', 'start', 'escalate', 'resolve', 'close', 'reopen']));
      expect(audited.find((row) => row.action === 'assign')!.user_email).toBe('admin@petrocrm.cn');
    });

    test('a service agent may work tickets too', async () => {
      const customer = await createCustomer();
      const ticket = await Ticket.create({ subject: '咨询交货期', kind: 'consultation', customer_id: customer.id, branch_id: customer.branch_id });
      const service = await loginAs(origin(running.url), 'service@petrocrm.cn');
      const me = await demoUser('service@petrocrm.cn');
      const assigned = await post(service, `tickets/records/${ticket.id}/assign`, { assignee_id: String(me.id) });
      expect(assigned.body.notice).toMatchObject({ message: 'ticketAssigned', type: 'success' });
    });

    test('the overdue action opens the ticket list filtered to open tickets past their SLA', async () => {
      const customer = await createCustomer();
      const late = await Ticket.create({ subject: '逾期未处理的投诉', kind: 'complaint', customer_id: customer.id, branch_id: customer.branch_id, sla_due_at: new Date(Date.now() - 5 * HOUR) });
      const done = await Ticket.create({ subject: '逾期但已解决', kind: 'complaint', status: 'resolved', resolution: '已解决', customer_id: customer.id, branch_id: customer.branch_id, sla_due_at: new Date(Date.now() - 5 * HOUR) });
      const onTime = await Ticket.create({ subject: '未到期', kind: 'complaint', customer_id: customer.id, branch_id: customer.branch_id, sla_due_at: new Date(Date.now() + 5 * HOUR) });

      const overdue = await admin.get('/admin/api/resources/tickets/actions/overdue');
      const url = new URL(overdue.body.redirectUrl, 'http://panel');
      expect(url.pathname).toBe('/admin/resources/tickets');
      const list = await admin.get(`/admin/api/resources/tickets/actions/list?${url.searchParams.toString()}&filters.customer_id=${customer.id}`);
      expect(list.body.records.map((record: { id: string }) => Number(record.id))).toEqual([late.id]);
      expect([done.id, onTime.id]).not.toContain(Number(list.body.records[0].id));
    });

    test('the batch trace of a quality complaint shows the batch and lists the customers who received it', async () => {
      const product = await createProduct();
      const warehouse = await createWarehouse();
      const buyer = await createCustomer({ name: '嘉兴化纤' });
      const order = await createOrder(buyer, warehouse, [{ productId: product.id, quantity: '10.000', unitPrice: '8000.00' }], { status: 'shipped' });
      await StockMovement.create({ product_id: product.id, warehouse_id: warehouse.id, kind: 'receipt', quantity: '30.000', batch_no: 'HTTP-B1' });
      await StockMovement.create({ product_id: product.id, warehouse_id: warehouse.id, kind: 'shipment', quantity: '-10.000', batch_no: 'HTTP-B1', order_id: order.id });
      const ticket = await Ticket.create({ subject: '熔指偏高', kind: 'quality_complaint', customer_id: buyer.id, branch_id: buyer.branch_id, product_id: product.id, batch_no: 'HTTP-B1', order_id: order.id });

      const traced = await admin.get(`/admin/api/resources/tickets/records/${ticket.id}/traceBatch`);
      expect(traced.body.trace.batch).toMatchObject({ batch_no: 'HTTP-B1', product_id: product.id, quality_status: 'pending', lines: [] });
      expect(traced.body.trace.recipients).toEqual([expect.objectContaining({ customer_id: buyer.id, customer_name: '嘉兴化纤', order_nos: [order.order_no], quantity: '10.000' })]);
    });
  });

  describe('customers', () => {
    test('recomputing the analysis reports the counts and analyses every customer', async () => {
      const customer = await createCustomer({ status: 'prospect' });
      const recomputed = await post(admin, 'customers/actions/recomputeAnalysis');
      expect(recomputed.body.notice).toMatchObject({ message: 'analysisRecomputed', type: 'success' });
      const { options } = recomputed.body.notice;
      expect(options.A + options.B + options.C).toBe(options.analysed);
      expect(options.prospect + options.active + options.at_risk + options.churned).toBe(options.analysed);
      expect(await customer.reload()).toMatchObject({ status: 'prospect', grade: 'C', revenue_12m: '0.00' });
      expect(customer.analysed_at).not.toBeNull();

      const churn = await admin.get('/admin/api/resources/customers/actions/churnByBranch');
      expect(churn.body.table.rows.map((row: { branch_code: string }) => row.branch_code)).toEqual(expect.arrayContaining(['EC', 'GS-NJ01']));
    });

    test('merging a duplicate moves its rows; merging a customer into itself is refused', async () => {
      const survivor = await createCustomer({ name: '浙江石化贸易' });
      const duplicate = await createCustomer({ name: '浙江石化贸易有限公司' });
      await Contact.create({ customer_id: duplicate.id, name: '郑经理', email: 'zheng@zj.cn', is_primary: true });
      const merged = await post(admin, `customers/records/${survivor.id}/mergeDuplicate`, { duplicate_id: String(duplicate.id) });
      expect(merged.body.notice).toMatchObject({ message: 'customersMerged', type: 'success', options: { contacts: 1, duplicate: `${duplicate.code} 浙江石化贸易有限公司` } });
      expect(await Contact.count({ where: { customer_id: survivor.id } })).toBe(1);
      expect(await duplicate.reload()).toMatchObject({ merged_into_id: survivor.id, status: 'churned' });

      const refused = await post(admin, `customers/records/${survivor.id}/mergeDuplicate`, { duplicate_id: String(survivor.id) });
      expect(refused.body.notice).toMatchObject({ message: 'mergeSameCustomer', type: 'error' });
      expect(refused.body.record.errors).toEqual({ duplicate_id: { message: 'mergeSameCustomer' } });
    });

    test('sending a customer an e-mail queues it for the primary contact; without a template it is refused', async () => {
      const customer = await createCustomer({ name: '绍兴纺织' });
      await Contact.create({ customer_id: customer.id, name: '钱主任', email: 'qian@sx.cn', is_primary: true });
      const greeting = await EmailTemplate.create({ code: `http-${customer.id}`, name: '问候', subject: '{{customer.name}} 您好', body: '{{contact.name}}您好' });
      const sent = await post(admin, `customers/records/${customer.id}/sendEmail`, { template_id: String(greeting.id) });
      expect(sent.body.notice).toEqual({ message: 'customerEmailQueued', type: 'success', options: { to: 'qian@sx.cn' } });
      expect(await EmailMessage.findOne({ where: { customer_id: customer.id } })).toMatchObject({ subject: '绍兴纺织 您好', body: '钱主任您好', status: 'queued' });

      const refused = await post(admin, `customers/records/${customer.id}/sendEmail`, {});
      expect(refused.body.notice).toMatchObject({ message: 'emailTemplateRequired', type: 'error' });
      expect(await EmailMessage.count({ where: { customer_id: customer.id } })).toBe(1);
    });
  });

  describe('campaigns and the outbox', () => {
    let campaign: Campaign;
    let customer: Customer;

    test('building the list and launching queue the e-mail; responses and conversions are recorded on the member', async () => {
      const mail = await EmailTemplate.create({ code: 'http-campaign', name: '东北推广', subject: '{{customer.name}}：{{campaign.name}}', body: '{{contact.name}}您好' });
      campaign = await Campaign.create({
        name: '东北柴油冬储', kind: 'email', start_date: '2026-01-01', end_date: '2099-12-31', target_region: '东北', target_customer_type: 'end_user', target_grade: 'B', email_template_id: mail.id,
      });
      customer = await createCustomer({ name: '哈尔滨热电', region: '东北', customer_type: 'end_user', grade: 'B' });
      await Contact.create({ customer_id: customer.id, name: '孟工', email: 'meng@hrb.cn', is_primary: true });

      const built = await post(admin, `campaigns/records/${campaign.id}/buildTargets`);
      expect(built.body.notice).toMatchObject({ message: 'campaignTargetsBuilt', type: 'success' });
      expect(built.body.notice.options.added).toBeGreaterThanOrEqual(1);
      const launched = await post(admin, `campaigns/records/${campaign.id}/launch`);
      expect(launched.body.notice).toMatchObject({ message: 'campaignLaunched', type: 'success' });
      expect(await EmailMessage.findOne({ where: { campaign_id: campaign.id, customer_id: customer.id } })).toMatchObject({ to_address: 'meng@hrb.cn', subject: '哈尔滨热电：东北柴油冬储', status: 'queued' });
      expect(await campaign.reload()).toMatchObject({ status: 'active' });

      const member = await CampaignMember.findOne({ where: { campaign_id: campaign.id, customer_id: customer.id }, rejectOnEmpty: true });
      // Queued until the outbox delivers it: the member's status follows the e-mail.
      expect(member.status).toBe('queued');
      expect((await post(admin, `campaign_members/records/${member.id}/recordResponse`, { notes: '来电咨询' })).body.notice).toEqual({ message: 'responseRecorded', type: 'success', options: { customer: '哈尔滨热电' } });
      const otherOrder = await createOrder(await createCustomer(), await createWarehouse(), [], {});
      const refused = await post(admin, `campaign_members/records/${member.id}/recordConversion`, { order_id: String(otherOrder.id) });
      expect(refused.body.notice).toMatchObject({ message: 'conversionOrderOtherCustomer', type: 'error' });
      expect(await member.reload()).toMatchObject({ status: 'responded', order_id: null });
      expect((await post(admin, `campaign_members/records/${member.id}/recordConversion`, {})).body.notice).toMatchObject({ message: 'conversionRecorded', type: 'success' });
      expect(await member.reload()).toMatchObject({ status: 'converted' });
    });

    test('with no SMTP server configured, sending says so and the messages stay queued', async () => {
      const response = await post(admin, 'email_messages/actions/sendNow');
      expect(response.body.notice).toMatchObject({ message: 'outboxNotConfigured', type: 'success' });
      expect(response.body.notice.options.queued).toBeGreaterThanOrEqual(1);
      expect(await EmailMessage.findOne({ where: { campaign_id: campaign.id } })).toMatchObject({ status: 'queued', attempts: 0 });
    });

    describe('with SMTP_URL set', () => {
      let smtp: TestSmtpServer;
      let withMail: RunningPetroCrm;

      beforeAll(async () => {
        smtp = await startTestSmtpServer();
        withMail = await startTestApp(database.url, { SMTP_URL: smtp.url, MAIL_FROM: 'PetroCRM <crm@petrocrm.test>' });
      });
      afterAll(async () => {
        await withMail.stop();
        await smtp.close();
      });

      test('sending delivers the campaign e-mail to the server; a failed one can be queued again', async () => {
        const marketing = await loginAs(origin(withMail.url), 'admin@petrocrm.cn');
        const response = await post(marketing, 'email_messages/actions/sendNow');
        expect(response.body.notice).toMatchObject({ message: 'outboxDelivered', type: 'success' });
        expect(response.body.notice.options.sent).toBeGreaterThanOrEqual(1);
        expect(smtp.received).toContainEqual({ from: 'crm@petrocrm.test', to: ['meng@hrb.cn'], subject: '哈尔滨热电：东北柴油冬储', text: '孟工您好' });
        const message = await EmailMessage.findOne({ where: { campaign_id: campaign.id }, rejectOnEmpty: true });
        expect(message).toMatchObject({ status: 'sent', attempts: 1 });

        expect((await post(marketing, `email_messages/records/${message.id}/retry`)).body.notice).toMatchObject({ message: 'emailNotFailed', type: 'error' });
        await message.update({ status: 'failed', last_error: '550 Mailbox unavailable' });
        expect((await post(marketing, `email_messages/records/${message.id}/retry`)).body.notice).toMatchObject({ message: 'emailRequeued', type: 'success' });
        expect(await message.reload()).toMatchObject({ status: 'queued', attempts: 0 });
      });
    });
  });
});
