import React from 'react';
import { Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { isCalendarDay } from '../../../src/clock/calendar-day.js';
import { businessDateTimeText } from '../../../src/clock/business-clock.js';

/**
 * A date as the day it is, a time on the business clock ('2026-03-01 15:30' Beijing time, also in a
 * browser in Los Angeles): an SLA due time reads the same for the desk and the customer.
 */
export function shownDateValue(raw: unknown, type: string): string {
  if (raw === null || raw === undefined || raw === '') return '';
  const text = String(raw);
  if (type === 'date') return isCalendarDay(text.slice(0, 10)) ? text.slice(0, 10) : text;
  const moment = new Date(text);
  return Number.isNaN(moment.getTime()) ? text : businessDateTimeText(moment);
}

const DateValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const value = <Text as="span" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{shownDateValue(record?.params[property.path], property.type)}</Text>;
  if (where !== 'show') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default DateValue;
