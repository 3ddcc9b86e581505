import { useSelector } from 'react-redux';
import { useTranslation, type BasePropertyJSON, type ReduxState } from 'adminjs';
import { formatMoney } from '../../shared/components/money-value.js';
import { businessDateTimeText } from '../../../src/clock/business-clock.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A value of an audited row as the audited resource's screens show it: a choice by its name, a
 * yes/no, money with ¥ and grouping, an instant on the business clock (as the lists show it), a reference as its number, a
 * nested value as "name: value" pairs, never raw JSON or an ISO time.
 */
export function useAuditedValue(resourceId: string): { nameOf: (key: string) => string; valueOf: (field: string, value: unknown) => string } {
  const resources = useSelector((state: ReduxState) => state.resources);
  const { translateLabel, translateProperty, translateMessage } = useTranslation();
  const properties = resources.find((resource) => resource.id === resourceId)?.properties ?? {};

  /** A field or a detail's key: the step's own word, the resource's field, or the choice it counts (at_risk: 流失风险). */
  const nameOf = (key: string): string => {
    const detail = translateMessage(`auditDetail_${key}`, 'audit_logs', { defaultValue: '' });
    if (detail) return detail;
    const field = translateProperty(key, resourceId, { defaultValue: '' });
    if (field) return field;
    const choice = Object.values(properties).find((property) => property.availableValues?.some((option) => option.value === key));
    return choice ? translateLabel(`${choice.name}.${key}`, resourceId, { defaultValue: key }) : key;
  };

  const worded = (field: string, value: unknown, property: BasePropertyJSON | undefined): string => {
    if (value === null || value === undefined || value === '') return translateMessage('auditEmpty', 'audit_logs');
    if (Array.isArray(value)) return value.map((item) => worded(field, item, property)).join('、');
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([key, inner]) => `${nameOf(key)}: ${worded(key, inner, properties[key])}`)
        .join('；');
    }
    if (typeof value === 'boolean' || property?.type === 'boolean') {
      const named = translateLabel(`${field}.${String(value)}`, resourceId, { defaultValue: '' });
      return named || translateMessage(String(value) === 'true' ? 'auditYes' : 'auditNo', 'audit_logs');
    }
    const text = String(value);
    if (property?.availableValues?.length) return translateLabel(`${field}.${text}`, resourceId, { defaultValue: text });
    if (property?.type === 'currency') return formatMoney(text);
    if (property?.reference) return `#${text}`;
    if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return businessDateTimeText(new Date(text));
    return text;
  };
  return { nameOf, valueOf: (field, value) => worded(field, value, properties[field]) };
}
