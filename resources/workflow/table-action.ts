import type { ActionContext, ActionRequest } from 'adminjs';
import { staffDataScope } from '../../src/access/authorisation/current-access.js';
import type { DataScope } from '../../src/access/authorisation/data-scope.js';
import { refusalNotice, visibleWhen, type ActionOptions } from './workflow-action.js';
import { WorkflowComponents } from './workflow.components.js';
import type { Message, Table, TableOptions } from './workflow-screens.js';

export interface TableInput {
  context: ActionContext;
  /** The rows the employee reaches: the table lists nothing beyond them. */
  scope: DataScope;
  /** The id of the record chosen in the table's filter, if any. */
  chosen?: number;
}

/**
 * A read-only action showing a list the server computes (low stock, my open tasks, churn per
 * outlet, a batch trace): GET answers the rows, nothing changes. How they are shown is declared
 * here, in `table`, and travels to the browser with the action.
 */
export function tableAction(spec: {
  actionType: 'record' | 'resource';
  icon: string;
  isVisible?: (params: Record<string, unknown>) => boolean;
  table: TableOptions;
  load: (input: TableInput) => Promise<{ rows: object[]; summary?: Message }>;
}): ActionOptions {
  const { columns, rowsKey, filter } = spec.table;
  return {
    actionType: spec.actionType,
    icon: spec.icon,
    component: WorkflowComponents.WorkflowTable,
    custom: spec.table,
    showFilter: false,
    isVisible: spec.isVisible ? visibleWhen(spec.isVisible) : true,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const record = context.record?.toJSON(context.currentAdmin);
      try {
        const { rows, summary } = await spec.load({ context, scope: staffDataScope(context.currentAdmin), chosen: filter && idIn(request.query?.[filter.name]) });
        return rowsKey ? { record, [rowsKey]: rows } : { record, table: { summary, columns, rows } satisfies Table };
      } catch (error) {
        return { record, notice: refusalNotice(error) };
      }
    },
  };
}

/** A filter's choice from the query string; anything but a record id is no choice. */
function idIn(value: unknown): number | undefined {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
