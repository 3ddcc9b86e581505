import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Campaign } from './campaign.model.js';
import { Contact } from './contact.model.js';
import { Customer } from './customer.model.js';
import { EmailTemplate } from './email-template.model.js';

export const EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

/** 邮件发件箱: every message, queued, sent or failed with its reason. */
export class EmailMessage extends Model<InferAttributes<EmailMessage>, InferCreationAttributes<EmailMessage>> {
  declare id: CreationOptional<number>;
  declare campaign_id: number | null;
  declare customer_id: number | null;
  declare contact_id: number | null;
  declare template_id: number | null;
  declare to_address: string;
  declare subject: string;
  declare body: string;
  declare status: CreationOptional<(typeof EMAIL_STATUSES)[number]>;
  declare attempts: CreationOptional<number>;
  declare last_error: string | null;
  declare next_attempt_at: CreationOptional<Date>;
  declare sent_at: Date | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    EmailMessage.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        campaign_id: { type: DataTypes.INTEGER, allowNull: true },
        customer_id: { type: DataTypes.INTEGER, allowNull: true },
        contact_id: { type: DataTypes.INTEGER, allowNull: true },
        template_id: { type: DataTypes.INTEGER, allowNull: true },
        to_address: { type: DataTypes.STRING(200), allowNull: false },
        subject: { type: DataTypes.STRING(200), allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false },
        status: { type: DataTypes.ENUM(...EMAIL_STATUSES), allowNull: false, defaultValue: 'queued' },
        attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        last_error: { type: DataTypes.TEXT, allowNull: true },
        next_attempt_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        sent_at: { type: DataTypes.DATE, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'email_messages' },
    );
  }

  static associate(): void {
    EmailMessage.belongsTo(Campaign, { foreignKey: 'campaign_id', as: 'campaign' });
    EmailMessage.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    EmailMessage.belongsTo(Contact, { foreignKey: 'contact_id', as: 'contact' });
    EmailMessage.belongsTo(EmailTemplate, { foreignKey: 'template_id', as: 'template' });
  }
}
