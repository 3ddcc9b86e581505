import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { OPPORTUNITY_STAGES } from './opportunity.model.js';

/**
 * 阶段概率: the chance of winning an opportunity at each stage, set by administrators; every
 * opportunity's probability follows it (a trigger). Won is 100 and lost 0, always.
 */
export class OpportunityStageProbability extends Model<InferAttributes<OpportunityStageProbability>, InferCreationAttributes<OpportunityStageProbability>> {
  declare id: CreationOptional<number>;
  declare stage: (typeof OPPORTUNITY_STAGES)[number];
  declare probability: number;
  declare position: number;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    OpportunityStageProbability.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        stage: { type: DataTypes.ENUM(...OPPORTUNITY_STAGES), allowNull: false, unique: true },
        probability: { type: DataTypes.SMALLINT, allowNull: false },
        position: { type: DataTypes.SMALLINT, allowNull: false },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'opportunity_stage_probabilities' },
    );
  }
}
