import type { Migration } from './migration.js';
import * as createOrganisationAndUsers from './0001.create-organisation-and-users.js';
import * as insertStandardRoles from './0002.insert-standard-roles.js';
import * as createCrmSchema from './0003.create-crm-schema.js';
import * as createRolePermissions from './0004.create-role-permissions.js';
import * as indexCustomersByLastChange from './0005.index-customers-by-last-change.js';
import * as createAccessVersion from './0010.create-access-version.js';
import * as endSessionsOnPasswordChange from './0011.end-sessions-on-password-change.js';
import * as createLoginThrottle from './0012.create-login-throttle.js';
import * as recordAmendmentsAndMerges from './0020.record-amendments-and-merges.js';
import * as memberStatusFollowsDelivery from './0021.member-status-follows-delivery.js';
import * as createStageProbabilities from './0022.create-stage-probabilities.js';
import * as enforceWorkflowStates from './0023.enforce-workflow-states.js';
import * as grantOrderAmendment from './0024.grant-order-amendment.js';
import * as indexListsByTheirDefaultSorts from './0040.index-lists-by-their-default-sorts.js';
import * as indexSubstringSearch from './0041.index-substring-search.js';
import * as insertFinanceRole from './0060.insert-finance-role.js';
import * as verifyCreditCodeCheckCharacter from './0061.verify-credit-code-check-character.js';
import * as createPaymentsAndCreditApprovals from './0062.create-payments-and-credit-approvals.js';
import * as createPriceListsAndAdjustmentNotices from './0063.create-price-lists-and-adjustment-notices.js';
import * as createSalesTargets from './0064.create-sales-targets.js';
import * as grantCreditActionsToExistingRoles from './0065.grant-credit-actions-to-existing-roles.js';
import * as createBatchesAndCertificates from './0070.create-batches-and-certificates.js';
import * as createContractMonthlyPlans from './0071.create-contract-monthly-plans.js';
import * as createShipments from './0072.create-shipments.js';
import * as createFuelCards from './0073.create-fuel-cards.js';
import * as addCustomerLifetimeValue from './0074.add-customer-lifetime-value.js';
import * as grantOrderEntryQuote from './0090.grant-order-entry-quote.js';
import * as keepSalesRollups from './0091.keep-sales-rollups.js';
import * as keepOpenReceivables from './0092.keep-open-receivables.js';
import * as keepCustomerCounts from './0093.keep-customer-counts.js';
import * as keepReceivablesByShippedDay from './0094.keep-receivables-by-shipped-day.js';
import * as indexCurrentCustomersByOwner from './0095.index-current-customers-by-owner.js';
import * as indexCurrentCustomerNames from './0096.index-current-customer-names.js';
import * as indexRevenueOrdersByCustomer from './0097.index-revenue-orders-by-customer.js';
import * as indexCurrentCustomerCredit from './0098.index-current-customer-credit.js';
import * as recordReceivableDayZone from './0099.record-receivable-day-zone.js';

/** In the order they run. A migration that has run is never edited: add the next number instead. */
export const migrations: Migration[] = [
  { name: '0001.create-organisation-and-users', ...createOrganisationAndUsers },
  { name: '0002.insert-standard-roles', ...insertStandardRoles },
  { name: '0003.create-crm-schema', ...createCrmSchema },
  { name: '0004.create-role-permissions', ...createRolePermissions },
  { name: '0005.index-customers-by-last-change', ...indexCustomersByLastChange },
  { name: '0010.create-access-version', ...createAccessVersion },
  { name: '0011.end-sessions-on-password-change', ...endSessionsOnPasswordChange },
  { name: '0012.create-login-throttle', ...createLoginThrottle },
  { name: '0020.record-amendments-and-merges', ...recordAmendmentsAndMerges },
  { name: '0021.member-status-follows-delivery', ...memberStatusFollowsDelivery },
  { name: '0022.create-stage-probabilities', ...createStageProbabilities },
  { name: '0023.enforce-workflow-states', ...enforceWorkflowStates },
  { name: '0024.grant-order-amendment', ...grantOrderAmendment },
  { name: '0040.index-lists-by-their-default-sorts', ...indexListsByTheirDefaultSorts },
  { name: '0041.index-substring-search', ...indexSubstringSearch },
  { name: '0060.insert-finance-role', ...insertFinanceRole },
  { name: '0061.verify-credit-code-check-character', ...verifyCreditCodeCheckCharacter },
  { name: '0062.create-payments-and-credit-approvals', ...createPaymentsAndCreditApprovals },
  { name: '0063.create-price-lists-and-adjustment-notices', ...createPriceListsAndAdjustmentNotices },
  { name: '0064.create-sales-targets', ...createSalesTargets },
  { name: '0065.grant-credit-actions-to-existing-roles', ...grantCreditActionsToExistingRoles },
  { name: '0070.create-batches-and-certificates', ...createBatchesAndCertificates },
  { name: '0071.create-contract-monthly-plans', ...createContractMonthlyPlans },
  { name: '0072.create-shipments', ...createShipments },
  { name: '0073.create-fuel-cards', ...createFuelCards },
  { name: '0074.add-customer-lifetime-value', ...addCustomerLifetimeValue },
  { name: '0090.grant-order-entry-quote', ...grantOrderEntryQuote },
  { name: '0091.keep-sales-rollups', ...keepSalesRollups },
  { name: '0092.keep-open-receivables', ...keepOpenReceivables },
  { name: '0093.keep-customer-counts', ...keepCustomerCounts },
  { name: '0094.keep-receivables-by-shipped-day', ...keepReceivablesByShippedDay },
  { name: '0095.index-current-customers-by-owner', ...indexCurrentCustomersByOwner },
  { name: '0096.index-current-customer-names', ...indexCurrentCustomerNames },
  { name: '0097.index-revenue-orders-by-customer', ...indexRevenueOrdersByCustomer },
  { name: '0098.index-current-customer-credit', ...indexCurrentCustomerCredit },
  { name: '0099.record-receivable-day-zone', ...recordReceivableDayZone },
];
