import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { PriceAdjustmentNotice } from './price-adjustment-notice.model.js';
import { Product } from './product.model.js';
import { ProductCategory } from './product-category.model.js';

/** 调价明细: one product, or every product under a category, up or down by an amount per unit. */
export class PriceAdjustmentLine extends Model<InferAttributes<PriceAdjustmentLine>, InferCreationAttributes<PriceAdjustmentLine>> {
  declare id: CreationOptional<number>;
  declare notice_id: number;
  declare category_id: number | null;
  declare product_id: number | null;
  declare change_per_unit: string;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PriceAdjustmentLine.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        notice_id: { type: DataTypes.INTEGER, allowNull: false },
        category_id: { type: DataTypes.INTEGER, allowNull: true },
        product_id: { type: DataTypes.INTEGER, allowNull: true },
        change_per_unit: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'price_adjustment_lines' },
    );
  }

  static associate(): void {
    PriceAdjustmentLine.belongsTo(PriceAdjustmentNotice, { foreignKey: 'notice_id', as: 'notice' });
    PriceAdjustmentLine.belongsTo(ProductCategory, { foreignKey: 'category_id', as: 'category' });
    PriceAdjustmentLine.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
  }
}
