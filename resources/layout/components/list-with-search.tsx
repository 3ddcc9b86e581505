import React, { useState } from 'react';
import type { ActionProps } from 'adminjs';
import { DrillDownBanner } from './drill-down-banner.js';
import { ListSearch } from './list-search.js';
import LeanList from '../../shared/components/lean-list.js';

/**
 * The list of every resource (the lean list API's page, shared/components/lean-list.tsx), under a
 * search box and, after a dashboard click, what was clicked.
 */
const ListWithSearch: React.FC<ActionProps> = (props) => {
  // The list reports its total to the header's badge; the drill-down banner shows it too.
  const [total, setTotal] = useState<string>();
  const setTag: NonNullable<ActionProps['setTag']> = (tag) => {
    setTotal(typeof tag === 'function' ? undefined : tag);
    props.setTag?.(tag);
  };
  return (
    <>
      <DrillDownBanner resourceId={props.resource.id} total={total} />
      <ListSearch resourceId={props.resource.id} />
      <LeanList {...props} setTag={setTag} />
    </>
  );
};

export default ListWithSearch;
