import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import { Batch } from './batch.model.js';
import { Product } from './product.model.js';
import { SalesOrder } from './sales-order.model.js';
import { StockMovement } from './stock-movement.model.js';
import { User } from './user.model.js';
import { Warehouse } from './warehouse.model.js';
import { generatedWhenBlank } from './generated-code.js';

export const TRANSPORT_MODES = ['tank_truck', 'rail_tank_car', 'ship', 'bagged_truck'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];
export const SHIPMENT_STATUSES = ['in_transit', 'received'] as const;

/**
 * 发运单: one batch of one order leaving a warehouse on one conveyance, and what arrived. The loss
 * and whether it is within the mode's tolerance are computed by PostgreSQL.
 */
export class Shipment extends Model<InferAttributes<Shipment>, InferCreationAttributes<Shipment>> {
  declare id: CreationOptional<number>;
  declare shipment_no: CreationOptional<string>;
  declare order_id: number;
  declare product_id: number;
  declare batch_id: number | null;
  declare warehouse_id: number;
  declare stock_movement_id: number;
  declare transport_mode: TransportMode;
  declare vehicle_plate: string | null;
  declare railcar_no: string | null;
  declare vessel_name: string | null;
  declare seal_no: string | null;
  declare loaded_quantity: string;
  declare received_quantity: string | null;
  declare tolerance_pct: string;
  declare loss_quantity: CreationOptional<string | null>;
  declare loss_within_tolerance: CreationOptional<boolean | null>;
  declare status: CreationOptional<(typeof SHIPMENT_STATUSES)[number]>;
  declare shipped_at: Date;
  declare received_at: Date | null;
  declare shipped_by_id: number | null;
  declare received_by_id: number | null;
  declare notes: string | null;
  declare created_at: CreationOptional<Date>;
  declare updated_at: CreationOptional<Date>;

  static initModel(sequelize: Sequelize): void {
    Shipment.init(
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        shipment_no: { type: DataTypes.STRING(20), allowNull: true },
        order_id: { type: DataTypes.INTEGER, allowNull: false },
        product_id: { type: DataTypes.INTEGER, allowNull: false },
        batch_id: { type: DataTypes.INTEGER, allowNull: true },
        warehouse_id: { type: DataTypes.INTEGER, allowNull: false },
        stock_movement_id: { type: DataTypes.INTEGER, allowNull: false },
        transport_mode: { type: DataTypes.ENUM(...TRANSPORT_MODES), allowNull: false },
        vehicle_plate: { type: DataTypes.STRING(10), allowNull: true },
        railcar_no: { type: DataTypes.STRING(20), allowNull: true },
        vessel_name: { type: DataTypes.STRING(60), allowNull: true },
        seal_no: { type: DataTypes.STRING(60), allowNull: true },
        loaded_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: false },
        received_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: true },
        tolerance_pct: { type: DataTypes.DECIMAL(5, 3), allowNull: false },
        loss_quantity: { type: DataTypes.DECIMAL(14, 3), allowNull: true },
        loss_within_tolerance: { type: DataTypes.BOOLEAN, allowNull: true },
        status: { type: DataTypes.ENUM(...SHIPMENT_STATUSES), allowNull: false, defaultValue: 'in_transit' },
        shipped_at: { type: DataTypes.DATE, allowNull: false },
        received_at: { type: DataTypes.DATE, allowNull: true },
        shipped_by_id: { type: DataTypes.INTEGER, allowNull: true },
        received_by_id: { type: DataTypes.INTEGER, allowNull: true },
        notes: { type: DataTypes.TEXT, allowNull: true },
        created_at: DataTypes.DATE,
        updated_at: DataTypes.DATE,
      },
      { sequelize, tableName: 'shipments', hooks: { beforeValidate: generatedWhenBlank('shipment_no') } },
    );
  }

  static associate(): void {
    Shipment.belongsTo(SalesOrder, { foreignKey: 'order_id', as: 'order' });
    Shipment.belongsTo(Product, { foreignKey: 'product_id', as: 'product' });
    Shipment.belongsTo(Batch, { foreignKey: 'batch_id', as: 'batch' });
    Shipment.belongsTo(Warehouse, { foreignKey: 'warehouse_id', as: 'warehouse' });
    Shipment.belongsTo(StockMovement, { foreignKey: 'stock_movement_id', as: 'stockMovement' });
    Shipment.belongsTo(User, { foreignKey: 'shipped_by_id', as: 'shippedBy' });
    Shipment.belongsTo(User, { foreignKey: 'received_by_id', as: 'receivedBy' });
  }
}
