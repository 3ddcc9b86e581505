import type { Migration } from './migration.js';
import * as createOrganisationAndUsers from './0001.create-organisation-and-users.js';
import * as insertStandardRoles from './0002.insert-standard-roles.js';
import * as createCrmSchema from './0003.create-crm-schema.js';
import * as createRolePermissions from './0004.create-role-permissions.js';
import * as indexCustomersByLastChange from './0005.index-customers-by-last-change.js';
import * as insertFinanceRole from './0060.insert-finance-role.js';
import * as verifyCreditCodeCheckCharacter from './0061.verify-credit-code-check-character.js';
import * as createPaymentsAndCreditApprovals from './0062.create-payments-and-credit-approvals.js';
import * as createPriceListsAndAdjustmentNotices from './0063.create-price-lists-and-adjustment-notices.js';
import * as createSalesTargets from './0064.create-sales-targets.js';
import * as grantCreditActionsToExistingRoles from './0065.grant-credit-actions-to-existing-roles.js';

/** In the order they run. A migration that has run is never edited: add the next number instead. */
export const migrations: Migration[] = [
  { name: '0001.create-organisation-and-users', ...createOrganisationAndUsers },
  { name: '0002.insert-standard-roles', ...insertStandardRoles },
  { name: '0003.create-crm-schema', ...createCrmSchema },
  { name: '0004.create-role-permissions', ...createRolePermissions },
  { name: '0005.index-customers-by-last-change', ...indexCustomersByLastChange },
  { name: '0060.insert-finance-role', ...insertFinanceRole },
  { name: '0061.verify-credit-code-check-character', ...verifyCreditCodeCheckCharacter },
  { name: '0062.create-payments-and-credit-approvals', ...createPaymentsAndCreditApprovals },
  { name: '0063.create-price-lists-and-adjustment-notices', ...createPriceListsAndAdjustmentNotices },
  { name: '0064.create-sales-targets', ...createSalesTargets },
  { name: '0065.grant-credit-actions-to-existing-roles', ...grantCreditActionsToExistingRoles },
];
