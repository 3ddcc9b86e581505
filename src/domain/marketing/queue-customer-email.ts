import { Contact, Customer, EmailMessage, EmailTemplate } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { customerEmailFields, renderEmail } from './render-email.js';

/**
 * One e-mail to one customer, outside any campaign: to the chosen contact, or else the primary
 * contact with an address. It goes through the outbox like campaign mail, so it is retried and
 * its fate is visible in the same list.
 */
export async function queueCustomerEmail(
  actor: Actor,
  customerId: number,
  input: { templateId: unknown; contactId?: unknown },
  now: Date = new Date(),
): Promise<EmailMessage> {
  const sequelize = Customer.sequelize!;
  return sequelize.transaction(async (transaction) => {
    const customer = await Customer.findByPk(customerId, { transaction });
    if (!customer) throw new BusinessRuleError('customerNotFound', { id: customerId });
    const templateId = Number(input.templateId);
    const template = Number.isInteger(templateId) && templateId > 0 ? await EmailTemplate.findByPk(templateId, { transaction }) : null;
    if (!template || !template.active) throw new BusinessRuleError('emailTemplateRequired', {}, 'template_id');

    const contactId = input.contactId === undefined || input.contactId === null || input.contactId === '' ? null : Number(input.contactId);
    const contacts = await Contact.findAll({ where: { customer_id: customer.id }, order: [['is_primary', 'DESC'], ['id', 'ASC']], transaction });
    const withEmail = contacts.filter((contact) => contact.email && contact.email.trim() !== '');
    let contact: Contact | undefined;
    if (contactId !== null) {
      contact = contacts.find((candidate) => candidate.id === contactId);
      if (!contact) throw new BusinessRuleError('contactOfOtherCustomer', {}, 'contact_id');
      if (!withEmail.includes(contact)) throw new BusinessRuleError('contactHasNoEmail', { contact: contact.name }, 'contact_id');
    } else {
      contact = withEmail[0];
      if (!contact) throw new BusinessRuleError('customerHasNoEmailContact', { customer: customer.name }, 'contact_id');
    }

    const mail = renderEmail(template, customerEmailFields(customer, contact));
    const message = await EmailMessage.create(
      {
        campaign_id: null, customer_id: customer.id, contact_id: contact.id, template_id: template.id, to_address: contact.email!.trim(),
        subject: mail.subject, body: mail.body, status: 'queued', attempts: 0, last_error: null, next_attempt_at: now, sent_at: null,
      },
      { transaction },
    );
    await recordAudit(actor, { action: 'sendEmail', resource: 'customers', recordId: customer.id, details: { messageId: message.id, to: message.to_address, template: template.code } }, transaction);
    return message;
  });
}
