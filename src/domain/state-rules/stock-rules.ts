import type { WriteRules } from '../../db/write-rules.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * 库存. Stock has no states, but its figures are only ever the result of a movement: on hand moves
 * with receipts, shipments, adjustments and transfers (each written to the ledger in the same
 * transaction), reserved with the orders confirmed and not yet shipped. So no generic write may
 * create, change or delete a stock level, and the ledger only grows: a movement is never edited or
 * deleted, a mistake is corrected by an adjustment. The database refuses the same (migration 0021).
 */
export const STOCK_LEVEL_RULES: WriteRules = {
  beforeCreate: refuse('stockMovesOnlyByMovements'),
  beforeUpdate: refuse('stockMovesOnlyByMovements'),
  beforeDelete: refuse('stockMovesOnlyByMovements'),
};

export const STOCK_MOVEMENT_RULES: WriteRules = {
  beforeCreate: refuse('stockLedgerByActionsOnly'),
  beforeUpdate: refuse('stockLedgerAppendOnly'),
  beforeDelete: refuse('stockLedgerAppendOnly'),
};

function refuse(code: string): () => Promise<never> {
  return async () => {
    throw new BusinessRuleError(code);
  };
}
