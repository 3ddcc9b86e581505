import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Contact } from './contact.model.js';
import { Customer } from './customer.model.js';
import { Opportunity } from './opportunity.model.js';
import { User } from './user.model.js';

export const ACTIVITY_KINDS = ['call', 'visit', 'email', 'meeting', 'task'] as const;

/** 联系记录/任务: a call, visit, e-mail or meeting that happened, or a task due for someone. */
export class Activity extends Model<InferAttributes<Activity>, InferCreationAttributes<Activity>> {
  declare id: CreationOptional<number>;
  declare kind: (typeof ACTIVITY_KINDS)[number];
  declare subject: string;
  declare details: string | null;
  declare customer_id: number | null;
  declare contact_id: number | null;
  declare opportunity_id: number | null;
  declare owner_id: number | null;
  declare assignee_id: number | null;
  declare occurred_at: CreationOptional<Date>;
  declare due_at: Date | null;
  declare done: CreationOptional<boolean>;
  declare done_at: Date | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Activity.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        kind: { type: DataTypes.ENUM(...ACTIVITY_KINDS), allowNull: false },
        subject: { type: DataTypes.STRING(200), allowNull: false },
        details: { type: DataTypes.TEXT, allowNull: true },
        customer_id: { type: DataTypes.INTEGER, allowNull: true },
        contact_id: { type: DataTypes.INTEGER, allowNull: true },
        opportunity_id: { type: DataTypes.INTEGER, allowNull: true },
        owner_id: { type: DataTypes.INTEGER, allowNull: true },
        assignee_id: { type: DataTypes.INTEGER, allowNull: true },
        occurred_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        due_at: { type: DataTypes.DATE, allowNull: true },
        done: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        done_at: { type: DataTypes.DATE, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'activities' },
    );
  }

  static associate(): void {
    Activity.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    Activity.belongsTo(Contact, { foreignKey: 'contact_id', as: 'contact' });
    Activity.belongsTo(Opportunity, { foreignKey: 'opportunity_id', as: 'opportunity' });
    Activity.belongsTo(User, { foreignKey: 'owner_id', as: 'owner' });
    Activity.belongsTo(User, { foreignKey: 'assignee_id', as: 'assignee' });
  }
}
