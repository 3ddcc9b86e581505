import type { ResourceWithOptions } from 'adminjs';
// The panel's frame (breadcrumbs, menu, notices, list search, phone cards) for every resource.
import './layout/layout.components.js';
import { createCustomerResource } from './customer/customer.resource.js';
import { createContactResource } from './contact/contact.resource.js';
import { createActivityResource } from './activity/activity.resource.js';
import { createCustomerFeedbackResource } from './customer-feedback/customer-feedback.resource.js';
import { createOpportunityResource } from './opportunity/opportunity.resource.js';
import { createOpportunityStageProbabilityResource } from './opportunity-stage-probability/opportunity-stage-probability.resource.js';
import { createContractResource } from './contract/contract.resource.js';
import { createContractMonthlyPlanResource } from './contract-monthly-plan/contract-monthly-plan.resource.js';
import { createSalesOrderResource } from './sales-order/sales-order.resource.js';
import { createSalesOrderItemResource } from './sales-order-item/sales-order-item.resource.js';
import { createSalesTargetResource } from './sales-target/sales-target.resource.js';
import { createPaymentResource } from './payment/payment.resource.js';
import { createCreditApprovalResource } from './credit-approval/credit-approval.resource.js';
import { createPriceListResource } from './price-list/price-list.resource.js';
import { createPriceListVersionResource } from './price-list-version/price-list-version.resource.js';
import { createPriceListItemResource } from './price-list-item/price-list-item.resource.js';
import { createPriceAdjustmentNoticeResource } from './price-adjustment-notice/price-adjustment-notice.resource.js';
import { createPriceAdjustmentLineResource } from './price-adjustment-line/price-adjustment-line.resource.js';
import { createShipmentResource } from './shipment/shipment.resource.js';
import { createProductCategoryResource } from './product-category/product-category.resource.js';
import { createProductResource } from './product/product.resource.js';
import { createWarehouseResource } from './warehouse/warehouse.resource.js';
import { createStockLevelResource } from './stock-level/stock-level.resource.js';
import { createStockMovementResource } from './stock-movement/stock-movement.resource.js';
import { createBatchResource } from './batch/batch.resource.js';
import { createCoaLineResource } from './coa-line/coa-line.resource.js';
import { createBatchStockResource } from './batch-stock/batch-stock.resource.js';
import { createCampaignResource } from './campaign/campaign.resource.js';
import { createCampaignMemberResource } from './campaign-member/campaign-member.resource.js';
import { createEmailTemplateResource } from './email-template/email-template.resource.js';
import { createEmailMessageResource } from './email-message/email-message.resource.js';
import { createTicketResource } from './ticket/ticket.resource.js';
import { createFuelCardResource } from './fuel-card/fuel-card.resource.js';
import { createFuelCardLimitResource } from './fuel-card-limit/fuel-card-limit.resource.js';
import { createFuelCardTopUpResource } from './fuel-card-top-up/fuel-card-top-up.resource.js';
import { createFuelCardTransactionResource } from './fuel-card-transaction/fuel-card-transaction.resource.js';
import { createBranchResource } from './branch/branch.resource.js';
import { createTeamResource } from './team/team.resource.js';
import { createUserResource } from './user/user.resource.js';
import { createRoleResource } from './role/role.resource.js';
import { createAuditLogResource } from './audit-log/audit-log.resource.js';

/** Every resource of the panel, in menu order: the modules of the specification, then the system. */
export function createResources(): ResourceWithOptions[] {
  return [
    createCustomerResource(), createContactResource(), createActivityResource(), createCustomerFeedbackResource(),
    createOpportunityResource(), createOpportunityStageProbabilityResource(), createContractResource(), createContractMonthlyPlanResource(), createSalesOrderResource(), createSalesOrderItemResource(), createSalesTargetResource(),
    createPaymentResource(), createCreditApprovalResource(),
    createPriceListResource(), createPriceListVersionResource(), createPriceListItemResource(), createPriceAdjustmentNoticeResource(), createPriceAdjustmentLineResource(),
    createShipmentResource(),
    createProductCategoryResource(), createProductResource(), createWarehouseResource(), createStockLevelResource(), createStockMovementResource(),
    createBatchResource(), createCoaLineResource(), createBatchStockResource(),
    createCampaignResource(), createCampaignMemberResource(), createEmailTemplateResource(), createEmailMessageResource(),
    createTicketResource(),
    createFuelCardResource(), createFuelCardLimitResource(), createFuelCardTopUpResource(), createFuelCardTransactionResource(),
    createBranchResource(), createTeamResource(), createUserResource(),
    createRoleResource(), createAuditLogResource(),
  ];
}
