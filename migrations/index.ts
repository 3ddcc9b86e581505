import type { Migration } from './migration.js';
import * as createOrganisationAndUsers from './0001.create-organisation-and-users.js';
import * as insertStandardRoles from './0002.insert-standard-roles.js';
import * as createCrmSchema from './0003.create-crm-schema.js';
import * as createRolePermissions from './0004.create-role-permissions.js';
import * as indexCustomersByLastChange from './0005.index-customers-by-last-change.js';
import * as createBatchesAndCertificates from './0070.create-batches-and-certificates.js';
import * as createContractMonthlyPlans from './0071.create-contract-monthly-plans.js';
import * as createShipments from './0072.create-shipments.js';
import * as createFuelCards from './0073.create-fuel-cards.js';
import * as addCustomerLifetimeValue from './0074.add-customer-lifetime-value.js';

/** In the order they run. A migration that has run is never edited: add the next number instead. */
export const migrations: Migration[] = [
  { name: '0001.create-organisation-and-users', ...createOrganisationAndUsers },
  { name: '0002.insert-standard-roles', ...insertStandardRoles },
  { name: '0003.create-crm-schema', ...createCrmSchema },
  { name: '0004.create-role-permissions', ...createRolePermissions },
  { name: '0005.index-customers-by-last-change', ...indexCustomersByLastChange },
  { name: '0070.create-batches-and-certificates', ...createBatchesAndCertificates },
  { name: '0071.create-contract-monthly-plans', ...createContractMonthlyPlans },
  { name: '0072.create-shipments', ...createShipments },
  { name: '0073.create-fuel-cards', ...createFuelCards },
  { name: '0074.add-customer-lifetime-value', ...addCustomerLifetimeValue },
];
