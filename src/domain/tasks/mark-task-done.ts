import { Activity } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { lockOpenTask } from './task-rules.js';

/** 完成任务: the task leaves its assignee's open list. */
export async function markTaskDone(taskId: number, actor: Actor, now = new Date()): Promise<Activity> {
  return Activity.sequelize!.transaction(async (transaction) => {
    const task = await lockOpenTask(taskId, transaction);
    const before = task.get({ plain: true, clone: true });
    await task.update({ done: true, done_at: now }, { transaction });
    await recordAudit(actor, { action: 'markTaskDone', resource: 'activities', recordId: task.id, before, after: task.get({ plain: true }) }, transaction);
    return task;
  });
}
