import { FuelCard } from '../../models/index.js';
import type { FuelCardStatus } from '../../models/fuel-card.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { requireText } from '../sales/required-input.js';

const STEPS = {
  // 挂失/冻结: a lost card or a fleet's unpaid invoice; the card pays nothing until unfrozen.
  freezeFuelCard: { from: 'active', to: 'frozen', refusal: 'fuelCardNotActiveToFreeze' },
  unfreezeFuelCard: { from: 'frozen', to: 'active', refusal: 'fuelCardNotFrozen' },
} as const satisfies Record<string, { from: FuelCardStatus; to: FuelCardStatus; refusal: string }>;

/** Freezes or unfreezes a card, always with the reason, audited. */
export async function changeFuelCardStatus(actor: Actor, cardId: number, step: keyof typeof STEPS, reasonInput: string | null | undefined): Promise<FuelCard> {
  const reason = requireText(reasonInput, 'reason', 200);
  const { from, to, refusal } = STEPS[step];
  return FuelCard.sequelize!.transaction(async (transaction) => {
    const card = await FuelCard.findByPk(cardId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!card) throw new BusinessRuleError('fuelCardNotFound', { id: cardId });
    if (card.status !== from) throw new BusinessRuleError(refusal, { card: card.card_no });
    const before = card.get({ plain: true, clone: true });
    await card.update({ status: to }, { transaction });
    await recordAudit(actor, { action: step, resource: 'fuel_cards', recordId: card.id, before, after: card.get({ plain: true, clone: true }), details: { reason } }, transaction);
    return card;
  });
}
