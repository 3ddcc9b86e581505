import { QueryTypes, type Transaction } from 'sequelize';
import { FuelCard, FuelCardLimit, FuelCardTransaction, Product, type Branch } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { businessDayOf } from '../../clock/business-clock.js';
import { requireId } from '../sales/required-input.js';
import { assertActive, lockFuelCard, type LockedCards } from './lock-fuel-cards.js';
import { findStation } from './find-station.js';
import { fromHundredths, fuellingAmount, parseHundredths, toHundredths } from './fuel-card-amounts.js';

export interface FuellingInput {
  stationId?: number | null;
  productId?: number | null;
  liters?: unknown;
  /** The pump price, yuan per litre. */
  unitPrice?: unknown;
  /** When the pump ran; now when left out. */
  occurredAt?: Date;
}

export interface Fuelling {
  transaction: FuelCardTransaction;
  card: FuelCard;
  master: FuelCard;
  station: Branch;
  product: Product;
}

/** A tank truck's saddle tanks hold about 1 500 L; more at one pump is a typing error. */
const LARGEST_FUELLING_LITERS = 200_000n; // 2 000.00 L in hundredths
const HIGHEST_PUMP_PRICE = 10_000n; // ¥100.00 per litre

/**
 * 加油: a fuelling on a card at a station, paid from the fleet's master card. Refused, with nothing
 * written, when the card or its master is frozen or cancelled, when the card may not buy the grade,
 * when it would pass the card's litres for the grade today, the card's yuan for today or the whole
 * fleet's yuan for today (the master's limit), or when the balance does not cover it. "Today" is
 * the company's calendar day of the fuelling.
 */
export async function recordFuelling(actor: Actor, cardId: number, input: FuellingInput): Promise<Fuelling> {
  const productId = requireId(input.productId, 'product_id');
  const liters = parseHundredths(input.liters, 'liters', LARGEST_FUELLING_LITERS);
  const unitPrice = parseHundredths(input.unitPrice, 'unit_price', HIGHEST_PUMP_PRICE);
  const amount = fuellingAmount(liters, unitPrice);
  const occurredAt = input.occurredAt ?? new Date();
  const day = businessDayOf(occurredAt);

  return FuelCard.sequelize!.transaction(async (transaction) => {
    const cards = await lockFuelCard(cardId, transaction);
    assertActive(cards);
    const station = await findStation(input.stationId, 'station_id', { gasStationOnly: true }, transaction);
    const product = await Product.findByPk(productId, { transaction });
    if (!product) throw new BusinessRuleError('productNotFound', { id: productId }, 'product_id');
    await assertGradeWithinLimit(cards.card, product, liters, day, transaction);
    await assertDailyAmounts(cards, amount, day, transaction);
    const balance = await payFromMaster(cards.master, amount, transaction);
    const fuelling = await FuelCardTransaction.create(
      {
        card_id: cards.card.id, master_card_id: cards.master.id, customer_id: cards.card.customer_id, station_id: station.id, product_id: product.id,
        vehicle_plate: cards.card.vehicle_plate, liters, unit_price: unitPrice, balance_after: balance, business_day: day,
        performed_by_id: actor.id, occurred_at: occurredAt,
      },
      { transaction },
    );
    await recordAudit(actor, { action: 'recordFuelling', resource: 'fuel_card_transactions', recordId: fuelling.id, after: fuelling.get({ plain: true }) }, transaction);
    await cards.master.reload({ transaction });
    return { transaction: fuelling, card: cards.card, master: cards.master, station, product };
  });
}

/** 限油品: a card with limits buys only the grades they name, each up to its litres a day. */
async function assertGradeWithinLimit(card: FuelCard, product: Product, liters: string, day: string, transaction: Transaction): Promise<void> {
  const limits = await FuelCardLimit.findAll({ where: { card_id: card.id }, transaction });
  if (limits.length === 0) return;
  const limit = limits.find((candidate) => candidate.product_id === product.id);
  if (!limit) throw new BusinessRuleError('fuelGradeNotAllowed', { card: cardName(card), grade: product.grade ?? product.name }, 'product_id');
  const [{ used }] = await FuelCard.sequelize!.query<{ used: string }>(
    `SELECT coalesce(sum(liters), 0)::numeric(12,2)::text AS used FROM fuel_card_transactions WHERE card_id = $1 AND product_id = $2 AND business_day = $3`,
    { bind: [card.id, product.id, day], type: QueryTypes.SELECT, transaction },
  );
  const after = toHundredths(used) + toHundredths(liters);
  if (after > toHundredths(limit.daily_liters)) {
    throw new BusinessRuleError(
      'fuelDailyLitersExceeded',
      { card: cardName(card), grade: product.grade ?? product.name, limit: limit.daily_liters, used, requested: liters, over: fromHundredths(after - toHundredths(limit.daily_liters)) },
      'liters',
    );
  }
}

/** The card's own yuan a day, and the master's for the whole fleet. */
async function assertDailyAmounts({ card, master }: LockedCards, amount: string, day: string, transaction: Transaction): Promise<void> {
  const checks: Array<{ limited: FuelCard; column: 'card_id' | 'master_card_id'; refusal: string }> = [{ limited: card, column: 'card_id', refusal: 'fuelDailyAmountExceeded' }];
  if (master.id !== card.id) checks.push({ limited: master, column: 'master_card_id', refusal: 'fuelFleetDailyAmountExceeded' });
  for (const { limited, column, refusal } of checks) {
    if (limited.daily_amount_limit === null) continue;
    const [{ spent }] = await FuelCard.sequelize!.query<{ spent: string }>(
      `SELECT coalesce(sum(amount), 0)::numeric(16,2)::text AS spent FROM fuel_card_transactions WHERE ${column} = $1 AND business_day = $2`,
      { bind: [limited.id, day], type: QueryTypes.SELECT, transaction },
    );
    const after = toHundredths(spent) + toHundredths(amount);
    if (after > toHundredths(limited.daily_amount_limit)) {
      throw new BusinessRuleError(
        refusal,
        { card: cardName(limited), limit: limited.daily_amount_limit, spent, requested: amount, over: fromHundredths(after - toHundredths(limited.daily_amount_limit)) },
        'liters',
      );
    }
  }
}

/** A conditional update PostgreSQL checks on the locked master: the balance never goes below zero. */
async function payFromMaster(master: FuelCard, amount: string, transaction: Transaction): Promise<string> {
  const rows = await FuelCard.sequelize!.query<{ balance: string }>(
    `UPDATE fuel_cards SET balance = balance - $2, updated_at = now() WHERE id = $1 AND balance >= $2 RETURNING balance`,
    { bind: [master.id, amount], type: QueryTypes.SELECT, transaction },
  );
  if (rows.length === 0) throw new BusinessRuleError('fuelCardBalanceShort', { card: master.card_no, balance: master.balance, requested: amount }, 'liters');
  return rows[0].balance;
}

/** "粤A12345（…0012）": the plate the driver knows, and the card number's tail. */
function cardName(card: FuelCard): string {
  const tail = card.card_no.slice(-4);
  return card.vehicle_plate ? `${card.vehicle_plate}（…${tail}）` : `…${tail}`;
}
