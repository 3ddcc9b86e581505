import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, DrawerContent, Icon, Text } from '@adminjs/design-system';
import { ActionHeader, ApiClient, ViewHelpers, useTranslation, type ActionProps } from 'adminjs';
import { useLocation } from 'react-router';

const api = new ApiClient();
const h = new ViewHelpers();
/** What of the list's address describes its rows: filters and sort, not the page. */
const LIST_PARAMETER = /^(filters\.|sortBy$|direction$)/;

/**
 * The export drawer over a list: the list's own filters and sort (from the address, which the
 * drawer keeps) go into the download link, so the file holds the rows the list shows, all pages.
 */
const ExportList: React.FC<ActionProps> = (props) => {
  const { resource, action } = props;
  const location = useLocation();
  const { translateMessage, i18n } = useTranslation();
  const [total, setTotal] = useState<number>();

  const listQuery = useMemo(
    () => new URLSearchParams([...new URLSearchParams(location.search)].filter(([key]) => LIST_PARAMETER.test(key))),
    [location.search],
  );

  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: action.name, params: Object.fromEntries(listQuery) })
      .then(({ data }) => setTotal(data.total as number))
      .catch(() => setTotal(undefined));
  }, [listQuery]);

  const href = (format: 'xlsx' | 'csv') => {
    const query = new URLSearchParams(listQuery);
    query.set('format', format);
    query.set('lang', i18n.language);
    return h.urlBuilder(['transfer', resource.id, 'export'], `?${query}`);
  };
  const t = (key: string, params?: Record<string, unknown>) => translateMessage(key, resource.id, params);

  return (
    <DrawerContent>
      <ActionHeader {...props} omitActions />
      <Text mb="lg">{t('exportIntro')}</Text>
      {total !== undefined && <Text mb="xl" fontWeight="bold" data-testid="export-count">{t('exportRowCount', { count: total })}</Text>}
      <Box flex flexDirection="column" style={{ gap: 12 }}>
        <Button as="a" href={href('xlsx')} variant="contained" data-testid="export-xlsx">
          <Icon icon="Download" />
          {t('exportXlsx')}
        </Button>
        <Button as="a" href={href('csv')} variant="outlined" data-testid="export-csv">
          <Icon icon="Download" />
          {t('exportCsv')}
        </Button>
      </Box>
    </DrawerContent>
  );
};

export default ExportList;
