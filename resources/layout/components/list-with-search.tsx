import React, { useState } from 'react';
import type { ActionProps } from 'adminjs';
import { DrillDownBanner } from './drill-down-banner.js';
import { ListSearch } from './list-search.js';

type Props = ActionProps & { OriginalComponent?: React.ComponentType<ActionProps> };

/** AdminJS's list of every resource, under a search box and, after a dashboard click, what was clicked. */
const ListWithSearch: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  // The list reports its total to the header's badge; the drill-down banner shows it too.
  const [total, setTotal] = useState<string>();
  if (!OriginalComponent) return null;
  const setTag: NonNullable<ActionProps['setTag']> = (tag) => {
    setTotal(typeof tag === 'function' ? undefined : tag);
    props.setTag?.(tag);
  };
  return (
    <>
      <DrillDownBanner resourceId={props.resource.id} total={total} />
      <ListSearch resourceId={props.resource.id} />
      <OriginalComponent {...props} setTag={setTag} />
    </>
  );
};

export default ListWithSearch;
