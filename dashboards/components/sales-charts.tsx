import React from 'react';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions, TooltipItem } from 'chart.js';
import type { DashboardData } from '../dashboard-data.js';
import type { DashboardLabels } from '../dashboard-labels.js';
import { dashboardLinks, type ListLink } from '../dashboard-links.js';
import { monthEnd } from '../dashboard-filters.js';
import type { Figure } from '../drill-down.js';
import { ChartPanel } from './chart-panel.js';
import { BAR, clickable, colour, formatTenThousand, shorten, toTenThousand } from './chart-setup.js';

export interface ChartProps {
  data: DashboardData;
  labels: DashboardLabels;
  language: string;
  open: (link: ListLink, figure?: Figure) => void;
}

/** A money axis in 万元 with its title, and tooltips that say the unit. */
export function moneyAxis(title: string, language: string, stacked = false) {
  return {
    stacked,
    beginAtZero: true,
    title: { display: true, text: title },
    ticks: { callback: (value: string | number) => formatTenThousand(Number(value), language).replace(/\.00$/, '') },
  };
}

export function moneyTooltip(labels: DashboardLabels, language: string) {
  return (item: TooltipItem<'bar'>) =>
    `${item.dataset.label ? `${item.dataset.label}: ` : ''}${formatTenThousand(Number(item.raw), language)} ${labels.units.tenThousandYuan}`;
}

export function MonthlyRevenueChart({ data, labels, language, open }: ChartProps) {
  const { months, rows } = data.monthlyRevenue;
  const categories = [...new Map(rows.map((row) => [row.categoryId, row.categoryName])).entries()];
  const datasets = categories.map(([categoryId, categoryName], index) => ({
    label: categoryName,
    backgroundColor: colour(index),
    ...BAR,
    data: months.map((month) => {
      const cell = rows.find((row) => row.month === month && row.categoryId === categoryId);
      return cell ? toTenThousand(cell.revenue) : 0;
    }),
  }));
  const options: ChartOptions<'bar'> = {
    ...clickable((dataset, index, figure) => {
      const month = `${months[index]}-01`;
      // The period may end before the month does: the bar sums only the days up to its end.
      const to = monthEnd(month) < data.filters.to ? monthEnd(month) : data.filters.to;
      open(dashboardLinks.revenueLinesOfCategory(categories[dataset][0], { from: month, to }, data.filters.branchId), figure);
    }),
    plugins: { legend: { position: 'top' }, tooltip: { callbacks: { label: moneyTooltip(labels, language) } } },
    scales: {
      x: { stacked: true, title: { display: true, text: labels.axes.month }, ticks: { autoSkip: true, maxRotation: 0 } },
      y: moneyAxis(labels.axes.revenue, language, true),
    },
  };
  return (
    <ChartPanel title={labels.charts.monthlyRevenue} note={labels.filters.range(months[0] ?? '', months[months.length - 1] ?? '')} empty={rows.length === 0} emptyText={labels.empty} wide height={280}>
      <Bar data={{ labels: months, datasets }} options={options} />
    </ChartPanel>
  );
}

export function RevenueByCategoryChart({ data, labels, language }: ChartProps) {
  const rows = data.revenueByCategory;
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: moneyTooltip(labels, language) } } },
    scales: { x: moneyAxis(labels.axes.revenue, language), y: { ticks: { autoSkip: false } } },
  };
  const names = rows.map((row) => (row.parentName ? `${row.parentName} / ${row.categoryName}` : row.categoryName));
  return (
    <ChartPanel title={labels.charts.revenueByCategory} note={labels.filters.range(data.filters.from, data.filters.to)} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar
        data={{ labels: names.map((name) => shorten(name, 14)), datasets: [{ label: labels.axes.revenue, data: rows.map((row) => toTenThousand(row.revenue)), backgroundColor: colour(0), ...BAR }] }}
        options={{ ...options, plugins: { ...options.plugins, tooltip: { callbacks: { title: (items) => names[items[0].dataIndex], label: moneyTooltip(labels, language) } } } }}
      />
    </ChartPanel>
  );
}

export function TopCustomersChart({ data, labels, language, open }: ChartProps) {
  const rows = data.topCustomers;
  const options: ChartOptions<'bar'> = {
    ...clickable((_dataset, index, figure) => open(dashboardLinks.revenueOrdersOfCustomer(rows[index].customerId, data.filters), figure)),
    indexAxis: 'y',
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: (items) => rows[items[0].dataIndex].customerName,
          label: moneyTooltip(labels, language),
          afterLabel: (item) => labels.tooltips.orders(rows[item.dataIndex].orders),
        },
      },
    },
    scales: { x: moneyAxis(labels.axes.revenue, language), y: { ticks: { autoSkip: false } } },
  };
  return (
    <ChartPanel title={labels.charts.topCustomers} note={labels.clickHint} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar
        data={{ labels: rows.map((row) => shorten(row.customerName, 12)), datasets: [{ data: rows.map((row) => toTenThousand(row.revenue)), backgroundColor: colour(5), ...BAR }] }}
        options={options}
      />
    </ChartPanel>
  );
}

export function RevenueByRepChart({ data, labels, language, open }: ChartProps) {
  const rows = data.revenueByRep;
  const options: ChartOptions<'bar'> = {
    ...clickable((_dataset, index, figure) => {
      const { userId } = rows[index];
      if (userId !== null) open(dashboardLinks.revenueOrdersOfOwner(userId, data.filters, data.filters.branchId), figure);
    }),
    indexAxis: 'y',
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { label: moneyTooltip(labels, language), afterLabel: (item) => labels.tooltips.orders(rows[item.dataIndex].orders) } },
    },
    scales: { x: moneyAxis(labels.axes.revenue, language), y: { ticks: { autoSkip: false } } },
  };
  return (
    <ChartPanel title={labels.charts.revenueByRep} note={labels.filters.range(data.filters.from, data.filters.to)} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar
        data={{ labels: rows.map((row) => row.userName ?? labels.unassigned), datasets: [{ data: rows.map((row) => toTenThousand(row.revenue)), backgroundColor: colour(2), ...BAR }] }}
        options={options}
      />
    </ChartPanel>
  );
}

export function RevenueByTeamChart({ data, labels, language }: ChartProps) {
  const rows = data.revenueByTeam;
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: moneyTooltip(labels, language) } } },
    scales: { x: moneyAxis(labels.axes.revenue, language), y: { ticks: { autoSkip: false } } },
  };
  return (
    <ChartPanel title={labels.charts.revenueByTeam} note={labels.filters.range(data.filters.from, data.filters.to)} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar
        data={{ labels: rows.map((row) => shorten(row.teamName ?? labels.noTeam, 12)), datasets: [{ data: rows.map((row) => toTenThousand(row.revenue)), backgroundColor: colour(3), ...BAR }] }}
        options={options}
      />
    </ChartPanel>
  );
}
