import type { ResourceWithOptions } from 'adminjs';
import { Ticket } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, readOnly, textarea, timestamps } from '../shared/presets.js';
import { ticketActions } from './ticket.actions.js';

/** Service tickets; the SLA due time follows the priority, and resolving and closing are actions. */
export const createTicketResource = (): ResourceWithOptions => ({
  resource: Ticket,
  options: {
    navigation: navigation.service,
    // "TK00000042 PP T30S 批次拉丝断头": the number customers quote, and what it is about.
    titleProperty: 'display_title',
    listProperties: ['ticket_no', 'subject', 'customer_id', 'priority', 'status', 'assignee_id', 'sla_due_at'],
    filterProperties: ['ticket_no', 'subject', 'customer_id', 'kind', 'priority', 'status', 'assignee_id', 'branch_id', 'product_id', 'batch_no', 'escalated_to', 'sla_due_at', 'created_at'],
    sort: { sortBy: 'created_at', direction: 'desc' },
    properties: {
      display_title: { type: 'string', isVisible: false, custom: { titleOf: ['ticket_no', 'subject'] } },
      ticket_no: businessCode,
      description: textarea,
      // The workflow's own fields move only through its actions (assign, escalate, resolve, close);
      // the SLA due time follows the priority.
      status: readOnly,
      assignee_id: readOnly,
      escalated_to: readOnly,
      escalation_note: { ...textarea, ...readOnly },
      resolution: { ...textarea, ...readOnly },
      satisfaction: readOnly,
      feedback: { ...textarea, ...readOnly },
      sla_due_at: readOnly,
      resolved_at: readOnly,
      closed_at: readOnly,
      ...timestamps,
    },
    actions: withBuiltInActions(ticketActions),
  },
});
