import type { ResourceOptions } from 'adminjs';
import { advanceOpportunityStage } from '../../src/domain/opportunities/advance-opportunity-stage.js';
import { markOpportunityWon } from '../../src/domain/opportunities/mark-opportunity-won.js';
import { markOpportunityLost } from '../../src/domain/opportunities/mark-opportunity-lost.js';
import { OPEN_STAGES } from '../../src/domain/opportunities/opportunity-pipeline.js';
import { recordWorkflow } from '../workflow/workflow-action.js';

const isOpen = (params: Record<string, unknown>) => (OPEN_STAGES as readonly string[]).includes(String(params.stage));

const ADVANCED_NOTICE = { qualified: 'opportunityAdvancedToQualified', proposal: 'opportunityAdvancedToProposal', negotiation: 'opportunityAdvancedToNegotiation' } as const;

/** The pipeline: one stage forward, or the outcome — won (a draft order follows) or lost (with why). */
export const opportunityActions: NonNullable<ResourceOptions['actions']> = {
  advanceOpportunityStage: recordWorkflow({
    icon: 'ChevronsRight',
    intro: 'advanceOpportunityStagePrompt',
    isVisible: (params) => isOpen(params) && params.stage !== 'negotiation',
    fieldErrorType: 'businessRule',
    run: async (opportunityId, { actor }) => {
      const { opportunity } = await advanceOpportunityStage(opportunityId, actor);
      return { message: ADVANCED_NOTICE[opportunity.stage as keyof typeof ADVANCED_NOTICE], options: { probability: opportunity.probability } };
    },
  }),
  markOpportunityWon: recordWorkflow({
    icon: 'Award',
    intro: 'markOpportunityWonPrompt',
    isVisible: isOpen,
    fieldErrorType: 'businessRule',
    run: async (opportunityId, { actor, context }) => {
      const { opportunity, order, product, warehouse } = await markOpportunityWon(opportunityId, actor);
      return {
        message: 'opportunityWon',
        options: { order: order.order_no, product: product.name, quantity: opportunity.quantity ?? '', unit: product.unit, warehouse: warehouse.name },
        // The rep goes on with the order: check the price, the warehouse, then confirm it.
        redirectUrl: context.h.recordActionUrl({ resourceId: 'sales_orders', recordId: String(order.id), actionName: 'show' }),
      };
    },
  }),
  markOpportunityLost: recordWorkflow({
    icon: 'XOctagon',
    variant: 'danger',
    intro: 'markOpportunityLostPrompt',
    fields: [{ name: 'lost_reason', label: 'formLostReason', type: 'textarea', required: true }],
    isVisible: isOpen,
    fieldErrorType: 'businessRule',
    run: async (opportunityId, { payload, actor }) => {
      await markOpportunityLost(opportunityId, payload.text('lost_reason'), actor);
      return { message: 'opportunityLost' };
    },
  }),
};
