import { QueryTypes } from 'sequelize';
import { Contact, Customer } from '../../models/index.js';
import { isReadable } from '../../access/authorisation/field-policy.js';
import { maxLengthOf } from './transfer-columns.js';
import { booleanField, emailField, referenceField, textField } from './import-fields.js';
import { refuseDuplicatesInFile, resolveReferences, type Importer } from './importer.js';
import { insertImportedRows } from './insert-imported-rows.js';

const RESOURCE = 'contacts';
const max = (field: string) => maxLengthOf(Contact, field);

/**
 * 联系人导入. Each contact names its customer by code (or exact name); a customer the employee may
 * not see counts as not found, so a representative adds contacts to their own customers only.
 * The same name twice at one customer is taken for a duplicate.
 */
export const contactImporter: Importer = {
  resourceId: RESOURCE,

  fields: (profile) =>
    [
      referenceField('customer_id', { required: true, hint: 'importHintCustomer' }),
      textField('name', { required: true, max: max('name') }),
      textField('title', { max: max('title') }),
      textField('department', { max: max('department') }),
      textField('phone', { max: max('phone') }),
      textField('mobile', { max: max('mobile') }),
      emailField('email', max('email')!),
      textField('wechat', { max: max('wechat') }),
      booleanField(RESOURCE, 'is_primary', false),
      textField('notes'),
    ].filter((field) => isReadable(profile, RESOURCE, field.name)),

  async check(rows, context) {
    await resolveReferences(rows, 'customer_id', Customer, context);
    const keyOf = (customerId: unknown, name: unknown) => (typeof customerId === 'number' && typeof name === 'string' ? `${customerId}\u0000${name}` : null);
    refuseDuplicatesInFile(rows, 'name', (row) => keyOf(row.values.customer_id, row.values.name), context);

    const customerIds = [...new Set(rows.map((row) => row.values.customer_id).filter((id): id is number => typeof id === 'number'))];
    if (customerIds.length === 0) return;
    const existing = await Contact.sequelize!.query<{ customer_id: number; name: string }>(
      'SELECT customer_id, name FROM contacts WHERE customer_id = ANY($1::int[])',
      { bind: [customerIds], type: QueryTypes.SELECT, transaction: context.transaction },
    );
    const taken = new Set(existing.map((contact) => keyOf(contact.customer_id, contact.name)));
    for (const row of rows) {
      if (taken.has(keyOf(row.values.customer_id, row.values.name))) context.refuse(row, 'name', 'importContactExists', { value: String(row.values.name) });
    }
  },

  async write(rows, context) {
    await insertImportedRows(Contact, rows.map((row) => row.values), context);
  },
};
