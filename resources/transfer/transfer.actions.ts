import { Filter, flat, type Action, type ActionResponse, type ResourceWithOptions } from 'adminjs';
import type { Model, ModelStatic } from 'sequelize';
import { IMPORTERS } from '../../src/domain/transfer/importers.js';
import { TransferComponents } from './transfer.components.js';

type ActionOptions = Partial<Action<ActionResponse>>;

/**
 * 导出: a button on every list. It opens a drawer over the list, so the list's filters and sort stay
 * in the address and go with the download link; its API answer is how many rows that will be.
 * The file itself comes from resources/transfer/transfer.routes.ts.
 */
const exportAction: ActionOptions = {
  actionType: 'resource',
  icon: 'Download',
  showInDrawer: true,
  component: TransferComponents.ExportList,
  handler: async (request, _response, context) => {
    const { filters = {} } = flat.unflatten<Record<string, unknown>, { filters?: Record<string, unknown> }>(request.query ?? {});
    return { total: await context.resource.count(new Filter(filters, context.resource), context) };
  },
};

/** 导入: customers, contacts, products and stock receipts, from a page of its own (templates, check, progress). */
const importAction: ActionOptions = {
  actionType: 'resource',
  icon: 'Upload',
  showFilter: false,
  component: TransferComponents.ImportFile,
  handler: async () => ({}),
};

/**
 * Adds export to every resource and import to the importable ones. Both are actions of the
 * permission matrix like any other: the access layer (applied after this) shows the buttons only
 * to roles that have them, and the download and upload routes ask the same matrix.
 */
export function withTransferActions(resource: ResourceWithOptions): ResourceWithOptions {
  const resourceId = (resource.resource as ModelStatic<Model>).tableName;
  const actions: Record<string, ActionOptions> = { ...(resource.options.actions as Record<string, ActionOptions>), export: exportAction };
  if (IMPORTERS.has(resourceId)) actions.import = importAction;
  return { ...resource, options: { ...resource.options, actions } };
}
