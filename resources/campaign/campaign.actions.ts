import type { ResourceOptions } from 'adminjs';
import { buildCampaignTargets } from '../../src/domain/marketing/build-campaign-targets.js';
import { launchCampaign } from '../../src/domain/marketing/launch-campaign.js';
import { recordWorkflow } from '../workflow/workflow-action.js';

const open = (params: Record<string, unknown>) => params.status === 'planned' || params.status === 'active';

/** A campaign's target list from its criteria, and its launch (the e-mails go to the outbox). */
export const campaignActions: NonNullable<ResourceOptions['actions']> = {
  buildTargets: recordWorkflow({
    icon: 'Users',
    intro: 'buildTargetsIntro',
    submit: 'buildTargetsButton',
    isVisible: open,
    run: async (id, { scope }) => ({ message: 'campaignTargetsBuilt', options: { ...(await buildCampaignTargets(scope, id)) } }),
  }),

  launch: recordWorkflow({
    icon: 'Send',
    intro: 'launchCampaignIntro',
    submit: 'launchCampaignButton',
    isVisible: open,
    run: async (id, { actor }) => ({ message: 'campaignLaunched', options: { ...(await launchCampaign(actor, id)) } }),
  }),
};
