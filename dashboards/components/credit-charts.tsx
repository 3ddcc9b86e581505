import React from 'react';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions, TooltipItem } from 'chart.js';
import { Box, Link, Text } from '@adminjs/design-system';
import { ViewHelpers } from 'adminjs';
import { creditTargetLabels } from '../credit-target-labels.js';
import { ChartPanel } from './chart-panel.js';
import { BAR, formatTenThousand, shorten, toTenThousand } from './chart-setup.js';
import { moneyAxis, type ChartProps } from './sales-charts.js';

const BUCKETS = ['days0to30', 'days31to60', 'days61to90', 'over90'] as const;
// Older is redder: the eye goes to what may not be paid.
const BUCKET_COLOURS = ['#27ae60', '#f2c94c', '#f2994a', '#eb5757'];

/** Receivables per branch, stacked by age, as of today. */
export function ReceivablesAgingChart({ data, labels, language }: ChartProps) {
  const words = creditTargetLabels(language);
  const rows = data.receivablesAging;
  const datasets = BUCKETS.map((bucket, index) => ({
    label: words.aging.buckets[index],
    backgroundColor: BUCKET_COLOURS[index],
    ...BAR,
    data: rows.map((row) => toTenThousand(row[bucket])),
  }));
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    plugins: {
      legend: { position: 'top' },
      tooltip: { callbacks: { label: (item: TooltipItem<'bar'>) => `${item.dataset.label}: ${formatTenThousand(Number(item.raw), language)} ${labels.units.tenThousandYuan}` } },
    },
    scales: { x: moneyAxis(words.aging.axis, language, true), y: { stacked: true, ticks: { autoSkip: false } } },
  };
  return (
    <ChartPanel title={words.aging.title} note={words.aging.note} empty={rows.length === 0} emptyText={labels.empty}>
      <Bar data={{ labels: rows.map((row) => shorten(row.branchName, 12)), datasets }} options={options} />
    </ChartPanel>
  );
}

/** The customers nearest to (or over) their credit limit, each opening its page. */
export function CreditWatchPanel({ data, labels, language }: ChartProps) {
  const words = creditTargetLabels(language);
  const { customers, overLimit, top } = data.creditWatch;
  const h = new ViewHelpers();
  return (
    <ChartPanel title={words.watch.title} note={words.watch.summary(customers, overLimit)} empty={top.length === 0} emptyText={words.watch.empty}>
      <Box style={{ height: '100%', overflowY: 'auto' }}>
        {top.map((row) => {
          const usage = row.usagePct === null ? null : Number(row.usagePct);
          const over = usage === null || usage > 100;
          return (
            <Box key={row.customerId} flex flexDirection="row" alignItems="center" mb="sm" style={{ gap: 8 }} data-watched-customer={row.customerId}>
              <Box style={{ width: '38%', minWidth: 0 }}>
                <Link href={h.recordActionUrl({ resourceId: 'customers', recordId: String(row.customerId), actionName: 'show' })}>
                  <Text as="span" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }}>{row.customerName}</Text>
                </Link>
              </Box>
              <Box style={{ flex: 1, minWidth: 80, background: '#eef0f5', borderRadius: 3, height: 10 }}>
                <div style={{ width: `${Math.min(usage ?? 100, 100)}%`, height: '100%', borderRadius: 3, background: over ? '#eb5757' : '#f2994a' }} />
              </Box>
              <Text as="span" variant="sm" style={{ width: 72, textAlign: 'right', color: over ? '#c0392b' : undefined, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {usage === null ? words.watch.noCredit : `${row.usagePct}%`}
              </Text>
              <Text as="span" variant="sm" color="grey60" style={{ width: 96, textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatTenThousand(toTenThousand(row.exposure), language)} {labels.units.tenThousandYuan}
              </Text>
            </Box>
          );
        })}
      </Box>
    </ChartPanel>
  );
}
