import type { Action, ActionResponse, default as AdminJS } from 'adminjs';
import type { ResourceActions } from './default-permissions.js';
import { SECRET_FIELDS } from './field-policy.js';

/** Every resource of the panel with every action it offers and its fields, as the matrix lists them. */
export function resourceActionsOf(admin: AdminJS): ResourceActions[] {
  return admin.resources.map((resource) => ({
    id: resource.id(),
    // An action the resource switched off for everyone (editing the audit log) is no choice to offer.
    actions: Object.entries(resource.decorate().actions)
      .filter(([name, decorator]) => name !== 'search' && (decorator as unknown as { action: Action<ActionResponse> }).action.isAccessible !== false)
      .map(([name]) => name),
    fields: resource
      .properties()
      .map((property) => property.name())
      .filter((field) => field !== 'id' && !SECRET_FIELDS.has(field)),
  }));
}
