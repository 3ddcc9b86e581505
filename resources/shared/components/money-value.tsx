import React from 'react';
import { Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/**
 * ¥1,234,567.00 from the NUMERIC string PostgreSQL returns. The digits are grouped as text, never
 * through a float, so a figure is shown exactly as it is stored.
 */
export function formatMoney(raw: unknown): string {
  if (raw === null || raw === undefined || raw === '') return '';
  const text = String(raw).trim();
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${`${fraction}00`.slice(0, 2)}`;
}

/** List cell and show field of a money column. */
const MoneyValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const text = formatMoney(record?.params[property.path]);
  const value = <Text as="span" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{text}</Text>;
  if (where !== 'show') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default MoneyValue;
