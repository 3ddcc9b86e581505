import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Team } from './team.model.js';
import { User } from './user.model.js';

export const TARGET_LEVELS = ['rep', 'team', 'branch'] as const;

/** 销售目标: tons and revenue expected of a representative, a team or a branch in one month. */
export class SalesTarget extends Model<InferAttributes<SalesTarget>, InferCreationAttributes<SalesTarget>> {
  declare id: CreationOptional<number>;
  /** The first day of the month. */
  declare month: string;
  declare level: (typeof TARGET_LEVELS)[number];
  declare user_id: number | null;
  declare team_id: number | null;
  /** The representative's or team's branch, set by PostgreSQL; chosen only for a branch target. */
  declare branch_id: CreationOptional<number>;
  declare target_tons: CreationOptional<string>;
  declare target_revenue: CreationOptional<string>;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    SalesTarget.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        month: { type: DataTypes.DATEONLY, allowNull: false },
        level: { type: DataTypes.ENUM(...TARGET_LEVELS), allowNull: false },
        user_id: { type: DataTypes.INTEGER, allowNull: true },
        team_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: true },
        target_tons: { type: DataTypes.DECIMAL(14, 3), allowNull: false, defaultValue: '0' },
        target_revenue: { type: DataTypes.DECIMAL(14, 2), allowNull: false, defaultValue: '0' },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'sales_targets' },
    );
  }

  static associate(): void {
    SalesTarget.belongsTo(User, { foreignKey: 'user_id', as: 'user' });
    SalesTarget.belongsTo(Team, { foreignKey: 'team_id', as: 'team' });
    SalesTarget.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
