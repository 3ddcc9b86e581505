import { Activity, type User } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { findAssignee, lockOpenTask, parseDueAt } from './task-rules.js';

export interface TaskReassignment {
  assigneeId?: number | null;
  /** Left out, the task keeps its due date. */
  dueAt?: string | Date | null;
}

export interface ReassignedTask {
  task: Activity;
  assignee: User;
}

/** 转派任务: an open task goes to another employee, or gets a new due date, or both. */
export async function reassignTask(taskId: number, reassignment: TaskReassignment, actor: Actor, now = new Date()): Promise<ReassignedTask> {
  const dueAt = reassignment.dueAt ? parseDueAt(reassignment.dueAt, now) : undefined;
  return Activity.sequelize!.transaction(async (transaction) => {
    const task = await lockOpenTask(taskId, transaction);
    const assignee = await findAssignee(reassignment.assigneeId, transaction);
    const before = task.get({ plain: true, clone: true });
    await task.update({ assignee_id: assignee.id, ...(dueAt ? { due_at: dueAt } : {}) }, { transaction });
    await recordAudit(actor, { action: 'reassignTask', resource: 'activities', recordId: task.id, before, after: task.get({ plain: true }) }, transaction);
    return { task, assignee };
  });
}
