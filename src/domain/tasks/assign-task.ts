import type { Transaction } from 'sequelize';
import { Activity, Customer, Opportunity, type User } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { optionalText, requireText } from '../sales/required-input.js';
import { findAssignee, parseDueAt } from './task-rules.js';

/** A task as the form gives it: for a customer (or one of its opportunities), or standalone. */
export interface TaskAssignment {
  subject?: string | null;
  details?: string | null;
  dueAt?: string | Date | null;
  assigneeId?: number | null;
  customerId?: number | null;
  opportunityId?: number | null;
}

export interface AssignedTask {
  task: Activity;
  assignee: User;
}

/** 分配任务: creates a task for an employee with its due date; it appears on their open tasks. */
export async function assignTask(assignment: TaskAssignment, actor: Actor, now = new Date()): Promise<AssignedTask> {
  const subject = requireText(assignment.subject, 'subject', 200);
  const details = optionalText(assignment.details, 'details', 10_000);
  const dueAt = parseDueAt(assignment.dueAt, now);

  return Activity.sequelize!.transaction(async (transaction) => {
    const assignee = await findAssignee(assignment.assigneeId, transaction);
    const { customerId, opportunityId } = await relatedRecords(assignment, transaction);
    const task = await Activity.create(
      {
        kind: 'task', subject, details, customer_id: customerId, contact_id: null, opportunity_id: opportunityId,
        owner_id: actor.id, assignee_id: assignee.id, due_at: dueAt, done_at: null,
      },
      { transaction },
    );
    await recordAudit(actor, { action: 'assignTask', resource: 'activities', recordId: task.id, after: task.get({ plain: true }) }, transaction);
    return { task, assignee };
  });
}

/** A task about an opportunity is about its customer too. */
async function relatedRecords(assignment: TaskAssignment, transaction: Transaction): Promise<{ customerId: number | null; opportunityId: number | null }> {
  let customerId = assignment.customerId ?? null;
  const opportunityId = assignment.opportunityId ?? null;
  if (opportunityId !== null) {
    const opportunity = await Opportunity.findByPk(opportunityId, { transaction });
    if (!opportunity) throw new BusinessRuleError('opportunityNotFound', { id: opportunityId }, 'opportunity_id');
    if (customerId !== null && customerId !== opportunity.customer_id) throw new BusinessRuleError('opportunityOfAnotherCustomer', {}, 'opportunity_id');
    customerId = opportunity.customer_id;
  }
  if (customerId !== null && !(await Customer.findByPk(customerId, { transaction }))) {
    throw new BusinessRuleError('taskCustomerNotFound', { id: customerId }, 'customer_id');
  }
  return { customerId, opportunityId };
}
