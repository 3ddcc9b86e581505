import type { TICKET_PRIORITIES } from '../../models/ticket.model.js';

export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Hours within which a ticket of each priority must be resolved (the service-level agreement). */
export const SLA_HOURS: Record<TicketPriority, number> = { urgent: 4, high: 24, normal: 72, low: 168 };

export function slaDueAt(priority: TicketPriority, openedAt: Date): Date {
  return new Date(openedAt.getTime() + SLA_HOURS[priority] * 3600 * 1000);
}
