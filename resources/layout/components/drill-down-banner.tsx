import React from 'react';
import { useLocation } from 'react-router';
import { Box, Link, Text } from '@adminjs/design-system';
import { ViewHelpers, useTranslation } from 'adminjs';
import { drillDownOf } from '../../../dashboards/drill-down.js';

/**
 * Above a list opened from the dashboard: what was clicked, as the chart worded it (its value and
 * count), beside how many rows the list holds, so the two figures can be compared.
 */
export function DrillDownBanner({ resourceId, total }: { resourceId: string; total: string | undefined }) {
  const location = useLocation();
  const { tm } = useTranslation();
  const figure = drillDownOf(location.state);
  if (!figure) return null;
  return (
    <Box className="petro-drill-down" data-css={`${resourceId}-drill-down`}>
      <Text>
        <strong>{tm('drillDownFrom', resourceId, { chart: figure.chart })}</strong>
        {figure.lines.map((line) => <span key={line} className="petro-drill-down-line">{line}</span>)}
      </Text>
      <Text>
        {total !== undefined ? <strong data-drill-down-total={total}>{tm('drillDownListed', resourceId, { count: Number(total) })}</strong> : null}
        <Link href={new ViewHelpers().dashboardUrl()} onClick={(event: React.MouseEvent) => { event.preventDefault(); window.history.back(); }} style={{ marginLeft: 16 }}>
          {tm('drillDownBack', resourceId)}
        </Link>
      </Text>
    </Box>
  );
}
