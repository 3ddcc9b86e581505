import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Customer } from './customer.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const FUEL_CARD_KINDS = ['master', 'sub'] as const;
export const FUEL_CARD_STATUSES = ['active', 'frozen', 'cancelled'] as const;
export type FuelCardStatus = (typeof FUEL_CARD_STATUSES)[number];

/**
 * 加油卡: a fleet's master card, which holds the money, or a sub-card for one vehicle plate that
 * spends from its master. The balance moves only through top-ups and fuellings.
 */
export class FuelCard extends Model<InferAttributes<FuelCard>, InferCreationAttributes<FuelCard>> {
  declare id: CreationOptional<number>;
  declare card_no: CreationOptional<string>;
  declare customer_id: number;
  declare kind: (typeof FUEL_CARD_KINDS)[number];
  declare master_card_id: number | null;
  declare vehicle_plate: string | null;
  declare holder_name: string | null;
  declare balance: CreationOptional<string>;
  declare daily_amount_limit: string | null;
  declare status: CreationOptional<FuelCardStatus>;
  declare branch_id: number;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    FuelCard.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        card_no: { type: DataTypes.STRING(19), allowNull: true },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        kind: { type: DataTypes.ENUM(...FUEL_CARD_KINDS), allowNull: false },
        master_card_id: { type: DataTypes.INTEGER, allowNull: true },
        vehicle_plate: { type: DataTypes.STRING(10), allowNull: true },
        holder_name: { type: DataTypes.STRING(60), allowNull: true },
        balance: { type: DataTypes.DECIMAL(14, 2), allowNull: false, defaultValue: '0' },
        daily_amount_limit: { type: DataTypes.DECIMAL(14, 2), allowNull: true },
        status: { type: DataTypes.ENUM(...FUEL_CARD_STATUSES), allowNull: false, defaultValue: 'active' },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'fuel_cards', hooks: { beforeValidate: generatedWhenBlank('card_no') } },
    );
  }

  static associate(): void {
    FuelCard.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    FuelCard.belongsTo(FuelCard, { foreignKey: 'master_card_id', as: 'masterCard' });
    FuelCard.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
