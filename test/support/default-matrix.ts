import AdminJS from 'adminjs';
import * as AdminJSSequelize from '@adminjs/sequelize';
import { GuardedResource } from '../../src/access/authorisation/guarded-resource.js';
import { ensureDefaultPermissions } from '../../src/access/authorisation/default-permissions.js';
import { resourceActionsOf } from '../../src/access/authorisation/resource-actions.js';
import { createResources } from '../../resources/index.js';
import { componentLoader } from '../../resources/component-loader.js';

/**
 * The permission matrix a new installation starts with (the app writes it at start), for domain
 * tests that check row scopes without starting the app. Call after the models are bound.
 */
export async function writeDefaultMatrix(): Promise<void> {
  AdminJS.registerAdapter({ Database: AdminJSSequelize.Database, Resource: GuardedResource });
  await ensureDefaultPermissions(resourceActionsOf(new AdminJS({ resources: createResources(), componentLoader })));
}
