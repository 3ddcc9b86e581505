import React from 'react';
import { Box, Text } from '@adminjs/design-system';
import type { DashboardData } from '../dashboard-data.js';
import type { DashboardLabels } from '../dashboard-labels.js';
import { dashboardLinks, type ListLink } from '../dashboard-links.js';
import type { Figure } from '../drill-down.js';
import { formatNumber, formatTenThousand, toTenThousand } from './chart-setup.js';

interface KpiCardsProps {
  data: DashboardData;
  labels: DashboardLabels;
  language: string;
  open: (link: ListLink, figure?: Figure) => void;
}

interface Card {
  id: string;
  title: string;
  value: string;
  unit?: string;
  note: string;
  secondNote?: string;
  /** Green for good news, red for bad, grey otherwise. */
  tone?: 'up' | 'down' | 'alert';
  link?: ListLink;
}

/** The six cards managers read first; a card whose figure a list can show opens that list. */
export function KpiCards({ data, labels, language, open }: KpiCardsProps) {
  const { kpis, filters } = data;
  const tenThousand = (yuan: string) => formatTenThousand(toTenThousand(yuan), language);
  const change = kpis.revenueChangePct === null ? null : Number(kpis.revenueChangePct);
  const cards: Card[] = [
    {
      id: 'revenue',
      title: labels.kpis.revenueThisMonth,
      value: tenThousand(kpis.revenueThisMonth),
      unit: labels.units.tenThousandYuan,
      note: change === null ? labels.kpis.noComparison : `${change >= 0 ? '▲' : '▼'} ${Math.abs(change).toFixed(1)}%`,
      secondNote: labels.kpis.versusLastMonth(`${tenThousand(kpis.revenueLastMonth)} ${labels.units.tenThousandYuan}`),
      tone: change === null ? undefined : change >= 0 ? 'up' : 'down',
      link: dashboardLinks.revenueOrders(kpis.thisMonth, filters.branchId),
    },
    {
      id: 'orders',
      title: labels.kpis.ordersThisMonth,
      value: formatNumber(kpis.ordersThisMonth, language),
      note: labels.kpis.ordersHint,
      link: dashboardLinks.revenueOrders(kpis.thisMonth, filters.branchId),
    },
    {
      id: 'open-tickets',
      title: labels.kpis.openTickets,
      value: formatNumber(kpis.openTickets, language),
      note: labels.kpis.openTicketsHint,
      link: dashboardLinks.openTickets(filters.branchId),
    },
    {
      id: 'overdue-tickets',
      title: labels.kpis.overdueTickets,
      value: formatNumber(kpis.overdueTickets, language),
      note: labels.kpis.overdueHint,
      tone: kpis.overdueTickets > 0 ? 'alert' : undefined,
      link: dashboardLinks.overdueTickets(filters.branchId),
    },
    {
      id: 'customers-at-risk',
      title: labels.kpis.customersAtRisk,
      value: formatNumber(kpis.customersAtRisk, language),
      note: labels.kpis.customersAtRiskHint,
      tone: kpis.customersAtRisk > 0 ? 'alert' : undefined,
      link: dashboardLinks.customers({ status: 'at_risk', branchId: filters.branchId }),
    },
    {
      id: 'satisfaction',
      title: labels.kpis.averageSatisfaction,
      value: kpis.averageSatisfaction === null ? '—' : Number(kpis.averageSatisfaction).toFixed(2),
      unit: kpis.averageSatisfaction === null ? undefined : '/ 5',
      note: labels.kpis.ratedTickets(kpis.ratedTickets),
      link: dashboardLinks.ratedTickets(filters, filters.branchId),
    },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12, marginBottom: 16 }}>
      {cards.map((card) => (
        <KpiCard key={card.id} card={card} open={open} />
      ))}
    </div>
  );
}

const TONES = { up: '#27ae60', down: '#eb5757', alert: '#eb5757' } as const;

function KpiCard({ card, open }: { card: Card; open: (link: ListLink, figure?: Figure) => void }) {
  const { link } = card;
  const clickable = link !== undefined;
  const figure: Figure = { chart: card.title, lines: [`${card.value}${card.unit ? ` ${card.unit}` : ''}`, card.note] };
  return (
    <Box
      variant="card"
      data-kpi={card.id}
      role={clickable ? 'link' : undefined}
      tabIndex={clickable ? 0 : undefined}
      onClick={link ? () => open(link, figure) : undefined}
      onKeyDown={link ? (event: React.KeyboardEvent) => event.key === 'Enter' && open(link, figure) : undefined}
      style={{ cursor: clickable ? 'pointer' : 'default', minWidth: 0, padding: '12px 16px' }}
    >
      <Text variant="sm" color="grey60" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {card.title}
      </Text>
      <div style={{ fontSize: 22, fontWeight: 600, margin: '4px 0', color: card.tone === 'alert' ? TONES.alert : '#1c1c38', whiteSpace: 'nowrap' }}>
        {card.value}
        {card.unit ? <span style={{ fontSize: 13, fontWeight: 400, marginLeft: 4, color: '#666' }}>{card.unit}</span> : null}
      </div>
      <Text variant="xs" style={{ color: card.tone && card.tone !== 'alert' ? TONES[card.tone] : '#898A9A', lineHeight: '16px' }} title={card.note}>
        {card.note}
      </Text>
      {card.secondNote ? (
        <Text variant="xs" style={{ color: '#898A9A', lineHeight: '16px', whiteSpace: 'nowrap' }}>
          {card.secondNote}
        </Text>
      ) : null}
    </Box>
  );
}
