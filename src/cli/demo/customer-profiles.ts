import type { CUSTOMER_TYPES } from '../../models/customer.model.js';
import type { ProductFamily } from './catalogue.js';

export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** What kind of buyer a customer is: what it is called, what it buys, how often and how much. */
export interface CustomerProfile {
  type: CustomerType;
  industry: string;
  /** {city}, {district} (without 区/县/市), {brand} */
  names: readonly string[];
  families: readonly (readonly [ProductFamily, number])[];
  /** Orders a month of a customer of ordinary size. */
  ordersPerMonth: number;
  /** How many times a typical order of the family this buyer places. */
  quantityFactor: number;
  linesPerOrder: readonly [number, number, number];
  /** Part of the company's web domain after the brand's pinyin; null: usually no company mailbox. */
  domainWord: string | null;
  primaryTitles: readonly string[];
  otherTitles: readonly string[];
}

const profile = (p: CustomerProfile) => p;

const FACTORY_TITLES = ['总经理', '财务经理', '仓储主管', '技术部工程师', '生产部经理'];

export const PROFILES = {
  film: profile({
    type: 'manufacturer', industry: '塑料制品', names: ['{city}{brand}塑业有限公司', '{city}{brand}薄膜科技有限公司', '{city}{brand}塑胶制品有限公司'],
    families: [['LLDPE', 5], ['LDPE', 3], ['HDPE', 2]], ordersPerMonth: 0.36, quantityFactor: 1, linesPerOrder: [55, 35, 10],
    domainWord: 'plastic', primaryTitles: ['采购部经理', '采购经理', '供应部部长'], otherTitles: FACTORY_TITLES,
  }),
  packaging: profile({
    type: 'manufacturer', industry: '包装', names: ['{city}{brand}包装材料有限公司', '{city}{brand}编织袋有限公司', '{city}{brand}包装科技有限公司'],
    families: [['PP', 5], ['HDPE', 2], ['LLDPE', 2]], ordersPerMonth: 0.36, quantityFactor: 1, linesPerOrder: [60, 30, 10],
    domainWord: 'pack', primaryTitles: ['采购部经理', '采购经理'], otherTitles: FACTORY_TITLES,
  }),
  pipe: profile({
    type: 'manufacturer', industry: '管材型材', names: ['{city}{brand}管业有限公司', '{city}{brand}管道科技股份有限公司', '{city}{brand}塑胶管材有限公司'],
    families: [['HDPE', 5], ['PP', 2]], ordersPerMonth: 0.26, quantityFactor: 1.2, linesPerOrder: [70, 25, 5],
    domainWord: 'pipe', primaryTitles: ['采购部经理', '物资部经理'], otherTitles: FACTORY_TITLES,
  }),
  injection: profile({
    type: 'manufacturer', industry: '家电汽配', names: ['{city}{brand}塑料制品有限公司', '{city}{brand}汽车部件有限公司', '{city}{brand}电器有限公司'],
    families: [['PP', 6], ['HDPE', 1]], ordersPerMonth: 0.33, quantityFactor: 0.8, linesPerOrder: [55, 35, 10],
    domainWord: 'tech', primaryTitles: ['采购经理', '供应链经理'], otherTitles: FACTORY_TITLES,
  }),
  fibre: profile({
    type: 'manufacturer', industry: '化纤纺织', names: ['{city}{brand}化纤有限公司', '{city}{brand}聚酯有限公司', '{city}{brand}纺织科技有限公司'],
    families: [['MEG', 4], ['PTA', 4], ['PP', 1]], ordersPerMonth: 0.29, quantityFactor: 1, linesPerOrder: [55, 40, 5],
    domainWord: 'chemfibre', primaryTitles: ['原料采购部经理', '采购总监'], otherTitles: FACTORY_TITLES,
  }),
  resinDistributor: profile({
    type: 'distributor', industry: '化工分销', names: ['{city}{brand}化工有限公司', '{city}{brand}塑化贸易有限公司', '{city}{brand}石化产品销售有限公司'],
    families: [['LLDPE', 3], ['HDPE', 3], ['PP', 4], ['LDPE', 1], ['MEG', 1]], ordersPerMonth: 0.52, quantityFactor: 2.2, linesPerOrder: [40, 40, 20],
    domainWord: 'chem', primaryTitles: ['总经理', '业务经理', '采购经理'], otherTitles: ['财务主管', '物流主管', '业务员'],
  }),
  oilDistributor: profile({
    type: 'distributor', industry: '油品分销', names: ['{city}{brand}石油销售有限公司', '{city}{brand}能源有限公司', '{city}{brand}油品经销有限公司'],
    families: [['GASOLINE', 4], ['DIESEL', 5], ['LUBE', 1]], ordersPerMonth: 0.59, quantityFactor: 3, linesPerOrder: [45, 40, 15],
    domainWord: 'energy', primaryTitles: ['总经理', '业务经理'], otherTitles: ['财务主管', '调度主管', '业务员'],
  }),
  lubeDistributor: profile({
    type: 'distributor', industry: '润滑油分销', names: ['{city}{brand}润滑油有限公司', '{city}{brand}润滑科技有限公司'],
    families: [['LUBE', 1]], ordersPerMonth: 0.45, quantityFactor: 2, linesPerOrder: [35, 40, 25],
    domainWord: 'lube', primaryTitles: ['总经理', '采购经理'], otherTitles: ['财务主管', '仓储主管', '业务员'],
  }),
  trader: profile({
    type: 'trader', industry: '大宗贸易', names: ['{city}{brand}国际贸易有限公司', '{city}{brand}供应链管理有限公司', '{city}{brand}实业有限公司'],
    families: [['PP', 2], ['LLDPE', 2], ['MEG', 2], ['PTA', 1], ['DIESEL', 1]], ordersPerMonth: 0.2, quantityFactor: 3.5, linesPerOrder: [75, 20, 5],
    domainWord: 'trading', primaryTitles: ['业务总监', '总经理'], otherTitles: ['财务经理', '单证主管', '业务员'],
  }),
  logisticsFleet: profile({
    type: 'fleet', industry: '物流运输', names: ['{city}{brand}物流有限公司', '{city}{brand}运输有限公司', '{city}{district}{brand}物流车队'],
    families: [['DIESEL', 8], ['LUBE', 1], ['GASOLINE', 1]], ordersPerMonth: 0.45, quantityFactor: 0.7, linesPerOrder: [70, 25, 5],
    domainWord: null, primaryTitles: ['车队队长', '运营经理', '设备部经理'], otherTitles: ['财务', '调度主管'],
  }),
  busFleet: profile({
    type: 'fleet', industry: '公交客运', names: ['{city}{brand}公交客运有限公司', '{city}{brand}客运有限公司'],
    families: [['DIESEL', 5], ['LUBE', 1]], ordersPerMonth: 0.52, quantityFactor: 0.8, linesPerOrder: [70, 30, 0],
    domainWord: 'bus', primaryTitles: ['物资部主任', '设备部经理'], otherTitles: ['财务', '调度主管'],
  }),
  gasStation: profile({
    type: 'gas_station', industry: '成品油零售', names: ['{city}{brand}加油站', '{city}{district}{brand}加油站有限公司', '中石化{city}{district}加油站'],
    families: [['GASOLINE', 6], ['DIESEL', 4], ['LUBE', 1]], ordersPerMonth: 0.72, quantityFactor: 1, linesPerOrder: [35, 55, 10],
    domainWord: null, primaryTitles: ['站长', '经理'], otherTitles: ['财务', '副站长'],
  }),
  roadBuilder: profile({
    type: 'end_user', industry: '道路施工', names: ['{city}{brand}路桥工程有限公司', '{city}{brand}市政建设有限公司', '{city}{brand}公路工程有限公司'],
    families: [['ASPHALT', 6], ['DIESEL', 1]], ordersPerMonth: 0.23, quantityFactor: 1, linesPerOrder: [75, 25, 0],
    domainWord: 'roadbridge', primaryTitles: ['物资部主任', '项目经理'], otherTitles: ['财务', '材料员'],
  }),
  carRepair: profile({
    type: 'end_user', industry: '汽车维修', names: ['{city}{brand}汽车维修服务有限公司', '{city}{brand}汽车销售服务有限公司'],
    families: [['LUBE', 1]], ordersPerMonth: 0.29, quantityFactor: 0.5, linesPerOrder: [45, 40, 15],
    domainWord: null, primaryTitles: ['经理', '采购员'], otherTitles: ['财务', '技术主管'],
  }),
  machinery: profile({
    type: 'end_user', industry: '机械制造', names: ['{city}{brand}重工机械有限公司', '{city}{brand}机械制造有限公司'],
    families: [['LUBE', 3], ['DIESEL', 1]], ordersPerMonth: 0.2, quantityFactor: 0.8, linesPerOrder: [60, 30, 10],
    domainWord: 'machinery', primaryTitles: ['设备部经理', '采购员'], otherTitles: FACTORY_TITLES,
  }),
  port: profile({
    type: 'end_user', industry: '港口码头', names: ['{city}{brand}港务有限公司', '{city}{brand}码头有限公司'],
    families: [['DIESEL', 3], ['LUBE', 2]], ordersPerMonth: 0.26, quantityFactor: 1, linesPerOrder: [60, 40, 0],
    domainWord: 'port', primaryTitles: ['设备部经理', '物资部主任'], otherTitles: ['财务', '调度主管'],
  }),
} as const;

export type ProfileName = keyof typeof PROFILES;

export const DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['采购', '采购部'], ['供应', '供应部'], ['原料', '采购部'], ['财务', '财务部'], ['物流', '物流部'], ['仓储', '物流部'], ['调度', '调度中心'],
  ['技术', '技术部'], ['生产', '生产部'], ['设备', '设备部'], ['物资', '物资部'], ['项目', '项目部'], ['材料', '项目部'], ['车队', '车队'],
  ['站长', '加油站'], ['业务', '业务部'], ['单证', '业务部'], ['运营', '运营部'], ['总', '总经办'], ['经理', '总经办'],
];
