import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Role } from './role.model.js';

export const ROW_SCOPES = ['own', 'team', 'branch', 'all'] as const;
export type RowScope = (typeof ROW_SCOPES)[number];

/** One cell row of the permission matrix: what a role may do on one resource, and on which rows. */
export class RolePermission extends Model<InferAttributes<RolePermission>, InferCreationAttributes<RolePermission>> {
  declare id: CreationOptional<number>;
  declare role_id: number;
  declare resource: string;
  declare actions: string[];
  declare scope: RowScope;
  declare hidden_fields: CreationOptional<string[]>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    RolePermission.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        role_id: { type: DataTypes.INTEGER, allowNull: false },
        resource: { type: DataTypes.STRING(60), allowNull: false },
        actions: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
        scope: { type: DataTypes.ENUM(...ROW_SCOPES), allowNull: false, defaultValue: 'all' },
        hidden_fields: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'role_permissions' },
    );
  }

  static associate(): void {
    RolePermission.belongsTo(Role, { foreignKey: 'role_id', as: 'role' });
  }
}
