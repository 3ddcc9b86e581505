import { Customer } from '../../models/index.js';
import { recordAudit } from '../../audit/audit-log.js';
import type { WriteContext } from './importer.js';

/**
 * Updates existing customers with the filled-in cells of their duplicate rows, in the file's order
 * (a later row wins), each change audited with the customer before and after. The check has made
 * sure each is inside the employee's scope.
 */
export async function updateImportedCustomers(
  updates: Array<{ customerId: number; values: Record<string, unknown> }>,
  context: WriteContext,
  writtenBefore: number,
): Promise<void> {
  const { actor, transaction } = context;
  for (const [index, { customerId, values }] of updates.entries()) {
    const customer = await Customer.findByPk(customerId, { transaction, lock: transaction.LOCK.UPDATE, rejectOnEmpty: true });
    const before = customer.get({ plain: true, clone: true });
    await customer.update(values, { transaction });
    await recordAudit(actor, { action: 'import', resource: 'customers', recordId: customer.id, before, after: customer.get({ plain: true }) }, transaction);
    context.progress(writtenBefore + index + 1);
  }
}
