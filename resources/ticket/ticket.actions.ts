import type { ActionContext, ActionRequest, After, Before, RecordActionResponse, ResourceOptions } from 'adminjs';
import { Ticket, User } from '../../src/models/index.js';
import { ESCALATION_TARGETS, TICKET_PRIORITIES } from '../../src/models/ticket.model.js';
import { assignTicket } from '../../src/domain/service/assign-ticket.js';
import { listServiceAgents } from '../../src/domain/service/service-agents.js';
import { startTicket } from '../../src/domain/service/start-ticket.js';
import { escalateTicket } from '../../src/domain/service/escalate-ticket.js';
import { resolveTicket } from '../../src/domain/service/resolve-ticket.js';
import { closeTicket } from '../../src/domain/service/close-ticket.js';
import { reopenTicket } from '../../src/domain/service/reopen-ticket.js';
import { applyTicketSla } from '../../src/domain/service/apply-ticket-sla.js';
import { traceTicketBatch } from '../../src/domain/service/trace-ticket-batch.js';
import { OPEN_TICKET_STATUSES } from '../../src/domain/service/change-ticket.js';
import type { FigureFilter } from '../../src/domain/figures/business-figures.js';
import { actorOf, recordWorkflow } from '../workflow/workflow-action.js';
import { staffDataScope } from '../../src/access/authorisation/current-access.js';
import { batchTraceAction } from '../batch/batch-trace-action.js';

const statusIn = (...statuses: string[]) => (params: Record<string, unknown>) => statuses.includes(String(params.status));
const ticketNo = (ticket: Ticket) => ({ ticketNo: ticket.ticket_no });

/** The SLA due time follows the priority: set after a ticket is created, or edited to another priority. */
const rememberPriority: Before = async (request: ActionRequest, context: ActionContext) => {
  if (request.method === 'post' && context.record) context.priorityBeforeEdit = context.record.params.priority as unknown;
  return request;
};

const applySla: After<RecordActionResponse> = async (response, request, context) => {
  const id = Number(response.record?.id);
  if (request.method !== 'post' || !Number.isInteger(id) || id <= 0 || response.notice?.type === 'error') return response;
  const previous = TICKET_PRIORITIES.find((priority) => priority === context.priorityBeforeEdit);
  const ticket = await applyTicketSla(actorOf(context), id, previous && context.action.name === 'edit' ? { priority: previous } : undefined);
  if (ticket?.sla_due_at) response.record.params.sla_due_at = ticket.sla_due_at.toISOString();
  return response;
};

/**
 * The service desk's workflow (new → assigned → in progress → escalated → resolved → closed, and
 * reopen), the batch trace of a quality complaint, and the overdue list.
 */
export const ticketActions: NonNullable<ResourceOptions['actions']> = {
  new: { after: applySla },
  edit: { before: rememberPriority, after: applySla },

  assign: recordWorkflow({
    icon: 'UserPlus',
    intro: 'assignTicketIntro',
    submit: 'assignTicketButton',
    fields: [{ name: 'assignee_id', label: 'fieldAssignee', type: 'reference', resourceId: 'users', required: true }],
    offers: { assignee_id: listServiceAgents },
    isVisible: statusIn(...OPEN_TICKET_STATUSES),
    run: async (id, { payload, actor }) => {
      const ticket = await assignTicket(actor, id, { assigneeId: payload.value('assignee_id') });
      const assignee = await User.findByPk(ticket.assignee_id!);
      return { message: 'ticketAssigned', options: { ...ticketNo(ticket), assignee: assignee?.name ?? '' } };
    },
  }),

  start: recordWorkflow({
    icon: 'Play',
    intro: 'startTicketIntro',
    submit: 'startTicketButton',
    isVisible: statusIn('assigned'),
    run: async (id, { actor }) => ({ message: 'ticketStarted', options: ticketNo(await startTicket(actor, id)) }),
  }),

  escalate: recordWorkflow({
    icon: 'ArrowUpCircle',
    intro: 'escalateTicketIntro',
    submit: 'escalateTicketButton',
    fields: [
      { name: 'escalated_to', label: 'fieldEscalatedTo', type: 'select', required: true, options: ESCALATION_TARGETS.map((target) => ({ value: target, label: `escalationTarget_${target}` })) },
      { name: 'escalation_note', label: 'fieldEscalationNote', type: 'textarea', required: true },
    ],
    isVisible: statusIn('assigned', 'in_progress'),
    run: async (id, { payload, actor }) => {
      const ticket = await escalateTicket(actor, id, { escalatedTo: payload.value('escalated_to'), note: payload.value('escalation_note') });
      return { message: `ticketEscalated_${ticket.escalated_to}`, options: ticketNo(ticket) };
    },
  }),

  resolve: recordWorkflow({
    icon: 'CheckCircle',
    intro: 'resolveTicketIntro',
    submit: 'resolveTicketButton',
    fields: [{ name: 'resolution', label: 'fieldResolution', type: 'textarea', required: true }],
    isVisible: statusIn('assigned', 'in_progress', 'escalated'),
    run: async (id, { payload, actor }) => ({ message: 'ticketResolved', options: ticketNo(await resolveTicket(actor, id, { resolution: payload.value('resolution') })) }),
  }),

  close: recordWorkflow({
    icon: 'Archive',
    intro: 'closeTicketIntro',
    submit: 'closeTicketButton',
    fields: [
      { name: 'satisfaction', label: 'fieldSatisfaction', type: 'select', required: true, options: ['5', '4', '3', '2', '1'].map((score) => ({ value: score, label: `satisfaction_${score}` })) },
      { name: 'feedback', label: 'fieldFeedback', type: 'textarea' },
    ],
    isVisible: statusIn('resolved'),
    run: async (id, { payload, actor }) => {
      const ticket = await closeTicket(actor, id, { satisfaction: payload.value('satisfaction'), feedback: payload.value('feedback') });
      return { message: 'ticketClosed', options: { ...ticketNo(ticket), satisfaction: ticket.satisfaction! } };
    },
  }),

  reopen: recordWorkflow({
    icon: 'RotateCcw',
    intro: 'reopenTicketIntro',
    submit: 'reopenTicketButton',
    fields: [{ name: 'reason', label: 'fieldReopenReason', type: 'textarea' }],
    isVisible: statusIn('resolved', 'closed'),
    run: async (id, { payload, actor }) => ({ message: 'ticketReopened', options: ticketNo(await reopenTicket(actor, id, { reason: payload.value('reason') })) }),
  }),

  // The complaint's batch: its certificate of analysis and every customer it went to, within the employee's scope.
  traceBatch: batchTraceAction({
    isVisible: (params) => Boolean(params.batch_no),
    load: (ticketId, context) => traceTicketBatch(staffDataScope(context.currentAdmin), ticketId),
  }),

  // Open tickets past their SLA: the ticket list itself, filtered, so sorting, paging, export and
  // every employee's row scope apply as they do to any list.
  overdue: {
    actionType: 'resource',
    icon: 'Clock',
    component: false,
    handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => ({
      redirectUrl: context.h.resourceUrl({ resourceId: context.resource.id(), search: `?${overdueFilter()}` }),
    }),
  },
};

/** The list of the overdue-tickets figure (src/domain/figures), most overdue first (AdminJS query parameters). */
export function overdueFilter(): string {
  const search = new URLSearchParams();
  search.set('filters.figure', 'overdue' satisfies FigureFilter);
  search.set('sortBy', 'sla_due_at');
  search.set('direction', 'asc');
  return search.toString();
}
