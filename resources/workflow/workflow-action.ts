import { NotFoundError, type Action, type ActionContext, type ActionRequest, type ActionResponse, type IsFunction, type NoticeMessage, type RecordJSON } from 'adminjs';
import type { Actor } from '../../src/audit/audit-log.js';
import { staffActor, staffDataScope } from '../../src/access/authorisation/current-access.js';
import type { DataScope } from '../../src/access/authorisation/data-scope.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';
import { FormPayload } from './form-payload.js';
import { WorkflowComponents } from './workflow.components.js';
import type { FormField, FormOptions, Message, OfferedChoices } from './workflow-screens.js';

/** What a successful step tells the user, and where the browser goes next. */
export interface Outcome extends Message {
  /** Defaults to the record's page (record actions); a resource action stays on its form. */
  redirectUrl?: string;
}

export interface RunInput {
  payload: FormPayload;
  actor: Actor;
  /** The rows the employee reaches, for a domain service that touches rows beyond the record. */
  scope: DataScope;
  context: ActionContext;
}

interface WorkflowSpec extends Omit<FormOptions, 'fields'> {
  icon: string;
  fields?: FormField[];
  variant?: Action<ActionResponse>['variant'];
  /** Hides the button where the step makes no sense; the domain refuses it anyway. */
  isVisible?: (params: Record<string, unknown>) => boolean;
  /**
   * The `type` of the field error a refusal marks, as AdminJS's own validation errors carry one, for
   * the API clients that read it; without it the error has only its message.
   */
  fieldErrorType?: 'businessRule';
  /** Per field, the records its select offers for this record: the step's own choice, not every record. */
  offers?: Record<string, (recordId: number) => Promise<Array<{ id: number; name: string }>>>;
}

export type ActionOptions = Partial<Action<ActionResponse>> & { actionType: Action<ActionResponse>['actionType'] };

/**
 * A record action with a form: GET shows the record (AdminJS loads it before drawing the form),
 * POST runs the domain operation. Nothing changes on a GET, so a link or a prefetch never starts a
 * workflow. A BusinessRuleError becomes an error notice, status 200 like AdminJS's own validation
 * errors (and the field it names is marked); anything else is a bug and goes to the log.
 */
export function recordWorkflow(spec: WorkflowSpec & { run: (recordId: number, input: RunInput) => Promise<Outcome> }): ActionOptions {
  return {
    ...formAction('record', spec),
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const { record, resource, currentAdmin, h } = context;
      if (!record) throw new NotFoundError(`No record ${request.params.recordId}`, 'recordWorkflow');
      if (request.method !== 'post') return { record: record.toJSON(currentAdmin), offered: await offeredFor(spec, Number(record.id())) };
      try {
        const outcome = await spec.run(Number(record.id()), inputOf(request, context));
        const saved = (await resource.findOne(String(record.id()), context)) ?? record;
        return {
          record: saved.toJSON(currentAdmin),
          notice: successOf(outcome),
          redirectUrl: outcome.redirectUrl ?? h.recordActionUrl({ resourceId: resource.id(), recordId: String(record.id()), actionName: 'show' }),
        };
      } catch (error) {
        return refusal(error, record.toJSON(currentAdmin), spec.fieldErrorType);
      }
    },
  };
}

/** A resource action with a form (or only a confirming button): GET shows the form, POST runs it. */
export function resourceWorkflow(spec: WorkflowSpec & { run: (input: RunInput) => Promise<Outcome> }): ActionOptions {
  return {
    ...formAction('resource', spec),
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      if (request.method !== 'post') return {};
      try {
        const outcome = await spec.run(inputOf(request, context));
        return { notice: successOf(outcome), redirectUrl: outcome.redirectUrl };
      } catch (error) {
        // No record to carry the marked field: an empty one does, where the form looks for it.
        return refusal(error, { params: {}, populated: {} }, spec.fieldErrorType);
      }
    },
  };
}

/** The employee behind a request, as the audit log names them. */
export function actorOf(context: ActionContext): Actor & { id: number } {
  return staffActor(context.currentAdmin);
}

/** The error notice of a refusal the user can fix; anything else is a bug and is thrown on. */
export function refusalNotice(error: unknown): NoticeMessage {
  if (!(error instanceof BusinessRuleError)) throw error;
  return { message: error.code, type: 'error', options: error.params };
}

export function visibleWhen(test: (params: Record<string, unknown>) => boolean): IsFunction {
  return (context) => (context.record ? test(context.record.params) : true);
}

function formAction(actionType: 'record' | 'resource', spec: WorkflowSpec): ActionOptions {
  return {
    actionType,
    icon: spec.icon,
    variant: spec.variant,
    component: WorkflowComponents.WorkflowForm,
    custom: {
      intro: spec.intro,
      fields: (spec.fields ?? []).map((field) => (spec.offers?.[field.name] ? { ...field, offered: true } : field)),
      submit: spec.submit,
    } satisfies FormOptions,
    showFilter: false,
    isVisible: spec.isVisible ? visibleWhen(spec.isVisible) : true,
  };
}

async function offeredFor(spec: WorkflowSpec, recordId: number): Promise<OfferedChoices> {
  const offered: OfferedChoices = {};
  for (const [field, offer] of Object.entries(spec.offers ?? {})) {
    offered[field] = (await offer(recordId)).map((choice) => ({ value: String(choice.id), label: choice.name }));
  }
  return offered;
}

function inputOf(request: ActionRequest, context: ActionContext): RunInput {
  return { payload: new FormPayload(request.payload), actor: actorOf(context), scope: staffDataScope(context.currentAdmin), context };
}

function successOf(outcome: Outcome): NoticeMessage {
  return { message: outcome.message, type: 'success', options: outcome.options };
}

function refusal(error: unknown, record: Pick<RecordJSON, 'params' | 'populated'>, fieldErrorType: WorkflowSpec['fieldErrorType']) {
  if (!(error instanceof BusinessRuleError)) throw error;
  const mark = fieldErrorType ? { message: error.code, type: fieldErrorType } : { message: error.code };
  return { record: { ...record, errors: error.field ? { [error.field]: mark } : {} }, notice: refusalNotice(error) };
}
