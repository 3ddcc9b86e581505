import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { PriceListVersion } from './price-list-version.model.js';
import { Product } from './product.model.js';

/** The standard VAT rate on petrochemical goods since 2019-04-01. */
export const STANDARD_VAT_RATE = '0.1300';

/** 价格明细: one product's price in one version, VAT included; without VAT and the VAT are computed. */
export class PriceListItem extends Model<InferAttributes<PriceListItem>, InferCreationAttributes<PriceListItem>> {
  declare id: CreationOptional<number>;
  declare version_id: number;
  declare product_id: number;
  declare unit_price: string;
  declare vat_rate: CreationOptional<string>;
  declare price_excl_tax: CreationOptional<string>;
  declare vat_amount: CreationOptional<string>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PriceListItem.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        version_id: { type: DataTypes.INTEGER, allowNull: false },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        unit_price: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        vat_rate: { type: DataTypes.DECIMAL(5, 4), allowNull: false, defaultValue: STANDARD_VAT_RATE },
        price_excl_tax: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        vat_amount: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'price_list_items' },
    );
  }

  static associate(): void {
    PriceListItem.belongsTo(PriceListVersion, { foreignKey: 'version_id', as: 'version' });
    PriceListItem.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
  }
}
