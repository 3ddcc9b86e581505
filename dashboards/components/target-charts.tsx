import React from 'react';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { creditTargetLabels } from '../credit-target-labels.js';
import { ChartPanel } from './chart-panel.js';
import { BAR, colour, formatTenThousand, shorten, toTenThousand } from './chart-setup.js';
import { moneyAxis, type ChartProps } from './sales-charts.js';

/** Percent of the target reached, one decimal; a target of nothing is reached by anything. */
function completion(actual: string, target: string): string {
  return Number(target) > 0 ? ((Number(actual) / Number(target)) * 100).toFixed(1) : '—';
}

/** Each subject's revenue target over the period's months beside what it sold, branches first, then teams, then representatives. */
export function TargetProgressChart({ data, labels, language }: ChartProps) {
  const words = creditTargetLabels(language);
  const rows = data.targets;
  const names = rows.map((row) => `${words.targets.levels[row.level]} · ${row.subjectName}`);
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    plugins: {
      legend: { position: 'top' },
      tooltip: {
        callbacks: {
          title: (items) => names[items[0].dataIndex],
          label: (item) => `${item.dataset.label}: ${formatTenThousand(Number(item.raw), language)} ${labels.units.tenThousandYuan}`,
          afterBody: (items) => {
            const row = rows[items[0].dataIndex];
            return [words.targets.completion(completion(row.actualRevenue, row.targetRevenue)), words.targets.tons(row.actualTons, row.targetTons)];
          },
        },
      },
    },
    scales: { x: moneyAxis(words.targets.axis, language), y: { ticks: { autoSkip: false } } },
  };
  return (
    <ChartPanel title={words.targets.title} note={words.targets.note(data.filters.from.slice(0, 7), data.filters.to.slice(0, 7))} empty={rows.length === 0} emptyText={words.targets.empty} wide height={Math.max(220, 34 * rows.length + 60)}>
      <Bar
        data={{
          labels: names.map((name) => shorten(name, 16)),
          datasets: [
            { label: words.targets.target, data: rows.map((row) => toTenThousand(row.targetRevenue)), backgroundColor: '#c5d3f0', ...BAR },
            { label: words.targets.actual, data: rows.map((row) => toTenThousand(row.actualRevenue)), backgroundColor: colour(0), ...BAR },
          ],
        }}
        options={options}
      />
    </ChartPanel>
  );
}
