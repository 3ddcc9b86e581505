import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createProduct, createWarehouse, setStock } from '../../support/fixtures.js';
import { listLowStock } from '../../../src/domain/inventory/list-low-stock.js';

describe('the low-stock list', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openDomainDatabase();
  });
  afterAll(() => db.close());

  test('when available stock (on hand − reserved) is below safety stock, then the level is listed with its shortfall, worst first', async () => {
    const [tight, ample, retired] = await Promise.all([
      createProduct({ name: '乙二醇 MEG', safety_stock: '20.000' }),
      createProduct({ name: '沥青 70#', safety_stock: '5.000' }),
      createProduct({ name: '停售品', safety_stock: '50.000', active: false }),
    ]);
    const [north, south, closed] = await Promise.all([createWarehouse({ name: '天津库' }), createWarehouse({ name: '广州库' }), createWarehouse({ active: false })]);
    await setStock(tight.id, north.id, '30.000', '15.000');
    await setStock(tight.id, south.id, '12.500');
    await setStock(ample.id, north.id, '5.000');
    await setStock(retired.id, north.id, '1.000');
    await setStock(tight.id, closed.id, '0.000');

    const rows = (await listLowStock()).filter((row) => [tight.id, ample.id, retired.id].includes(row.product_id));

    expect(rows.map((row) => [row.product_name, row.warehouse_name, row.on_hand, row.reserved, row.available, row.safety_stock, row.shortfall])).toEqual([
      ['乙二醇 MEG', '广州库', '12.500', '0.000', '12.500', '20.000', '7.500'],
      ['乙二醇 MEG', '天津库', '30.000', '15.000', '15.000', '20.000', '5.000'],
    ]);
    const inNorth = (await listLowStock({ warehouseId: north.id })).filter((row) => row.product_id === tight.id);
    expect(inNorth.map((row) => row.warehouse_name)).toEqual(['天津库']);
  });
});
