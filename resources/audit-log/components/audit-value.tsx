import React from 'react';
import { Badge, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/** What src/audit/audit-log.ts writes for the scheduled jobs' own changes. */
const SYSTEM_ACTOR = 'system';

/**
 * An audit row's resource and action are ids ("customers", "edit", "shipOrder"): shown as the
 * names the panel uses for them, in the user's language.
 */
const AuditValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateAction, translateLabel, translateMessage, translateProperty } = useTranslation();
  const value = String(record?.params[property.path] ?? '');
  const resourceId = String(record?.params.resource ?? '');
  // The domain may name a step otherwise than its button (shipOrder is 发货): its own word first.
  const text =
    property.path === 'resource' ? translateLabel(value, value)
    : property.path === 'user_email' ? (value === SYSTEM_ACTOR ? translateMessage('auditSystemActor', 'audit_logs') : value)
    : translateMessage(`auditAction_${value}`, 'audit_logs', { defaultValue: '' }) || translateAction(value, resourceId);
  const badge = !value ? null : property.path === 'user_email' ? <>{text}</> : <Badge outline size="sm">{text}</Badge>;
  if (where !== 'show') return badge;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{badge}</ValueGroup>;
};

export default AuditValue;
