import type { Transaction } from 'sequelize';
import { Activity, User } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { requireId } from '../sales/required-input.js';

/** A due date as a form sends it (ISO text or a Date); a task is never due in the past. */
export function parseDueAt(input: string | Date | null | undefined, now: Date): Date {
  if (input === null || input === undefined || input === '') throw new BusinessRuleError('fieldRequired', {}, 'due_at');
  const dueAt = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(dueAt.getTime())) throw new BusinessRuleError('dateInvalid', {}, 'due_at');
  if (dueAt.getTime() < now.getTime()) throw new BusinessRuleError('dueDateInPast', {}, 'due_at');
  return dueAt;
}

/** Tasks go to employees who can still log in and see them. */
export async function findAssignee(assigneeId: number | null | undefined, transaction: Transaction): Promise<User> {
  const id = requireId(assigneeId, 'assignee_id');
  const assignee = await User.findByPk(id, { transaction });
  if (!assignee) throw new BusinessRuleError('assigneeNotFound', { id }, 'assignee_id');
  if (!assignee.active) throw new BusinessRuleError('assigneeInactive', { name: assignee.name }, 'assignee_id');
  return assignee;
}

/** Loads a task still to do and holds its row until the transaction ends. */
export async function lockOpenTask(taskId: number, transaction: Transaction): Promise<Activity> {
  const task = await Activity.findByPk(taskId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!task) throw new BusinessRuleError('taskNotFound', { id: taskId });
  if (task.kind !== 'task') throw new BusinessRuleError('notATask', { subject: task.subject });
  if (task.done) throw new BusinessRuleError('taskAlreadyDone', { subject: task.subject });
  return task;
}
