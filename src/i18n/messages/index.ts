import type { AreaMessages } from './area-messages.js';
import { accessMessages } from './access.js';
import { analysisMessages } from './analysis.js';
import { creditMessages } from './credit.js';
import { importDuplicatesMessages } from './import-duplicates.js';
import { marketingMessages } from './marketing.js';
import { orderChangesMessages } from './order-changes.js';
import { orderEntryMessages } from './order-entry.js';
import { requestMessages } from './requests.js';
import { contractsMessages } from './contracts.js';
import { fuelCardsMessages } from './fuel-cards.js';
import { lifetimeValueMessages } from './lifetime-value.js';
import { qualityMessages } from './quality.js';
import { salesMessages } from './sales.js';
import { serviceMessages } from './service.js';
import { stateRulesMessages } from './state-rules.js';
import { pricingMessages } from './pricing.js';
import { targetsMessages } from './targets.js';
import { tasksMessages } from './tasks.js';
import { transferMessages } from './transfer.js';
import { layoutMessages } from './layout.js';
import { matrixEditingMessages } from './matrix-editing.js';
import { auditMessages } from './audit.js';

/**
 * Messages of the domain services and custom actions, one file per area so each area keeps its
 * words together. Keys are what BusinessRuleError.code and action notices carry; they must be
 * unique across areas.
 */
const areas: AreaMessages[] = [
  accessMessages, analysisMessages, importDuplicatesMessages, marketingMessages, orderChangesMessages, orderEntryMessages, requestMessages, salesMessages, serviceMessages, stateRulesMessages, tasksMessages, transferMessages, layoutMessages, matrixEditingMessages, auditMessages, creditMessages, pricingMessages, targetsMessages, contractsMessages, fuelCardsMessages, lifetimeValueMessages, qualityMessages,
];

export function messagesFor(language: keyof AreaMessages): Record<string, string> {
  return Object.assign({}, ...areas.map((area) => area[language])) as Record<string, string>;
}
