import React from 'react';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { CUSTOMER_STATUSES } from '../../src/models/customer.model.js';
import type { CAMPAIGN_MEMBER_STATUSES } from '../../src/models/campaign-member.model.js';
import { dashboardLinks } from '../dashboard-links.js';
import { ChartPanel } from './chart-panel.js';
import { BAR, clickable, colour, shorten } from './chart-setup.js';
import type { ChartProps } from './sales-charts.js';

const STATUSES: readonly (typeof CUSTOMER_STATUSES)[number][] = ['prospect', 'active', 'at_risk', 'churned'];
const STATUS_COLOURS = { prospect: '#9fa8c7', active: '#27ae60', at_risk: '#f2994a', churned: '#eb5757' } as const;
const GRADES = ['A', 'B', 'C', null] as const;

/** Customers by grade on the axis, stacked by status; a bar opens the customers of that grade and status. */
export function CustomerMixChart({ data, labels, open }: ChartProps) {
  const rows = data.customerMix;
  const grades = GRADES.filter((grade) => rows.some((row) => row.grade === grade));
  const datasets = STATUSES.map((status) => ({
    label: labels.customerStatus[status],
    backgroundColor: STATUS_COLOURS[status],
    ...BAR,
    data: grades.map((grade) => rows.find((row) => row.grade === grade && row.status === status)?.customers ?? 0),
  }));
  const options: ChartOptions<'bar'> = {
    ...clickable((datasetIndex, index, figure) => {
      const grade = grades[index];
      // A list filter cannot ask for "no grade", so ungraded customers are not linked.
      if (grade !== null) open(dashboardLinks.customers({ grade, status: STATUSES[datasetIndex], branchId: data.filters.branchId }), figure);
    }),
    plugins: { legend: { position: 'top' } },
    scales: {
      x: { stacked: true, title: { display: true, text: labels.axes.grade } },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: labels.axes.customers }, ticks: { precision: 0 } },
    },
  };
  return (
    <ChartPanel title={labels.charts.customerMix} note={labels.clickHint} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar data={{ labels: grades.map((grade) => (grade === null ? labels.ungraded : labels.grade(grade))), datasets }} options={options} />
    </ChartPanel>
  );
}

/** Churn rate per branch or outlet; a bar opens that branch's churned customers. */
export function ChurnChart({ data, labels, open }: ChartProps) {
  const rows = data.churnByBranch;
  const options: ChartOptions<'bar'> = {
    ...clickable((_dataset, index, figure) => open(dashboardLinks.customers({ status: 'churned', branchId: rows[index].branchId }), figure)),
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: (items) => `${rows[items[0].dataIndex].branchName}（${labels.branchKind[rows[items[0].dataIndex].branchKind as keyof typeof labels.branchKind] ?? ''}）`,
          label: (item) => `${labels.axes.churnRate}: ${rows[item.dataIndex].churnRatePct}%`,
          afterLabel: (item) => labels.tooltips.churned(rows[item.dataIndex].churned, rows[item.dataIndex].customers),
        },
      },
    },
    scales: {
      x: { ticks: { autoSkip: false, maxRotation: 30 } },
      y: { beginAtZero: true, suggestedMax: 10, title: { display: true, text: labels.axes.churnRate } },
    },
  };
  return (
    <ChartPanel title={labels.charts.churnByBranch} note={labels.clickHint} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar
        data={{ labels: rows.map((row) => shorten(row.branchName, 8)), datasets: [{ label: labels.axes.churnRate, data: rows.map((row) => Number(row.churnRatePct)), backgroundColor: '#eb5757', ...BAR }] }}
        options={options}
      />
    </ChartPanel>
  );
}

const MEMBER_STATUSES: readonly (typeof CAMPAIGN_MEMBER_STATUSES)[number][] = ['targeted', 'queued', 'failed', 'sent', 'responded', 'converted'];

/** Members of each recent campaign by the furthest step they reached, stacked; a bar opens those members. */
export function CampaignChart({ data, labels, open }: ChartProps) {
  const rows = data.campaigns;
  const datasets = MEMBER_STATUSES.map((status, index) => ({
    label: labels.memberStatus[status],
    backgroundColor: colour([9, 6, 8, 5, 1, 2][index]),
    ...BAR,
    data: rows.map((row) => row[status]),
  }));
  const options: ChartOptions<'bar'> = {
    ...clickable((datasetIndex, index, figure) => open(dashboardLinks.campaignMembers(rows[index].campaignId, MEMBER_STATUSES[datasetIndex]), figure)),
    indexAxis: 'y',
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          title: (items) => rows[items[0].dataIndex].campaignName,
          footer: (items) => labels.tooltips.conversion(rows[items[0].dataIndex].conversionRatePct),
        },
      },
    },
    scales: {
      x: { stacked: true, beginAtZero: true, title: { display: true, text: labels.axes.members }, ticks: { precision: 0 } },
      y: { stacked: true, ticks: { autoSkip: false } },
    },
  };
  return (
    <ChartPanel title={labels.charts.campaigns} note={labels.filters.range(data.filters.from, data.filters.to)} empty={rows.length === 0} emptyText={labels.empty} wide>
      <Bar data={{ labels: rows.map((row) => `${shorten(row.campaignName, 16)}  ${row.conversionRatePct}%`), datasets }} options={options} />
    </ChartPanel>
  );
}
