import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { REGIONS } from './customer.model.js';
import { generatedWhenBlank } from './generated-code.js';

/** 直销 (plants, end users, fleets), 分销 (distributors and traders), 加油站. */
export const SALES_CHANNELS = ['direct', 'distributor', 'gas_station'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

/** 价格表: the prices of one region and channel; the prices themselves are in its versions. */
export class PriceList extends Model<InferAttributes<PriceList>, InferCreationAttributes<PriceList>> {
  declare id: CreationOptional<number>;
  declare code: CreationOptional<string>;
  declare name: string;
  declare region: (typeof REGIONS)[number];
  declare channel: SalesChannel;
  declare valid_from: string;
  declare valid_to: string | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PriceList.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(20), allowNull: true },
        name: { type: DataTypes.STRING(100), allowNull: false },
        region: { type: DataTypes.ENUM(...REGIONS), allowNull: false },
        channel: { type: DataTypes.ENUM(...SALES_CHANNELS), allowNull: false },
        valid_from: { type: DataTypes.DATEONLY, allowNull: false },
        valid_to: { type: DataTypes.DATEONLY, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'price_lists', hooks: { beforeValidate: generatedWhenBlank('code') } },
    );
  }
}
