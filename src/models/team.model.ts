import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { User } from './user.model.js';

/** A sales or service team inside one branch. */
export class Team extends Model<InferAttributes<Team>, InferCreationAttributes<Team>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare branch_id: number;
  declare leader_id: number | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Team.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        name: { type: DataTypes.STRING(100), allowNull: false },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        leader_id: { type: DataTypes.INTEGER, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'teams' },
    );
  }

  static associate(): void {
    Team.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
    Team.belongsTo(User, { foreignKey: 'leader_id', as: 'leader', constraints: false });
  }
}
