import { QueryTypes, type CreationAttributes, type Sequelize, type Transaction } from 'sequelize';
import { CoaLine } from '../../models/index.js';
import type { DemoProduct, ProductFamily } from './catalogue.js';
import type { DemoClock } from './clock.js';
import { insertColumns } from './insert-columns.js';
import type { DemoRandom } from './random.js';

/** The plants each family comes from, with the code their certificates are numbered by. */
const PLANTS: Record<ProductFamily, ReadonlyArray<readonly [string, string]>> = {
  LLDPE: [['茂名石化 化工分部 全密度聚乙烯装置', 'MMPE'], ['扬子石化 聚乙烯装置', 'YZPE'], ['镇海炼化 全密度聚乙烯装置', 'ZHPE']],
  HDPE: [['茂名石化 化工分部 高密度聚乙烯装置', 'MMHD'], ['扬子石化 聚乙烯装置', 'YZPE']],
  LDPE: [['燕山石化 高压聚乙烯装置', 'YSLD'], ['茂名石化 高压聚乙烯装置', 'MMLD']],
  PP: [['茂名石化 聚丙烯装置', 'MMPP'], ['扬子石化 聚丙烯装置', 'YZPP'], ['镇海炼化 聚丙烯装置', 'ZHPP']],
  MEG: [['扬子石化 乙二醇装置', 'YZEG'], ['镇海炼化 乙二醇装置', 'ZHEG']],
  PTA: [['扬子石化 PTA 装置', 'YZTA'], ['仪征化纤 PTA 装置', 'YHTA']],
  GASOLINE: [['茂名石化 炼油分部', 'MMRF'], ['金陵石化 炼油运行部', 'JLRF'], ['镇海炼化 炼油一部', 'ZHRF']],
  DIESEL: [['茂名石化 炼油分部', 'MMRF'], ['金陵石化 炼油运行部', 'JLRF'], ['天津石化 炼油部', 'TJRF']],
  LUBE: [['长城润滑油 上海工厂', 'GWSH'], ['长城润滑油 天津工厂', 'GWTJ']],
  ASPHALT: [['茂名石化 沥青装置', 'MMAS'], ['齐鲁石化 沥青装置', 'QLAS']],
};

interface Property {
  property: string;
  unit: string | null;
  method: string;
  min: number | null;
  max: number | null;
  /** Decimals the laboratory reports. */
  decimals: number;
}

const property = (name: string, unit: string | null, method: string, min: number | null, max: number | null, decimals: number): Property =>
  ({ property: name, unit, method, min, max, decimals });

/** A number the product's specification text names, e.g. the melt index in "熔融指数 2.0 g/10min". */
function named(product: DemoProduct, pattern: RegExp, fallback: number): number {
  const match = pattern.exec(product.specification);
  return match ? Number(match[1]) : fallback;
}

/** What each family's certificate measures, against the national standard the grade is sold under. */
function propertiesOf(product: DemoProduct): Property[] {
  switch (product.family) {
    case 'LLDPE': case 'HDPE': case 'LDPE': {
      const melt = named(product, /熔融指数 ([\d.]+)/, 2);
      const density = named(product, /密度 ([\d.]+)/, 0.92);
      return [
        property('熔体质量流动速率', 'g/10min', 'GB/T 3682.1', round(melt * 0.8, 3), round(melt * 1.2, 3), 3),
        property('密度', 'g/cm³', 'GB/T 1033.2', round(density - 0.003, 3), round(density + 0.003, 3), 4),
        property('拉伸断裂应力', 'MPa', 'GB/T 1040.2', 10, null, 1),
        property('灰分', '%', 'GB/T 9345.1', null, 0.03, 3),
      ];
    }
    case 'PP': {
      const melt = named(product, /熔融指数 ([\d.]+)/, 3);
      return [
        property('熔体质量流动速率', 'g/10min', 'GB/T 3682.1', round(melt * 0.8, 2), round(melt * 1.2, 2), 2),
        property('等规指数', '%', 'GB/T 2412', 96, null, 1),
        property('灰分', '%', 'GB/T 9345.1', null, 0.03, 3),
        property('黄色指数', null, 'HG/T 3862', null, 4, 1),
      ];
    }
    case 'MEG':
      return [
        property('乙二醇含量', '%', 'GB/T 4649', product.grade?.includes('优级') ? 99.9 : 99.8, null, 2),
        property('水分', '%', 'GB/T 6283', null, 0.08, 3),
        property('色度 (铂-钴)', '号', 'GB/T 3143', null, 5, 0),
        property('紫外透光率 220nm', '%', 'GB/T 14571.4', 75, null, 1),
      ];
    case 'PTA':
      return [
        property('酸值', 'mgKOH/g', 'SH/T 1612.1', 673, 677, 1),
        property('对羧基苯甲醛 (4-CBA)', 'mg/kg', 'SH/T 1612.4', null, 25, 1),
        property('水分', '%', 'SH/T 1612.3', null, 0.2, 2),
      ];
    case 'GASOLINE': {
      const octane = Number(/(\d+)#/.exec(product.grade ?? '')?.[1] ?? 92);
      return [
        property('研究法辛烷值 (RON)', null, 'GB/T 5487', octane, null, 1),
        property('硫含量', 'mg/kg', 'SH/T 0689', null, 10, 1),
        property('苯含量 (体积分数)', '%', 'SH/T 0713', null, 0.8, 2),
        property('密度 (20℃)', 'kg/m³', 'GB/T 1884', 720, 775, 1),
      ];
    }
    case 'DIESEL': {
      const coldFilter = named(product, /冷滤点 ≤ (-?\d+)/, 4);
      return [
        property('硫含量', 'mg/kg', 'SH/T 0689', null, 10, 1),
        property('十六烷值', null, 'GB/T 386', coldFilter >= 0 ? 51 : 49, null, 1),
        property('冷滤点', '°C', 'SH/T 0248', null, coldFilter, 0),
        property('闪点 (闭口)', '°C', 'GB/T 261', coldFilter >= 0 ? 60 : 50, null, 0),
      ];
    }
    case 'LUBE': {
      const viscosity = named(product, /运动黏度 (\d+)/, 0);
      return [
        ...(viscosity > 0 ? [property('运动黏度 (40℃)', 'mm²/s', 'GB/T 265', round(viscosity * 0.9, 1), round(viscosity * 1.1, 1), 2)] : []),
        property('闪点 (开口)', '°C', 'GB/T 3536', 200, null, 0),
        property('倾点', '°C', 'GB/T 3535', null, -15, 0),
        property('水分', '%', 'GB/T 260', null, 0.03, 3),
      ];
    }
    case 'ASPHALT': {
      const [low, high] = (/针入度 (\d+)–(\d+)/.exec(product.specification)?.slice(1) ?? ['60', '80']).map(Number);
      return [
        property('针入度 (25℃)', '0.1mm', 'T 0604', low, high, 0),
        property('软化点', '°C', 'T 0606', named(product, /软化点 ≥ (\d+)/, low >= 80 ? 44 : 46), null, 1),
        property('闪点', '°C', 'T 0611', 260, null, 0),
      ];
    }
  }
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

/** A laboratory result: inside the range, towards its middle; or just outside it, when the batch failed. */
function measured(random: DemoRandom, spec: Property, fails: boolean): string {
  const { min, max } = spec;
  const span = min !== null && max !== null ? max - min : Math.abs(min ?? max ?? 1) * 0.05 || 1;
  let value: number;
  if (fails) value = max !== null ? max + span * random.between(0.05, 0.3) : min! - span * random.between(0.05, 0.3);
  else if (min !== null && max !== null) value = min + span * random.between(0.2, 0.8);
  else if (min !== null) value = min + span * random.between(0.1, 0.9);
  else value = max! - span * random.between(0.1, 0.9);
  return value.toFixed(spec.decimals);
}

interface LedgerBatch {
  id: number;
  product_id: number;
  batch_no: string;
  received_at: Date;
}

/**
 * Every batch the stock ledger made gets its plant, production date and certificate, except those
 * received in the last days (the certificate is still with the laboratory). A batch a quality
 * complaint names failed its certificate about half the time, and a few others did too.
 */
export async function loadCertificates(sequelize: Sequelize, transaction: Transaction, random: DemoRandom, clock: DemoClock, products: DemoProduct[]): Promise<void> {
  const byId = new Map(products.map((product) => [product.id, product]));
  const batches = await sequelize.query<LedgerBatch>(
    `SELECT b.id, b.product_id, b.batch_no, min(m.occurred_at) AS received_at
       FROM batches b JOIN stock_movements m ON m.batch_id = b.id AND m.quantity > 0
      GROUP BY b.id ORDER BY b.id`,
    { type: QueryTypes.SELECT, transaction },
  );
  const complained = new Set(
    (await sequelize.query<{ batch_id: number }>(
      `SELECT DISTINCT b.id AS batch_id FROM tickets t JOIN batches b ON b.product_id = t.product_id AND b.batch_no = t.batch_no WHERE t.kind = 'quality_complaint'`,
      { type: QueryTypes.SELECT, transaction },
    )).map((row) => row.batch_id),
  );
  const sequence = new Map<string, number>();
  const records = { id: [] as number[], plant: [] as string[], produced: [] as string[], certificate: [] as Array<string | null>, certified: [] as Array<string | null> };
  const lines: Array<CreationAttributes<CoaLine>> = [];
  for (const batch of batches) {
    const product = byId.get(batch.product_id)!;
    const [plant, plantCode] = random.pick(PLANTS[product.family]);
    const produced = clock.day(clock.plusHours(batch.received_at, -24 * random.int(2, 10)));
    const pending = clock.daysAgo(batch.received_at) < 3;
    const fails = complained.has(batch.id) ? random.chance(0.5) : random.chance(0.02);
    const certifiedAfterDays = random.int(1, 2);
    const specs = propertiesOf(product);
    const failing = fails ? random.int(0, specs.length - 1) : -1;
    const key = `${plantCode}${produced.slice(2, 7).replace('-', '')}`;
    const number = (sequence.get(key) ?? 0) + 1;
    sequence.set(key, number);
    records.id.push(batch.id);
    records.plant.push(plant);
    records.produced.push(produced);
    records.certificate.push(pending ? null : `QC-${key}-${String(number).padStart(3, '0')}`);
    records.certified.push(pending ? null : clock.day(clock.plusHours(new Date(`${produced}T02:00:00Z`), 24 * certifiedAfterDays)));
    if (pending) continue;
    specs.forEach((spec, index) => lines.push({
      batch_id: batch.id, property: spec.property, unit: spec.unit, test_method: spec.method,
      spec_min: spec.min === null ? null : String(spec.min), spec_max: spec.max === null ? null : String(spec.max),
      measured: measured(random, spec, index === failing), sort_order: index + 1,
    }));
  }
  await sequelize.query(
    `UPDATE batches b SET plant = v.plant, production_date = v.produced, certificate_no = v.certificate, certified_on = v.certified
       FROM unnest($1::int[], $2::text[], $3::date[], $4::text[], $5::date[]) AS v(id, plant, produced, certificate, certified)
      WHERE b.id = v.id`,
    { bind: [records.id, records.plant, records.produced, records.certificate, records.certified], transaction },
  );
  await insertColumns(sequelize, transaction, 'coa_lines', [
    ['batch_id', 'int'], ['property', 'text'], ['unit', 'text'], ['test_method', 'text'], ['spec_min', 'numeric'], ['spec_max', 'numeric'],
    ['measured', 'numeric'], ['sort_order', 'int'],
  ], lines);
}
