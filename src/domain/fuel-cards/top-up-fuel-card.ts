import { QueryTypes } from 'sequelize';
import { FuelCard, FuelCardTopUp, type Branch } from '../../models/index.js';
import { TOP_UP_PAYMENT_METHODS, type TopUpPaymentMethod } from '../../models/fuel-card-top-up.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { optionalText } from '../sales/required-input.js';
import { assertActive, lockFuelCard } from './lock-fuel-cards.js';
import { findStation } from './find-station.js';
import { parseHundredths } from './fuel-card-amounts.js';

export interface TopUpInput {
  amount?: unknown;
  stationId?: number | null;
  paymentMethod?: unknown;
  reference?: string | null;
  /** When the money was taken; now when left out. */
  occurredAt?: Date;
}

/** One top-up at most this much: more is a typing error far more often than a fleet's month. */
const LARGEST_TOP_UP = 100_000_000n; // ¥1,000,000.00 in fen

/**
 * 充值: money onto a fleet's master card (sub-cards spend from it), taken at a station or branch,
 * with the balance it leaves. A sub-card, a frozen or a cancelled card takes none.
 */
export async function topUpFuelCard(actor: Actor, cardId: number, input: TopUpInput): Promise<{ topUp: FuelCardTopUp; card: FuelCard; station: Branch }> {
  const amount = parseHundredths(input.amount, 'amount', LARGEST_TOP_UP);
  const paymentMethod = String(input.paymentMethod ?? '').trim();
  if (!TOP_UP_PAYMENT_METHODS.includes(paymentMethod as TopUpPaymentMethod)) throw new BusinessRuleError('fieldRequired', {}, 'payment_method');
  const reference = optionalText(input.reference, 'reference', 60);

  return FuelCard.sequelize!.transaction(async (transaction) => {
    const cards = await lockFuelCard(cardId, transaction);
    if (cards.card.kind !== 'master') throw new BusinessRuleError('topUpMasterOnly', { card: cards.card.card_no, master: cards.master.card_no });
    assertActive(cards);
    const station = await findStation(input.stationId, 'station_id', { gasStationOnly: false }, transaction);
    const [{ balance }] = await FuelCard.sequelize!.query<{ balance: string }>(
      `UPDATE fuel_cards SET balance = balance + $2, updated_at = now() WHERE id = $1 RETURNING balance`,
      { bind: [cards.master.id, amount], type: QueryTypes.SELECT, transaction },
    );
    const topUp = await FuelCardTopUp.create(
      {
        card_id: cards.master.id, customer_id: cards.master.customer_id, station_id: station.id, amount,
        payment_method: paymentMethod as TopUpPaymentMethod, reference, balance_after: balance, performed_by_id: actor.id,
        occurred_at: input.occurredAt ?? new Date(),
      },
      { transaction },
    );
    await recordAudit(
      actor,
      { action: 'topUp', resource: 'fuel_cards', recordId: cards.master.id, before: { balance: cards.master.balance }, after: { balance }, details: { top_up_id: topUp.id, amount, station_id: station.id } },
      transaction,
    );
    await cards.master.reload({ transaction });
    return { topUp, card: cards.master, station };
  });
}
