import type { DomainDatabase } from '../../support/domain-database.js';
import { AuditLog, EmailMessage } from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { queueCustomerEmail } from '../../../src/domain/marketing/queue-customer-email.js';
import { customerWithContacts, openMarketingDatabase, template } from './marketing-company.js';

const actor: Actor = { id: null, email: 'rep@test' };

describe('sending one customer an e-mail from a template', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openMarketingDatabase();
  });
  afterAll(() => db.close());

  async function expectNothingQueued(attempt: () => Promise<unknown>, code: string, field?: string) {
    const before = { emails: await EmailMessage.count(), audits: await AuditLog.count() };
    await expect(attempt()).rejects.toMatchObject({ code, ...(field ? { field } : {}) });
    expect({ emails: await EmailMessage.count(), audits: await AuditLog.count() }).toEqual(before);
  }

  test('when no contact is chosen, then it goes to the primary contact with an address, filled in, and is audited', async () => {
    const notice = await template('price-notice', '{{customer.name}} 调价通知', '{{contact.name}}{{contact.title}}您好，{{customer.region}}区域 7 月起 92# 汽油每吨上调 150 元。');
    const { customer, contacts } = await customerWithContacts({ name: '南京加油站管理公司' }, [['前台', null, true], ['刘强', 'liu@nj-gas.cn', false]]);
    const at = new Date('2026-06-28T02:00:00Z');
    const message = await queueCustomerEmail(actor, customer.id, { templateId: String(notice.id) }, at);
    expect(message).toMatchObject({
      customer_id: customer.id, contact_id: contacts[1].id, template_id: notice.id, campaign_id: null, to_address: 'liu@nj-gas.cn',
      subject: '南京加油站管理公司 调价通知', body: '刘强采购经理您好，华东区域 7 月起 92# 汽油每吨上调 150 元。', status: 'queued', next_attempt_at: at,
    });
    const audit = await AuditLog.findOne({ where: { resource: 'customers', record_id: String(customer.id), action: 'sendEmail' }, rejectOnEmpty: true });
    expect(audit.changes).toMatchObject({ details: { messageId: message.id, to: 'liu@nj-gas.cn', template: 'price-notice' } });
  });

  test('when a contact is chosen, then it goes to that contact', async () => {
    const hello = await template('hello', '您好', '{{contact.name}}您好');
    const { customer, contacts } = await customerWithContacts({}, [['甲', 'a@x.cn', true], ['乙', 'b@x.cn', false]]);
    expect(await queueCustomerEmail(actor, customer.id, { templateId: hello.id, contactId: contacts[1].id })).toMatchObject({ to_address: 'b@x.cn', body: '乙您好' });
  });

  test('when the template, the contact or an address is missing, or the template asks for campaign fields, then nothing is queued', async () => {
    const hello = await template('hello-2', '您好', '{{contact.name}}您好');
    const off = await template('retired', '旧模板', '…', false);
    const campaignOnly = await template('campaign-only', '{{campaign.name}}', '…');
    const { customer, contacts } = await customerWithContacts({}, [['甲', 'a@y.cn', true], ['没邮箱', null, false]]);
    const { customer: other, contacts: othersContacts } = await customerWithContacts({}, [['丙', 'c@z.cn', true]]);
    const { customer: unreachable } = await customerWithContacts({}, [['丁', null, true]]);

    await expectNothingQueued(() => queueCustomerEmail(actor, customer.id, { templateId: '' }), 'emailTemplateRequired', 'template_id');
    await expectNothingQueued(() => queueCustomerEmail(actor, customer.id, { templateId: off.id }), 'emailTemplateRequired', 'template_id');
    await expectNothingQueued(() => queueCustomerEmail(actor, customer.id, { templateId: hello.id, contactId: othersContacts[0].id }), 'contactOfOtherCustomer', 'contact_id');
    await expectNothingQueued(() => queueCustomerEmail(actor, customer.id, { templateId: hello.id, contactId: contacts[1].id }), 'contactHasNoEmail', 'contact_id');
    await expectNothingQueued(() => queueCustomerEmail(actor, unreachable.id, { templateId: hello.id }), 'customerHasNoEmailContact', 'contact_id');
    await expectNothingQueued(() => queueCustomerEmail(actor, other.id, { templateId: campaignOnly.id }), 'templateUnknownField');
  });
});
