import React from 'react';
import { Box, H5, Text } from '@adminjs/design-system';

interface ChartPanelProps {
  title: string;
  /** A line under the title: what is counted, or the total. */
  note?: string;
  empty: boolean;
  emptyText: string;
  /** Spans both columns of the grid. */
  wide?: boolean;
  height?: number;
  children: React.ReactNode;
}

/** One chart on a white card with its title; an empty selection says so instead of drawing bare axes. */
export function ChartPanel({ title, note, empty, emptyText, wide = false, height = 260, children }: ChartPanelProps) {
  return (
    <Box variant="card" style={{ gridColumn: wide ? '1 / -1' : undefined, minWidth: 0, padding: 16 }} data-chart-panel={title}>
      {/* The note goes under the title where both do not fit: a squeezed title broke one character a line. */}
      <Box flex flexDirection="row" flexWrap="wrap" justifyContent="space-between" alignItems="baseline" mb="sm" style={{ columnGap: 8, rowGap: 2 }}>
        <H5 style={{ margin: 0, flex: '1 1 auto', minWidth: '12em' }}>{title}</H5>
        {note ? <Text variant="xs" color="grey60" style={{ whiteSpace: 'nowrap' }}>{note}</Text> : null}
      </Box>
      <div style={{ position: 'relative', height, width: '100%' }}>
        {empty ? (
          <div style={{ height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#8a8fa3', border: '1px dashed #d6d9e3', borderRadius: 4 }}>
            {emptyText}
          </div>
        ) : (
          children
        )}
      </div>
    </Box>
  );
}
