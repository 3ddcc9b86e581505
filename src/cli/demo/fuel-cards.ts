import type { CreationAttributes, Transaction } from 'sequelize';
import { FuelCard, FuelCardLimit, FuelCardTopUp, FuelCardTransaction } from '../../models/index.js';
import { businessDayOf } from '../../clock/business-clock.js';
import type { DemoProduct } from './catalogue.js';
import type { DemoClock } from './clock.js';
import type { DemoCustomer } from './customers.js';
import { insertColumns } from './insert-columns.js';
import { insertRowIds } from './insert-rows.js';
import type { CustomerStanding } from './marketing.js';
import type { Organisation } from './organisation.js';
import { newPerson } from './people.js';
import type { DemoRandom } from './random.js';

/** Six months of fuellings: two windows of the churn per station. */
const FUELLING_DAYS = 180;
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The company's two gas stations, the fleets that fuel there, and the plates those fleets carry. */
const STATIONS = [
  { code: 'GS-NJ01', fleetsOf: ['GS-NJ01', 'EC'], plates: ['苏A', '苏A', '苏A', '苏M'] },
  { code: 'GS-GZ01', fleetsOf: ['GS-GZ01', 'SC'], plates: ['粤A', '粤A', '粤S'] },
] as const;

/** Pump prices in yuan a litre, moved twice a month by the price-adjustment notices. */
const PUMP_PRICES: Record<string, readonly [number, number]> = { D0: [7.05, 7.55], DM10: [7.35, 7.85], G92: [7.35, 7.85], G95: [7.85, 8.35] };

interface Vehicle {
  /** The sub-card's id, once issued. */
  card: number;
  plate: string;
  driver: string;
  grade: DemoProduct;
  dailyAmountLimit: string | null;
  /** Litres its limit allows a day, and what it typically takes. */
  dailyLiters: number;
  typicalLiters: number;
  everyDays: number;
}

interface Fuelling {
  at: Date;
  vehicle: Vehicle;
  liters: number;
  price: number;
}

/**
 * Fleet customers of the two stations (those registered at a station, and about half of their
 * branch's fleets) hold a master card with a sub-card per truck or bus, limited to its fuel grade
 * and litres a day. Each vehicle fuels at its station every few days within its limits; the fleet
 * tops its master card up when it runs low, so no balance ever goes below zero.
 */
export async function loadFuelCards(
  transaction: Transaction, random: DemoRandom, clock: DemoClock, organisation: Organisation,
  customers: DemoCustomer[], standing: Map<number, CustomerStanding>, products: DemoProduct[],
): Promise<void> {
  const grade = (code: string) => products.find((product) => product.batchCode === code)!;
  const fleets = STATIONS.flatMap((station) => customers
    .filter((customer) => customer.profile.type === 'fleet' && (station.fleetsOf as readonly string[]).includes(customer.branchCode)
      && (customer.branchCode === station.code || random.chance(0.5)) && standing.get(customer.id)?.status !== 'prospect')
    .map((customer) => ({ customer, station, status: standing.get(customer.id)?.status ?? 'active' })));

  const masterIds = await insertRowIds(FuelCard, fleets.map(({ customer }) => {
    const issued = clock.businessMoment(FUELLING_DAYS + random.int(5, 60), 2);
    return {
      customer_id: customer.id, kind: 'master' as const, master_card_id: null, vehicle_plate: null, holder_name: null, daily_amount_limit: null,
      branch_id: customer.branchId, notes: null, created_at: issued, updated_at: issued,
    };
  }), transaction);
  const fleetVehicles = fleets.map(({ customer, station }) =>
    planVehicles(random, customer, station.plates, customer.profile.industry === '公交客运' ? [grade('D0')] : [grade('D0'), grade('D0'), grade('D0'), grade('G92')]));
  const subIds = await insertRowIds(FuelCard, fleets.flatMap(({ customer }, index) => fleetVehicles[index].map((vehicle) => ({
    customer_id: customer.id, kind: 'sub' as const, master_card_id: masterIds[index], vehicle_plate: vehicle.plate, holder_name: vehicle.driver,
    daily_amount_limit: vehicle.dailyAmountLimit, branch_id: customer.branchId, notes: null,
  }))), transaction);
  fleetVehicles.flat().forEach((vehicle, index) => (vehicle.card = subIds[index]));
  await insertRowIds(FuelCardLimit, fleetVehicles.flat().map((vehicle) => ({ card_id: vehicle.card, product_id: vehicle.grade.id, daily_liters: vehicle.dailyLiters.toFixed(2) })), transaction);

  const topUps: Array<CreationAttributes<FuelCardTopUp>> = [];
  const fuellings: Array<CreationAttributes<FuelCardTransaction>> = [];
  const balances = fleets.map(({ customer, station, status }, index) => settle(
    random, clock, { fleet: customer, masterId: masterIds[index], stationId: organisation.branchIds[station.code] },
    planFuellings(random, clock, fleetVehicles[index], driftOf(random, status)), topUps, fuellings,
  ));
  await insertRowIds(FuelCardTopUp, topUps, transaction);
  await insertColumns(FuelCard.sequelize!, transaction, 'fuel_card_transactions', [
    ['card_id', 'int'], ['master_card_id', 'int'], ['customer_id', 'int'], ['station_id', 'int'], ['product_id', 'int'], ['vehicle_plate', 'text'],
    ['liters', 'numeric'], ['unit_price', 'numeric'], ['balance_after', 'numeric'], ['business_day', 'date'], ['performed_by_id', 'int'],
    ['occurred_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ], fuellings);
  await FuelCard.sequelize!.query(
    `UPDATE fuel_cards c SET balance = v.balance FROM unnest($1::int[], $2::numeric[]) AS v(id, balance) WHERE c.id = v.id`,
    { bind: [masterIds, balances], transaction },
  );
}

/** A sub-card per truck or bus: its plate, driver, fuel grade and daily limits. */
function planVehicles(random: DemoRandom, fleet: DemoCustomer, prefixes: readonly string[], grades: DemoProduct[]): Vehicle[] {
  const count = Math.min(8, Math.max(2, Math.round(fleet.size * random.between(1.5, 3))));
  const plates = new Set<string>();
  while (plates.size < count) {
    const tail = random.chance(0.3) ? `${random.pick([...PLATE_LETTERS])}${random.digits(4)}` : random.digits(5);
    plates.add(`${random.pick(prefixes)}${tail}`);
  }
  return [...plates].map((plate) => {
    const fuel = random.pick(grades);
    const car = fuel.family === 'GASOLINE';
    const dailyLiters = car ? 80 : random.pick([300, 400, 500, 600]);
    return {
      card: 0, plate, driver: newPerson(random).name, grade: fuel, dailyLiters, dailyAmountLimit: car ? '800.00' : null,
      typicalLiters: dailyLiters * random.between(0.45, 0.8), everyDays: car ? random.int(4, 7) : random.int(2, 5),
    };
  });
}

/**
 * How a fleet's fuelling at its station went: most steady, some new; some moved part of their trucks
 * or all of them to a competitor's station lately, as the fleets the analysis found at risk or
 * churned did. A station loses fleets that still buy from the company, so its churn is its own figure.
 */
type Drift = 'steady' | 'new' | 'declining' | 'stopped' | 'gone';

function driftOf(random: DemoRandom, status: string): Drift {
  if (status === 'churned') return 'gone';
  if (status === 'at_risk') return 'declining';
  return random.weighted([['steady', 63], ['new', 10], ['declining', 15], ['stopped', 12]] as const);
}

/** When each vehicle fuels, and how much: at its own rhythm, less or not at all once the fleet drifts away. */
function planFuellings(random: DemoRandom, clock: DemoClock, vehicles: Vehicle[], drift: Drift): Fuelling[] {
  const fuellings: Fuelling[] = [];
  const stopsDaysAgo = drift === 'gone' ? random.int(100, 170) : drift === 'stopped' ? random.int(40, 85) : 0;
  const startsDaysAgo = drift === 'new' ? random.int(40, 80) : FUELLING_DAYS;
  for (const vehicle of vehicles) {
    for (let daysAgo = startsDaysAgo - random.int(0, vehicle.everyDays); daysAgo >= Math.max(stopsDaysAgo, 1); daysAgo -= vehicle.everyDays + random.int(-1, 1)) {
      // Declining: two trucks in three fuel elsewhere in the last three months.
      if (drift === 'declining' && daysAgo < 90 && random.chance(0.65)) continue;
      const liters = Math.min(vehicle.dailyLiters, Math.round(vehicle.typicalLiters * random.between(0.7, 1.25) * 100) / 100);
      const [low, high] = PUMP_PRICES[vehicle.grade.batchCode] ?? [7.2, 7.8];
      // Prices follow the half-monthly adjustments: the same for every vehicle on a day.
      const half = Math.floor(daysAgo / 15);
      const price = Math.round((low + ((Math.sin(half * 1.7) + 1) / 2) * (high - low)) * 100) / 100;
      fuellings.push({ at: clock.businessMoment(daysAgo, random.between(0.2, 9.8)), vehicle, liters, price });
    }
  }
  return fuellings.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Replays a fleet's fuellings in order on its master card, topping it up the day before it would run
 * dry; adds the top-ups and fuellings to the lists and answers the balance left.
 */
function settle(
  random: DemoRandom, clock: DemoClock, card: { fleet: DemoCustomer; masterId: number; stationId: number }, fuellings: Fuelling[],
  topUps: Array<CreationAttributes<FuelCardTopUp>>, transactions: Array<CreationAttributes<FuelCardTransaction>>,
): string {
  const { fleet, masterId, stationId } = card;
  let balanceFen = 0;
  for (const fuelling of fuellings) {
    const amountFen = Math.round((Math.round(fuelling.liters * 100) * Math.round(fuelling.price * 100)) / 100);
    if (balanceFen < amountFen) {
      const topUpFen = random.int(5, 20) * 1_000_000;
      balanceFen += topUpFen;
      const at = clock.plusHours(fuelling.at, -random.between(12, 30));
      topUps.push({
        card_id: masterId, customer_id: fleet.id, station_id: stationId, amount: fen(topUpFen), payment_method: random.weighted([['bank_transfer', 7], ['pos', 2], ['wechat_pay', 1]] as const),
        reference: `CZ${clock.day(at).replaceAll('-', '')}${random.digits(4)}`, balance_after: fen(balanceFen), performed_by_id: null, occurred_at: at, created_at: at, updated_at: at,
      });
    }
    balanceFen -= amountFen;
    transactions.push({
      card_id: fuelling.vehicle.card, master_card_id: masterId, customer_id: fleet.id, station_id: stationId, product_id: fuelling.vehicle.grade.id,
      vehicle_plate: fuelling.vehicle.plate, liters: fuelling.liters.toFixed(2), unit_price: fuelling.price.toFixed(2), balance_after: fen(balanceFen),
      business_day: businessDayOf(fuelling.at), performed_by_id: null, occurred_at: fuelling.at, created_at: fuelling.at, updated_at: fuelling.at,
    });
  }
  return fen(balanceFen);
}

function fen(value: number): string {
  return `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}
