import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { PriceAdjustmentNotice } from './price-adjustment-notice.model.js';
import { PriceList } from './price-list.model.js';
import { User } from './user.model.js';

export const PRICE_VERSION_STATUSES = ['draft', 'published'] as const;

/** 价格版本: a list's prices from one day until its next version's; published ones never change. */
export class PriceListVersion extends Model<InferAttributes<PriceListVersion>, InferCreationAttributes<PriceListVersion>> {
  declare id: CreationOptional<number>;
  declare price_list_id: number;
  /** Numbered by PostgreSQL, next of its list, when left out. */
  declare version_no: CreationOptional<number>;
  declare valid_from: string;
  /** 'JG0003 v4 2026-07-01', kept by PostgreSQL. */
  declare label: CreationOptional<string>;
  declare status: CreationOptional<(typeof PRICE_VERSION_STATUSES)[number]>;
  declare notice_id: number | null;
  declare based_on_id: number | null;
  declare published_at: Date | null;
  declare published_by_id: number | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    PriceListVersion.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        price_list_id: { type: DataTypes.INTEGER, allowNull: false },
        version_no: { type: DataTypes.INTEGER, allowNull: true },
        valid_from: { type: DataTypes.DATEONLY, allowNull: false },
        label: { type: DataTypes.STRING(60), allowNull: false, defaultValue: '' },
        status: { type: DataTypes.ENUM(...PRICE_VERSION_STATUSES), allowNull: false, defaultValue: 'draft' },
        notice_id: { type: DataTypes.INTEGER, allowNull: true },
        based_on_id: { type: DataTypes.INTEGER, allowNull: true },
        published_at: { type: DataTypes.DATE, allowNull: true },
        published_by_id: { type: DataTypes.INTEGER, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'price_list_versions' },
    );
  }

  static associate(): void {
    PriceListVersion.belongsTo(PriceList, { foreignKey: 'price_list_id', as: 'priceList' });
    PriceListVersion.belongsTo(PriceAdjustmentNotice, { foreignKey: 'notice_id', as: 'notice' });
    PriceListVersion.belongsTo(PriceListVersion, { foreignKey: 'based_on_id', as: 'basedOn' });
    PriceListVersion.belongsTo(User, { foreignKey: 'published_by_id', as: 'publishedBy' });
  }
}
