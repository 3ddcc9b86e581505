import { QueryTypes } from 'sequelize';
import { Activity } from '../../models/index.js';

export interface OpenTask {
  id: number;
  subject: string;
  due_at: Date;
  overdue: boolean;
  customer_id: number | null;
  customer_name: string | null;
  opportunity_id: number | null;
  opportunity_title: string | null;
  owner_name: string | null;
}

/**
 * 我的待办: an employee's tasks not done yet, soonest due first, those past due marked overdue
 * (by PostgreSQL against `now`, so a test can fix the clock). Served by the partial index on open
 * activities per assignee and due date.
 */
export async function listOpenTasks(assigneeId: number, now = new Date()): Promise<OpenTask[]> {
  return Activity.sequelize!.query<OpenTask>(
    `SELECT a.id, a.subject, a.due_at, a.due_at < $2 AS overdue,
            a.customer_id, c.name AS customer_name, a.opportunity_id, o.title AS opportunity_title, u.name AS owner_name
       FROM activities a
       LEFT JOIN customers c ON c.id = a.customer_id
       LEFT JOIN opportunities o ON o.id = a.opportunity_id
       LEFT JOIN users u ON u.id = a.owner_id
      WHERE a.assignee_id = $1 AND a.kind = 'task' AND NOT a.done
      ORDER BY a.due_at, a.id`,
    { bind: [assigneeId, now], type: QueryTypes.SELECT },
  );
}
