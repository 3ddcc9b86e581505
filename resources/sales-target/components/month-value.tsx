import React from 'react';
import { Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/** '2026-07' for a target stored as its month's first day. */
const MonthValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const value = <Text as="span" style={{ whiteSpace: 'nowrap' }}>{String(record?.params[property.path] ?? '').slice(0, 7)}</Text>;
  if (where !== 'show') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default MonthValue;
