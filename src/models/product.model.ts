import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { ProductCategory } from './product-category.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const UNITS = ['ton', 'kg', 'liter', 'barrel', 'drum'] as const;

/** 产品: what is sold, by grade, priced per unit. */
export class Product extends Model<InferAttributes<Product>, InferCreationAttributes<Product>> {
  declare id: CreationOptional<number>;
  declare sku: CreationOptional<string>;
  declare name: string;
  declare category_id: number;
  declare grade: string | null;
  declare specification: string | null;
  declare unit: CreationOptional<(typeof UNITS)[number]>;
  declare list_price: string;
  declare cost_price: string | null;
  declare safety_stock: CreationOptional<string>;
  declare active: CreationOptional<boolean>;
  declare description: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Product.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        sku: { type: DataTypes.STRING(20), allowNull: true },
        name: { type: DataTypes.STRING(120), allowNull: false },
        category_id: { type: DataTypes.INTEGER, allowNull: false },
        grade: { type: DataTypes.STRING(60), allowNull: true },
        specification: { type: DataTypes.TEXT, allowNull: true },
        unit: { type: DataTypes.ENUM(...UNITS), allowNull: false, defaultValue: 'ton' },
        list_price: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        cost_price: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        safety_stock: { type: DataTypes.DECIMAL(14, 3), allowNull: false, defaultValue: '0' },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        description: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'products', hooks: { beforeValidate: generatedWhenBlank('sku') } },
    );
  }

  static associate(): void {
    Product.belongsTo(ProductCategory, { foreignKey: 'category_id', as: 'category' });
  }
}
