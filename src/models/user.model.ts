import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Role } from './role.model.js';
import { Team } from './team.model.js';

/** An employee who logs in to the panel. */
export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare name: string;
  declare phone: string | null;
  declare title: string | null;
  declare password_hash: string;
  declare role_id: number;
  declare team_id: number | null;
  declare branch_id: number | null;
  declare active: CreationOptional<boolean>;
  declare locale: CreationOptional<'zh-CN' | 'en'>;
  declare password_changed_at: CreationOptional<Date>;
  declare last_login_at: Date | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  /** Every record AdminJS sends to a browser passes through here: the hash never leaves the server. */
  override toJSON(): Omit<InferAttributes<User>, 'password_hash'> {
    const { password_hash: _hash, ...visible } = super.toJSON<InferAttributes<User>>();
    return visible;
  }

  static initModel(sequelize: Sequelize): void {
    User.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        email: { type: DataTypes.STRING(200), allowNull: false, validate: { isEmail: true } },
        name: { type: DataTypes.STRING(60), allowNull: false },
        phone: { type: DataTypes.STRING(30), allowNull: true },
        title: { type: DataTypes.STRING(60), allowNull: true },
        password_hash: { type: DataTypes.STRING(255), allowNull: false },
        role_id: { type: DataTypes.INTEGER, allowNull: false },
        team_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: true },
        active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
        locale: { type: DataTypes.ENUM('zh-CN', 'en'), allowNull: false, defaultValue: 'zh-CN' },
        password_changed_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        last_login_at: { type: DataTypes.DATE, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'users' },
    );
  }

  static associate(): void {
    User.belongsTo(Role, { foreignKey: 'role_id', as: 'role' });
    User.belongsTo(Team, { foreignKey: 'team_id', as: 'team' });
    User.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
