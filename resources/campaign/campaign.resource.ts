import type { ResourceWithOptions } from 'adminjs';
import { Campaign } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { money, readOnly, textarea, timestamps } from '../shared/presets.js';
import { campaignActions } from './campaign.actions.js';

/** A campaign and the criteria (grade, type, region, status) that choose its target customers. */
export const createCampaignResource = (): ResourceWithOptions => ({
  resource: Campaign,
  options: {
    navigation: navigation.marketing,
    titleProperty: 'name',
    listProperties: ['name', 'kind', 'status', 'start_date', 'end_date', 'budget', 'owner_id'],
    filterProperties: ['name', 'kind', 'status', 'start_date', 'owner_id', 'target_grade', 'target_customer_type', 'target_region', 'target_status'],
    sort: { sortBy: 'start_date', direction: 'desc' },
    properties: {
      budget: money,
      description: textarea,
      launched_at: readOnly,
      ...timestamps,
    },
    actions: withBuiltInActions(campaignActions),
  },
});
