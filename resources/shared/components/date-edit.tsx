import React from 'react';
import { FormGroup, FormMessage } from '@adminjs/design-system';
import { PropertyLabel, useTranslation, type EditPropertyProps } from 'adminjs';
import { CalendarPicker } from './calendar-picker.js';

/** Every date and time field of every form: picked as a day, or a time on the business clock (calendar-picker.tsx). */
const DateEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { tm, i18n } = useTranslation();
  const error = record.errors?.[property.path];
  const kind = property.type === 'date' ? 'date' : 'datetime';
  return (
    <FormGroup error={Boolean(error)}>
      <PropertyLabel property={property} />
      <CalendarPicker id={property.path} kind={kind} language={i18n.language} disabled={property.isDisabled}
        value={record.params?.[property.path] as string | undefined} onChange={(value) => onChange(property.path, value)} />
      <FormMessage>{error ? tm(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default DateEdit;
