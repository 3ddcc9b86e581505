import React, { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Box, Pagination, Text } from '@adminjs/design-system';
import {
  ApiClient, RecordsTable, useNotice, useQueryParams, useSelectedRecords, useTranslation,
  type ActionProps, type RecordJSON,
} from 'adminjs';
import type { LeanListMeta } from '../lean-list.js';

const api = new ApiClient();
const REFRESH_KEY = 'refresh';

/**
 * AdminJS's list page (actions/list.js) over the lean list API, with two additions: a total that
 * is PostgreSQL's estimate is shown as "约 N", and the next page is asked with the cursor of this
 * one, so PostgreSQL continues from the last row in the index instead of counting past every
 * earlier page. Any other move (a page number, a filter, a sort) asks by number, as before.
 */
const LeanList: React.FC<ActionProps> = ({ resource, setTag }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const onNotice = useNotice();
  const { translateLabel } = useTranslation();
  const { storeParams } = useQueryParams();
  const [records, setRecords] = useState<RecordJSON[]>([]);
  const [meta, setMeta] = useState<LeanListMeta>({ total: 0, perPage: 10, page: 1, totalIsEstimate: false });
  const [loading, setLoading] = useState(false);
  const { selectedRecords, handleSelect, handleSelectAll, setSelectedRecords } = useSelectedRecords(records);

  const fetchData = () => {
    setLoading(true);
    return api.resourceAction({ actionName: 'list', resourceId: resource.id, params: new URLSearchParams(location.search) }).then((response) => {
      const answer = response.data as { records: RecordJSON[]; meta: LeanListMeta; notice?: Parameters<typeof onNotice>[0]; redirectUrl?: string };
      if (answer.notice) onNotice(answer.notice);
      if (answer.redirectUrl) return navigate(answer.redirectUrl);
      setRecords(answer.records);
      setMeta(answer.meta);
      setLoading(false);
    }).catch(() => onNotice({ message: 'errorFetchingRecords', type: 'error', resourceId: resource.id }));
  };

  useEffect(() => {
    const search = new URLSearchParams(location.search);
    if (search.get(REFRESH_KEY)) {
      search.delete(REFRESH_KEY);
      navigate({ pathname: location.pathname, search: search.toString() }, { replace: true });
    } else {
      void fetchData();
    }
  }, [resource.id, location.search, location.state]);
  useEffect(() => {
    setTag?.(meta.totalIsEstimate ? translateLabel('approximateTotal', resource.id, { total: meta.total.toLocaleString() }) : meta.total.toString());
  }, [meta.total, meta.totalIsEstimate]);
  useEffect(() => setSelectedRecords([]), [resource.id]);
  // Back from a bulk action's drawer, the rows it was opened with stay ticked.
  useEffect(() => {
    const search = new URLSearchParams(location.search);
    const ids = search.get(REFRESH_KEY) ? [] : (search.get('recordIds')?.split(',') ?? []);
    setSelectedRecords(records.filter((record) => ids.includes(String(record.id))));
  }, [location.search, records]);

  // storeParams keeps only AdminJS's own parameters: `after` is gone after any other move.
  const changePage = (page: number) => storeParams(page === meta.page + 1 && meta.nextCursor ? { page: String(page), after: meta.nextCursor } : { page: String(page) });

  return (
    // The hook AdminJS's own list offers for styling (its getActionElementCss is not in the browser bundle).
    <Box variant="container" data-css={`${resource.id}-list-table-wrapper`}>
      <RecordsTable
        resource={resource}
        records={records}
        actionPerformed={() => void fetchData()}
        onSelect={handleSelect}
        onSelectAll={handleSelectAll}
        selectedRecords={selectedRecords}
        direction={meta.direction}
        sortBy={meta.sortBy}
        isLoading={loading}
      />
      <Text mt="xl" textAlign="center">
        <Pagination page={meta.page} perPage={meta.perPage} total={meta.total} onChange={changePage} />
      </Text>
    </Box>
  );
};

export default LeanList;
