import type { Transaction } from 'sequelize';
import { Warehouse } from '../../models/index.js';
import type { WAREHOUSE_KINDS } from '../../models/warehouse.model.js';
import type { DemoProduct, ProductFamily } from './catalogue.js';
import type { Organisation } from './organisation.js';
import { insertRowIds } from './insert-rows.js';

type WarehouseCode = 'W-MM01' | 'W-NJ01' | 'W-GZ01' | 'W-TJ01';

interface WarehouseSpec {
  code: WarehouseCode;
  name: string;
  kind: (typeof WAREHOUSE_KINDS)[number];
  branch: string;
  address: string;
  managedByClerk: boolean;
  stocks: readonly ProductFamily[];
}

const ALL_FAMILIES: readonly ProductFamily[] = ['LLDPE', 'HDPE', 'LDPE', 'PP', 'MEG', 'PTA', 'GASOLINE', 'DIESEL', 'LUBE', 'ASPHALT'];

/** The plant's own store, the Yangtze transit store and two depots, each with what it can hold. */
const WAREHOUSES: readonly WarehouseSpec[] = [
  {
    code: 'W-MM01', name: '茂名石化厂区成品库', kind: 'plant', branch: 'SC', address: '广东省茂名市茂南区环市西路 91 号', managedByClerk: false,
    stocks: ['LLDPE', 'HDPE', 'LDPE', 'PP', 'GASOLINE', 'DIESEL', 'ASPHALT'],
  },
  { code: 'W-NJ01', name: '南京龙潭中转库', kind: 'transit', branch: 'EC', address: '江苏省南京市栖霞区龙潭港区疏港大道 8 号', managedByClerk: true, stocks: ALL_FAMILIES },
  {
    code: 'W-GZ01', name: '广州黄埔油库', kind: 'depot', branch: 'SC', address: '广东省广州市黄埔区港前路 531 号', managedByClerk: false,
    stocks: ['MEG', 'PTA', 'GASOLINE', 'DIESEL', 'LUBE'],
  },
  { code: 'W-TJ01', name: '天津港保税库', kind: 'depot', branch: 'NC', address: '天津市滨海新区天津港保税区海滨八路 66 号', managedByClerk: false, stocks: ALL_FAMILIES },
];

export interface DemoWarehouse {
  id: number;
  code: WarehouseCode;
  name: string;
  kind: WarehouseSpec['kind'];
  managedByClerk: boolean;
  stocks(product: DemoProduct): boolean;
}

export interface Warehouses {
  list: DemoWarehouse[];
  /** Where an order of this branch for this kind of product ships from. */
  servingBranch(branchCode: string, family: ProductFamily): DemoWarehouse;
  byCode(code: WarehouseCode): DemoWarehouse;
}

export async function loadWarehouses(transaction: Transaction, organisation: Organisation): Promise<Warehouses> {
  const clerkId = organisation.userIds['warehouse@petrocrm.cn'];
  const ids = await insertRowIds(
    Warehouse,
    WAREHOUSES.map((warehouse) => ({
      code: warehouse.code, name: warehouse.name, kind: warehouse.kind, branch_id: organisation.branchIds[warehouse.branch],
      manager_id: warehouse.managedByClerk ? clerkId : null, address: warehouse.address, active: true,
    })),
    transaction,
  );
  const list: DemoWarehouse[] = WAREHOUSES.map((warehouse, index) => ({
    id: ids[index], code: warehouse.code, name: warehouse.name, kind: warehouse.kind, managedByClerk: warehouse.managedByClerk,
    stocks: (product) => warehouse.stocks.includes(product.family),
  }));
  const byCode = (code: WarehouseCode) => list.find((warehouse) => warehouse.code === code)!;
  return {
    list,
    byCode,
    servingBranch(branchCode, family) {
      if (branchCode === 'NC') return byCode('W-TJ01');
      if (branchCode === 'SC' || branchCode === 'GS-GZ01') {
        // The south ships resins and asphalt straight from the plant, liquids from the Huangpu depot.
        return ['LLDPE', 'HDPE', 'LDPE', 'PP', 'ASPHALT'].includes(family) ? byCode('W-MM01') : byCode('W-GZ01');
      }
      return byCode('W-NJ01');
    },
  };
}
