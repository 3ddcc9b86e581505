import React from 'react';
import { FormGroup, FormMessage, Input, Label } from '@adminjs/design-system';
import { useTranslation, type EditPropertyProps } from 'adminjs';

/**
 * A target's month: the browser's month picker, stored as the month's first day ('2026-07' →
 * '2026-07-01'), a date-only value that no time zone moves.
 */
const MonthEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const stored = String(record.params[property.path] ?? '');
  const error = record.errors?.[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={property.path} required={property.isRequired}>{translateProperty(property.label, property.resourceId)}</Label>
      <Input id={property.path} type="month" value={stored.slice(0, 7)} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, event.target.value ? `${event.target.value}-01` : '')} />
      <FormMessage>{error ? translateMessage(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default MonthEdit;
