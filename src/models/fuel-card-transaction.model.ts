import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Customer } from './customer.model.js';
import { FuelCard } from './fuel-card.model.js';
import { Product } from './product.model.js';
import { User } from './user.model.js';

/** 加油记录: one fuelling on a card at a station, paid from the master card. Never edited. */
export class FuelCardTransaction extends Model<InferAttributes<FuelCardTransaction>, InferCreationAttributes<FuelCardTransaction>> {
  declare id: CreationOptional<number>;
  declare card_id: number;
  declare master_card_id: number;
  declare customer_id: number;
  declare station_id: number;
  declare product_id: number;
  declare vehicle_plate: string | null;
  declare liters: string;
  declare unit_price: string;
  declare amount: CreationOptional<string>;
  declare balance_after: string;
  declare business_day: string;
  declare performed_by_id: number | null;
  declare occurred_at: CreationOptional<Date>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    FuelCardTransaction.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        card_id: { type: DataTypes.INTEGER, allowNull: false },
        master_card_id: { type: DataTypes.INTEGER, allowNull: false },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        station_id: { type: DataTypes.INTEGER, allowNull: false },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        vehicle_plate: { type: DataTypes.STRING(10), allowNull: true },
        liters: { type: DataTypes.DECIMAL(10, 2), allowNull: false },
        unit_price: { type: DataTypes.DECIMAL(8, 2), allowNull: false },
        amount: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        balance_after: { type: DataTypes.DECIMAL(14, 2), allowNull: false },
        business_day: { type: DataTypes.DATEONLY, allowNull: false },
        performed_by_id: { type: DataTypes.INTEGER, allowNull: true },
        occurred_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'fuel_card_transactions' },
    );
  }

  static associate(): void {
    FuelCardTransaction.belongsTo(FuelCard, { foreignKey: 'card_id', as: 'card' });
    FuelCardTransaction.belongsTo(FuelCard, { foreignKey: 'master_card_id', as: 'masterCard' });
    FuelCardTransaction.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    FuelCardTransaction.belongsTo(Branch, { foreignKey: 'station_id', as: 'station' });
    FuelCardTransaction.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    FuelCardTransaction.belongsTo(User, { foreignKey: 'performed_by_id', as: 'performedBy' });
  }
}
