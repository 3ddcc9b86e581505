import React, { useEffect, useState } from 'react';
import { Box, Link, Loader, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, ViewHelpers, useNotice, useTranslation, type ActionProps } from 'adminjs';

interface Column {
  key: string;
  label: string;
  link?: { resourceId: string; idKey: string };
}

interface ServerTable {
  columns: Column[];
  rows: Array<Record<string, unknown>>;
  summary: { message: string; options?: Record<string, string | number> };
}

const api = new ApiClient();
const h = new ViewHelpers();

/** A table the server computes for an action (who received a batch, churn per outlet). */
const WorkflowTable: React.FC<ActionProps> = ({ action, resource, record }) => {
  const { translateMessage } = useTranslation();
  const addNotice = useNotice();
  const [table, setTable] = useState<ServerTable>();

  useEffect(() => {
    const request = record
      ? api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, method: 'get' })
      : api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'get' });
    request.then(({ data }) => {
      if (data.notice) addNotice(data.notice);
      setTable(data.table as ServerTable | undefined);
    });
  }, [resource.id, record?.id, action.name]);

  if (!table) return <Loader />;
  const show = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '' : String(value));

  return (
    <Box variant="white">
      <Text mb="lg">{translateMessage(table.summary.message, resource.id, table.summary.options)}</Text>
      <Table>
        <TableHead>
          <TableRow>{table.columns.map((column) => <TableCell key={column.key}>{translateMessage(column.label, resource.id)}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((row, index) => (
            <TableRow key={index}>
              {table.columns.map((column) => (
                <TableCell key={column.key}>
                  {column.link
                    ? <Link href={h.recordActionUrl({ resourceId: column.link.resourceId, recordId: String(row[column.link.idKey]), actionName: 'show' })}>{show(row[column.key])}</Link>
                    : show(row[column.key])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default WorkflowTable;
