import { DataTypes, type Model, type ModelAttributeColumnOptions, type ModelStatic } from 'sequelize';
import type { Language } from '../../i18n/translate.js';
import { fieldLabel } from './transfer-labels.js';
import { businessOffset } from '../../clock/business-clock.js';

/** How a column's values are written to a file and read back from one. */
export type ValueKind = 'text' | 'integer' | 'decimal' | 'date' | 'datetime' | 'boolean' | 'choice' | 'reference' | 'structured';

export interface TransferColumn {
  field: string;
  /** The header in the file: the field's label in the chosen language. */
  header: string;
  kind: ValueKind;
  /** Decimal places of a NUMERIC column: 2 for money, 3 for quantities. */
  scale?: number;
  /** The stored values of an enum column. */
  choices?: readonly string[];
  /** The model a foreign key points at. */
  target?: ModelStatic<Model>;
}

/**
 * The columns of an export or an import, in the given order, each typed from the Sequelize model so
 * money keeps its two decimals, a day stays a day and a foreign key is written as the business
 * code of the row it points at.
 */
export function describeColumns(model: ModelStatic<Model>, resourceId: string, fields: string[], language: Language = 'zh-CN'): TransferColumn[] {
  const attributes = model.getAttributes() as Record<string, ModelAttributeColumnOptions>;
  const targets = foreignKeyTargets(model);
  return fields
    .filter((field) => field in attributes)
    .map((field) => {
      const type = typeOf(attributes[field], targets.get(field));
      // A time is written on the business clock; the header says which (an .xlsx cell cannot).
      const header = fieldLabel(resourceId, field, language);
      return { field, header: type.kind === 'datetime' ? `${header} (UTC${businessOffset(new Date())})` : header, ...type };
    });
}

function typeOf(attribute: ModelAttributeColumnOptions, target: ModelStatic<Model> | undefined): Omit<TransferColumn, 'field' | 'header'> {
  const { type } = attribute;
  if (target) return { kind: 'reference', target };
  if (attribute.values) return { kind: 'choice', choices: attribute.values };
  if (type instanceof DataTypes.DECIMAL) return { kind: 'decimal', scale: (type as { options?: { scale?: number } }).options?.scale ?? 2 };
  if (type instanceof DataTypes.INTEGER || type instanceof DataTypes.BIGINT || type instanceof DataTypes.SMALLINT) return { kind: 'integer' };
  if (type instanceof DataTypes.FLOAT || type instanceof DataTypes.DOUBLE || type instanceof DataTypes.REAL) return { kind: 'decimal' };
  if (type instanceof DataTypes.DATEONLY) return { kind: 'date' };
  if (type instanceof DataTypes.DATE) return { kind: 'datetime' };
  if (type instanceof DataTypes.BOOLEAN) return { kind: 'boolean' };
  if (type instanceof DataTypes.JSON || type instanceof DataTypes.JSONB || type instanceof DataTypes.ARRAY) return { kind: 'structured' };
  return { kind: 'text' };
}

/** Foreign keys as the model's belongsTo associations declare them. */
function foreignKeyTargets(model: ModelStatic<Model>): Map<string, ModelStatic<Model>> {
  const targets = new Map<string, ModelStatic<Model>>();
  for (const association of Object.values(model.associations)) {
    if (association.associationType === 'BelongsTo') targets.set(association.foreignKey, association.target);
  }
  return targets;
}

/** The longest text a varchar column holds, for import checks. */
export function maxLengthOf(model: ModelStatic<Model>, field: string): number | undefined {
  const type = (model.getAttributes() as Record<string, ModelAttributeColumnOptions>)[field]?.type;
  return type instanceof DataTypes.STRING ? (type as { options?: { length?: number } }).options?.length : undefined;
}
