import React from 'react';
import { Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/** 1,250.5 from '1250.500': grouped, without the trailing zeros of NUMERIC(14,3). */
function formatQuantity(raw: unknown): string {
  const match = /^(-?)(\d+)(?:\.(\d*?))?0*$/.exec(String(raw).trim());
  if (!match) return String(raw);
  const [, sign, whole, fraction] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A quantity with its unit (吨, 千克…). The unit is a column of the same row (`custom.unitColumn`)
 * or of the referenced product (`custom.unitFromReference`); without either it is the company's
 * default unit, the ton.
 */
const QuantityValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty, translateLabel } = useTranslation();
  const raw = record?.params[property.path];
  const { unitColumn, unitFromReference } = (property.custom ?? {}) as { unitColumn?: string; unitFromReference?: string };
  const unit = (unitFromReference ? record?.populated[unitFromReference]?.params.unit : undefined)
    ?? (unitColumn ? record?.params[unitColumn] : undefined)
    ?? 'ton';
  const text = raw === null || raw === undefined || raw === '' ? '' : `${formatQuantity(raw)} ${translateLabel(`unit.${unit}`, 'products')}`;
  const value = <Text as="span" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{text}</Text>;
  if (where !== 'show') return value;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{value}</ValueGroup>;
};

export default QuantityValue;
