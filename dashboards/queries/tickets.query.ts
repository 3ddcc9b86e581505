import type { TicketCount, TicketResolution } from '../dashboard-data.js';
import { TICKET_KINDS } from '../../src/models/ticket.model.js';
import { dayEnds, dayStarts, periodBinds, select, visibleRows, type DashboardQuery } from './dashboard-query.js';

const KINDS = TICKET_KINDS.map((kind, position) => `('${kind}', ${position})`).join(', ');

function ticketsOpenedInPeriod(query: DashboardQuery): string {
  return `(SELECT * FROM ${visibleRows(query, 'tickets')} t WHERE t.created_at >= ${dayStarts('from')} AND t.created_at < ${dayEnds('to')})`;
}

/** Tickets opened in the period, by kind and by where they stand now. */
export function ticketsByKindAndStatusOf(query: DashboardQuery): Promise<TicketCount[]> {
  return select<TicketCount>(
    query,
    `SELECT t.kind, t.status, count(*)::int AS tickets
       FROM ${ticketsOpenedInPeriod(query)} t
      GROUP BY t.kind, t.status
      ORDER BY t.kind, t.status`,
    periodBinds(query),
  );
}

/** Of the tickets opened in the period, per kind: how many are resolved, and in how many hours on average. */
export function ticketResolutionOf(query: DashboardQuery): Promise<TicketResolution[]> {
  return select<TicketResolution>(
    query,
    `SELECT k.kind, count(t.resolved_at)::int AS "resolvedTickets",
            round((avg(extract(epoch FROM t.resolved_at - t.created_at)) / 3600)::numeric, 1)::text AS "averageResolutionHours"
       FROM (VALUES ${KINDS}) AS k (kind, position)
       LEFT JOIN ${ticketsOpenedInPeriod(query)} t ON t.kind = k.kind
      GROUP BY k.kind, k.position
      ORDER BY k.position`,
    periodBinds(query),
  );
}
