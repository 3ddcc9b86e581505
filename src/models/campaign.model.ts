import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { EmailTemplate } from './email-template.model.js';
import { User } from './user.model.js';
import { CUSTOMER_GRADES, CUSTOMER_STATUSES, CUSTOMER_TYPES, REGIONS } from './customer.model.js';

export const CAMPAIGN_KINDS = ['discount', 'promotion', 'email', 'sms', 'event'] as const;
export const CAMPAIGN_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;

/** 营销活动: a campaign and the criteria that choose its target customers. */
export class Campaign extends Model<InferAttributes<Campaign>, InferCreationAttributes<Campaign>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare kind: (typeof CAMPAIGN_KINDS)[number];
  declare status: CreationOptional<(typeof CAMPAIGN_STATUSES)[number]>;
  declare start_date: string;
  declare end_date: string;
  declare budget: CreationOptional<string>;
  declare target_grade: (typeof CUSTOMER_GRADES)[number] | null;
  declare target_customer_type: (typeof CUSTOMER_TYPES)[number] | null;
  declare target_region: (typeof REGIONS)[number] | null;
  declare target_status: (typeof CUSTOMER_STATUSES)[number] | null;
  declare email_template_id: number | null;
  declare owner_id: number | null;
  declare launched_at: Date | null;
  declare description: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Campaign.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        name: { type: DataTypes.STRING(200), allowNull: false },
        kind: { type: DataTypes.ENUM(...CAMPAIGN_KINDS), allowNull: false },
        status: { type: DataTypes.ENUM(...CAMPAIGN_STATUSES), allowNull: false, defaultValue: 'planned' },
        start_date: { type: DataTypes.DATEONLY, allowNull: false },
        end_date: { type: DataTypes.DATEONLY, allowNull: false },
        budget: { type: DataTypes.DECIMAL(14, 2), allowNull: false, defaultValue: '0' },
        target_grade: { type: DataTypes.ENUM(...CUSTOMER_GRADES), allowNull: true },
        target_customer_type: { type: DataTypes.ENUM(...CUSTOMER_TYPES), allowNull: true },
        target_region: { type: DataTypes.ENUM(...REGIONS), allowNull: true },
        target_status: { type: DataTypes.ENUM(...CUSTOMER_STATUSES), allowNull: true },
        email_template_id: { type: DataTypes.INTEGER, allowNull: true },
        owner_id: { type: DataTypes.INTEGER, allowNull: true },
        launched_at: { type: DataTypes.DATE, allowNull: true },
        description: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'campaigns' },
    );
  }

  static associate(): void {
    Campaign.belongsTo(EmailTemplate, { foreignKey: 'email_template_id', as: 'emailTemplate' });
    Campaign.belongsTo(User, { foreignKey: 'owner_id', as: 'owner' });
  }
}
