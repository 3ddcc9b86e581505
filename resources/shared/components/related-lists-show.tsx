import React, { useEffect, useState } from 'react';
import { useSelector } from 'react-redux';
import { Link } from 'react-router-dom';
import { Box, H3, H4, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import {
  ApiClient, BasePropertyComponent, ViewHelpers, useTranslation,
  type ActionProps, type PropertyJSON, type RecordJSON, type ReduxState, type ResourceJSON,
} from 'adminjs';
import type { RelatedList } from '../presets.js';

const api = new ApiClient();
const h = new ViewHelpers();

/**
 * A record's show page with its related lists under its own fields: a customer's contacts,
 * orders, opportunities, tickets and activity timeline; an order's lines and total. Each list is
 * loaded through the list API, so the server's permission checks and row scopes apply to it.
 */
const RelatedListsShow: React.FC<ActionProps> = ({ resource, record, action }) => {
  const lists = (action.custom?.relatedLists ?? []) as RelatedList[];
  if (!record) return null;
  return (
    <Box>
      <Box variant="white" mb="xl">
        <H3 mb="xl">{record.title}</H3>
        <Box display="grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 24 }}>
          {resource.showProperties.map((property) => (
            <BasePropertyComponent key={property.propertyPath} where="show" property={property} resource={resource} record={record} />
          ))}
        </Box>
      </Box>
      {lists.map((list) => <RelatedSection key={list.label} list={list} owner={resource} record={record} />)}
    </Box>
  );
};

interface SectionProps { list: RelatedList; owner: ResourceJSON; record: RecordJSON }

function RelatedSection({ list, owner, record }: SectionProps) {
  const { translateLabel, translateMessage } = useTranslation();
  const target = useSelector((state: ReduxState) => state.resources.find((r) => r.id === list.resourceId));
  const [rows, setRows] = useState<RecordJSON[]>();
  const [total, setTotal] = useState(0);
  const [failed, setFailed] = useState(false);
  // relatedListQuery() of presets.ts, which the browser bundle cannot import: keep the two alike.
  const query = { ...list.params, [`filters.${list.foreignKey}`]: String(record.id), fields: list.columns.join(',') };

  useEffect(() => {
    if (!target) return;
    api.resourceAction({ resourceId: list.resourceId, actionName: 'list', params: query })
      .then(({ data }) => {
        setRows(data.records as RecordJSON[]);
        setTotal(Number(data.meta?.total ?? 0));
      })
      .catch(() => setFailed(true));
  }, [record.id, target?.id]);

  // A resource the user may not list is not in the menu state: its section is left out.
  if (!target) return null;
  const columns = list.columns.map((name) => target.properties[name]).filter((property): property is PropertyJSON => Boolean(property));
  const search = `?${new URLSearchParams(Object.entries(query).filter(([key]) => key.startsWith('filters.'))).toString()}`;

  return (
    <Box variant="white" mb="xl">
      <Box flex justifyContent="space-between" alignItems="baseline" mb="lg">
        <H4 mb="0">{translateLabel(list.label, owner.id)}</H4>
        <Text variant="sm">
          {rows ? translateLabel('relatedCount', owner.id, { count: total }) : ''}
          {rows && total > 0 ? <> · <Link to={h.resourceUrl({ resourceId: target.id, search })}>{translateLabel('viewAll', owner.id)}</Link></> : null}
        </Text>
      </Box>
      {failed && <Text color="error">{translateMessage('errorFetchingRecords', target.id)}</Text>}
      {rows && rows.length === 0 && <Text color="grey60">{translateMessage('noRecords', target.id)}</Text>}
      {rows && rows.length > 0 && (list.timeline
        ? <Timeline rows={rows} columns={columns} target={target} />
        : <RelatedTable rows={rows} columns={columns} target={target} />)}
      {list.footer && owner.properties[list.footer] && (
        <Box flex justifyContent="flex-end" mt="lg">
          <BasePropertyComponent where="show" property={owner.properties[list.footer]} resource={owner} record={record} />
        </Box>
      )}
    </Box>
  );
}

interface RowsProps { rows: RecordJSON[]; columns: PropertyJSON[]; target: ResourceJSON }

function Cell({ property, row, target, linked }: { property: PropertyJSON; row: RecordJSON; target: ResourceJSON; linked: boolean }) {
  const value = <BasePropertyComponent where="list" property={property} resource={target} record={row} />;
  if (!linked) return value;
  return <Link to={h.recordActionUrl({ resourceId: target.id, recordId: String(row.id), actionName: 'show' })}>{value}</Link>;
}

/** The first column opens the row; when it is a reference (already a link elsewhere), a last column does. */
function RelatedTable({ rows, columns, target }: RowsProps) {
  const { translateProperty, translateAction } = useTranslation();
  const linkColumn = columns[0]?.type === 'reference' ? -1 : 0;
  return (
    <Table width="100%">
      <TableHead>
        <TableRow>
          {columns.map((property) => <TableCell key={property.propertyPath}>{translateProperty(property.label, target.id)}</TableCell>)}
          {linkColumn < 0 && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            {columns.map((property, index) => (
              <TableCell key={property.propertyPath}><Cell property={property} row={row} target={target} linked={index === linkColumn} /></TableCell>
            ))}
            {linkColumn < 0 && (
              <TableCell style={{ textAlign: 'right' }}>
                <Link to={h.recordActionUrl({ resourceId: target.id, recordId: String(row.id), actionName: 'show' })}>{translateAction('show', target.id)}</Link>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Newest first, down a line: the first column is the moment, the second what happened, the rest details. */
function Timeline({ rows, columns, target }: RowsProps) {
  const [when, what, ...details] = columns;
  return (
    <Box as="ol" style={{ listStyle: 'none', margin: 0, padding: 0, borderLeft: '2px solid #c0c6d6' }}>
      {rows.map((row) => (
        <Box as="li" key={row.id} pl="xl" pb="lg" style={{ position: 'relative' }}>
          <span style={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: 6, background: '#3040d6' }} />
          <Text variant="sm" color="grey60">{when && <Cell property={when} row={row} target={target} linked={false} />}</Text>
          <Box flex flexWrap="wrap" alignItems="center" style={{ gap: 12 }}>
            {what && <Cell property={what} row={row} target={target} linked />}
            {details.map((property) => <Cell key={property.propertyPath} property={property} row={row} target={target} linked={false} />)}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

export default RelatedListsShow;
