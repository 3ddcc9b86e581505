import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { migrate } from '../../../src/db/migrator.js';
import { Branch, Campaign, Contact, Customer, EmailTemplate } from '../../../src/models/index.js';
import { createCustomer } from '../../support/fixtures.js';

/**
 * Marketing tests run on an empty database with only the rows they create: targeting and the
 * outbox act on every matching customer and every queued message, so nothing else may be there.
 */
export async function openMarketingDatabase(): Promise<DomainDatabase> {
  const db = await openDomainDatabase('empty');
  await migrate(db.sequelize);
  await Branch.create({ code: 'EC', name: '华东分公司', kind: 'branch', parent_id: null, region: '华东', address: null, phone: null });
  return db;
}

/** A customer and its contacts, given as [name, e-mail or null, primary?]. */
export async function customerWithContacts(
  values: Partial<Customer['_creationAttributes']>,
  contacts: Array<[string, string | null, boolean]>,
): Promise<{ customer: Customer; contacts: Contact[] }> {
  const customer = await createCustomer(values);
  const created: Contact[] = [];
  for (const [name, email, primary] of contacts) {
    created.push(await Contact.create({ customer_id: customer.id, name, email, is_primary: primary, title: '采购经理' }));
  }
  return { customer, contacts: created };
}

export async function template(code: string, subject: string, body: string, active = true): Promise<EmailTemplate> {
  return EmailTemplate.create({ code, name: code, subject, body, active });
}

export async function campaign(values: Partial<Campaign['_creationAttributes']>): Promise<Campaign> {
  return Campaign.create({ name: '夏季树脂促销', kind: 'email', start_date: '2026-06-01', end_date: '2026-08-31', ...values });
}
