import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { REGIONS } from './customer.model.js';
import { SALES_CHANNELS, type SalesChannel } from './price-list.model.js';
import { User } from './user.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const NOTICE_STATUSES = ['draft', 'issued'] as const;

/** 调价通知: from a day on, prices of a region and channel (or all) change by the amounts of its lines. */
export class PriceAdjustmentNotice extends Model<InferAttributes<PriceAdjustmentNotice>, InferCreationAttributes<PriceAdjustmentNotice>> {
  declare id: CreationOptional<number>;
  declare notice_no: CreationOptional<string>;
  declare title: string;
  declare effective_from: string;
  declare region: (typeof REGIONS)[number] | null;
  declare channel: SalesChannel | null;
  declare reason: string | null;
  declare status: CreationOptional<(typeof NOTICE_STATUSES)[number]>;
  declare issued_at: Date | null;
  declare issued_by_id: number | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PriceAdjustmentNotice.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        notice_no: { type: DataTypes.STRING(20), allowNull: true },
        title: { type: DataTypes.STRING(200), allowNull: false },
        effective_from: { type: DataTypes.DATEONLY, allowNull: false },
        region: { type: DataTypes.ENUM(...REGIONS), allowNull: true },
        channel: { type: DataTypes.ENUM(...SALES_CHANNELS), allowNull: true },
        reason: { type: DataTypes.TEXT, allowNull: true },
        status: { type: DataTypes.ENUM(...NOTICE_STATUSES), allowNull: false, defaultValue: 'draft' },
        issued_at: { type: DataTypes.DATE, allowNull: true },
        issued_by_id: { type: DataTypes.INTEGER, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'price_adjustment_notices', hooks: { beforeValidate: generatedWhenBlank('notice_no') } },
    );
  }

  static associate(): void {
    PriceAdjustmentNotice.belongsTo(User, { foreignKey: 'issued_by_id', as: 'issuedBy' });
  }
}
