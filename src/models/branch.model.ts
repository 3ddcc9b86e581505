import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

export const BRANCH_KINDS = ['headquarters', 'branch', 'office', 'gas_station'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

/** 分公司 / 代表处 / 加油站: every place that sells, with its parent in the organisation tree. */
export class Branch extends Model<InferAttributes<Branch>, InferCreationAttributes<Branch>> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare kind: BranchKind;
  declare parent_id: number | null;
  declare region: string | null;
  declare address: string | null;
  declare phone: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Branch.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(20), allowNull: false, unique: true },
        name: { type: DataTypes.STRING(100), allowNull: false },
        kind: { type: DataTypes.ENUM(...BRANCH_KINDS), allowNull: false },
        parent_id: { type: DataTypes.INTEGER, allowNull: true },
        region: { type: DataTypes.STRING(50), allowNull: true },
        address: { type: DataTypes.TEXT, allowNull: true },
        phone: { type: DataTypes.STRING(30), allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'branches' },
    );
  }

  static associate(): void {
    Branch.belongsTo(Branch, { foreignKey: 'parent_id', as: 'parent' });
  }
}
