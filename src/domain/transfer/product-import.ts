import { Product, ProductCategory } from '../../models/index.js';
import { UNITS } from '../../models/product.model.js';
import { isReadable } from '../../access/authorisation/field-policy.js';
import { maxLengthOf } from './transfer-columns.js';
import { booleanField, choiceField, codeField, decimalField, referenceField, textField } from './import-fields.js';
import { refuseDuplicatesInFile, refuseTakenValues, resolveReferences, textOf, type Importer } from './importer.js';
import { insertImportedRows } from './insert-imported-rows.js';

const RESOURCE = 'products';
const max = (field: string) => maxLengthOf(Product, field);

/**
 * 产品导入. The SKU is generated when left blank and must be new when given; the category is named
 * by its code or exact name. A role that may not see the cost price cannot import it either.
 */
export const productImporter: Importer = {
  resourceId: RESOURCE,

  fields: (profile) =>
    [
      codeField('sku', max('sku')!),
      textField('name', { required: true, max: max('name') }),
      referenceField('category_id', { required: true, hint: 'importHintCategory' }),
      textField('grade', { max: max('grade') }),
      textField('specification'),
      choiceField(RESOURCE, 'unit', UNITS),
      decimalField('list_price', { scale: 2, required: true }),
      decimalField('cost_price', { scale: 2 }),
      decimalField('safety_stock', { scale: 3 }),
      booleanField(RESOURCE, 'active', true),
      textField('description'),
    ].filter((field) => isReadable(profile, RESOURCE, field.name)),

  async check(rows, context) {
    refuseDuplicatesInFile(rows, 'sku', (row) => textOf(row, 'sku'), context);
    await refuseTakenValues(rows, Product, 'sku', context);
    await resolveReferences(rows, 'category_id', ProductCategory, context);
  },

  async write(rows, context) {
    await insertImportedRows(Product, rows.map((row) => row.values), context);
  },
};
