import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { PriceListVersion } from './price-list-version.model.js';
import { Product } from './product.model.js';
import { SalesOrder } from './sales-order.model.js';

/**
 * 订单明细: one product on an order; amount is computed by PostgreSQL. A price taken from a price
 * list names the version it came from; a price entered by hand (no list in force) names none.
 */
export class SalesOrderItem extends Model<InferAttributes<SalesOrderItem>, InferCreationAttributes<SalesOrderItem>> {
  declare id: CreationOptional<number>;
  declare order_id: number;
  declare product_id: number;
  declare quantity: string;
  declare unit_price: string;
  declare discount_pct: CreationOptional<string>;
  declare amount: CreationOptional<string>;
  declare price_list_version_id: CreationOptional<number | null>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SalesOrderItem.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        order_id: { type: DataTypes.INTEGER, allowNull: false },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: false },
        unit_price: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        discount_pct: { type: DataTypes.DECIMAL(5, 2), allowNull: false, defaultValue: '0' },
        amount: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        price_list_version_id: { type: DataTypes.INTEGER, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'sales_order_items' },
    );
  }

  static associate(): void {
    SalesOrderItem.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
    SalesOrderItem.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    SalesOrderItem.belongsTo(PriceListVersion, { foreignKey: 'price_list_version_id', as: 'priceListVersion' });
  }
}
