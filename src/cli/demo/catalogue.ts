import type { Transaction } from 'sequelize';
import { Product, ProductCategory } from '../../models/index.js';
import type { UNITS } from '../../models/product.model.js';
import { insertRowIds } from './insert-rows.js';

/** How the sales side groups products: who buys them, how they ship, how much an order holds. */
export type ProductFamily = 'LLDPE' | 'HDPE' | 'LDPE' | 'PP' | 'MEG' | 'PTA' | 'GASOLINE' | 'DIESEL' | 'LUBE' | 'ASPHALT';

const CATEGORIES = [
  { code: 'RESIN', name: '合成树脂', parent: null },
  { code: 'PE', name: '聚乙烯 PE', parent: 'RESIN' },
  { code: 'PP', name: '聚丙烯 PP', parent: 'RESIN' },
  { code: 'POLYESTER', name: '聚酯原料', parent: null },
  { code: 'MEG', name: '乙二醇 MEG', parent: 'POLYESTER' },
  { code: 'PTA', name: '精对苯二甲酸 PTA', parent: 'POLYESTER' },
  { code: 'FUEL', name: '成品油', parent: null },
  { code: 'GASOLINE', name: '汽油', parent: 'FUEL' },
  { code: 'DIESEL', name: '柴油', parent: 'FUEL' },
  { code: 'LUBE', name: '润滑油', parent: null },
  { code: 'ASPHALT', name: '沥青', parent: null },
] as const;

type CategoryCode = (typeof CATEGORIES)[number]['code'];
type Unit = (typeof UNITS)[number];

interface ProductSpec {
  name: string;
  grade: string;
  family: ProductFamily;
  category: CategoryCode;
  /** The product's part of a batch number: B2506-LL7042-01. */
  batchCode: string;
  unit: Unit;
  /** Yuan per unit. */
  listPrice: number;
  /** Cost as a share of the list price. */
  costShare: number;
  safetyStock: number;
  specification: string;
  description: string;
  /** Winter grades only the north buys. */
  coldClimate: boolean;
}

const spec = (
  family: ProductFamily, category: CategoryCode, name: string, grade: string, batchCode: string, listPrice: number, costShare: number,
  safetyStock: number, specification: string, description: string, unit: Unit = 'ton',
): ProductSpec => ({ family, category, name, grade, batchCode, listPrice, costShare, safetyStock, specification, description, unit, coldClimate: false });
const forTheNorth = (product: ProductSpec): ProductSpec => ({ ...product, coldClimate: true });

/** Forty products with the grades the market trades, at 2026 list prices per ton (drums per 200 L drum). */
export const PRODUCT_SPECS: readonly ProductSpec[] = [
  spec('LLDPE', 'PE', '线性低密度聚乙烯 LLDPE 7042', 'LLDPE 7042', 'LL7042', 8200, 0.92, 300, '熔融指数 2.0 g/10min，密度 0.920 g/cm³，25 kg/袋', '通用吹膜料：农膜、包装膜、缠绕膜'),
  spec('LLDPE', 'PE', '线性低密度聚乙烯 LLDPE DFDA-7042', 'LLDPE DFDA-7042', 'LLDFDA', 8250, 0.92, 200, '熔融指数 2.0 g/10min，密度 0.918 g/cm³，25 kg/袋', '高强度薄膜、重包装袋'),
  spec('LLDPE', 'PE', '线性低密度聚乙烯 LLDPE 7050', 'LLDPE 7050', 'LL7050', 8300, 0.92, 120, '熔融指数 0.5 g/10min，密度 0.920 g/cm³', '棚膜、地膜'),
  spec('LLDPE', 'PE', '线性低密度聚乙烯 LLDPE DFDA-7047', 'LLDPE DFDA-7047', 'LLDF47', 8350, 0.92, 100, '熔融指数 1.0 g/10min，密度 0.918 g/cm³', '滚塑、电缆料'),
  spec('HDPE', 'PE', '高密度聚乙烯 HDPE 5000S', 'HDPE 5000S', 'HD5000S', 8600, 0.91, 250, '熔融指数 0.9 g/10min，密度 0.954 g/cm³', '拉丝料：编织袋、渔网丝'),
  spec('HDPE', 'PE', '高密度聚乙烯 HDPE 2911', 'HDPE 2911', 'HD2911', 8700, 0.91, 150, '熔融指数 20 g/10min，密度 0.960 g/cm³', '注塑料：周转箱、瓶盖'),
  spec('HDPE', 'PE', '高密度聚乙烯 HDPE DMDA-8008', 'HDPE DMDA-8008', 'HD8008', 8550, 0.91, 150, '熔融指数 8.0 g/10min，密度 0.965 g/cm³', '注塑料：日用品、工业容器'),
  spec('HDPE', 'PE', '高密度聚乙烯 HDPE 7000F', 'HDPE 7000F', 'HD7000F', 8800, 0.91, 120, '熔融指数 0.045 g/10min，密度 0.952 g/cm³', '薄膜料：购物袋、背心袋'),
  spec('LDPE', 'PE', '低密度聚乙烯 LDPE 2426H', 'LDPE 2426H', 'LD2426H', 9900, 0.90, 120, '熔融指数 1.9 g/10min，密度 0.924 g/cm³', '透明薄膜、热收缩膜'),
  spec('LDPE', 'PE', '低密度聚乙烯 LDPE 951-000', 'LDPE 951-000', 'LD951', 10400, 0.90, 80, '熔融指数 2.0 g/10min，密度 0.919 g/cm³', '涂覆、淋膜料'),
  spec('PP', 'PP', '聚丙烯 PP T30S', 'PP T30S', 'PPT30S', 7600, 0.93, 400, '拉丝级均聚，熔融指数 3.0 g/10min', '编织袋、吨袋、扁丝'),
  spec('PP', 'PP', '聚丙烯 PP L5E89', 'PP L5E89', 'PPL5E89', 7650, 0.93, 200, '拉丝级均聚，熔融指数 3.5 g/10min', '编织袋、打包带'),
  spec('PP', 'PP', '聚丙烯 PP K8003', 'PP K8003', 'PPK8003', 7900, 0.92, 150, '抗冲共聚，熔融指数 2.5 g/10min', '家电外壳、汽车保险杠'),
  spec('PP', 'PP', '聚丙烯 PP S1003', 'PP S1003', 'PPS1003', 7700, 0.93, 150, '均聚注塑，熔融指数 3.0 g/10min', '日用品、薄壁制品'),
  spec('PP', 'PP', '聚丙烯 PP V30G', 'PP V30G', 'PPV30G', 7800, 0.93, 120, '纤维级均聚，熔融指数 16 g/10min', '无纺布、丙纶纤维'),
  spec('PP', 'PP', '聚丙烯 PP M800E', 'PP M800E', 'PPM800E', 8200, 0.92, 100, '透明无规共聚，熔融指数 8.0 g/10min', '透明包装、一次性医疗器具'),
  spec('PP', 'PP', '聚丙烯 PP EPS30R', 'PP EPS30R', 'PPEPS30R', 8000, 0.92, 120, '抗冲共聚，熔融指数 1.5 g/10min', '汽车内饰、周转箱'),
  spec('PP', 'PP', '聚丙烯 PP PPH-T03', 'PP PPH-T03', 'PPHT03', 7650, 0.93, 150, '拉丝级均聚，熔融指数 3.0 g/10min', '塑编制品'),
  spec('MEG', 'MEG', '乙二醇 MEG 优级品', 'MEG 优级品', 'MEGPRM', 4500, 0.94, 800, '纯度 ≥ 99.9%，紫外透光率合格，槽车/船运', '聚酯级：长丝、短纤、瓶片'),
  spec('MEG', 'MEG', '乙二醇 MEG 一等品', 'MEG 一等品', 'MEGFST', 4420, 0.94, 300, '纯度 ≥ 99.8%', '防冻液、不饱和树脂'),
  spec('PTA', 'PTA', '精对苯二甲酸 PTA', 'PTA 优等品', 'PTA', 5100, 0.94, 800, '酸值 675±2 mgKOH/g，吨包', '聚酯切片、涤纶长丝'),
  spec('GASOLINE', 'GASOLINE', '92#汽油(国VI)', '92#', 'G92', 8900, 0.95, 800, 'GB 17930-2016 国VI B 标准', '车用汽油'),
  spec('GASOLINE', 'GASOLINE', '95#汽油(国VI)', '95#', 'G95', 9500, 0.95, 500, 'GB 17930-2016 国VI B 标准', '车用汽油'),
  spec('GASOLINE', 'GASOLINE', '98#汽油', '98#', 'G98', 10400, 0.94, 100, 'GB 17930-2016 国VI B 标准', '高标号车用汽油'),
  spec('DIESEL', 'DIESEL', '0#柴油(国VI)', '0#', 'D0', 7800, 0.95, 1000, 'GB 19147-2016 国VI 标准，冷滤点 ≤ 4℃', '车用柴油'),
  spec('DIESEL', 'DIESEL', '-10#柴油', '-10#', 'DM10', 8150, 0.95, 300, 'GB 19147-2016，冷滤点 ≤ -5℃', '冬季车用柴油'),
  forTheNorth(spec('DIESEL', 'DIESEL', '-20#柴油', '-20#', 'DM20', 8400, 0.95, 200, 'GB 19147-2016，冷滤点 ≤ -14℃', '北方冬季车用柴油')),
  forTheNorth(spec('DIESEL', 'DIESEL', '-35#柴油', '-35#', 'DM35', 8700, 0.94, 60, 'GB 19147-2016，冷滤点 ≤ -29℃', '严寒地区车用柴油')),
  spec('LUBE', 'LUBE', 'L-HM 46 抗磨液压油', 'L-HM 46', 'HM46', 11000, 0.74, 40, 'GB 11118.1，运动黏度 46 mm²/s，170 kg/桶', '工程机械、注塑机液压系统'),
  spec('LUBE', 'LUBE', 'L-HM 68 抗磨液压油', 'L-HM 68', 'HM68', 11200, 0.74, 30, 'GB 11118.1，运动黏度 68 mm²/s', '重载液压系统'),
  spec('LUBE', 'LUBE', 'CF-4 15W-40 柴机油', 'CF-4 15W-40', 'CF4', 13500, 0.72, 40, 'API CF-4，18 L/桶 或 200 L/桶', '重型柴油车、工程机械'),
  spec('LUBE', 'LUBE', 'CI-4 15W-40 柴机油(200L)', 'CI-4 15W-40', 'CI4', 2650, 0.72, 150, 'API CI-4，200 L/桶，约 170 kg', '国IV及以上重卡', 'drum'),
  spec('LUBE', 'LUBE', 'SN 5W-30 汽机油(200L)', 'SN 5W-30', 'SN530', 3150, 0.70, 150, 'API SN，200 L/桶，约 172 kg', '乘用车发动机', 'drum'),
  spec('LUBE', 'LUBE', 'SP 0W-20 全合成汽机油(200L)', 'SP 0W-20', 'SP020', 3380, 0.70, 80, 'API SP，全合成，200 L/桶', '涡轮增压、混动车型', 'drum'),
  spec('LUBE', 'LUBE', '齿轮油 GL-5 85W-90', 'GL-5 85W-90', 'GL5', 12500, 0.73, 20, 'API GL-5，重负荷车辆齿轮油', '驱动桥、变速箱'),
  spec('LUBE', 'LUBE', 'L-TSA 46 汽轮机油', 'L-TSA 46', 'TSA46', 12000, 0.74, 15, 'GB 11120，防锈汽轮机油', '电厂汽轮机、压缩机'),
  spec('ASPHALT', 'ASPHALT', '70# A级道路沥青', '70# A级', 'AS70', 4000, 0.90, 300, 'JTG F40 A 级，针入度 60–80', '高速公路、城市主干道'),
  forTheNorth(spec('ASPHALT', 'ASPHALT', '90# A级道路沥青', '90# A级', 'AS90', 3850, 0.90, 200, 'JTG F40 A 级，针入度 80–100', '北方地区道路')),
  spec('ASPHALT', 'ASPHALT', 'SBS 改性沥青', 'SBS I-D', 'ASSBS', 4600, 0.88, 150, 'SBS 改性 I-D 级，软化点 ≥ 60℃', '高等级路面上面层、桥面铺装'),
  spec('ASPHALT', 'ASPHALT', '110# B级道路沥青', '110# B级', 'AS110', 3800, 0.90, 60, 'JTG F40 B 级，针入度 100–120', '县乡道路、透层'),
];

export interface DemoProduct extends ProductSpec {
  id: number;
}

export async function loadCatalogue(transaction: Transaction): Promise<DemoProduct[]> {
  const categoryIds: Partial<Record<CategoryCode, number>> = {};
  // Parents first: the children need their ids.
  for (const categories of [CATEGORIES.filter((c) => !c.parent), CATEGORIES.filter((c) => c.parent)]) {
    const ids = await insertRowIds(
      ProductCategory,
      categories.map((category, index) => ({
        code: category.code, name: category.name, parent_id: category.parent ? categoryIds[category.parent]! : null, sort_order: (index + 1) * 10,
      })),
      transaction,
    );
    categories.forEach((category, index) => (categoryIds[category.code] = ids[index]));
  }
  const ids = await insertRowIds(
    Product,
    PRODUCT_SPECS.map((product) => ({
      name: product.name,
      category_id: categoryIds[product.category]!,
      grade: product.grade,
      specification: product.specification,
      unit: product.unit,
      list_price: product.listPrice.toFixed(2),
      cost_price: (Math.round((product.listPrice * product.costShare) / 10) * 10).toFixed(2),
      safety_stock: product.safetyStock.toFixed(3),
      active: true,
      description: product.description,
    })),
    transaction,
  );
  return PRODUCT_SPECS.map((product, index) => ({ ...product, id: ids[index] }));
}
