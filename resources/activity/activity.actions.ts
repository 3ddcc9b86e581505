import type { ActionContext, ResourceOptions } from 'adminjs';
import { assignTask } from '../../src/domain/tasks/assign-task.js';
import { reassignTask } from '../../src/domain/tasks/reassign-task.js';
import { markTaskDone } from '../../src/domain/tasks/mark-task-done.js';
import { listOpenTasks } from '../../src/domain/tasks/list-open-tasks.js';
import { actorOf, recordWorkflow, resourceWorkflow, WORKFLOW_ACTION_FORM, type WorkflowFormOptions } from '../sales-order/sales-order.components.js';
import { MY_OPEN_TASKS } from './activity.components.js';

const isOpenTask = (context: ActionContext) => context.record?.param('kind') === 'task' && !context.record?.param('done');

/** Tasks: assign one (standalone, or with ?customer_id= from a customer's page), reassign, mark done, and my open list. */
export const activityActions: NonNullable<ResourceOptions['actions']> = {
  assignTask: {
    actionType: 'resource',
    icon: 'UserPlus',
    component: WORKFLOW_ACTION_FORM,
    custom: {
      prompt: 'assignTaskPrompt',
      fields: [
        { name: 'subject', label: 'formSubject', kind: 'text', required: true },
        { name: 'assignee_id', label: 'formAssignee', kind: 'reference', resourceId: 'users', required: true },
        { name: 'due_at', label: 'formDueAt', kind: 'datetime', required: true },
        { name: 'customer_id', label: 'formCustomer', kind: 'reference', resourceId: 'customers' },
        { name: 'opportunity_id', label: 'formOpportunity', kind: 'reference', resourceId: 'opportunities' },
        { name: 'details', label: 'formDetails', kind: 'textarea' },
      ],
    } satisfies WorkflowFormOptions,
    handler: resourceWorkflow(async ({ payload, actor, context }) => {
      const { task, assignee } = await assignTask(
        {
          subject: payload.text('subject'),
          details: payload.text('details'),
          dueAt: payload.text('due_at'),
          assigneeId: payload.id('assignee_id'),
          customerId: payload.id('customer_id'),
          opportunityId: payload.id('opportunity_id'),
        },
        actor,
      );
      return {
        message: 'taskAssigned',
        options: { subject: task.subject, assignee: assignee.name },
        redirectUrl: context.h.recordActionUrl({ resourceId: context.resource.id(), recordId: String(task.id), actionName: 'show' }),
      };
    }),
  },
  reassignTask: {
    actionType: 'record',
    icon: 'Share',
    component: WORKFLOW_ACTION_FORM,
    isVisible: isOpenTask,
    custom: {
      prompt: 'reassignTaskPrompt',
      fields: [
        { name: 'assignee_id', label: 'formAssignee', kind: 'reference', resourceId: 'users', required: true },
        { name: 'due_at', label: 'formDueAt', kind: 'datetime' },
      ],
    } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (taskId, { payload, actor }) => {
      const { task, assignee } = await reassignTask(taskId, { assigneeId: payload.id('assignee_id'), dueAt: payload.text('due_at') }, actor);
      return { message: 'taskReassigned', options: { subject: task.subject, assignee: assignee.name } };
    }),
  },
  markTaskDone: {
    actionType: 'record',
    icon: 'CheckSquare',
    component: WORKFLOW_ACTION_FORM,
    isVisible: isOpenTask,
    custom: { prompt: 'markTaskDonePrompt' } satisfies WorkflowFormOptions,
    handler: recordWorkflow(async (taskId, { actor }) => {
      const task = await markTaskDone(taskId, actor);
      return { message: 'taskDone', options: { subject: task.subject } };
    }),
  },
  myOpenTasks: {
    actionType: 'resource',
    icon: 'List',
    component: MY_OPEN_TASKS,
    showFilter: false,
    // Read-only: every employee's own list, whoever asks for it, so it needs no row scope of its own.
    handler: async (_request, _response, context) => ({ tasks: await listOpenTasks(actorOf(context.currentAdmin).id!) }),
  },
};
