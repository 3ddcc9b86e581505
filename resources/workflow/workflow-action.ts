import { NotFoundError, type Action, type ActionContext, type ActionRequest, type ActionResponse, type IsFunction } from 'adminjs';
import type { Actor } from '../../src/access/audit.js';
import { staffOf } from '../../src/access/current-admin.js';
import { BusinessRuleError } from '../../src/domain/business-rule-error.js';
import { WorkflowComponents } from './workflow.components.js';

/** One input of a workflow form; labels are message keys (src/i18n/messages). */
export interface FormField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'select' | 'reference';
  required?: boolean;
  /** select: the values and the message keys of their labels. */
  options?: Array<{ value: string; label: string }>;
  /** reference: the resource whose records are searched for a choice. */
  resourceId?: string;
}

/** What a successful run tells the user: a message key and its values. */
export interface Outcome {
  message: string;
  options?: Record<string, string | number>;
}

export interface RunInput {
  payload: Record<string, unknown>;
  actor: Actor;
  context: ActionContext;
}

interface WorkflowSpec {
  icon: string;
  /** Message key of the sentence above the form: what will happen. */
  intro: string;
  fields?: FormField[];
  /** Message key of the button. */
  submit: string;
  variant?: Action<ActionResponse>['variant'];
  /** Hides the button where the step makes no sense; the domain refuses it anyway. */
  isVisible?: (params: Record<string, unknown>) => boolean;
}

type ActionOptions = Partial<Action<ActionResponse>> & { actionType: Action<ActionResponse>['actionType'] };

/**
 * A record action with a form: GET shows the record (AdminJS loads it before drawing the form),
 * POST runs the domain operation. Nothing changes on a GET, so a link or a prefetch never starts a
 * workflow. A BusinessRuleError becomes an error notice (and the field it names is marked);
 * anything else is a bug and goes to the log.
 */
export function recordWorkflow(spec: WorkflowSpec & { run: (recordId: number, input: RunInput) => Promise<Outcome> }): ActionOptions {
  return {
    actionType: 'record',
    icon: spec.icon,
    variant: spec.variant,
    component: WorkflowComponents.WorkflowForm,
    custom: { intro: spec.intro, fields: spec.fields ?? [], submit: spec.submit },
    isVisible: spec.isVisible ? visibleWhen(spec.isVisible) : true,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const { record, resource, currentAdmin, h } = context;
      if (!record) throw new NotFoundError(`No record ${request.params.recordId}`, 'recordWorkflow');
      if (request.method !== 'post') return { record: record.toJSON(currentAdmin) };
      try {
        const outcome = await spec.run(Number(record.id()), inputOf(request, context));
        const saved = (await resource.findOne(record.id())) ?? record;
        return {
          record: saved.toJSON(currentAdmin),
          notice: { message: outcome.message, type: 'success', options: outcome.options },
          redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: record.id(), actionName: 'show' }),
        };
      } catch (error) {
        const refusal = refusalOf(error);
        return { record: { ...record.toJSON(currentAdmin), errors: refusal.errors }, notice: refusal.notice };
      }
    },
  };
}

/** A resource action with a form (or only a confirming button): POST runs it, GET shows the form. */
export function resourceWorkflow(spec: WorkflowSpec & { run: (input: RunInput) => Promise<Outcome> }): ActionOptions {
  return {
    actionType: 'resource',
    icon: spec.icon,
    variant: spec.variant,
    component: WorkflowComponents.WorkflowForm,
    custom: { intro: spec.intro, fields: spec.fields ?? [], submit: spec.submit },
    showFilter: false,
    handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      if (request.method !== 'post') return {};
      try {
        const outcome = await spec.run(inputOf(request, context));
        return { notice: { message: outcome.message, type: 'success', options: outcome.options } };
      } catch (error) {
        const refusal = refusalOf(error);
        return { notice: refusal.notice, errors: refusal.errors };
      }
    },
  };
}

/** A table the server computes (a batch trace, churn per outlet): column labels are message keys. */
export interface Table {
  columns: Array<{ key: string; label: string; link?: { resourceId: string; idKey: string } }>;
  rows: Array<Record<string, unknown>>;
  /** The sentence above the table. */
  summary: Outcome;
}

/** A read-only action showing a table; GET computes it, nothing changes. */
export function tableAction(
  spec: { actionType: 'record' | 'resource'; icon: string; isVisible?: (params: Record<string, unknown>) => boolean; load: (context: ActionContext) => Promise<Table> },
): ActionOptions {
  return {
    actionType: spec.actionType,
    icon: spec.icon,
    component: WorkflowComponents.WorkflowTable,
    showFilter: false,
    isVisible: spec.isVisible ? visibleWhen(spec.isVisible) : true,
    handler: async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
      const record = context.record?.toJSON(context.currentAdmin);
      try {
        return { record, table: await spec.load(context) };
      } catch (error) {
        return { record, notice: refusalOf(error).notice };
      }
    },
  };
}

export function actorOf(context: ActionContext): Actor {
  const staff = staffOf(context.currentAdmin);
  return staff ? { id: Number(staff.id), email: staff.email } : { id: null, email: 'unknown' };
}

/** The session's language, for the few values the server words itself (dates, enum labels). */
export function languageOf(context: ActionContext): 'zh-CN' | 'en' {
  return staffOf(context.currentAdmin)?.locale ?? 'zh-CN';
}

function inputOf(request: ActionRequest, context: ActionContext): RunInput {
  return { payload: (request.payload ?? {}) as Record<string, unknown>, actor: actorOf(context), context };
}

function visibleWhen(test: (params: Record<string, unknown>) => boolean): IsFunction {
  return (context) => (context.record ? test(context.record.params) : true);
}

function refusalOf(error: unknown) {
  if (!(error instanceof BusinessRuleError)) throw error;
  return {
    notice: { message: error.code, type: 'error' as const, options: error.params },
    errors: error.field ? { [error.field]: { message: error.code } } : {},
  };
}
