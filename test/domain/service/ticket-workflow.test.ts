import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, demoUser } from '../../support/fixtures.js';
import { AuditLog, Ticket } from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';
import { assignTicket } from '../../../src/domain/service/assign-ticket.js';
import { startTicket } from '../../../src/domain/service/start-ticket.js';
import { escalateTicket } from '../../../src/domain/service/escalate-ticket.js';
import { resolveTicket } from '../../../src/domain/service/resolve-ticket.js';
import { closeTicket } from '../../../src/domain/service/close-ticket.js';
import { reopenTicket } from '../../../src/domain/service/reopen-ticket.js';
import { applyTicketSla } from '../../../src/domain/service/apply-ticket-sla.js';
import { SLA_HOURS } from '../../../src/domain/service/ticket-sla.js';
import type { TicketStatus } from '../../../src/domain/service/change-ticket.js';

const HOUR = 3600 * 1000;

describe('the service ticket workflow', () => {
  let db: DomainDatabase;
  let actor: Actor;
  let agentId: number;

  beforeAll(async () => {
    db = await openDomainDatabase();
    const service = await demoUser('service@petrocrm.cn');
    actor = { id: service.id, email: service.email };
    agentId = (await demoUser('service2@petrocrm.cn')).id;
  });
  afterAll(() => db.close());

  async function newTicket(overrides: Partial<Ticket['_creationAttributes']> = {}): Promise<Ticket> {
    const customer = await createCustomer();
    return Ticket.create({ subject: '聚丙烯拉丝断头', kind: 'complaint', customer_id: customer.id, branch_id: customer.branch_id, ...overrides });
  }

  async function ticketIn(status: TicketStatus, overrides: Partial<Ticket['_creationAttributes']> = {}): Promise<Ticket> {
    const extra: Partial<Ticket['_creationAttributes']> = ({
      new: {},
      assigned: { assignee_id: agentId },
      in_progress: { assignee_id: agentId },
      escalated: { assignee_id: agentId, escalated_to: 'production_plant', escalation_note: '查批次' },
      resolved: { assignee_id: agentId, resolution: '已更换', resolved_at: new Date() },
      closed: { assignee_id: agentId, resolution: '已更换', resolved_at: new Date(), closed_at: new Date(), satisfaction: 4 },
    } satisfies Record<TicketStatus, Partial<Ticket['_creationAttributes']>>)[status];
    return newTicket({ status, ...extra, ...overrides });
  }

  /** The ticket row and the audit rows about it, to show a refusal changed nothing. */
  async function snapshot(ticket: Ticket) {
    const row = (await Ticket.findByPk(ticket.id, { rejectOnEmpty: true })).get({ plain: true });
    const audits = await AuditLog.count({ where: { resource: 'tickets', record_id: String(ticket.id) } });
    return { row, audits };
  }

  async function expectRefusal(ticket: Ticket, attempt: () => Promise<unknown>, code: string, field?: string) {
    const before = await snapshot(ticket);
    const refusal = await attempt().then(() => undefined, (error: unknown) => error);
    expect(refusal).toBeInstanceOf(BusinessRuleError);
    expect(refusal).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(await snapshot(ticket)).toEqual(before);
  }

  test('when a new ticket is assigned to a service agent, then it is assigned to them and the step is audited', async () => {
    const ticket = await ticketIn('new');
    const assigned = await assignTicket(actor, ticket.id, { assigneeId: String(agentId) });
    expect(assigned).toMatchObject({ status: 'assigned', assignee_id: agentId });
    const audit = await AuditLog.findOne({ where: { resource: 'tickets', record_id: String(ticket.id), action: 'assign' }, rejectOnEmpty: true });
    expect(audit.user_email).toBe('service@petrocrm.cn');
    expect(audit.changes).toMatchObject({ fields: { status: { before: 'new', after: 'assigned' }, assignee_id: { before: null, after: agentId } } });
  });

  test('when an escalated ticket changes hands, then it stays escalated', async () => {
    const ticket = await ticketIn('escalated');
    const other = (await demoUser('service@petrocrm.cn')).id;
    expect(await assignTicket(actor, ticket.id, { assigneeId: other })).toMatchObject({ status: 'escalated', assignee_id: other });
  });

  test('when the assignee is missing, not a service agent, or the ticket is closed, then assigning is refused and nothing changes', async () => {
    const ticket = await ticketIn('new');
    const rep = await demoUser('rep.zhang@petrocrm.cn');
    await expectRefusal(ticket, () => assignTicket(actor, ticket.id, { assigneeId: '' }), 'ticketAssigneeRequired', 'assignee_id');
    await expectRefusal(ticket, () => assignTicket(actor, ticket.id, { assigneeId: rep.id }), 'ticketAssigneeNotAgent', 'assignee_id');
    await expectRefusal(ticket, () => assignTicket(actor, ticket.id, { assigneeId: 999999 }), 'ticketAssigneeNotAgent', 'assignee_id');
    const closed = await ticketIn('closed');
    await expectRefusal(closed, () => assignTicket(actor, closed.id, { assigneeId: agentId }), 'ticketAssignRefused');
  });

  test('when an assigned ticket is started, then it is in progress; a new one cannot be started', async () => {
    const ticket = await ticketIn('assigned');
    expect(await startTicket(actor, ticket.id)).toMatchObject({ status: 'in_progress' });
    const fresh = await ticketIn('new');
    await expectRefusal(fresh, () => startTicket(actor, fresh.id), 'ticketStartRefused');
    await expectRefusal(ticket, () => startTicket(actor, ticket.id), 'ticketStartRefused');
  });

  test('when two agents start the same ticket at once, then one starts it and the other is told it is no longer assigned', async () => {
    const ticket = await ticketIn('assigned');
    const outcomes = await Promise.allSettled([startTicket(actor, ticket.id), startTicket(actor, ticket.id)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')!;
    expect(rejected.reason).toMatchObject({ code: 'ticketStartRefused' });
    expect(await AuditLog.count({ where: { resource: 'tickets', record_id: String(ticket.id), action: 'start' } })).toBe(1);
  });

  test('when a ticket in progress is escalated to the production plant with a note, then both are kept', async () => {
    const ticket = await ticketIn('in_progress');
    const escalated = await escalateTicket(actor, ticket.id, { escalatedTo: 'production_plant', note: '  请化验 B2605 批熔指  ' });
    expect(escalated).toMatchObject({ status: 'escalated', escalated_to: 'production_plant', escalation_note: '请化验 B2605 批熔指' });
  });

  test('when the escalation target or note is missing, or the ticket is not being worked, then escalating is refused', async () => {
    const ticket = await ticketIn('in_progress');
    await expectRefusal(ticket, () => escalateTicket(actor, ticket.id, { escalatedTo: 'headquarters', note: '看看' }), 'ticketEscalationTargetRequired', 'escalated_to');
    await expectRefusal(ticket, () => escalateTicket(actor, ticket.id, { escalatedTo: 'research_institute', note: '   ' }), 'ticketEscalationNoteRequired', 'escalation_note');
    const fresh = await ticketIn('new');
    await expectRefusal(fresh, () => escalateTicket(actor, fresh.id, { escalatedTo: 'research_institute', note: '看看' }), 'ticketEscalateRefused');
    const escalated = await ticketIn('escalated');
    await expectRefusal(escalated, () => escalateTicket(actor, escalated.id, { escalatedTo: 'research_institute', note: '再看看' }), 'ticketEscalateRefused');
  });

  test('when an escalated ticket is resolved with a resolution, then it is resolved with the time', async () => {
    const ticket = await ticketIn('escalated');
    const at = new Date('2026-05-04T09:30:00Z');
    expect(await resolveTicket(actor, ticket.id, { resolution: '厂方确认批次合格，调整客户挤出温度' }, at)).toMatchObject({
      status: 'resolved', resolution: '厂方确认批次合格，调整客户挤出温度', resolved_at: at,
    });
  });

  test('when the resolution is blank or the ticket is new, then resolving is refused', async () => {
    const ticket = await ticketIn('in_progress');
    await expectRefusal(ticket, () => resolveTicket(actor, ticket.id, { resolution: ' ' }), 'resolutionRequired', 'resolution');
    await expectRefusal(ticket, () => resolveTicket(actor, ticket.id, {}  as { resolution: unknown }), 'resolutionRequired', 'resolution');
    const fresh = await ticketIn('new');
    await expectRefusal(fresh, () => resolveTicket(actor, fresh.id, { resolution: '已处理' }), 'ticketResolveRefused');
  });

  test('when a resolved ticket is closed with a rating and feedback, then they are kept', async () => {
    const ticket = await ticketIn('resolved');
    expect(await closeTicket(actor, ticket.id, { satisfaction: '4', feedback: '响应及时' })).toMatchObject({ status: 'closed', satisfaction: 4, feedback: '响应及时' });
    const another = await ticketIn('resolved');
    expect(await closeTicket(actor, another.id, { satisfaction: 5 })).toMatchObject({ status: 'closed', satisfaction: 5, feedback: null });
  });

  test('when the rating is not 1–5 or the ticket is not resolved, then closing is refused', async () => {
    const ticket = await ticketIn('resolved');
    for (const satisfaction of ['6', '0', '3.5', 'abc', '', undefined]) {
      await expectRefusal(ticket, () => closeTicket(actor, ticket.id, { satisfaction }), 'satisfactionOutOfRange', 'satisfaction');
    }
    const working = await ticketIn('in_progress');
    await expectRefusal(working, () => closeTicket(actor, working.id, { satisfaction: '5' }), 'ticketCloseRefused');
  });

  test('when a closed ticket is reopened, then it goes back to its agent with a fresh SLA and without the old resolution', async () => {
    const ticket = await ticketIn('closed', { priority: 'high' });
    const now = new Date('2026-06-01T08:00:00Z');
    const reopened = await reopenTicket(actor, ticket.id, { reason: '客户再次投诉' }, now);
    expect(reopened).toMatchObject({ status: 'in_progress', resolution: null, resolved_at: null, closed_at: null, satisfaction: null, feedback: null });
    expect(reopened.sla_due_at).toEqual(new Date(now.getTime() + SLA_HOURS.high * HOUR));
    const audit = await AuditLog.findOne({ where: { resource: 'tickets', record_id: String(ticket.id), action: 'reopen' }, rejectOnEmpty: true });
    expect(audit.changes).toMatchObject({ details: { reason: '客户再次投诉' }, fields: { resolution: { before: '已更换', after: null } } });

    const unassigned = await ticketIn('resolved', { assignee_id: null });
    expect(await reopenTicket(actor, unassigned.id)).toMatchObject({ status: 'new' });
  });

  test('when an open ticket is reopened, then it is refused', async () => {
    const ticket = await ticketIn('in_progress');
    await expectRefusal(ticket, () => reopenTicket(actor, ticket.id), 'ticketReopenRefused');
  });

  test('when a ticket does not exist, then the message says so', async () => {
    await expect(startTicket(actor, 999999)).rejects.toMatchObject({ code: 'ticketNotFound' });
  });

  describe('SLA due time', () => {
    test('when a ticket is created, then it is due its priority\'s hours after it was opened', async () => {
      const ticket = await newTicket({ priority: 'normal' });
      const applied = await applyTicketSla(actor, ticket.id);
      expect(applied!.sla_due_at).toEqual(new Date(ticket.created_at.getTime() + SLA_HOURS.normal * HOUR));
    });

    test('when the priority is raised, then the due time is recomputed from the opening; other edits keep it', async () => {
      const ticket = await newTicket({ priority: 'low' });
      await Ticket.update({ created_at: new Date(Date.now() - 10 * HOUR) }, { where: { id: ticket.id }, silent: true });
      await applyTicketSla(actor, ticket.id);
      await ticket.reload();
      const dueWhenLow = ticket.sla_due_at!;
      expect(dueWhenLow).toEqual(new Date(ticket.created_at.getTime() + SLA_HOURS.low * HOUR));

      await ticket.update({ subject: '改个标题' });
      expect((await applyTicketSla(actor, ticket.id, { priority: 'low' }))!.sla_due_at).toEqual(dueWhenLow);

      await ticket.update({ priority: 'urgent' });
      const raised = await applyTicketSla(actor, ticket.id, { priority: 'low' });
      // Opened ten hours ago with a four-hour SLA: overdue at once.
      expect(raised!.sla_due_at).toEqual(new Date(ticket.created_at.getTime() + SLA_HOURS.urgent * HOUR));
      expect(raised!.sla_due_at!.getTime()).toBeLessThan(Date.now());
    });
  });
});
