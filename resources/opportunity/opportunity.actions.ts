import type { ActionContext, ResourceOptions } from 'adminjs';
import { advanceOpportunityStage } from '../../src/domain/opportunities/advance-opportunity-stage.js';
import { markOpportunityWon } from '../../src/domain/opportunities/mark-opportunity-won.js';
import { markOpportunityLost } from '../../src/domain/opportunities/mark-opportunity-lost.js';
import { OPEN_STAGES } from '../../src/domain/opportunities/opportunity-pipeline.js';
import { unitSymbol } from '../../src/domain/inventory/quantity.js';
import { recordWorkflow, WORKFLOW_ACTION_FORM, type WorkflowFormOptions } from '../sales-order/sales-order.components.js';

const isOpen = (context: ActionContext) => (OPEN_STAGES as readonly string[]).includes(String(context.record?.param('stage')));

const ADVANCED_NOTICE = { qualified: 'opportunityAdvancedToQualified', proposal: 'opportunityAdvancedToProposal', negotiation: 'opportunityAdvancedToNegotiation' } as const;

/** The pipeline: one stage forward, or the outcome — won (a draft order follows) or lost (with why). */
export const opportunityActions: NonNullable<ResourceOptions['actions']> = {
  advanceOpportunityStage: {
    actionType: 'record',
    icon: 'ChevronsRight',
    component: WORKFLOW_ACTION_FORM,
    isVisible: (context) => isOpen(context) && context.record?.param('stage') !== 'negotiation',
    custom: { prompt: 'advanceOpportunityStagePrompt' } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (opportunityId, { actor }) => {
      const { opportunity } = await advanceOpportunityStage(opportunityId, actor);
      return { message: ADVANCED_NOTICE[opportunity.stage as keyof typeof ADVANCED_NOTICE], options: { probability: opportunity.probability } };
    }),
  },
  markOpportunityWon: {
    actionType: 'record',
    icon: 'Award',
    component: WORKFLOW_ACTION_FORM,
    isVisible: isOpen,
    custom: { prompt: 'markOpportunityWonPrompt' } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (opportunityId, { actor, context }) => {
      const { opportunity, order, product, warehouse } = await markOpportunityWon(opportunityId, actor);
      return {
        message: 'opportunityWon',
        options: { order: order.order_no, product: product.name, quantity: opportunity.quantity ?? '', unit: unitSymbol(product.unit), warehouse: warehouse.name },
        // The rep goes on with the order: check the price, the warehouse, then confirm it.
        redirectUrl: context.h.recordActionUrl({ resourceId: 'sales_orders', recordId: String(order.id), actionName: 'show' }),
      };
    }),
  },
  markOpportunityLost: {
    actionType: 'record',
    icon: 'XOctagon',
    variant: 'danger',
    component: WORKFLOW_ACTION_FORM,
    isVisible: isOpen,
    custom: {
      prompt: 'markOpportunityLostPrompt',
      fields: [{ name: 'lost_reason', label: 'formLostReason', kind: 'textarea', required: true }],
    } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (opportunityId, { payload, actor }) => {
      await markOpportunityLost(opportunityId, payload.text('lost_reason'), actor);
      return { message: 'opportunityLost' };
    }),
  },
};
