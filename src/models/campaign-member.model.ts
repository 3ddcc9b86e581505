import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Campaign } from './campaign.model.js';
import { Contact } from './contact.model.js';
import { Customer } from './customer.model.js';
import { SalesOrder } from './sales-order.model.js';

/** queued, sent and failed follow the member's e-mail in the outbox (a trigger keeps them so). */
export const CAMPAIGN_MEMBER_STATUSES = ['targeted', 'queued', 'sent', 'failed', 'responded', 'converted'] as const;

/** 活动成员: a targeted customer and how far it got (targeted → queued → sent or failed → responded → converted). */
export class CampaignMember extends Model<InferAttributes<CampaignMember>, InferCreationAttributes<CampaignMember>> {
  declare id: CreationOptional<number>;
  declare campaign_id: number;
  declare customer_id: number;
  declare contact_id: number | null;
  declare status: CreationOptional<(typeof CAMPAIGN_MEMBER_STATUSES)[number]>;
  declare responded_at: Date | null;
  declare converted_at: Date | null;
  declare order_id: number | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    CampaignMember.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        campaign_id: { type: DataTypes.INTEGER, allowNull: false },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        contact_id: { type: DataTypes.INTEGER, allowNull: true },
        status: { type: DataTypes.ENUM(...CAMPAIGN_MEMBER_STATUSES), allowNull: false, defaultValue: 'targeted' },
        responded_at: { type: DataTypes.DATE, allowNull: true },
        converted_at: { type: DataTypes.DATE, allowNull: true },
        order_id: { type: DataTypes.INTEGER, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'campaign_members' },
    );
  }

  static associate(): void {
    CampaignMember.belongsTo(Campaign, { foreignKey: 'campaign_id', as: 'campaign' });
    CampaignMember.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    CampaignMember.belongsTo(Contact, { foreignKey: 'contact_id', as: 'contact' });
    CampaignMember.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
  }
}
