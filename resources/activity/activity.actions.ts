import type { ResourceOptions } from 'adminjs';
import { assignTask } from '../../src/domain/tasks/assign-task.js';
import { reassignTask } from '../../src/domain/tasks/reassign-task.js';
import { markTaskDone } from '../../src/domain/tasks/mark-task-done.js';
import { listOpenTasks } from '../../src/domain/tasks/list-open-tasks.js';
import { actorOf, recordWorkflow, resourceWorkflow } from '../workflow/workflow-action.js';
import { tableAction } from '../workflow/table-action.js';

const isOpenTask = (params: Record<string, unknown>) => params.kind === 'task' && !params.done;

/** Tasks: assign one (standalone, or with ?customer_id= from a customer's page), reassign, mark done, and my open list. */
export const activityActions: NonNullable<ResourceOptions['actions']> = {
  assignTask: resourceWorkflow({
    icon: 'UserPlus',
    intro: 'assignTaskPrompt',
    fields: [
      { name: 'subject', label: 'formSubject', type: 'text', required: true },
      { name: 'assignee_id', label: 'formAssignee', type: 'reference', resourceId: 'users', required: true },
      { name: 'due_at', label: 'formDueAt', type: 'datetime', required: true },
      { name: 'customer_id', label: 'formCustomer', type: 'reference', resourceId: 'customers' },
      { name: 'opportunity_id', label: 'formOpportunity', type: 'reference', resourceId: 'opportunities' },
      { name: 'details', label: 'formDetails', type: 'textarea' },
    ],
    fieldErrorType: 'businessRule',
    run: async ({ payload, actor, context }) => {
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
    },
  }),
  reassignTask: recordWorkflow({
    icon: 'Share',
    intro: 'reassignTaskPrompt',
    fields: [
      { name: 'assignee_id', label: 'formAssignee', type: 'reference', resourceId: 'users', required: true },
      { name: 'due_at', label: 'formDueAt', type: 'datetime' },
    ],
    isVisible: isOpenTask,
    fieldErrorType: 'businessRule',
    run: async (taskId, { payload, actor }) => {
      const { task, assignee } = await reassignTask(taskId, { assigneeId: payload.id('assignee_id'), dueAt: payload.text('due_at') }, actor);
      return { message: 'taskReassigned', options: { subject: task.subject, assignee: assignee.name } };
    },
  }),
  markTaskDone: recordWorkflow({
    icon: 'CheckSquare',
    intro: 'markTaskDonePrompt',
    isVisible: isOpenTask,
    fieldErrorType: 'businessRule',
    run: async (taskId, { actor }) => ({ message: 'taskDone', options: { subject: (await markTaskDone(taskId, actor)).subject } }),
  }),
  // 我的待办: the employee's own open tasks, soonest due first, overdue ones marked, each done from here.
  // Every employee sees only their own list, whoever asks, so it needs no row scope of its own.
  myOpenTasks: tableAction({
    actionType: 'resource',
    icon: 'List',
    table: {
      rowsKey: 'tasks',
      empty: 'openTasksNone',
      rowAction: { name: 'markTaskDone', idKey: 'id' },
      columns: [
        { key: 'subject', property: 'subject', link: { idKey: 'id' } },
        { key: 'due_at', label: 'openTasksDue', datetime: true, flag: { when: 'overdue', label: 'openTasksOverdue' } },
        { key: 'customer_name', label: 'openTasksCustomer' },
        { key: 'owner_name', label: 'openTasksFrom' },
      ],
    },
    load: async ({ context }) => ({ rows: await listOpenTasks(actorOf(context).id) }),
  }),
};
