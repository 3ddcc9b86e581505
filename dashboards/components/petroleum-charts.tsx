import React from 'react';
import { Bar, Chart } from 'react-chartjs-2';
import type { ChartData, ChartOptions } from 'chart.js';
import { dashboardLinks } from '../dashboard-links.js';
import { petroleumLabels } from '../petroleum-labels.js';
import { ChartPanel } from './chart-panel.js';
import { BAR, clickable, colour, formatNumber, formatTenThousand, shorten, toTenThousand } from './chart-setup.js';
import { moneyAxis, moneyTooltip, type ChartProps } from './sales-charts.js';

const UNDER = '#eb5757';
const LIFTED = '#27ae60';

/**
 * Per term contract, the period's months up to this one: planned and minimum tons as light bars, the
 * tons lifted beside them — red where a month fell under the minimum. A bar opens the contract's plans.
 */
export function ContractLiftingChart({ data, labels, language, open }: ChartProps) {
  const words = petroleumLabels(language);
  const rows = data.petroleum.contractLifting;
  const options: ChartOptions<'bar'> = {
    skipNull: true,
    ...clickable((_dataset, index) => open(dashboardLinks.contractPlans(rows[index].contractId))),
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          title: (items) => `${rows[items[0].dataIndex].contractNo} ${rows[items[0].dataIndex].customerName}`,
          label: (item) => `${item.dataset.label}: ${formatNumber(Number(item.raw), language, 3)} ${labels.units.tons}`,
          footer: (items) => {
            const row = rows[items[0].dataIndex];
            return [words.tooltips.underMonths(row.underMonths, row.months), row.behind ? words.tooltips.behind : ''].filter(Boolean).join('\n');
          },
        },
      },
    },
    scales: { x: { ticks: { autoSkip: false, maxRotation: 40 } }, y: { beginAtZero: true, title: { display: true, text: words.axes.tons } } },
  };
  const chartData: ChartData<'bar'> = {
    labels: rows.map((row) => shorten(row.customerName, 8)),
    datasets: [
      { label: words.series.planned, data: rows.map((row) => Number(row.planned)), backgroundColor: '#b7c9f0', ...BAR },
      { label: words.series.minimum, data: rows.map((row) => Number(row.minimum)), backgroundColor: '#dfe3ee', ...BAR },
      // Two series, so the legend names the red one; a contract has a bar in only one of them.
      { label: words.series.lifted, data: rows.map((row) => (row.underMonths > 0 ? null : Number(row.lifted))), backgroundColor: LIFTED, ...BAR },
      { label: words.series.underLifted, data: rows.map((row) => (row.underMonths > 0 ? Number(row.lifted) : null)), backgroundColor: UNDER, ...BAR },
    ],
  };
  return (
    <ChartPanel title={words.charts.contractLifting} note={words.notes.contractLifting} empty={rows.length === 0} emptyText={labels.empty} wide height={280}>
      <Bar data={chartData} options={options} />
    </ChartPanel>
  );
}

/** The ten customers worth most over their lifetime: margin earned to date and margin still expected, stacked (万元). */
export function LifetimeValueChart({ data, labels, language, open }: ChartProps) {
  const words = petroleumLabels(language);
  const rows = data.petroleum.lifetimeValue;
  if (rows === null) {
    return <ChartPanel title={words.charts.lifetimeValue} empty emptyText={words.marginsHidden}>{null}</ChartPanel>;
  }
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    ...clickable((_dataset, index) => open(dashboardLinks.customerByCode(rows[index].customerCode))),
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          title: (items) => rows[items[0].dataIndex].customerName,
          label: moneyTooltip(labels, language),
          footer: (items) => `${words.series.lifetimeValue}: ${formatTenThousand(toTenThousand(rows[items[0].dataIndex].lifetimeValue), language)} ${labels.units.tenThousandYuan}`,
        },
      },
    },
    scales: { x: moneyAxis(words.axes.tenThousandYuan, language, true), y: { stacked: true } },
  };
  return (
    <ChartPanel title={words.charts.lifetimeValue} note={words.notes.lifetimeValue} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar
        data={{
          labels: rows.map((row) => shorten(row.customerName, 10)),
          datasets: [
            { label: words.series.marginToDate, data: rows.map((row) => toTenThousand(row.marginToDate)), backgroundColor: colour(0), ...BAR },
            { label: words.series.expectedMargin, data: rows.map((row) => toTenThousand(row.expectedMargin)), backgroundColor: '#b7c9f0', ...BAR },
          ],
        }}
        options={options}
      />
    </ChartPanel>
  );
}

/** Per gas station: the card customers' litres in the window before and in the last one, and the share of volume churned (line). */
export function StationVolumeChart({ data, labels, language, open }: ChartProps) {
  const words = petroleumLabels(language);
  const rows = data.petroleum.stations;
  const windowDays = rows[0]?.windowDays ?? 0;
  const chartData: ChartData<'bar' | 'line'> = {
    labels: rows.map((row) => shorten(row.stationName, 8)),
    datasets: [
      { type: 'bar', label: words.series.litersBefore, data: rows.map((row) => Number(row.litersBefore)), backgroundColor: '#c9cde0', yAxisID: 'y', order: 1, ...BAR },
      { type: 'bar', label: words.series.litersNow, data: rows.map((row) => Number(row.litersNow)), backgroundColor: colour(0), yAxisID: 'y', order: 1, ...BAR },
      {
        type: 'line', label: words.series.volumeChurn, data: rows.map((row) => (row.volumeChurnPct === null ? null : Number(row.volumeChurnPct))),
        borderColor: UNDER, backgroundColor: UNDER, yAxisID: 'percent', order: 0,
      },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    ...clickable((_dataset, index) => open(dashboardLinks.stationFuellings(rows[index].stationId, data.filters))),
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          title: (items) => rows[items[0].dataIndex].stationName,
          label: (item) => (item.dataset.yAxisID === 'percent'
            ? `${item.dataset.label}: ${formatNumber(Number(item.raw), language, 1)}%`
            : `${item.dataset.label}: ${formatNumber(Number(item.raw), language, 0)} L`),
          footer: (items) => {
            const row = rows[items[0].dataIndex];
            return words.tooltips.churn(row.churned, row.declining, row.customersBefore, row.churnRatePct);
          },
        },
      },
    },
    scales: {
      y: { beginAtZero: true, title: { display: true, text: words.axes.liters } },
      percent: { position: 'right', beginAtZero: true, suggestedMax: 50, grid: { drawOnChartArea: false }, title: { display: true, text: words.axes.percent } },
    },
  };
  return (
    <ChartPanel title={words.charts.stations} note={words.notes.stations(windowDays)} empty={rows.every((row) => row.customersBefore === 0 && Number(row.litersNow) === 0)} emptyText={labels.empty}>
      <Chart type="bar" data={chartData} options={options} />
    </ChartPanel>
  );
}

/** Shipments of the period per transport mode, stacked by how they arrived; a red bar opens those beyond tolerance. */
export function ShipmentLossChart({ data, labels, language, open }: ChartProps) {
  const words = petroleumLabels(language);
  const rows = data.petroleum.shipmentLosses;
  const options: ChartOptions<'bar'> = {
    ...clickable((datasetIndex, index) => {
      if (datasetIndex === 1) open(dashboardLinks.shipmentsBeyondTolerance(rows[index].transportMode, data.filters));
    }),
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          label: (item) => `${item.dataset.label}: ${formatNumber(Number(item.raw), language)}`,
          footer: (items) => words.tooltips.lost(formatNumber(Number(rows[items[0].dataIndex].lostTons), language, 3)),
        },
      },
    },
    scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: words.axes.shipments }, ticks: { precision: 0 } } },
  };
  return (
    <ChartPanel title={words.charts.shipmentLosses} note={words.notes.shipmentLosses} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar
        data={{
          labels: rows.map((row) => words.transportMode[row.transportMode] ?? row.transportMode),
          datasets: [
            { label: words.series.withinTolerance, data: rows.map((row) => row.received - row.beyondTolerance), backgroundColor: LIFTED, ...BAR },
            { label: words.series.beyondTolerance, data: rows.map((row) => row.beyondTolerance), backgroundColor: UNDER, ...BAR },
            { label: words.series.inTransit, data: rows.map((row) => row.shipments - row.received), backgroundColor: '#c9cde0', ...BAR },
          ],
        }}
        options={options}
      />
    </ChartPanel>
  );
}
