import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Contact } from './contact.model.js';
import { Customer } from './customer.model.js';
import { Ticket } from './ticket.model.js';
import { User } from './user.model.js';

export const FEEDBACK_CHANNELS = ['phone', 'email', 'visit', 'wechat', 'web'] as const;
export const FEEDBACK_CATEGORIES = ['product', 'service', 'delivery', 'price', 'other'] as const;
export const FEEDBACK_STATUSES = ['open', 'handled'] as const;

/** 客户反馈: what a customer told us, and whether it was handled. */
export class CustomerFeedback extends Model<InferAttributes<CustomerFeedback>, InferCreationAttributes<CustomerFeedback>> {
  declare id: CreationOptional<number>;
  declare customer_id: number;
  declare contact_id: number | null;
  declare ticket_id: number | null;
  declare channel: (typeof FEEDBACK_CHANNELS)[number];
  declare category: (typeof FEEDBACK_CATEGORIES)[number];
  declare content: string;
  declare rating: number | null;
  declare status: CreationOptional<(typeof FEEDBACK_STATUSES)[number]>;
  declare handled_by_id: number | null;
  declare received_at: CreationOptional<Date>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    CustomerFeedback.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        contact_id: { type: DataTypes.INTEGER, allowNull: true },
        ticket_id: { type: DataTypes.INTEGER, allowNull: true },
        channel: { type: DataTypes.ENUM(...FEEDBACK_CHANNELS), allowNull: false },
        category: { type: DataTypes.ENUM(...FEEDBACK_CATEGORIES), allowNull: false },
        content: { type: DataTypes.TEXT, allowNull: false },
        rating: { type: DataTypes.INTEGER, allowNull: true },
        status: { type: DataTypes.ENUM(...FEEDBACK_STATUSES), allowNull: false, defaultValue: 'open' },
        handled_by_id: { type: DataTypes.INTEGER, allowNull: true },
        received_at: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'customer_feedback' },
    );
  }

  static associate(): void {
    CustomerFeedback.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    CustomerFeedback.belongsTo(Contact, { foreignKey: 'contact_id', as: 'contact' });
    CustomerFeedback.belongsTo(Ticket, { foreignKey: 'ticket_id', as: 'ticket' });
    CustomerFeedback.belongsTo(User, { foreignKey: 'handled_by_id', as: 'handledBy' });
  }
}
