import { Branch, Customer, User } from '../../models/index.js';
import { CREDIT_RATINGS, CUSTOMER_STATUSES, CUSTOMER_TYPES, REGIONS } from '../../models/customer.model.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { permissionOn } from '../../access/authorisation/can.js';
import { isReadable } from '../../access/authorisation/field-policy.js';
import { maxLengthOf } from './transfer-columns.js';
import { choiceField, codeField, creditCodeField, decimalField, emailField, referenceField, textField } from './import-fields.js';
import { refuseDuplicatesInFile, refuseTakenValues, resolveReferences, textOf, type Importer } from './importer.js';
import { insertImportedRows } from './insert-imported-rows.js';

const RESOURCE = 'customers';
const max = (field: string) => maxLengthOf(Customer, field);

/** Only a role that sees every customer chooses owner and branch; anyone else imports customers of their own. */
const choosesOwnership = (profile: AccessProfile) => permissionOn(profile, RESOURCE).scope === 'all';

/**
 * 客户导入. The code is generated when left blank; the unified social credit code, when given, must
 * be new (it is the company's identity). Grade, RFM scores and revenue are computed by the customer
 * analysis, never imported.
 */
export const customerImporter: Importer = {
  resourceId: RESOURCE,

  fields: (profile) =>
    [
      codeField('code', max('code')!),
      textField('name', { required: true, max: max('name') }),
      choiceField(RESOURCE, 'customer_type', CUSTOMER_TYPES, { required: true }),
      textField('industry', { max: max('industry') }),
      choiceField(RESOURCE, 'region', REGIONS, { required: true }),
      textField('province', { max: max('province') }),
      textField('city', { max: max('city') }),
      textField('address'),
      creditCodeField('credit_code'),
      textField('phone', { max: max('phone') }),
      emailField('email', max('email')!),
      decimalField('credit_limit', { scale: 2 }),
      choiceField(RESOURCE, 'credit_rating', CREDIT_RATINGS),
      choiceField(RESOURCE, 'status', CUSTOMER_STATUSES),
      ...(choosesOwnership(profile)
        ? [referenceField('owner_id', { hint: 'importHintOwner' }), referenceField('branch_id', { hint: 'importHintBranch' })]
        : []),
      textField('notes'),
    ].filter((field) => isReadable(profile, RESOURCE, field.name)),

  async check(rows, context) {
    refuseDuplicatesInFile(rows, 'code', (row) => textOf(row, 'code'), context);
    refuseDuplicatesInFile(rows, 'credit_code', (row) => textOf(row, 'credit_code'), context);
    // Codes are unique across the whole table, whoever's customers hold them.
    await refuseTakenValues(rows, Customer, 'code', context);
    await refuseTakenValues(rows, Customer, 'credit_code', context);
    if (choosesOwnership(context.profile)) {
      await resolveReferences(rows, 'owner_id', User, context);
      await resolveReferences(rows, 'branch_id', Branch, context);
    }
    // A customer belongs to a branch; by default the importer's own, and an employee may have none.
    if (context.profile.branchId === null) {
      for (const row of rows) if (row.values.branch_id == null) context.refuse(row, 'branch_id', 'importRequired');
    }
  },

  async write(rows, context) {
    const { profile } = context;
    const own = !choosesOwnership(profile);
    await insertImportedRows(
      Customer,
      rows.map((row) => ({
        ...row.values,
        owner_id: own ? profile.userId : (row.values.owner_id ?? profile.userId),
        branch_id: own ? profile.branchId : (row.values.branch_id ?? profile.branchId),
      })),
      context,
    );
  },
};
