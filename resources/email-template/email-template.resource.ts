import type { ResourceWithOptions } from 'adminjs';
import { EmailTemplate } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { timestamps } from '../shared/presets.js';

export const createEmailTemplateResource = (): ResourceWithOptions => ({
  resource: EmailTemplate,
  options: {
    navigation: navigation.marketing,
    titleProperty: 'name',
    listProperties: ['code', 'name', 'subject', 'active', 'updated_at'],
    filterProperties: ['code', 'name', 'subject', 'active'],
    sort: { sortBy: 'code', direction: 'asc' },
    properties: {
      body: { type: 'textarea', props: { rows: 12 } },
      ...timestamps,
      updated_at: { ...timestamps.updated_at, isVisible: { list: true, filter: true, show: true, edit: false } },
    },
    actions: withBuiltInActions(),
  },
});
