import { AuditLog } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import type { Language } from '../../i18n/translate.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { checkImport, type ImportCheck } from './check-import.js';
import type { DuplicateMode } from './duplicates.js';
import type { ImportCounts, Importer } from './importer.js';
import { translate } from '../../i18n/translate.js';

export interface CommitOptions {
  profile: AccessProfile;
  actor: Actor;
  language: Language;
  /** The uploaded file's name, for the audit log. */
  fileName: string;
  /** Called as rows are written: how many so far, of how many. */
  onProgress?: (written: number, total: number) => void;
  /** Aborted (the browser went away): the transaction rolls back, nothing is written. */
  signal?: AbortSignal;
  /** What to do with rows that are records already; a file with such rows is refused without a choice. */
  duplicateMode?: DuplicateMode;
}

export type ImportOutcome = { status: 'refused'; check: ImportCheck } | ({ status: 'imported'; count: number; check: ImportCheck } & ImportCounts);

/**
 * Imports a file all or nothing: in one transaction, every row is checked again (the table may
 * have changed since the preview) and, only if none has a problem, every row is written with its
 * audit entry, plus one entry for the import itself. A unique code taken meanwhile by someone else
 * rolls everything back. Rows that are records already are skipped or update them, as chosen.
 */
export async function commitImport(importer: Importer, content: Buffer, options: CommitOptions): Promise<ImportOutcome> {
  const sequelize = AuditLog.sequelize!;
  try {
    return await sequelize.transaction(async (transaction) => {
      const { check, rows } = await checkImport(importer, content, options.profile, options.language, { transaction, duplicateMode: options.duplicateMode });
      if (check.problemCount > 0) return { status: 'refused', check };
      if (check.duplicateCount > 0 && !options.duplicateMode) return { status: 'refused', check: withChoiceAsked(check, options.language) };
      options.signal?.throwIfAborted();
      const counts = await importer.write(rows, {
        profile: options.profile,
        actor: options.actor,
        transaction,
        duplicates: check.duplicates,
        duplicateMode: options.duplicateMode,
        progress: (written) => {
          options.signal?.throwIfAborted();
          options.onProgress?.(written, rows.length);
        },
      });
      await recordAudit(
        options.actor,
        { action: 'import', resource: importer.resourceId, recordId: null, details: { file: options.fileName, format: check.format, rows: rows.length, ...counts } },
        transaction,
      );
      return { status: 'imported', count: rows.length, check, ...(counts ?? { created: rows.length, updated: 0, skipped: 0 }) };
    });
  } catch (error) {
    throw uniqueTakenMeanwhile(error) ?? error;
  }
}

/** The file is clean, but it names records that exist: the employee must say whether to skip or update them. */
function withChoiceAsked(check: ImportCheck, language: CommitOptions['language']): ImportCheck {
  const code = 'importChooseDuplicateMode';
  const problem = { row: null, field: null, column: null, code, params: { count: check.duplicateCount }, message: translate(language, code, { count: check.duplicateCount }) };
  return { ...check, problemCount: 1, problems: [problem] };
}

function uniqueTakenMeanwhile(error: unknown): BusinessRuleError | undefined {
  const code = (error as { parent?: { code?: string } } | null)?.parent?.code;
  return code === '23505' ? new BusinessRuleError('importChangedMeanwhile') : undefined;
}
