import { openDomainDatabase, type DomainDatabase } from '../support/domain-database.js';
import { createProduct, createWarehouse } from '../support/fixtures.js';
import { Batch, BatchStock, CoaLine, StockMovement } from '../../src/models/index.js';

describe('batches and their certificates, whoever writes them', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openDomainDatabase();
  });
  afterAll(() => db.close());

  test('when certificate lines are entered, corrected and removed, then the batch\'s quality follows them; deleting an unstocked batch takes its certificate along', async () => {
    const product = await createProduct();
    const batch = await Batch.create({ product_id: product.id, batch_no: 'EG-2606-01', plant: '扬子石化 乙二醇装置', production_date: '2026-06-01', certificate_no: null, certified_on: null, notes: null });
    expect(batch.quality_status).toBe('pending');
    const [purity, water] = await CoaLine.bulkCreate([
      { batch_id: batch.id, property: '乙二醇含量', unit: '%', test_method: 'GB/T 4649', spec_min: '99.9', spec_max: null, measured: '99.95' },
      { batch_id: batch.id, property: '水分', unit: '%', test_method: 'GB/T 6283', spec_min: null, spec_max: '0.08', measured: '0.05' },
    ]);
    expect((await batch.reload()).quality_status).toBe('passed');
    await water.update({ measured: '0.11' });
    expect((await batch.reload()).quality_status).toBe('failed');
    expect((await water.reload()).passed).toBe(false);
    await water.destroy();
    expect((await batch.reload()).quality_status).toBe('passed');
    await purity.destroy();
    expect((await batch.reload()).quality_status).toBe('pending');

    await CoaLine.create({ batch_id: batch.id, property: '色度', unit: '号', test_method: 'GB/T 3143', spec_min: null, spec_max: '5', measured: '3' });
    await batch.destroy();
    expect(await CoaLine.count({ where: { batch_id: batch.id } })).toBe(0);
    await expect(CoaLine.create({ batch_id: batch.id, property: 'x', unit: null, test_method: null, spec_min: '2', spec_max: '1', measured: '1' }))
      .rejects.toMatchObject({ parent: { code: expect.stringMatching(/^23/) } });
  });

  test('when movements name a batch, then its record and its stock per warehouse follow the ledger, and no movement takes a batch below zero', async () => {
    const [product, north, south] = await Promise.all([createProduct(), createWarehouse(), createWarehouse()]);
    const move = (warehouseId: number, kind: 'receipt' | 'shipment' | 'transfer_out' | 'transfer_in', quantity: string, counterpart: number | null = null) =>
      StockMovement.create({ product_id: product.id, warehouse_id: warehouseId, kind, quantity, batch_no: 'PP-2606-03', counterpart_warehouse_id: counterpart });
    const receipt = await move(north.id, 'receipt', '40.000');
    const batch = await Batch.findOne({ where: { product_id: product.id, batch_no: 'PP-2606-03' }, rejectOnEmpty: true });
    expect(receipt.batch_id).toBe(batch.id);
    await move(north.id, 'transfer_out', '-15.000', south.id);
    await move(south.id, 'transfer_in', '15.000', north.id);
    await move(south.id, 'shipment', '-5.000');
    const stock = async () => (await BatchStock.findAll({ where: { batch_id: batch.id }, order: [['warehouse_id', 'ASC']] })).map((row) => [row.warehouse_id, row.on_hand]);
    expect(await stock()).toEqual([[north.id, '25.000'], [south.id, '10.000']].sort((a, b) => Number(a[0]) - Number(b[0])));

    await expect(move(south.id, 'shipment', '-10.001')).rejects.toMatchObject({ parent: { constraint: 'batch_stocks_on_hand_check' } });
    expect(await stock()).toEqual([[north.id, '25.000'], [south.id, '10.000']].sort((a, b) => Number(a[0]) - Number(b[0])));
  });
});
