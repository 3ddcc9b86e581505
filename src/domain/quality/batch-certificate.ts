import type { Transaction } from 'sequelize';
import { Batch, CoaLine, Product } from '../../models/index.js';
import type { BatchQualityStatus } from '../../models/batch.model.js';
import type { Unit } from '../inventory/quantity.js';

export interface CertificateLine {
  property: string;
  unit: string | null;
  test_method: string | null;
  spec_min: string | null;
  spec_max: string | null;
  measured: string;
  passed: boolean;
}

export interface BatchCertificate {
  batch_id: number;
  batch_no: string;
  product_id: number;
  product_name: string;
  /** The product's unit, in which the trace counts what each customer received. */
  unit: Unit;
  plant: string | null;
  production_date: string | null;
  certificate_no: string | null;
  certified_on: string | null;
  quality_status: BatchQualityStatus;
  lines: CertificateLine[];
}

/** A batch with its certificate of analysis, line by line in the certificate's order. */
export async function batchCertificate(where: { id: number } | { productId: number; batchNo: string }, transaction?: Transaction): Promise<BatchCertificate | null> {
  const batch = await Batch.findOne({
    where: 'id' in where ? { id: where.id } : { product_id: where.productId, batch_no: where.batchNo },
    include: [{ model: Product, as: 'product', attributes: ['name', 'unit'] }],
    transaction,
  });
  if (!batch) return null;
  const lines = await CoaLine.findAll({ where: { batch_id: batch.id }, order: [['sort_order', 'ASC'], ['id', 'ASC']], transaction });
  return {
    batch_id: batch.id,
    batch_no: batch.batch_no,
    product_id: batch.product_id,
    product_name: (batch as Batch & { product: Product }).product.name,
    unit: (batch as Batch & { product: Product }).product.unit,
    plant: batch.plant,
    production_date: batch.production_date,
    certificate_no: batch.certificate_no,
    certified_on: batch.certified_on,
    quality_status: batch.quality_status,
    lines: lines.map((line) => ({
      property: line.property, unit: line.unit, test_method: line.test_method, spec_min: line.spec_min, spec_max: line.spec_max,
      measured: line.measured, passed: line.passed,
    })),
  };
}
