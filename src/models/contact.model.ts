import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Customer } from './customer.model.js';

/** 联系人: a person at a customer. */
export class Contact extends Model<InferAttributes<Contact>, InferCreationAttributes<Contact>> {
  declare id: CreationOptional<number>;
  declare customer_id: number;
  declare name: string;
  declare title: string | null;
  declare department: string | null;
  declare phone: string | null;
  declare mobile: string | null;
  declare email: string | null;
  declare wechat: string | null;
  declare is_primary: CreationOptional<boolean>;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Contact.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        customer_id: { type: DataTypes.INTEGER, allowNull: false },
        name: { type: DataTypes.STRING(60), allowNull: false },
        title: { type: DataTypes.STRING(60), allowNull: true },
        department: { type: DataTypes.STRING(60), allowNull: true },
        phone: { type: DataTypes.STRING(30), allowNull: true },
        mobile: { type: DataTypes.STRING(30), allowNull: true },
        email: { type: DataTypes.STRING(200), allowNull: true },
        wechat: { type: DataTypes.STRING(60), allowNull: true },
        is_primary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'contacts' },
    );
  }

  static associate(): void {
    Contact.belongsTo(Customer, { foreignKey: 'customer_id', as: 'customer' });
  }
}
