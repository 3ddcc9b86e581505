import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { User } from './user.model.js';

/** 审计日志: who changed what, when, with the fields before and after. Written, never edited. */
export class AuditLog extends Model<InferAttributes<AuditLog>, InferCreationAttributes<AuditLog>> {
  declare id: CreationOptional<number>;
  declare occurred_at: CreationOptional<Date>;
  declare user_id: number | null;
  declare user_email: string | null;
  declare action: string;
  declare resource: string;
  declare record_id: string | null;
  declare changes: CreationOptional<Record<string, unknown>>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    AuditLog.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        occurred_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        user_id: { type: DataTypes.INTEGER, allowNull: true },
        user_email: { type: DataTypes.STRING(200), allowNull: true },
        action: { type: DataTypes.STRING(40), allowNull: false },
        resource: { type: DataTypes.STRING(60), allowNull: false },
        record_id: { type: DataTypes.STRING(40), allowNull: true },
        changes: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'audit_logs' },
    );
  }

  static associate(): void {
    AuditLog.belongsTo(User, { foreignKey: 'user_id', as: 'user' });
  }
}
