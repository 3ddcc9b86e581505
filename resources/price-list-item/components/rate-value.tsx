import React from 'react';
import { Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/** A rate stored as a fraction ('0.1300') read as a percentage (13%), without a float on the way. */
function percent(raw: unknown): string {
  const match = /^0*(\d*)\.(\d{2})(\d*?)0*$/.exec(String(raw ?? '').trim());
  if (!match) return String(raw ?? '');
  const [, whole, hundredths, rest] = match;
  return `${Number(`${whole}${hundredths}`)}${rest ? `.${rest}` : ''}%`;
}

const RateValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const value = <Text as="span" style={{ whiteSpace: 'nowrap' }}>{percent(record?.params[property.path])}</Text>;
  if (where !== 'show') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default RateValue;
