import path from 'node:path';
import { NotFoundError, type ActionContext, type ActionHandler, type ActionResponse, type CurrentAdmin, type RecordActionResponse, type RecordJSON } from 'adminjs';
import type { Actor } from '../../src/access/audit.js';
import { staffOf } from '../../src/access/current-admin.js';
import { BusinessRuleError } from '../../src/domain/business-rule-error.js';
import { componentLoader } from '../component-loader.js';

/**
 * One form serves every workflow action of orders, stock, opportunities and tasks: it shows what the
 * action will do (a translated prompt filled from the record), asks for the fields the action
 * declares in `custom.fields`, and POSTs them. A GET never changes anything, so a link or a
 * prefetch cannot ship an order; the form is also the confirmation step.
 */
export interface WorkflowField {
  /** Payload key; also the field a refusal names (a column name where there is one). */
  name: string;
  /** Message key of the label. */
  label: string;
  kind: 'text' | 'textarea' | 'quantity' | 'datetime' | 'reference';
  required?: boolean;
  /** For a reference: the resource (table) whose records the select searches. */
  resourceId?: string;
}

export interface WorkflowFormOptions {
  /** Message key of the text above the form, interpolated with the record's params. */
  prompt: string;
  fields?: WorkflowField[];
}

export const WORKFLOW_ACTION_FORM = componentLoader.add(
  'WorkflowActionForm',
  path.join(import.meta.dirname, 'components', 'workflow-action-form.tsx'),
);

// ---- The form's server half: how a workflow action answers GET and POST ------------------------

/** A successful step: the notice's message key and parameters, and where the browser goes next. */
export interface WorkflowSuccess {
  message: string;
  options?: Record<string, string | number>;
  /** Defaults to the record's page (record actions) or the resource's list (resource actions). */
  redirectUrl?: string;
}

export interface WorkflowStep {
  payload: FormPayload;
  actor: Actor;
  context: ActionContext;
}

/** Reads a POSTed form: fields arrive as strings (multipart) or JSON values. */
export class FormPayload {
  constructor(private readonly fields: Record<string, unknown> = {}) {}

  text(name: string): string | undefined {
    const value = this.fields[name];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  /** A chosen record's id; blank is "none chosen", anything else not an id is refused next to the field. */
  id(name: string): number | undefined {
    const value = this.text(name)?.trim();
    if (value === undefined || value === '') return undefined;
    const id = Number(value);
    if (!Number.isSafeInteger(id) || id <= 0) throw new BusinessRuleError('fieldInvalid', {}, name);
    return id;
  }
}

/** The employee behind a request, as the audit log names them. */
export function actorOf(currentAdmin: CurrentAdmin | undefined): Actor {
  const staff = staffOf(currentAdmin);
  if (!staff) throw new Error('A workflow action ran without a logged-in employee');
  return { id: Number(staff.id), email: staff.email };
}

/**
 * A record action that changes something: GET returns the record for the form, POST runs the domain
 * operation. A refusal comes back as an error notice with the message key and its parameters (and
 * the field it belongs to), status 200 like AdminJS's own validation errors; anything else is a bug
 * and goes to the error handler, which logs it.
 */
export function recordWorkflow(perform: (recordId: number, step: WorkflowStep) => Promise<WorkflowSuccess>): ActionHandler<RecordActionResponse> {
  return async (request, _response, context) => {
    const { record, currentAdmin, resource, h } = context;
    if (!record) throw new NotFoundError('The record of a record action is missing', 'recordWorkflow');
    if (request.method !== 'post') return { record: record.toJSON(currentAdmin) };
    try {
      const success = await perform(Number(record.id()), { payload: new FormPayload(request.payload), actor: actorOf(currentAdmin), context });
      const changed = (await resource.findOne(String(record.id()), context)) ?? record;
      return {
        record: changed.toJSON(currentAdmin),
        notice: { message: success.message, type: 'success', options: success.options },
        redirectUrl: success.redirectUrl ?? h.recordActionUrl({ resourceId: resource.id(), recordId: String(record.id()), actionName: 'show' }),
      };
    } catch (error) {
      if (error instanceof BusinessRuleError) return refusal(error, record.toJSON(currentAdmin));
      throw error;
    }
  };
}

/** The same for a resource action (nothing selected: receive stock, assign a task). */
export function resourceWorkflow(perform: (step: WorkflowStep) => Promise<WorkflowSuccess>): ActionHandler<ActionResponse> {
  return async (request, _response, context) => {
    if (request.method !== 'post') return {};
    try {
      const success = await perform({ payload: new FormPayload(request.payload), actor: actorOf(context.currentAdmin), context });
      return {
        notice: { message: success.message, type: 'success', options: success.options },
        redirectUrl: success.redirectUrl ?? context.h.resourceUrl({ resourceId: context.resource.id() }),
      };
    } catch (error) {
      if (error instanceof BusinessRuleError) return refusal(error, { params: {}, populated: {} } as unknown as RecordJSON);
      throw error;
    }
  };
}

function refusal(error: BusinessRuleError, record: RecordJSON): RecordActionResponse {
  const errors = error.field ? { [error.field]: { message: error.code, type: 'businessRule' } } : {};
  return {
    record: { ...record, errors },
    notice: { message: error.code, type: 'error', options: error.params },
  };
}
