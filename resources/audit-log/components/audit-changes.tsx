import React from 'react';
import { Box, Label, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { flat, useTranslation, type BasePropertyProps } from 'adminjs';
import { useAuditedValue } from './audited-value.js';

interface Changes {
  fields?: Record<string, { before: unknown; after: unknown }>;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

/** What changed, field by field, labelled and worded as the audited resource's screens show them. */
const AuditChanges: React.FC<BasePropertyProps> = ({ property, record }) => {
  const { translateProperty, translateLabel } = useTranslation();
  const changes = (flat.unflatten<Record<string, unknown>, Record<string, unknown>>(record?.params ?? {})[property.path] ?? {}) as Changes;
  const audited = String(record?.params.resource ?? '');
  const { nameOf, valueOf } = useAuditedValue(audited);
  const rows: Array<[string, unknown, unknown]> = changes.fields
    ? Object.entries(changes.fields).map(([field, { before, after }]) => [field, before, after])
    : [...Object.entries(changes.before ?? {}).map(([field, before]): [string, unknown, unknown] => [field, before, undefined]),
      ...Object.entries(changes.after ?? {}).map(([field, after]): [string, unknown, unknown] => [field, undefined, after])];
  const details = Object.entries(changes.details ?? {});
  return (
    <Box mb="xl">
      <Label variant="light">{translateProperty(property.label, property.resourceId)}</Label>
      <Table width="100%">
        <TableHead>
          <TableRow>
            <TableCell>{translateLabel('auditField', property.resourceId)}</TableCell>
            <TableCell>{translateLabel('auditBefore', property.resourceId)}</TableCell>
            <TableCell>{translateLabel('auditAfter', property.resourceId)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(([field, before, after]) => (
            <TableRow key={field}>
              <TableCell>{nameOf(field)}</TableCell>
              <TableCell>{valueOf(field, before)}</TableCell>
              <TableCell>{valueOf(field, after)}</TableCell>
            </TableRow>
          ))}
          {details.map(([key, value]) => (
            <TableRow key={`details.${key}`}>
              <TableCell>{translateLabel('auditDetails', property.resourceId)}: {nameOf(key)}</TableCell>
              <TableCell colSpan={2}><Text>{valueOf(key, value)}</Text></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default AuditChanges;
