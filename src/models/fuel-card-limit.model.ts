import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { FuelCard } from './fuel-card.model.js';
import { Product } from './product.model.js';

/** 限油品限量: a card may buy this fuel grade, at most so many litres a day. */
export class FuelCardLimit extends Model<InferAttributes<FuelCardLimit>, InferCreationAttributes<FuelCardLimit>> {
  declare id: CreationOptional<number>;
  declare card_id: number;
  declare product_id: number;
  declare daily_liters: string;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    FuelCardLimit.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        card_id: { type: DataTypes.INTEGER, allowNull: false },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        daily_liters: { type: DataTypes.DECIMAL(10, 2), allowNull: false },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'fuel_card_limits' },
    );
  }

  static associate(): void {
    FuelCardLimit.belongsTo(FuelCard, { foreignKey: 'card_id', as: 'card' });
    FuelCardLimit.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
  }
}
