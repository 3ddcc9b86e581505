import React, { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Box, H3, Loader, MessageBox, Text } from '@adminjs/design-system';
import { ApiClient, ViewHelpers, useCurrentAdmin, useTranslation } from 'adminjs';
import type { DashboardData, DashboardError } from '../dashboard-data.js';
import { filtersToQuery, type DashboardFilters } from '../dashboard-filters.js';
import { dashboardLabels, type DashboardLabels } from '../dashboard-labels.js';
import type { ListLink } from '../dashboard-links.js';
import type { DrillDownState, Figure } from '../drill-down.js';
import './chart-setup.js';
import { FilterBar } from './filter-bar.js';
import { KpiCards } from './kpi-cards.js';
import { MonthlyRevenueChart, RevenueByCategoryChart, RevenueByRepChart, RevenueByTeamChart, TopCustomersChart } from './sales-charts.js';
import { CampaignChart, ChurnChart, CustomerMixChart } from './customer-charts.js';
import { FunnelChart, StockChart, TicketsChart } from './operations-charts.js';
import { CreditWatchPanel, ReceivablesAgingChart } from './credit-charts.js';
import { TargetProgressChart } from './target-charts.js';
import { creditTargetLabels } from '../credit-target-labels.js';
import { petroleumLabels } from '../petroleum-labels.js';
import { ContractLiftingChart, LifetimeValueChart, ShipmentLossChart, StationVolumeChart } from './petroleum-charts.js';

type Load = { status: 'loading' } | { status: 'ready'; data: DashboardData } | { status: 'failed'; message: string | null };

const FILTER_PARAMETERS = ['period', 'from', 'to', 'branch'];
const api = new ApiClient();

/**
 * The statistics page. Its filters live in the URL's query string (`/admin?period=3m&branch=2`),
 * so a reload, a bookmark or a shared link shows the same figures; each change is a new history entry.
 */
function DashboardPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const { i18n } = useTranslation();
  const [currentAdmin] = useCurrentAdmin();
  const language = i18n?.language ?? (currentAdmin as { locale?: string } | null)?.locale ?? 'zh-CN';
  const labels = dashboardLabels(language);
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    const url = new URLSearchParams(location.search);
    const params = Object.fromEntries(FILTER_PARAMETERS.filter((name) => url.has(name)).map((name) => [name, url.get(name)]));
    setLoad((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    api
      .getDashboard<DashboardData>({ params })
      .then((response) => current && setLoad({ status: 'ready', data: response.data }))
      .catch((error: unknown) => current && setLoad({ status: 'failed', message: problemOf(error) }));
    return () => {
      current = false;
    };
  }, [location.search]);

  const applyFilters = useCallback((filters: DashboardFilters) => navigate({ search: `?${filtersToQuery(filters)}` }), [navigate]);
  const open = useCallback(
    (link: ListLink, figure?: Figure) => navigate(new ViewHelpers().resourceUrl(link), { state: figure ? ({ drillDown: figure } satisfies DrillDownState) : null }),
    [navigate],
  );

  if (load.status === 'loading') return <Loader />;
  if (load.status === 'failed') {
    return (
      <Box p="xl">
        <MessageBox variant="danger" message={load.message ?? labels.failed} />
      </Box>
    );
  }
  const { data } = load;
  const chartProps = { data, labels, language, open };
  return (
    <Box p="lg" data-dashboard-ready={filtersToQuery(data.filters)}>
      <Box flex flexDirection="row" flexWrap="wrap" justifyContent="space-between" alignItems="flex-end" mb="lg" style={{ gap: 12 }}>
        <Box>
          <H3 mb="xs">{labels.title}</H3>
          <Text variant="sm" color="grey60">
            {labels.scope[data.scope]} · {labels.filters.range(data.filters.from, data.filters.to)}
          </Text>
        </Box>
        <FilterBar filters={data.filters} branches={data.branches} labels={labels} onChange={applyFilters} />
      </Box>
      {isEmpty(data) ? <MessageBox variant="info" message={labels.emptyPage} mb="lg" /> : null}
      {data.refused.length > 0 ? <MessageBox variant="info" message={`${labels.refused}${refusedNames(data, labels, language).join(language.startsWith('zh') ? '、' : ', ')}`} mb="lg" /> : null}
      <KpiCards data={data} labels={labels} language={language} open={open} />
      {/* Two charts to a row on a laptop, one on a phone (panel.css). */}
      <div className="petro-chart-grid">
        <MonthlyRevenueChart {...chartProps} />
        <RevenueByCategoryChart {...chartProps} />
        <TopCustomersChart {...chartProps} />
        <RevenueByRepChart {...chartProps} />
        <RevenueByTeamChart {...chartProps} />
        <TargetProgressChart {...chartProps} />
        <ReceivablesAgingChart {...chartProps} />
        <CreditWatchPanel {...chartProps} />
        <FunnelChart {...chartProps} />
        <CustomerMixChart {...chartProps} />
        <TicketsChart {...chartProps} />
        <ChurnChart {...chartProps} />
        <StockChart {...chartProps} />
        <CampaignChart {...chartProps} />
        <ContractLiftingChart {...chartProps} />
        <LifetimeValueChart {...chartProps} />
        <StationVolumeChart {...chartProps} />
        <ShipmentLossChart {...chartProps} />
      </div>
    </Box>
  );
}

/** Nothing to draw anywhere: say so once, above the empty cards. */
function isEmpty(data: DashboardData): boolean {
  return (
    data.monthlyRevenue.rows.length === 0 &&
    data.customerMix.length === 0 &&
    data.tickets.byKindAndStatus.length === 0 &&
    data.funnel.every((stage) => stage.opportunities === 0) &&
    data.campaigns.length === 0
  );
}

/** The figures the role may not see, by the names the page gives them. */
function refusedNames(data: DashboardData, labels: DashboardLabels, language: string): string[] {
  const credit = creditTargetLabels(language);
  const petroleum = petroleumLabels(language);
  const panels: Record<string, string> = {
    ...labels.charts, ...labels.refusedCards, ...petroleum.charts,
    receivablesAging: credit.aging.title, creditWatch: credit.watch.title, targets: credit.targets.title,
  };
  return data.refused.map((section) => panels[section] ?? section);
}

/** The handler's own message for a filter it refuses (a hand-edited URL), else the generic one. */
function problemOf(error: unknown): string | null {
  const body = (error as { response?: { data?: Partial<DashboardError> } } | null)?.response?.data;
  return body?.error?.message ?? null;
}

export default DashboardPage;
