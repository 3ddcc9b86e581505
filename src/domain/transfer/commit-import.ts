import { AuditLog } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import type { Language } from '../../i18n/translate.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { checkImport, type ImportCheck } from './check-import.js';
import type { Importer } from './importer.js';

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
}

export type ImportOutcome = { status: 'refused'; check: ImportCheck } | { status: 'imported'; count: number; check: ImportCheck };

/**
 * Imports a file all or nothing: in one transaction, every row is checked again (the table may
 * have changed since the preview) and, only if none has a problem, every row is written with its
 * audit entry, plus one entry for the import itself. A unique code taken meanwhile by someone else
 * rolls everything back.
 */
export async function commitImport(importer: Importer, content: Buffer, options: CommitOptions): Promise<ImportOutcome> {
  const sequelize = AuditLog.sequelize!;
  try {
    return await sequelize.transaction(async (transaction) => {
      const { check, rows } = await checkImport(importer, content, options.profile, options.language, transaction);
      if (check.problemCount > 0) return { status: 'refused', check };
      options.signal?.throwIfAborted();
      await importer.write(rows, {
        profile: options.profile,
        actor: options.actor,
        transaction,
        progress: (written) => {
          options.signal?.throwIfAborted();
          options.onProgress?.(written, rows.length);
        },
      });
      await recordAudit(
        options.actor,
        { action: 'import', resource: importer.resourceId, recordId: null, details: { file: options.fileName, format: check.format, rows: rows.length } },
        transaction,
      );
      return { status: 'imported', count: rows.length, check };
    });
  } catch (error) {
    throw uniqueTakenMeanwhile(error) ?? error;
  }
}

function uniqueTakenMeanwhile(error: unknown): BusinessRuleError | undefined {
  const code = (error as { parent?: { code?: string } } | null)?.parent?.code;
  return code === '23505' ? new BusinessRuleError('importChangedMeanwhile') : undefined;
}
