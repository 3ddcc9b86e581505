import path from 'node:path';
import { ComponentLoader } from 'adminjs';
import { sourceFileOf } from '../src/project-root.js';

/**
 * Registers components by their source files also when the server runs compiled from dist/ (where
 * each registration computes its path next to the compiled code): AdminJS bundles the .tsx itself.
 */
class SourceComponentLoader extends ComponentLoader {
  override add(name: string, filePath: string, caller?: string): string {
    return super.add(name, sourceFileOf(filePath), caller);
  }

  override override(name: string, filePath: string, caller?: string): string {
    return super.override(name, sourceFileOf(filePath), caller);
  }
}

/** Every custom React component is registered here, once, by a name resources refer to. */
export const componentLoader = new SourceComponentLoader();

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
// AdminJS's user menu logs out with a GET link; ours POSTs, with the CSRF token.
componentLoader.override('LoggedIn', file('shared', 'components', 'logged-in.tsx'));
// Dates are days and times are on the business clock, picked in the user's language (calendar-picker.tsx).
componentLoader.override('DefaultDatetimeEditProperty', file('shared', 'components', 'date-edit.tsx'));
componentLoader.override('DefaultDatetimeFilterProperty', file('shared', 'components', 'date-filter.tsx'));
componentLoader.override('DefaultDatetimeListProperty', file('shared', 'components', 'date-value.tsx'));
componentLoader.override('DefaultDatetimeShowProperty', file('shared', 'components', 'date-value.tsx'));
