import crypto from 'node:crypto';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, demoUser } from '../../support/fixtures.js';
import { assignTask } from '../../../src/domain/tasks/assign-task.js';
import { reassignTask } from '../../../src/domain/tasks/reassign-task.js';
import { markTaskDone } from '../../../src/domain/tasks/mark-task-done.js';
import { listOpenTasks } from '../../../src/domain/tasks/list-open-tasks.js';
import { Activity, User } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';

describe('tasks', () => {
  let db: DomainDatabase;
  let manager: Actor;
  let rep: User;
  const now = new Date('2026-11-28T08:00:00Z');
  const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3600_000);

  /** An employee of our own, so the demo data's tasks do not appear on the lists asserted here. */
  async function newEmployee(name: string, overrides: Partial<User['_creationAttributes']> = {}): Promise<User> {
    const template = await demoUser('rep.liu@petrocrm.cn');
    return User.create({
      email: `${crypto.randomUUID()}@petrocrm.cn`, name, password_hash: template.password_hash, role_id: template.role_id,
      team_id: template.team_id, branch_id: template.branch_id, phone: null, title: null, last_login_at: null, ...overrides,
    });
  }

  beforeAll(async () => {
    db = await openDomainDatabase();
    manager = await actorFor('manager.ec@petrocrm.cn');
    rep = await newEmployee('刘洋');
  });
  afterAll(() => db.close());

  test('when assigned, then the task is on the assignee\'s open list, soonest first, with overdue ones marked', async () => {
    const customer = await createCustomer({ name: '苏州塑料制品厂' });
    const { task, assignee } = await assignTask({ subject: '回访苏州塑料', dueAt: hoursFromNow(48).toISOString(), assigneeId: rep.id, customerId: customer.id }, manager, now);
    await assignTask({ subject: '寄送 PP 样品', dueAt: hoursFromNow(2), assigneeId: rep.id }, manager, now);
    expect(task).toMatchObject({ kind: 'task', owner_id: manager.id, assignee_id: rep.id, customer_id: customer.id, done: false });
    expect(translate('zh-CN', 'taskAssigned', { subject: task.subject, assignee: assignee.name })).toBe('已把任务「回访苏州塑料」分配给 刘洋');
    expect(await auditOf('activities', task.id)).toEqual([expect.objectContaining({ action: 'assignTask', user_email: 'manager.ec@petrocrm.cn' })]);

    const open = await listOpenTasks(rep.id, hoursFromNow(3));
    expect(open.map((row) => [row.subject, row.overdue, row.customer_name, row.owner_name])).toEqual([
      ['寄送 PP 样品', true, null, '李明华'],
      ['回访苏州塑料', false, '苏州塑料制品厂', '李明华'],
    ]);
    expect((await listOpenTasks(manager.id!, now)).map((row) => row.id)).not.toContain(task.id);
  });

  test('when reassigned or done, then it moves to the new assignee\'s list, and off every list once done', async () => {
    const other = await newEmployee('黄丽');
    const { task } = await assignTask({ subject: '核对发票', dueAt: hoursFromNow(24), assigneeId: rep.id }, manager, now);
    await reassignTask(task.id, { assigneeId: other.id, dueAt: hoursFromNow(72) }, manager, now);
    expect((await listOpenTasks(other.id, now)).map((row) => [row.id, new Date(row.due_at).toISOString()])).toEqual([[task.id, hoursFromNow(72).toISOString()]]);
    expect((await listOpenTasks(rep.id, now)).map((row) => row.id)).not.toContain(task.id);

    const done = await markTaskDone(task.id, { id: other.id, email: other.email }, hoursFromNow(5));
    expect([done.done, done.done_at?.toISOString()]).toEqual([true, hoursFromNow(5).toISOString()]);
    expect(await listOpenTasks(other.id, now)).toEqual([]);
    expect((await auditOf('activities', task.id)).map((row) => [row.action, row.changes.fields])).toEqual([
      ['assignTask', undefined],
      ['reassignTask', { assignee_id: { before: rep.id, after: other.id }, due_at: { before: hoursFromNow(24).toISOString(), after: hoursFromNow(72).toISOString() } }],
      ['markTaskDone', { done: { before: false, after: true }, done_at: { before: null, after: hoursFromNow(5).toISOString() } }],
    ]);
    await expectRefusedWithoutChanges(db.sequelize, () => markTaskDone(task.id, manager), 'taskAlreadyDone', { subject: '核对发票' });
    await expectRefusedWithoutChanges(db.sequelize, () => reassignTask(task.id, { assigneeId: rep.id }, manager), 'taskAlreadyDone');
  });

  test('when the form is wrong, then the task is refused next to the field and nothing is written', async () => {
    const inactive = await newEmployee('离职员工', { active: false });
    const valid = { subject: '拜访', dueAt: hoursFromNow(1), assigneeId: rep.id };
    await expectRefusedWithoutChanges(db.sequelize, () => assignTask({ ...valid, subject: ' ' }, manager, now), 'fieldRequired', {}, 'subject');
    await expectRefusedWithoutChanges(db.sequelize, () => assignTask({ ...valid, dueAt: null }, manager, now), 'fieldRequired', {}, 'due_at');
    await expectRefusedWithoutChanges(db.sequelize, () => assignTask({ ...valid, dueAt: 'next tuesday' }, manager, now), 'dateInvalid', {}, 'due_at');
    await expectRefusedWithoutChanges(db.sequelize, () => assignTask({ ...valid, dueAt: hoursFromNow(-1) }, manager, now), 'dueDateInPast', {}, 'due_at');
    await expectRefusedWithoutChanges(db.sequelize, () => assignTask({ ...valid, assigneeId: undefined }, manager, now), 'fieldRequired', {}, 'assignee_id');
    await expectRefusedWithoutChanges(db.sequelize, () => assignTask({ ...valid, assigneeId: inactive.id }, manager, now), 'assigneeInactive', { name: '离职员工' }, 'assignee_id');
    await expectRefusedWithoutChanges(db.sequelize, () => assignTask({ ...valid, customerId: 777777 }, manager, now), 'taskCustomerNotFound', { id: 777777 }, 'customer_id');

    const call = await Activity.create({ kind: 'call', subject: '电话询价', details: null, customer_id: null, contact_id: null, opportunity_id: null, owner_id: rep.id, assignee_id: rep.id, due_at: null, done_at: null });
    await expectRefusedWithoutChanges(db.sequelize, () => markTaskDone(call.id, manager), 'notATask', { subject: '电话询价' });
  });
});
