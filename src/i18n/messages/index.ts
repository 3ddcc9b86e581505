import type { AreaMessages } from './area-messages.js';
import { accessMessages } from './access.js';
import { analysisMessages } from './analysis.js';
import { creditMessages } from './credit.js';
import { marketingMessages } from './marketing.js';
import { pricingMessages } from './pricing.js';
import { salesMessages } from './sales.js';
import { serviceMessages } from './service.js';
import { targetsMessages } from './targets.js';
import { tasksMessages } from './tasks.js';
import { transferMessages } from './transfer.js';

/**
 * Messages of the domain services and custom actions, one file per area so each area keeps its
 * words together. Keys are what BusinessRuleError.code and action notices carry; they must be
 * unique across areas.
 */
const areas: AreaMessages[] = [
  accessMessages, analysisMessages, creditMessages, marketingMessages, pricingMessages, salesMessages, serviceMessages, targetsMessages, tasksMessages,
  transferMessages,
];

export function messagesFor(language: keyof AreaMessages): Record<string, string> {
  return Object.assign({}, ...areas.map((area) => area[language])) as Record<string, string>;
}
