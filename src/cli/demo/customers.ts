import type { CreationAttributes, Transaction } from 'sequelize';
import { Contact, Customer } from '../../models/index.js';
import type { CREDIT_RATINGS } from '../../models/customer.model.js';
import type { DemoProduct } from './catalogue.js';
import type { DemoClock } from './clock.js';
import { newCreditCode } from './credit-code.js';
import { DEPARTMENTS, PROFILES, type CustomerProfile, type ProfileName } from './customer-profiles.js';
import { insertRowIds } from './insert-rows.js';
import type { Organisation } from './organisation.js';
import { landline, mobileNumber, newPerson, personalEmail } from './people.js';
import { citiesOf, cityNamed, streetAddress, type City, type Region } from './places.js';
import type { DemoRandom } from './random.js';

/** The demo window: eighteen months of orders. */
export const HISTORY_DAYS = 548;

/** A group of customers one person owns in one branch, and what kinds of buyer they are. */
interface Segment {
  branch: string;
  owner: string;
  regions: readonly (readonly [Region, number])[];
  /** Only these cities: an outlet's customers are local. */
  cities?: readonly string[];
  profiles: Partial<Record<ProfileName, number>>;
  /** Key accounts a manager keeps for himself are larger. */
  sizeFactor: number;
}

const SEGMENTS: readonly Segment[] = [
  {
    branch: 'EC', owner: 'rep.zhang@petrocrm.cn', regions: [['华东', 85], ['华中', 15]], sizeFactor: 1,
    profiles: { film: 12, packaging: 9, pipe: 6, injection: 8, fibre: 8, resinDistributor: 7, trader: 5 },
  },
  {
    branch: 'EC', owner: 'rep.liu@petrocrm.cn', regions: [['华东', 85], ['华中', 15]], sizeFactor: 1,
    profiles: { oilDistributor: 9, lubeDistributor: 4, logisticsFleet: 9, gasStation: 10, roadBuilder: 7, carRepair: 4, machinery: 4 },
  },
  { branch: 'EC', owner: 'manager.ec@petrocrm.cn', regions: [['华东', 1]], sizeFactor: 2.5, profiles: { fibre: 2, resinDistributor: 2, trader: 2, oilDistributor: 2 } },
  {
    branch: 'GS-NJ01', owner: 'rep.sun@petrocrm.cn', regions: [['华东', 1]], cities: ['南京', '滁州', '马鞍山'], sizeFactor: 0.8,
    profiles: { logisticsFleet: 8, busFleet: 3, carRepair: 5, machinery: 2, roadBuilder: 2, port: 2 },
  },
  {
    branch: 'SC', owner: 'rep.huang@petrocrm.cn', regions: [['华南', 80], ['西南', 20]], sizeFactor: 1,
    profiles: {
      film: 9, packaging: 8, injection: 10, pipe: 4, fibre: 6, resinDistributor: 8, trader: 6, oilDistributor: 6, gasStation: 8, logisticsFleet: 6,
      roadBuilder: 5, lubeDistributor: 3,
    },
  },
  { branch: 'SC', owner: 'manager.sc@petrocrm.cn', regions: [['华南', 1]], sizeFactor: 2.5, profiles: { trader: 2, resinDistributor: 2, oilDistributor: 2 } },
  {
    branch: 'GS-GZ01', owner: 'rep.huang@petrocrm.cn', regions: [['华南', 1]], cities: ['广州', '佛山', '东莞'], sizeFactor: 0.8,
    profiles: { logisticsFleet: 7, busFleet: 2, carRepair: 5, machinery: 2, port: 2 },
  },
  {
    branch: 'NC', owner: 'rep.zhao@petrocrm.cn', regions: [['华北', 65], ['东北', 20], ['西北', 15]], sizeFactor: 1,
    profiles: {
      film: 6, packaging: 5, pipe: 5, injection: 5, fibre: 3, resinDistributor: 7, trader: 6, oilDistributor: 6, gasStation: 7, logisticsFleet: 6,
      roadBuilder: 6, machinery: 3,
    },
  },
];

// Brand words companies pick: two auspicious characters, with their pinyin for the web domain.
const BRAND_FIRST: readonly (readonly [string, string])[] = [
  ['恒', 'heng'], ['永', 'yong'], ['华', 'hua'], ['金', 'jin'], ['鑫', 'xin'], ['宏', 'hong'], ['瑞', 'rui'], ['中', 'zhong'], ['天', 'tian'],
  ['海', 'hai'], ['博', 'bo'], ['隆', 'long'], ['德', 'de'], ['凯', 'kai'], ['嘉', 'jia'], ['信', 'xin'], ['源', 'yuan'], ['昌', 'chang'],
  ['盛', 'sheng'], ['泰', 'tai'], ['兴', 'xing'], ['丰', 'feng'], ['润', 'run'], ['新', 'xin'], ['长', 'chang'], ['广', 'guang'],
  ['宝', 'bao'], ['富', 'fu'], ['安', 'an'], ['东', 'dong'], ['万', 'wan'], ['佳', 'jia'], ['联', 'lian'], ['正', 'zheng'], ['汇', 'hui'],
  ['明', 'ming'], ['亚', 'ya'], ['百', 'bai'], ['弘', 'hong'], ['志', 'zhi'],
];
const BRAND_SECOND: readonly (readonly [string, string])[] = [
  ['远', 'yuan'], ['盛', 'sheng'], ['通', 'tong'], ['泰', 'tai'], ['达', 'da'], ['丰', 'feng'], ['诚', 'cheng'], ['源', 'yuan'], ['鑫', 'xin'],
  ['润', 'run'], ['祥', 'xiang'], ['宇', 'yu'], ['力', 'li'], ['发', 'fa'], ['顺', 'shun'], ['和', 'he'], ['利', 'li'], ['荣', 'rong'],
  ['辉', 'hui'], ['创', 'chuang'], ['晟', 'sheng'], ['邦', 'bang'], ['峰', 'feng'], ['航', 'hang'], ['捷', 'jie'], ['凯', 'kai'],
  ['威', 'wei'], ['耀', 'yao'], ['升', 'sheng'], ['腾', 'teng'],
];

const CREDIT_RATING_BY_SIZE: readonly (readonly [(typeof CREDIT_RATINGS)[number], number, number])[] = [
  // rating, weight for a small customer, weight for a large one
  ['AAA', 1, 6], ['AA', 4, 8], ['A', 8, 4], ['B', 6, 1], ['C', 2, 0],
];

// Credit limit in yuan of an ordinary customer of each type, before its size.
const BASE_CREDIT_LIMIT: Record<CustomerProfile['type'], number> = {
  distributor: 3_000_000, trader: 5_000_000, manufacturer: 2_000_000, fleet: 600_000, gas_station: 1_000_000, end_user: 800_000,
};

export type Lifecycle = 'prospect' | 'active' | 'at_risk' | 'churned';

export interface DemoContact {
  id: number;
  name: string;
  email: string | null;
  mobile: string;
  isPrimary: boolean;
}

export interface DemoCustomer {
  id: number;
  name: string;
  shortName: string;
  profile: CustomerProfile;
  branchCode: string;
  branchId: number;
  ownerId: number;
  region: Region;
  city: City;
  district: string;
  /** The company's web domain, if it has one: its people's work mailboxes. */
  domain: string | null;
  /** The grades this customer usually buys, most-bought first. */
  favourites: DemoProduct[];
  /** Pareto size: 1 is an ordinary customer, 10 a very large one. */
  size: number;
  /** The behaviour the orders are generated from; the analysis later finds it from the orders alone. */
  lifecycle: Lifecycle;
  /** Days before today of the first and the last order the customer places. */
  firstOrderDaysAgo: number;
  lastOrderDaysAgo: number;
  createdAt: Date;
  contacts: DemoContact[];
}

export function generateCustomers(random: DemoRandom, clock: DemoClock, organisation: Organisation, products: DemoProduct[]): DemoCustomer[] {
  const names = new Set<string>();
  const customers: DemoCustomer[] = [];
  for (const segment of SEGMENTS) {
    for (const [profileName, count] of Object.entries(segment.profiles) as [ProfileName, number][]) {
      for (let i = 0; i < count; i++) {
        customers.push(newCustomer(random, clock, organisation, products, segment, PROFILES[profileName], names));
      }
    }
  }
  // Codes are numbered in insertion order; oldest customers get the lowest codes, as in a real system.
  return customers.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function newCustomer(
  random: DemoRandom, clock: DemoClock, organisation: Organisation, products: DemoProduct[], segment: Segment, profile: CustomerProfile, names: Set<string>,
): DemoCustomer {
  const region = random.weighted(segment.regions);
  const candidates = segment.cities ? segment.cities.map(cityNamed) : citiesOf(region);
  const city = random.weighted(candidates.map((candidate) => [candidate, candidate.weight] as const));
  const district = random.pick(city.districts);
  let name: string;
  let brand: readonly [string, string];
  do {
    const first = random.pick(BRAND_FIRST);
    const second = random.pick(BRAND_SECOND.filter(([character]) => character !== first[0]));
    brand = [first[0] + second[0], first[1] + second[1]];
    name = random.pick(profile.names)
      .replace('{city}', city.name)
      .replace('{district}', district.replace(/(新区|区|县|市|镇|开发区)$/, ''))
      .replace('{brand}', brand[0]);
  } while (names.has(name));
  names.add(name);
  const size = random.pareto(1.0, 20) * segment.sizeFactor;
  const lifecycle = random.weighted<Lifecycle>([['active', 76], ['prospect', 10], ['churned', 7], ['at_risk', 7]]);
  const { firstOrderDaysAgo, lastOrderDaysAgo } = orderingSpan(random, lifecycle);
  const createdAt = lifecycle === 'prospect'
    ? clock.businessMoment(random.int(3, 200), random.between(0, 10))
    : clock.businessMoment(firstOrderDaysAgo + (firstOrderDaysAgo >= HISTORY_DAYS ? random.int(20, 1400) : random.int(5, 60)), random.between(0, 10));
  return {
    id: 0,
    name,
    // What colleagues call it: the name without its city and legal form.
    shortName: name.replace(city.name, '').replace(/(股份)?有限公司$/, ''),
    profile,
    branchCode: segment.branch,
    branchId: organisation.branchIds[segment.branch],
    ownerId: organisation.userIds[segment.owner],
    region,
    city,
    favourites: favouriteProducts(random, profile, products.filter((product) => !product.coldClimate || NORTH.includes(region))),
    size,
    lifecycle,
    firstOrderDaysAgo,
    lastOrderDaysAgo,
    createdAt,
    contacts: [],
    district,
    domain: profile.domainWord && random.chance(0.85) ? `${brand[1]}${profile.domainWord}.${random.pick(['com', 'com', 'cn', 'com.cn'])}` : null,
  };
}

function orderingSpan(random: DemoRandom, lifecycle: Lifecycle): { firstOrderDaysAgo: number; lastOrderDaysAgo: number } {
  const lastOrderDaysAgo = lifecycle === 'churned' ? random.int(190, 480) : lifecycle === 'at_risk' ? random.int(95, 170) : 0;
  const firstOrderDaysAgo = random.chance(0.7) ? HISTORY_DAYS : random.int(Math.max(lastOrderDaysAgo + 45, 30), HISTORY_DAYS - 10);
  return { firstOrderDaysAgo, lastOrderDaysAgo };
}

const NORTH: readonly Region[] = ['华北', '东北', '西北'];

/** Two to five grades of the families the buyer uses, the way a plant sticks to the grades its machines run. */
function favouriteProducts(random: DemoRandom, profile: CustomerProfile, products: DemoProduct[]): DemoProduct[] {
  const favourites: DemoProduct[] = [];
  const wanted = random.int(2, 5);
  for (let attempt = 0; attempt < 20 && favourites.length < wanted; attempt++) {
    const family = random.weighted(profile.families);
    const product = random.pick(products.filter((candidate) => candidate.family === family));
    if (!favourites.includes(product)) favourites.push(product);
  }
  return favourites;
}

export async function loadCustomers(transaction: Transaction, random: DemoRandom, customers: DemoCustomer[]): Promise<void> {
  const creditCodes = new Set<string>();
  const rows = customers.map((customer) => {
    let creditCode: string;
    do creditCode = newCreditCode(random, customer.city.division + String(random.int(2, 18)).padStart(2, '0'));
    while (creditCodes.has(creditCode));
    creditCodes.add(creditCode);
    const large = Math.min(1, (customer.size - 1) / 6);
    return {
      name: customer.name,
      customer_type: customer.profile.type,
      industry: customer.profile.industry,
      region: customer.region,
      province: customer.city.province,
      city: customer.city.name,
      address: streetAddress(random, customer.city, customer.district),
      credit_code: creditCode,
      phone: landline(random, customer.city.areaCode),
      email: customer.domain ? `${random.pick(['info', 'office', 'sales', 'service'])}@${customer.domain}` : null,
      credit_limit: customer.lifecycle === 'prospect'
        ? '0.00'
        : (Math.round((BASE_CREDIT_LIMIT[customer.profile.type] * Math.sqrt(customer.size)) / 100_000) * 100_000).toFixed(2),
      credit_rating: customer.lifecycle === 'prospect'
        ? null
        : random.weighted(CREDIT_RATING_BY_SIZE.map(([rating, small, big]) => [rating, small + (big - small) * large] as const)),
      owner_id: customer.ownerId,
      branch_id: customer.branchId,
      notes: random.chance(0.15) ? random.pick(CUSTOMER_NOTES) : null,
      created_at: customer.createdAt,
      updated_at: customer.createdAt,
    };
  });
  const ids = await insertRowIds(Customer, rows, transaction);
  customers.forEach((customer, index) => (customer.id = ids[index]));
  await loadContacts(transaction, random, customers);
}

const CUSTOMER_NOTES = [
  '月结 30 天，需提前开具增值税专用发票',
  '厂区限高 4.2 米，大车需提前报备',
  '只接受上午 8:00–11:30 卸货',
  '年度框架协议客户，价格按月度调价通知执行',
  '要求每批随货附质检报告（COA）',
  '收货地址与注册地址不同，以合同约定为准',
  '老客户，2019 年起合作',
  '付款以银行承兑汇票为主',
];

async function loadContacts(transaction: Transaction, random: DemoRandom, customers: DemoCustomer[]): Promise<void> {
  const rows: Array<CreationAttributes<Contact>> = [];
  const owners: Array<{ customer: DemoCustomer; contact: DemoContact }> = [];
  for (const customer of customers) {
    const count = random.weighted([[1, 35], [2, 45], [3, 20]] as const);
    const titles = [random.pick(customer.profile.primaryTitles), ...random.sample(customer.profile.otherTitles, count - 1)];
    titles.forEach((title, index) => {
      const person = newPerson(random);
      const mobile = mobileNumber(random);
      const email = random.chance(0.9) ? personalEmail(random, person, customer.domain) : null;
      const contact: DemoContact = { id: 0, name: person.name, email, mobile, isPrimary: index === 0 };
      rows.push({
        customer_id: customer.id,
        name: person.name,
        title,
        department: DEPARTMENTS.find(([word]) => title.includes(word))?.[1] ?? null,
        phone: random.chance(0.6) ? `${landline(random, customer.city.areaCode)}-${random.int(801, 899)}` : null,
        mobile,
        email,
        wechat: random.chance(0.5) ? mobile : random.chance(0.5) ? `${person.surnamePinyin}${person.givenPinyin}${random.int(1, 999)}` : null,
        is_primary: index === 0,
        notes: null,
        created_at: customer.createdAt,
        updated_at: customer.createdAt,
      });
      owners.push({ customer, contact });
    });
  }
  const ids = await insertRowIds(Contact, rows, transaction);
  owners.forEach(({ customer, contact }, index) => {
    contact.id = ids[index];
    customer.contacts.push(contact);
  });
}
