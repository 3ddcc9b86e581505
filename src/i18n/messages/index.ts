import type { AreaMessages } from './area-messages.js';
import { accessMessages } from './access.js';
import { analysisMessages } from './analysis.js';
import { contractsMessages } from './contracts.js';
import { fuelCardsMessages } from './fuel-cards.js';
import { lifetimeValueMessages } from './lifetime-value.js';
import { marketingMessages } from './marketing.js';
import { qualityMessages } from './quality.js';
import { salesMessages } from './sales.js';
import { serviceMessages } from './service.js';
import { tasksMessages } from './tasks.js';
import { transferMessages } from './transfer.js';

/**
 * Messages of the domain services and custom actions, one file per area so each area keeps its
 * words together. Keys are what BusinessRuleError.code and action notices carry; they must be
 * unique across areas.
 */
const areas: AreaMessages[] = [
  accessMessages, analysisMessages, contractsMessages, fuelCardsMessages, lifetimeValueMessages, marketingMessages, qualityMessages, salesMessages,
  serviceMessages, tasksMessages, transferMessages,
];

export function messagesFor(language: keyof AreaMessages): Record<string, string> {
  return Object.assign({}, ...areas.map((area) => area[language])) as Record<string, string>;
}
