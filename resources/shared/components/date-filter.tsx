import React from 'react';
import { FormGroup, Label } from '@adminjs/design-system';
import { PropertyLabel, useTranslation, type FilterPropertyProps } from 'adminjs';
import { CalendarPicker } from './calendar-picker.js';

/**
 * A list's filter on a date or a time: a range of business days, both included. The list reads a
 * day on a time column as the whole business day (src/db/crm-resource.ts), so no browser time zone
 * moves the range.
 */
const DateFilter: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const { translateProperty, i18n } = useTranslation();
  const key = (end: 'from' | 'to') => `${property.path}~~${end}`;
  return (
    <FormGroup variant="filter">
      <PropertyLabel property={property} filter />
      {(['from', 'to'] as const).map((end) => (
        <React.Fragment key={end}>
          <Label mt={end === 'to' ? 'default' : undefined}>{`- ${translateProperty(end)}: `}</Label>
          <CalendarPicker id={key(end)} kind="date" language={i18n.language} value={(filter as Record<string, string | undefined>)[key(end)]} onChange={(day) => onChange(key(end), day)} />
        </React.Fragment>
      ))}
    </FormGroup>
  );
};

export default DateFilter;
