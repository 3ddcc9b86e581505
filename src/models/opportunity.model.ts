import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Customer } from './customer.model.js';
import { Product } from './product.model.js';
import { User } from './user.model.js';

export const OPPORTUNITY_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;

/** 销售机会: a possible sale moving through the pipeline. */
export class Opportunity extends Model<InferAttributes<Opportunity>, InferCreationAttributes<Opportunity>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare customer_id: number;
  declare product_id: number | null;
  declare stage: CreationOptional<(typeof OPPORTUNITY_STAGES)[number]>;
  declare quantity: string | null;
  declare amount: CreationOptional<string>;
  declare probability: CreationOptional<number>;
  declare expected_close: string | null;
  declare owner_id: number | null;
  declare branch_id: number;
  declare lost_reason: string | null;
  declare closed_at: Date | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Opportunity.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        title: { type: DataTypes.STRING(200), allowNull: false },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        product_id: { type: DataTypes.INTEGER, allowNull: true },
        stage: { type: DataTypes.ENUM(...OPPORTUNITY_STAGES), allowNull: false, defaultValue: 'lead' },
        quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: true },
        amount: { type: DataTypes.DECIMAL(14, 2), allowNull: false, defaultValue: '0' },
        // Its stage's, from opportunity_stage_probabilities: a trigger writes it, whatever is sent.
        probability: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 10 },
        expected_close: { type: DataTypes.DATEONLY, allowNull: true },
        owner_id: { type: DataTypes.INTEGER, allowNull: true },
        branch_id: { type: DataTypes.INTEGER, allowNull: false },
        lost_reason: { type: DataTypes.TEXT, allowNull: true },
        closed_at: { type: DataTypes.DATE, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'opportunities' },
    );
  }

  static associate(): void {
    Opportunity.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
    Opportunity.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    Opportunity.belongsTo(User, { foreignKey: 'owner_id', as: 'owner' });
    Opportunity.belongsTo(Branch, { foreignKey: 'branch_id', as: 'branch' });
  }
}
