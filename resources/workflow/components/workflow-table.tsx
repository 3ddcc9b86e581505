import React, { useEffect, useState } from 'react';
import { Badge, Box, Button, Label, Link, Loader, SelectAsync, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, ViewHelpers, useNotice, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import type { Column, Heading, Message, TableOptions } from '../workflow-screens.js';
import { searchChoices, type Choice } from './record-choices.js';
import { businessDateTimeText } from '../../../src/clock/business-clock.js';

const api = new ApiClient();
const h = new ViewHelpers();

type Row = Record<string, unknown>;

/**
 * The list of a table action (workflow-screens.ts): an optional filter, the sentence above the
 * rows, the rows with links and badges, and a button per row where the action offers one.
 */
const WorkflowTable: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { tm, tp, ta } = useTranslation();
  const addNotice = useNotice();
  const { columns, rowsKey, empty, filter, rowAction } = action.custom as TableOptions;
  const [chosen, setChosen] = useState<Choice | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [summary, setSummary] = useState<Message>();
  const heading = (of: Heading) => ('property' in of ? tp(of.property, resource.id) : tm(of.label, resource.id));

  const load = async () => {
    const params = filter && chosen ? { [filter.name]: chosen.value } : {};
    const response = record
      ? await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, params })
      : await api.resourceAction({ resourceId: resource.id, actionName: action.name, params });
    const answer = response.data;
    if (answer.notice) addNotice(answer.notice);
    setSummary(answer.table?.summary);
    setRows((rowsKey ? answer[rowsKey] : answer.table?.rows) ?? []);
  };
  useEffect(() => {
    setRows(null);
    void load();
  }, [resource.id, record?.id, action.name, chosen?.value]);

  const runRowAction = async (row: Row) => {
    if (!rowAction) return;
    const response = await api.recordAction({ resourceId: resource.id, recordId: String(row[rowAction.idKey]), actionName: rowAction.name, data: {} });
    const answer = response.data as ActionResponse;
    if (answer.notice) addNotice(answer.notice);
    await load();
  };

  const cell = (column: Column, row: Row) => {
    const text = [column.key].flat().map((key) => shown(row[key], column.datetime)).join(' ');
    const value = column.alarm ? <Badge variant="danger">{text}</Badge> : text;
    const flag = column.flag && row[column.flag.when] === true ? <> <Badge variant="danger">{tm(column.flag.label, resource.id)}</Badge></> : null;
    if (!column.link) return <>{value}{flag}</>;
    const href = h.recordActionUrl({ resourceId: column.link.resourceId ?? resource.id, recordId: String(row[column.link.idKey]), actionName: 'show' });
    return <><Link href={href}>{value}</Link>{flag}</>;
  };

  return (
    <Box variant="container">
      {filter && (
        <Box mb="xl" style={{ maxWidth: 360 }}>
          <Label htmlFor={filter.name}>{heading(filter)}</Label>
          <SelectAsync inputId={filter.name} cacheOptions defaultOptions isClearable placeholder={tm(filter.placeholder, resource.id)} value={chosen}
            loadOptions={(query: string) => searchChoices(filter.resourceId, query)}
            onChange={(selected: Choice | null) => setChosen(selected)} />
        </Box>
      )}
      {summary && <Text mb="lg">{tm(summary.message, resource.id, summary.options)}</Text>}
      {rows === null ? <Loader /> : rows.length === 0 && empty ? <Text>{tm(empty, resource.id)}</Text> : (
        <Table>
          <TableHead>
            <TableRow>
              {columns.map((column) => <TableCell key={String(column.key)}>{heading(column)}</TableCell>)}
              {rowAction && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={index}>
                {columns.map((column) => <TableCell key={String(column.key)}>{cell(column, row)}</TableCell>)}
                {rowAction && (
                  <TableCell>
                    <Button size="sm" variant="outlined" onClick={() => void runRowAction(row)}>{ta(rowAction.name, resource.id)}</Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

function shown(value: unknown, datetime?: boolean): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  const text = String(value);
  const moment = new Date(text);
  return datetime && !Number.isNaN(moment.getTime()) ? businessDateTimeText(moment) : text;
}

export default WorkflowTable;
