import type { DomainDatabase } from '../../support/domain-database.js';
import { AuditLog, CampaignMember, EmailMessage } from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { buildCampaignTargets } from '../../../src/domain/marketing/build-campaign-targets.js';
import { launchCampaign } from '../../../src/domain/marketing/launch-campaign.js';
import { deliverOutbox, retryDelaySeconds } from '../../../src/domain/marketing/deliver-outbox.js';
import { retryEmail } from '../../../src/domain/marketing/retry-email.js';
import type { MailSettings } from '../../../src/domain/marketing/mail-settings.js';
import { campaign, customerWithContacts, openMarketingDatabase, template } from './marketing-company.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';
import { everyRowAs } from '../../support/scopes.js';

const actor: Actor = { id: null, email: 'marketing@test' };
const FROM = 'PetroCRM 营销部 <marketing@petrocrm.test>';
const T0 = new Date('2026-06-15T01:00:00Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('the outbox delivered over SMTP', () => {
  let db: DomainDatabase;
  let smtp: TestSmtpServer;
  let settings: MailSettings;

  beforeAll(async () => {
    db = await openMarketingDatabase();
    smtp = await startTestSmtpServer();
    settings = { smtpUrl: smtp.url, from: FROM, maxAttempts: 3 };
  });
  afterAll(async () => {
    await smtp.close();
    await db.close();
  });
  beforeEach(async () => {
    // Each test starts with an empty outbox and mailbox.
    await EmailMessage.destroy({ where: {} });
    smtp.received.length = 0;
    smtp.reject.clear();
  });

  async function queued(to: string, at = T0): Promise<EmailMessage> {
    return EmailMessage.create({ to_address: to, subject: '测试', body: '正文', next_attempt_at: at });
  }

  test('when a launched campaign is delivered, then the mail server receives each customer\'s e-mail with their names filled in', async () => {
    const summer = await campaign({
      target_region: '西南', name: '川渝沥青季',
      email_template_id: (await template('asphalt', '{{customer.name}}：{{campaign.name}}报价', '{{contact.name}}您好，{{customer.name}}可在 {{campaign.end_date}} 前锁定 70# 沥青价格。')).id,
    });
    const { customer: chengdu } = await customerWithContacts({ region: '西南', name: '成都路桥建设' }, [['何工', 'he@cd-road.cn', true]]);
    const { customer: chongqing } = await customerWithContacts({ region: '西南', name: '重庆城投' }, [['邓经理', 'deng@cq-ct.cn', true]]);
    await buildCampaignTargets(everyRowAs(actor), summer.id);
    await launchCampaign(actor, summer.id, T0);

    const report = await deliverOutbox({ settings, now: later(1), actor });
    expect(report).toEqual({ configured: true, sent: 2, retrying: 0, failed: 0, queued: 0 });
    const byRecipient = Object.fromEntries(smtp.received.map((mail) => [mail.to.join(','), mail]));
    expect(byRecipient['he@cd-road.cn']).toEqual({ from: 'marketing@petrocrm.test', to: ['he@cd-road.cn'], subject: '成都路桥建设：川渝沥青季报价', text: '何工您好，成都路桥建设可在 2026-08-31 前锁定 70# 沥青价格。' });
    expect(byRecipient['deng@cq-ct.cn']).toMatchObject({ subject: '重庆城投：川渝沥青季报价', text: '邓经理您好，重庆城投可在 2026-08-31 前锁定 70# 沥青价格。' });
    const messages = await EmailMessage.findAll({ where: { campaign_id: summer.id } });
    expect(messages.map((message) => [message.customer_id, message.status, message.attempts, message.sent_at, message.last_error]).sort()).toEqual(
      [[chengdu.id, 'sent', 1, later(1), null], [chongqing.id, 'sent', 1, later(1), null]].sort(),
    );
    const audit = await AuditLog.findOne({ where: { action: 'deliverOutbox' }, order: [['id', 'DESC']], rejectOnEmpty: true });
    expect(audit.changes).toMatchObject({ details: { sent: 2, retrying: 0, failed: 0 } });

    // Sent messages are not sent again.
    expect(await deliverOutbox({ settings, now: later(3600), actor })).toEqual({ configured: true, sent: 0, retrying: 0, failed: 0, queued: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  test('when the server asks to try later, then attempts count up, the error is kept, the next attempt waits longer each time, and after the last attempt the message fails', async () => {
    const busy = await queued('busy@customer.cn');
    const fine = await queued('fine@customer.cn');
    smtp.reject.set('busy@customer.cn', 450);

    expect(await deliverOutbox({ settings, now: T0 })).toMatchObject({ sent: 1, retrying: 1, failed: 0, queued: 1 });
    await busy.reload();
    expect(busy).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: later(retryDelaySeconds(1)) });
    expect(busy.last_error).toMatch(/450/);
    expect(await fine.reload()).toMatchObject({ status: 'sent', attempts: 1 });

    // Not due yet: nothing is tried.
    expect(await deliverOutbox({ settings, now: later(30) })).toMatchObject({ sent: 0, retrying: 0, failed: 0, queued: 1 });
    expect(await busy.reload()).toMatchObject({ attempts: 1 });

    const second = later(retryDelaySeconds(1));
    expect(await deliverOutbox({ settings, now: second })).toMatchObject({ retrying: 1 });
    expect(await busy.reload()).toMatchObject({ status: 'queued', attempts: 2, next_attempt_at: new Date(second.getTime() + retryDelaySeconds(2) * 1000) });
    expect(retryDelaySeconds(2)).toBe(2 * retryDelaySeconds(1));

    expect(await deliverOutbox({ settings, now: later(3600) })).toMatchObject({ retrying: 0, failed: 1, queued: 0 });
    await busy.reload();
    expect(busy).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
    expect(busy.last_error).toMatch(/450/);
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(['fine@customer.cn']);
  });

  test('when the server rejects a mailbox for good (550), then the message fails at once', async () => {
    const gone = await queued('left-the-company@customer.cn');
    smtp.reject.set('left-the-company@customer.cn', 550);
    expect(await deliverOutbox({ settings, now: T0 })).toMatchObject({ sent: 0, retrying: 0, failed: 1 });
    await gone.reload();
    expect(gone).toMatchObject({ status: 'failed', attempts: 1 });
    expect(gone.last_error).toMatch(/550/);
  });

  test('when the mail server is gone, then the message is retried later with the connection error recorded', async () => {
    const message = await queued('anyone@customer.cn');
    const closed = await startTestSmtpServer();
    await closed.close();
    const report = await deliverOutbox({ settings: { ...settings, smtpUrl: closed.url }, now: T0 });
    expect(report).toMatchObject({ sent: 0, retrying: 1, failed: 0, queued: 1 });
    await message.reload();
    expect(message).toMatchObject({ status: 'queued', attempts: 1, next_attempt_at: later(retryDelaySeconds(1)) });
    expect(message.last_error).toMatch(/ECONNREFUSED|connect/i);
  });

  test('when no SMTP server is configured, then nothing is tried and every message stays queued', async () => {
    const message = await queued('waiting@customer.cn');
    const audits = await AuditLog.count();
    expect(await deliverOutbox({ settings: { from: FROM, maxAttempts: 3 }, now: later(60) })).toEqual({ configured: false, sent: 0, retrying: 0, failed: 0, queued: 1 });
    expect(await message.reload()).toMatchObject({ status: 'queued', attempts: 0, last_error: null, next_attempt_at: T0 });
    expect(await AuditLog.count()).toBe(audits);
  });

  test('when a failed message is queued again, then it is sent on the next run; a message that did not fail cannot be', async () => {
    const message = await queued('back@customer.cn');
    await message.update({ status: 'failed', attempts: 3, last_error: '550 Mailbox unavailable' });
    const now = later(10);
    expect(await retryEmail(actor, message.id, now)).toMatchObject({ status: 'queued', attempts: 0, next_attempt_at: now });
    await expect(retryEmail(actor, message.id)).rejects.toMatchObject({ code: 'emailNotFailed' });
    expect(await deliverOutbox({ settings, now })).toMatchObject({ sent: 1 });
    expect(await message.reload()).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  test('when a member\'s e-mail fails, then the member is failed, not sent; retried and delivered, it is sent', async () => {
    const autumn = await campaign({ target_region: '西北', name: '西北润滑油秋季', email_template_id: (await template('lube', '秋季润滑油', '{{contact.name}}您好')).id });
    const { customer: lanzhou } = await customerWithContacts({ region: '西北', name: '兰州机械' }, [['马工', 'ma@lz-jx.cn', true]]);
    const { customer: xian } = await customerWithContacts({ region: '西北', name: '西安重工' }, [['杜经理', 'du@xa-zg.cn', true]]);
    await buildCampaignTargets(everyRowAs(actor), autumn.id);
    await launchCampaign(actor, autumn.id, T0);
    const statusOf = async (customerId: number) => (await CampaignMember.findOne({ where: { campaign_id: autumn.id, customer_id: customerId }, rejectOnEmpty: true })).status;
    expect([await statusOf(lanzhou.id), await statusOf(xian.id)]).toEqual(['queued', 'queued']);

    smtp.reject.set('ma@lz-jx.cn', 550);
    await deliverOutbox({ settings, now: later(1), actor });
    expect([await statusOf(lanzhou.id), await statusOf(xian.id)]).toEqual(['failed', 'sent']);

    smtp.reject.clear();
    const bounced = await EmailMessage.findOne({ where: { campaign_id: autumn.id, customer_id: lanzhou.id }, rejectOnEmpty: true });
    await retryEmail(actor, bounced.id, later(2));
    expect(await statusOf(lanzhou.id)).toBe('queued');
    await deliverOutbox({ settings, now: later(3), actor });
    expect(await statusOf(lanzhou.id)).toBe('sent');
  });
});
