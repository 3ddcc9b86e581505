import type { Sequelize } from 'sequelize';
import { Activity } from './activity.model.js';
import { AuditLog } from './audit-log.model.js';
import { Batch } from './batch.model.js';
import { BatchStock } from './batch-stock.model.js';
import { Branch } from './branch.model.js';
import { Campaign } from './campaign.model.js';
import { CampaignMember } from './campaign-member.model.js';
import { CoaLine } from './coa-line.model.js';
import { Contact } from './contact.model.js';
import { Contract } from './contract.model.js';
import { ContractMonthlyPlan } from './contract-monthly-plan.model.js';
import { Customer } from './customer.model.js';
import { CreditApproval } from './credit-approval.model.js';
import { CustomerFeedback } from './customer-feedback.model.js';
import { CustomerMerge } from './customer-merge.model.js';
import { EmailMessage } from './email-message.model.js';
import { EmailTemplate } from './email-template.model.js';
import { FuelCard } from './fuel-card.model.js';
import { FuelCardLimit } from './fuel-card-limit.model.js';
import { FuelCardTopUp } from './fuel-card-top-up.model.js';
import { FuelCardTransaction } from './fuel-card-transaction.model.js';
import { Opportunity } from './opportunity.model.js';
import { OpportunityStageProbability } from './opportunity-stage-probability.model.js';
import { Payment } from './payment.model.js';
import { PriceAdjustmentLine } from './price-adjustment-line.model.js';
import { PriceAdjustmentNotice } from './price-adjustment-notice.model.js';
import { PriceList } from './price-list.model.js';
import { PriceListItem } from './price-list-item.model.js';
import { PriceListVersion } from './price-list-version.model.js';
import { Product } from './product.model.js';
import { ProductCategory } from './product-category.model.js';
import { Role } from './role.model.js';
import { RolePermission } from './role-permission.model.js';
import { SalesOrder } from './sales-order.model.js';
import { SalesOrderItem } from './sales-order-item.model.js';
import { SalesOrderAmendment } from './sales-order-amendment.model.js';
import { SalesTarget } from './sales-target.model.js';
import { Shipment } from './shipment.model.js';
import { StockLevel } from './stock-level.model.js';
import { StockMovement } from './stock-movement.model.js';
import { Team } from './team.model.js';
import { Ticket } from './ticket.model.js';
import { User } from './user.model.js';
import { Warehouse } from './warehouse.model.js';

export {
  Activity, AuditLog, Batch, BatchStock, Branch, Campaign, CampaignMember, CoaLine, Contact, Contract, ContractMonthlyPlan, Customer,
  CustomerFeedback, CustomerMerge, EmailMessage, EmailTemplate, FuelCard, FuelCardLimit, FuelCardTopUp, FuelCardTransaction, Opportunity,
  OpportunityStageProbability, Product, ProductCategory, Role, RolePermission, SalesOrder, SalesOrderAmendment, SalesOrderItem, Shipment,
  StockLevel, StockMovement, Team, Ticket, User, Warehouse,
};
// Credit control, price lists and sales targets (issue 16).
export { CreditApproval, Payment, PriceAdjustmentLine, PriceAdjustmentNotice, PriceList, PriceListItem, PriceListVersion, SalesTarget };

/** Every model; each is bound to the one Sequelize instance of the process by initModels. */
export const models = [
  Branch, Role, Team, User, Customer, Contact, Activity, CustomerFeedback, ProductCategory, Product, Warehouse,
  StockLevel, StockMovement, OpportunityStageProbability, Opportunity, Contract, SalesOrder, SalesOrderItem, SalesOrderAmendment,
  EmailTemplate, Campaign, CampaignMember, EmailMessage, Ticket, AuditLog, RolePermission, CustomerMerge,
  Payment, CreditApproval, PriceList, PriceAdjustmentNotice, PriceAdjustmentLine, PriceListVersion, PriceListItem, SalesTarget,
  Batch, CoaLine, BatchStock, ContractMonthlyPlan, Shipment, FuelCard, FuelCardLimit, FuelCardTopUp, FuelCardTransaction,
] as const;

export function initModels(sequelize: Sequelize): void {
  for (const model of models) model.initModel(sequelize);
  // A second init (an app restarted inside one process, as the tests do) must not redefine aliases.
  for (const model of models) (model as { associations: object }).associations = {};
  for (const model of models) if ('associate' in model) model.associate();
  SalesOrder.hasMany(SalesOrderItem, { foreignKey: 'order_id', as: 'items' });
  Customer.hasMany(Contact, { foreignKey: 'customer_id', as: 'contacts' });
  PriceListVersion.hasMany(PriceListItem, { foreignKey: 'version_id', as: 'items' });
  PriceAdjustmentNotice.hasMany(PriceAdjustmentLine, { foreignKey: 'notice_id', as: 'lines' });
}
