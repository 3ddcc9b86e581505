import type { ResourceWithOptions } from 'adminjs';
import { CampaignMember } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { readOnly, textarea, timestamps } from '../shared/presets.js';
import { campaignMemberActions } from './campaign-member.actions.js';

export const createCampaignMemberResource = (): ResourceWithOptions => ({
  resource: CampaignMember,
  options: {
    navigation: navigation.marketing,
    listProperties: ['campaign_id', 'customer_id', 'contact_id', 'status', 'responded_at', 'converted_at', 'order_id'],
    filterProperties: ['campaign_id', 'customer_id', 'status', 'responded_at', 'converted_at'],
    sort: { sortBy: 'updated_at', direction: 'desc' },
    properties: {
      // Where the member stands follows their e-mail's delivery and the response actions.
      status: readOnly,
      responded_at: readOnly,
      converted_at: readOnly,
      order_id: readOnly,
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions(campaignMemberActions),
  },
});
