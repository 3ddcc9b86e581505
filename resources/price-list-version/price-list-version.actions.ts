import type { ResourceOptions } from 'adminjs';
import { assertPriceVersionDraft } from '../../src/domain/pricing/price-edits.js';
import { publishPriceVersion } from '../../src/domain/pricing/publish-price-version.js';
import { recordsOf, ruleBefore } from '../shared/field-refusal.js';
import { recordWorkflow, visibleWhen } from '../workflow/workflow-action.js';

const isDraft = (params: Record<string, unknown>) => params.status === 'draft';
const onlyDraft = ruleBefore(async (_request, context) => {
  for (const record of recordsOf(context)) await assertPriceVersionDraft(Number(record.id()));
});

/** A version is prepared as a draft, then published (发布); published, its prices are history. */
export const priceListVersionActions: NonNullable<ResourceOptions['actions']> = {
  edit: { before: onlyDraft, isVisible: visibleWhen(isDraft) },
  delete: { before: onlyDraft, isVisible: visibleWhen(isDraft) },
  bulkDelete: { before: onlyDraft },
  publish: recordWorkflow({
    icon: 'Send',
    intro: 'publishPriceVersionPrompt',
    submit: 'publishPriceVersionButton',
    isVisible: isDraft,
    fieldErrorType: 'businessRule',
    run: async (id, { actor }) => {
      const { version, list, repriced } = await publishPriceVersion(actor, id);
      return {
        message: 'priceVersionPublishedNotice',
        options: { list: `${list.code} ${list.name}`, version: version.version_no, from: version.valid_from, lines: repriced.lines, orders: repriced.orders },
      };
    },
  }),
};
