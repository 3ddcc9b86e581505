import { DataTypes, type Model, type ModelAttributeColumnOptions, type ModelStatic } from 'sequelize';

/** What a column can hold, in the terms a request parameter is checked against before any SQL. */
export type ColumnKind = 'int32' | 'int64' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'text' | 'other';

export interface ColumnShape {
  kind: ColumnKind;
  /** The values an ENUM (or a CHECK the model declares with `values`) allows. */
  choices?: readonly string[];
}

export const INT_LIMITS = {
  int32: { max: 2_147_483_647n, min: -2_147_483_648n },
  int64: { max: 9_223_372_036_854_775_807n, min: -9_223_372_036_854_775_808n },
} as const;

/**
 * Worked out once per model definition (a scoped model shares its model's): a list asks for the
 * key's shape for every id it reads and every reference it shows.
 */
const shapesOfDefinition = new WeakMap<object, ReadonlyMap<string, ColumnShape>>();

export function columnShapesOf(model: ModelStatic<Model>): ReadonlyMap<string, ColumnShape> {
  const attributes = model.getAttributes();
  let shapes = shapesOfDefinition.get(attributes);
  if (!shapes) {
    shapes = new Map(Object.entries(attributes).map(([name, attribute]) => [name, shapeOf(attribute)]));
    shapesOfDefinition.set(attributes, shapes);
  }
  return shapes;
}

function shapeOf(attribute: ModelAttributeColumnOptions): ColumnShape {
  const { type } = attribute;
  const choices = attribute.values ? { choices: attribute.values } : {};
  // BIGINT extends INTEGER in Sequelize, so it is asked first.
  if (type instanceof DataTypes.BIGINT) return { kind: 'int64' };
  if (type instanceof DataTypes.INTEGER || type instanceof DataTypes.SMALLINT) return { kind: 'int32' };
  if (type instanceof DataTypes.DECIMAL || type instanceof DataTypes.FLOAT || type instanceof DataTypes.DOUBLE || type instanceof DataTypes.REAL) return { kind: 'decimal' };
  if (type instanceof DataTypes.BOOLEAN) return { kind: 'boolean' };
  if (type instanceof DataTypes.DATEONLY) return { kind: 'date' };
  if (type instanceof DataTypes.DATE) return { kind: 'datetime' };
  if (type instanceof DataTypes.STRING || type instanceof DataTypes.TEXT || type instanceof DataTypes.ENUM || type instanceof DataTypes.CHAR) return { kind: 'text', ...choices };
  return { kind: 'other' };
}

/** Whether `text` is a whole number the column kind can hold (a key that can exist, a filter that cannot overflow). */
export function fitsInteger(text: string, kind: 'int32' | 'int64'): boolean {
  if (!/^[+-]?\d{1,20}$/.test(text)) return false;
  const value = BigInt(text);
  return value >= INT_LIMITS[kind].min && value <= INT_LIMITS[kind].max;
}
