import type { Migration } from './migration.js';
import * as createOrganisationAndUsers from './0001.create-organisation-and-users.js';
import * as insertStandardRoles from './0002.insert-standard-roles.js';
import * as createCrmSchema from './0003.create-crm-schema.js';
import * as createRolePermissions from './0004.create-role-permissions.js';
import * as indexCustomersByLastChange from './0005.index-customers-by-last-change.js';
import * as indexListsByTheirDefaultSorts from './0040.index-lists-by-their-default-sorts.js';
import * as indexSubstringSearch from './0041.index-substring-search.js';

/** In the order they run. A migration that has run is never edited: add the next number instead. */
export const migrations: Migration[] = [
  { name: '0001.create-organisation-and-users', ...createOrganisationAndUsers },
  { name: '0002.insert-standard-roles', ...insertStandardRoles },
  { name: '0003.create-crm-schema', ...createCrmSchema },
  { name: '0004.create-role-permissions', ...createRolePermissions },
  { name: '0005.index-customers-by-last-change', ...indexCustomersByLastChange },
  { name: '0040.index-lists-by-their-default-sorts', ...indexListsByTheirDefaultSorts },
  { name: '0041.index-substring-search', ...indexSubstringSearch },
];
