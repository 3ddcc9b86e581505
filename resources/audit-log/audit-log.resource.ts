import type { ResourceWithOptions } from 'adminjs';
import { AuditLog } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { Components } from '../component-loader.js';
import { timestamps } from '../shared/presets.js';

/** The audit log only grows: written with each change, never typed in, edited or deleted. */
export const createAuditLogResource = (): ResourceWithOptions => ({
  resource: AuditLog,
  options: {
    navigation: navigation.system,
    titleProperty: 'action',
    listProperties: ['occurred_at', 'user_id', 'user_email', 'action', 'resource', 'record_id'],
    filterProperties: ['occurred_at', 'user_id', 'user_email', 'action', 'resource', 'record_id'],
    sort: { sortBy: 'occurred_at', direction: 'desc' },
    properties: {
      action: { components: { list: Components.AuditValue, show: Components.AuditValue } },
      user_email: { components: { list: Components.AuditValue, show: Components.AuditValue } },
      resource: { components: { list: Components.AuditValue, show: Components.AuditValue } },
      changes: { components: { show: Components.AuditChanges }, isVisible: { list: false, filter: false, show: true, edit: false } },
      ...timestamps,
    },
    actions: withBuiltInActions({}, { disabled: ['new', 'edit', 'delete', 'bulkDelete'] }),
  },
});
