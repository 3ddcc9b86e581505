import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Customer } from './customer.model.js';
import { User } from './user.model.js';

/**
 * 客户合并: a duplicate merged into its survivor, by whom and when. Its transaction (xact_id, filled
 * in by PostgreSQL) is the one the state rules let move the duplicate's closed orders and tickets.
 */
export class CustomerMerge extends Model<InferAttributes<CustomerMerge>, InferCreationAttributes<CustomerMerge>> {
  declare id: CreationOptional<number>;
  declare survivor_id: number;
  declare duplicate_id: number;
  declare merged_by_id: number | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    CustomerMerge.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        survivor_id: { type: DataTypes.INTEGER, allowNull: false },
        duplicate_id: { type: DataTypes.INTEGER, allowNull: false },
        merged_by_id: { type: DataTypes.INTEGER, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'customer_merges' },
    );
  }

  static associate(): void {
    CustomerMerge.belongsTo(Customer, { foreignKey: 'survivor_id', as: 'survivor' });
    CustomerMerge.belongsTo(Customer, { foreignKey: 'duplicate_id', as: 'duplicate' });
    CustomerMerge.belongsTo(User, { foreignKey: 'merged_by_id', as: 'mergedBy' });
  }
}
