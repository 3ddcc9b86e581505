import React, { useEffect, useRef, useState } from 'react';
import { Box, Button, Icon, Input } from '@adminjs/design-system';
import { useQueryParams, useTranslation } from 'adminjs';

/** The list filter the search box sets; src/db/crm-resource.ts reads it. */
export const SEARCH_FILTER = 'search';

/** Typing pauses this long before the list asks the server, so one word is one request on a slow link. */
const TYPING_PAUSE_MS = 400;

type Filters = Record<string, unknown>;

/**
 * One box above every list: any part of a name, code, phone or other text column, Chinese
 * included, without opening 筛选. The words live in the URL like the other filters, so a reload,
 * the back button or a shared link shows the same rows.
 */
export function ListSearch({ resourceId }: { resourceId: string }) {
  const { tm } = useTranslation();
  const { filters = {}, storeParams } = useQueryParams<Record<string, unknown>, Filters>();
  const searched = filters[SEARCH_FILTER];
  const current = typeof searched === 'string' ? searched : '';
  const [text, setText] = useState(current);
  const timer = useRef<number>();

  useEffect(() => setText(current), [current]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (words: string) => {
    window.clearTimeout(timer.current);
    const trimmed = words.trim();
    if (trimmed === current) return;
    const { [SEARCH_FILTER]: _previous, ...others } = filters;
    // A new search starts on its first page.
    storeParams({ filters: trimmed ? { ...others, [SEARCH_FILTER]: trimmed } : others, page: '1' });
  };
  const type = (words: string) => {
    setText(words);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => search(words), TYPING_PAUSE_MS);
  };

  return (
    <Box as="form" role="search" className="petro-list-search" data-css={`${resourceId}-search`}
      onSubmit={(event: React.FormEvent) => { event.preventDefault(); search(text); }}>
      <Icon icon="Search" color="grey60" />
      <Input
        type="text"
        enterKeyHint="search"
        name="search"
        aria-label={tm('listSearchLabel', resourceId)}
        placeholder={tm('listSearchPlaceholder', resourceId)}
        value={text}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => type(event.target.value)}
        variant="sm"
        borderless
      />
      {text ? (
        <Button type="button" variant="text" size="icon" rounded title={tm('listSearchClear', resourceId)} onClick={() => { setText(''); search(''); }}>
          <Icon icon="X" />
        </Button>
      ) : null}
    </Box>
  );
}
