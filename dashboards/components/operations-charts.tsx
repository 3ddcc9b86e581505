import React from 'react';
import { Bar, Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import type { TICKET_KINDS, TICKET_STATUSES } from '../../src/models/ticket.model.js';
import { dashboardLinks } from '../dashboard-links.js';
import { ChartPanel } from './chart-panel.js';
import { BAR, clickable, colour, formatNumber, formatTenThousand, shorten, toTenThousand } from './chart-setup.js';
import { moneyAxis, type ChartProps } from './sales-charts.js';

const CLOSED_STAGES = new Set(['won', 'lost']);

/**
 * The pipeline per stage: amount and weighted amount as bars (万元, left axis), the number of
 * opportunities as a line (right axis). Open stages are as they stand; won and lost are of the period.
 */
export function FunnelChart({ data, labels, language, open }: ChartProps) {
  const rows = data.funnel;
  const chartData: ChartData<'bar' | 'line'> = {
    labels: rows.map((row) => labels.stage[row.stage as keyof typeof labels.stage] ?? row.stage),
    datasets: [
      { type: 'bar', label: labels.axes.amount, data: rows.map((row) => toTenThousand(row.amount)), backgroundColor: '#b7c9f0', yAxisID: 'y', order: 1, ...BAR },
      { type: 'bar', label: labels.axes.weightedAmount, data: rows.map((row) => toTenThousand(row.weightedAmount)), backgroundColor: colour(0), yAxisID: 'y', order: 1, ...BAR },
      // Lines have the lower order, so they are drawn over the bars.
      { type: 'line', label: labels.axes.opportunities, data: rows.map((row) => row.opportunities), borderColor: colour(1), backgroundColor: colour(1), yAxisID: 'count', order: 0 },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    ...clickable((_dataset, index, figure) => {
      const { stage } = rows[index];
      open(dashboardLinks.opportunities(stage, CLOSED_STAGES.has(stage) ? data.filters : null, data.filters.branchId), figure);
    }),
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          label: (item) =>
            item.dataset.yAxisID === 'count'
              ? `${item.dataset.label}: ${formatNumber(Number(item.raw), language)}`
              : `${item.dataset.label}: ${formatTenThousand(Number(item.raw), language)} ${labels.units.tenThousandYuan}`,
        },
      },
    },
    scales: {
      y: moneyAxis(labels.axes.amount, language),
      count: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: labels.axes.opportunities }, ticks: { precision: 0 } },
    },
  };
  const empty = rows.every((row) => row.opportunities === 0);
  return (
    <ChartPanel title={labels.charts.funnel} note={labels.clickHint} empty={empty} emptyText={labels.empty}>
      <Chart type="bar" data={chartData} options={options} />
    </ChartPanel>
  );
}

const STATUSES: readonly (typeof TICKET_STATUSES)[number][] = ['new', 'assigned', 'in_progress', 'escalated', 'resolved', 'closed'];
const STATUS_COLOURS = ['#2d9cdb', '#9b51e0', '#f2c94c', '#eb5757', '#6fcf97', '#9fa8c7'];

/** Tickets opened in the period per kind, stacked by status, with the average hours to resolve as a line. */
export function TicketsChart({ data, labels, language, open }: ChartProps) {
  const { byKindAndStatus, resolution } = data.tickets;
  const kinds = resolution.map((row) => row.kind as (typeof TICKET_KINDS)[number]);
  const chartData: ChartData<'bar' | 'line'> = {
    labels: kinds.map((kind) => labels.ticketKind[kind] ?? kind),
    datasets: [
      ...STATUSES.map((status, index) => ({
        type: 'bar' as const,
        label: labels.ticketStatus[status],
        backgroundColor: STATUS_COLOURS[index],
        stack: 'tickets',
        yAxisID: 'y',
        order: 1,
        maxBarThickness: 64,
        data: kinds.map((kind) => byKindAndStatus.find((row) => row.kind === kind && row.status === status)?.tickets ?? 0),
      })),
      {
        type: 'line' as const,
        label: labels.axes.resolutionHours,
        yAxisID: 'hours',
        order: 0,
        borderColor: '#1c1c38',
        backgroundColor: '#1c1c38',
        borderDash: [6, 4],
        pointRadius: 4,
        data: resolution.map((row) => (row.averageResolutionHours === null ? null : Number(row.averageResolutionHours))),
      },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    ...clickable((datasetIndex, index, figure) => {
      const status = STATUSES[datasetIndex];
      if (status) open(dashboardLinks.tickets(kinds[index], status, data.filters, data.filters.branchId), figure);
    }),
    plugins: {
      legend: { position: 'top', labels: { boxWidth: 10, font: { size: 11 } } },
      tooltip: {
        callbacks: {
          label: (item) =>
            item.dataset.yAxisID === 'hours'
              ? `${item.dataset.label}: ${formatNumber(Number(item.raw), language, 1)}`
              : `${item.dataset.label}: ${formatNumber(Number(item.raw), language)}`,
          footer: (items) => labels.tooltips.resolved(resolution[items[0].dataIndex].resolvedTickets),
        },
      },
    },
    scales: {
      x: { stacked: true, ticks: { autoSkip: false } },
      y: { stacked: true, beginAtZero: true, title: { display: true, text: labels.axes.tickets }, ticks: { precision: 0 } },
      hours: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: labels.axes.resolutionHours } },
    },
  };
  return (
    <ChartPanel title={labels.charts.tickets} note={labels.filters.range(data.filters.from, data.filters.to)} empty={byKindAndStatus.length === 0} emptyText={labels.empty} wide height={280}>
      <Chart type="bar" data={chartData} options={options} />
    </ChartPanel>
  );
}

/** Per warehouse: tons on hand against the safety stock of the products it holds; a bar opens its stock levels. */
export function StockChart({ data, labels, language, open }: ChartProps) {
  const rows = data.stock;
  const options: ChartOptions<'bar'> = {
    ...clickable((_dataset, index, figure) => open(dashboardLinks.stock(rows[index].warehouseId), figure)),
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          title: (items) => rows[items[0].dataIndex].warehouseName,
          label: (item) => `${item.dataset.label}: ${formatNumber(Number(item.raw), language, 3)} ${labels.units.tons}`,
          footer: (items) => labels.tooltips.belowSafety(rows[items[0].dataIndex].belowSafety, rows[items[0].dataIndex].products),
        },
      },
    },
    scales: {
      x: { ticks: { autoSkip: false, maxRotation: 30 } },
      y: { beginAtZero: true, title: { display: true, text: labels.axes.tons } },
    },
  };
  return (
    <ChartPanel title={labels.charts.stock} note={labels.clickHint} empty={rows.every((row) => row.products === 0)} emptyText={labels.empty}>
      <Bar
        data={{
          labels: rows.map((row) => shorten(row.warehouseName, 8)),
          datasets: [
            { label: labels.axes.onHand, data: rows.map((row) => Number(row.onHandTons)), backgroundColor: colour(0), ...BAR },
            { label: labels.axes.safetyStock, data: rows.map((row) => Number(row.safetyStockTons)), backgroundColor: '#c9cde0', ...BAR },
          ],
        }}
        options={options}
      />
    </ChartPanel>
  );
}
