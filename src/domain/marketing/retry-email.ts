import { EmailMessage } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * Puts a failed message back in the outbox with a fresh count of attempts, after someone fixed
 * the address or the mail server. The last error stays until the next attempt replaces it.
 */
export async function retryEmail(actor: Actor, messageId: number, now: Date = new Date()): Promise<EmailMessage> {
  return EmailMessage.sequelize!.transaction(async (transaction) => {
    const message = await EmailMessage.findByPk(messageId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!message) throw new BusinessRuleError('emailNotFound', { id: messageId });
    if (message.status !== 'failed') throw new BusinessRuleError('emailNotFailed');
    const before = message.get({ plain: true, clone: true });
    await message.update({ status: 'queued', attempts: 0, next_attempt_at: now }, { transaction });
    await recordAudit(actor, { action: 'retry', resource: 'email_messages', recordId: message.id, before, after: message.get({ plain: true, clone: true }) }, transaction);
    return message;
  });
}
