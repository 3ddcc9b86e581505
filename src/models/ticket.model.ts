import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Contact } from './contact.model.js';
import { Customer } from './customer.model.js';
import { Product } from './product.model.js';
import { SalesOrder } from './sales-order.model.js';
import { User } from './user.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const TICKET_KINDS = ['consultation', 'complaint', 'quality_complaint', 'after_sales', 'repair'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['new', 'assigned', 'in_progress', 'escalated', 'resolved', 'closed'] as const;
export const ESCALATION_TARGETS = ['production_plant', 'research_institute'] as const;

/** 服务工单: consultation, complaint, quality complaint, after-sales or repair, with its SLA. */
export class Ticket extends Model<InferAttributes<Ticket>, InferCreationAttributes<Ticket>> {
  declare id: CreationOptional<number>;
  declare ticket_no: CreationOptional<string>;
  declare subject: string;
  declare kind: (typeof TICKET_KINDS)[number];
  declare priority: CreationOptional<(typeof TICKET_PRIORITIES)[number]>;
  declare status: CreationOptional<(typeof TICKET_STATUSES)[number]>;
  declare customer_id: number;
  declare contact_id: number | null;
  declare order_id: number | null;
  declare product_id: number | null;
  declare batch_no: string | null;
  declare description: string | null;
  declare assignee_id: number | null;
  declare branch_id: number;
  declare escalated_to: (typeof ESCALATION_TARGETS)[number] | null;
  declare escalation_note: string | null;
  declare sla_due_at: Date | null;
  declare resolution: string | null;
  declare resolved_at: Date | null;
  declare closed_at: Date | null;
  declare satisfaction: number | null;
  declare feedback: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Ticket.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        ticket_no: { type: DataTypes.STRING(20), allowNull: true },
        subject: { type: DataTypes.STRING(200), allowNull: false },
        kind: { type: DataTypes.ENUM(...TICKET_KINDS), allowNull: false },
        priority: { type: DataTypes.ENUM(...TICKET_PRIORITIES), allowNull: false, defaultValue: 'normal' },
        status: { type: DataTypes.ENUM(...TICKET_STATUSES), allowNull: false, defaultValue: 'new' },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        contact_id: { type: DataTypes.INTEGER, allowNull: true },
        order_id: { type: DataTypes.INTEGER, allowNull: true },
        product_id: { type: DataTypes.INTEGER, allowNull: true },
        batch_no: { type: DataTypes.STRING(40), allowNull: true },
        description: { type: DataTypes.TEXT, allowNull: true },
        assignee_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        escalated_to: { type: DataTypes.ENUM(...ESCALATION_TARGETS), allowNull: true },
        escalation_note: { type: DataTypes.TEXT, allowNull: true },
        sla_due_at: { type: DataTypes.DATE, allowNull: true },
        resolution: { type: DataTypes.TEXT, allowNull: true },
        resolved_at: { type: DataTypes.DATE, allowNull: true },
        closed_at: { type: DataTypes.DATE, allowNull: true },
        satisfaction: { type: DataTypes.INTEGER, allowNull: true },
        feedback: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'tickets', hooks: { beforeValidate: generatedWhenBlank('ticket_no') } },
    );
  }

  static associate(): void {
    Ticket.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    Ticket.belongsTo(Contact, { foreignKey: 'contact_id', as: 'contact' });
    Ticket.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
    Ticket.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    Ticket.belongsTo(User, { foreignKey: 'assignee_id', as: 'assignee' });
    Ticket.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
