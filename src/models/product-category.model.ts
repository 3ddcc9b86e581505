import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** 产品分类: a node of the category tree (resins → PE → LLDPE). */
export class ProductCategory extends Model<InferAttributes<ProductCategory>, InferCreationAttributes<ProductCategory>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare parent_id: number | null;
  declare sort_order: CreationOptional<number>;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    ProductCategory.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(20), allowNull: false },
        name: { type: DataTypes.STRING(60), allowNull: false },
        parent_id: { type: DataTypes.INTEGER, allowNull: true },
        sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'product_categories' },
    );
  }

  static associate(): void {
    ProductCategory.belongsTo(ProductCategory, { foreignKey: 'parent_id', as: 'parent' });
  }
}
