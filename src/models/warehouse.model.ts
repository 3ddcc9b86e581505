import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { User } from './user.model.js';

export const WAREHOUSE_KINDS = ['plant', 'transit', 'depot'] as const;

/** 仓库: a plant store, transit warehouse (中转仓库) or depot. */
export class Warehouse extends Model<InferAttributes<Warehouse>, InferCreationAttributes<Warehouse>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare kind: (typeof WAREHOUSE_KINDS)[number];
  declare branch_id: number | null;
  declare manager_id: number | null;
  declare address: string | null;
  declare active: CreationOptional<boolean>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Warehouse.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(20), allowNull: false },
        name: { type: DataTypes.STRING(100), allowNull: false },
        kind: { type: DataTypes.ENUM(...WAREHOUSE_KINDS), allowNull: false },
        branch_id: { type: DataTypes.INTEGER, allowNull: true },
        manager_id: { type: DataTypes.INTEGER, allowNull: true },
        address: { type: DataTypes.TEXT, allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'warehouses' },
    );
  }

  static associate(): void {
    Warehouse.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
    Warehouse.belongsTo(User, { foreignKey: 'manager_id', as: 'manager' });
  }
}
