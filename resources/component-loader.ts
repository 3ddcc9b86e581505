import path from 'node:path';
import { ComponentLoader } from 'adminjs';

/** Every custom React component is registered here, once, by a name resources refer to. */
export const componentLoader = new ComponentLoader();

const file = (...parts: string[]) => path.join(import.meta.dirname, ...parts);

/** The components of the resource screens, by the names resource options refer to. */
export const Components = {
  CodeValue: componentLoader.add('CodeValue', file('shared', 'components', 'code-value.tsx')),
  MoneyValue: componentLoader.add('MoneyValue', file('shared', 'components', 'money-value.tsx')),
  QuantityValue: componentLoader.add('QuantityValue', file('shared', 'components', 'quantity-value.tsx')),
  RelatedListsShow: componentLoader.add('RelatedListsShow', file('shared', 'components', 'related-lists-show.tsx')),
  AuditValue: componentLoader.add('AuditValue', file('audit-log', 'components', 'audit-value.tsx')),
  AuditChanges: componentLoader.add('AuditChanges', file('audit-log', 'components', 'audit-changes.tsx')),
};

// AdminJS's reference select prints its error untranslated; the override also words every select in the user's language.
componentLoader.override('DefaultReferenceEditProperty', file('shared', 'components', 'reference-edit.tsx'));

// Lists read the lean list API: an estimated total shows as "约 N", the next page continues by keyset.
componentLoader.override('DefaultListAction', file('shared', 'components', 'lean-list.tsx'));
