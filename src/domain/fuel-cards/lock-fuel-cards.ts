import type { Transaction } from 'sequelize';
import { FuelCard } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

export interface LockedCards {
  /** The card presented at the pump or the counter. */
  card: FuelCard;
  /** Its master, which holds the money (the card itself when it is a master). */
  master: FuelCard;
}

/**
 * Locks a card and its master until the transaction ends, master first: two sub-cards of one fleet
 * fuelling at the same moment queue on the master instead of deadlocking, and every limit and the
 * balance are read after the lock, so they cannot both pass on the same last yuan or litre.
 */
export async function lockFuelCard(cardId: number, transaction: Transaction): Promise<LockedCards> {
  const found = await FuelCard.findByPk(cardId, { transaction });
  if (!found) throw new BusinessRuleError('fuelCardNotFound', { id: cardId });
  const masterId = found.master_card_id ?? found.id;
  const master = await FuelCard.findByPk(masterId, { transaction, lock: transaction.LOCK.UPDATE, rejectOnEmpty: true });
  const card = masterId === found.id ? master : await FuelCard.findByPk(found.id, { transaction, lock: transaction.LOCK.UPDATE, rejectOnEmpty: true });
  return { card, master };
}

/** A frozen or cancelled card, or a sub-card whose master is, takes no money and pays nothing. */
export function assertActive({ card, master }: LockedCards): void {
  if (card.status !== 'active') throw new BusinessRuleError(`fuelCard_${card.status}`, { card: card.card_no });
  if (master.status !== 'active') throw new BusinessRuleError(`fuelCardMaster_${master.status}`, { card: card.card_no, master: master.card_no });
}
