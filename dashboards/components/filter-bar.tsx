import React, { useEffect, useState } from 'react';
import { Box, Button, Label } from '@adminjs/design-system';
import type { BranchOption } from '../dashboard-data.js';
import { PERIODS, type DashboardFilters, type Period } from '../dashboard-filters.js';
import type { DashboardLabels } from '../dashboard-labels.js';

interface FilterBarProps {
  filters: DashboardFilters;
  branches: BranchOption[];
  labels: DashboardLabels;
  onChange: (filters: DashboardFilters) => void;
}

const fieldStyle: React.CSSProperties = {
  height: 34, padding: '0 8px', border: '1px solid #c0c0ca', borderRadius: 4, background: '#fff', fontSize: 13, fontFamily: 'inherit',
};

/**
 * Period and branch. A preset period or a branch applies at once; a custom range applies with the
 * button, so half-typed dates do not reload the page.
 */
export function FilterBar({ filters, branches, labels, onChange }: FilterBarProps) {
  const [period, setPeriod] = useState<Period>(filters.period);
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  useEffect(() => {
    setPeriod(filters.period);
    setFrom(filters.from);
    setTo(filters.to);
  }, [filters.period, filters.from, filters.to]);

  const choosePeriod = (next: Period) => {
    setPeriod(next);
    if (next !== 'custom') onChange({ ...filters, period: next });
  };
  const chooseBranch = (value: string) => onChange({ ...filters, period, from, to, branchId: value === '' ? null : Number(value) });

  return (
    <Box flex flexDirection="row" flexWrap="wrap" alignItems="flex-end" style={{ gap: 12 }} data-dashboard-filters>
      <div>
        <Label htmlFor="dashboard-period">{labels.filters.period}</Label>
        <select id="dashboard-period" name="period" style={fieldStyle} value={period} onChange={(event) => choosePeriod(event.target.value as Period)}>
          {PERIODS.map((option) => (
            <option key={option} value={option}>
              {labels.filters.periods[option]}
            </option>
          ))}
        </select>
      </div>
      {period === 'custom' ? (
        <>
          <div>
            <Label htmlFor="dashboard-from">{labels.filters.from}</Label>
            <input id="dashboard-from" name="from" type="date" style={fieldStyle} value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
          </div>
          <div>
            <Label htmlFor="dashboard-to">{labels.filters.to}</Label>
            <input id="dashboard-to" name="to" type="date" style={fieldStyle} value={to} min={from} onChange={(event) => setTo(event.target.value)} />
          </div>
          <Button size="sm" variant="contained" disabled={!from || !to || from > to} onClick={() => onChange({ ...filters, period: 'custom', from, to })}>
            {labels.filters.apply}
          </Button>
        </>
      ) : null}
      <div>
        <Label htmlFor="dashboard-branch">{labels.filters.branch}</Label>
        <select id="dashboard-branch" name="branch" style={fieldStyle} value={filters.branchId ?? ''} onChange={(event) => chooseBranch(event.target.value)}>
          <option value="">{labels.filters.allBranches}</option>
          {branches.map((branch) => (
            <option key={branch.id} value={branch.id}>
              {branch.name}
            </option>
          ))}
        </select>
      </div>
    </Box>
  );
}
