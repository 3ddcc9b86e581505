import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type AdminJS from 'adminjs';
import { Filter, SortSetter, ViewHelpers, flat, type ActionContext, type BaseResource } from 'adminjs';
import type { Model, ModelStatic } from 'sequelize';
import { accessOf, staffActor } from '../../src/access/authorisation/current-access.js';
import type { AccessProfile } from '../../src/access/authorisation/access-profile.js';
import { can } from '../../src/access/authorisation/can.js';
import type { StaffSession } from '../../src/access/authentication/staff-session.js';
import { fieldOfKey, isReadable } from '../../src/access/authorisation/field-policy.js';
import type { Language } from '../../src/i18n/translate.js';
import { translate } from '../../src/i18n/translate.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';
import { checkImport } from '../../src/domain/transfer/check-import.js';
import { commitImport } from '../../src/domain/transfer/commit-import.js';
import { writeImportTemplate } from '../../src/domain/transfer/import-template.js';
import { IMPORTERS } from '../../src/domain/transfer/importers.js';
import { duplicateModeOf } from '../../src/domain/transfer/duplicates.js';
import { wallClock } from '../../src/clock/business-clock.js';
import { describeColumns } from '../../src/domain/transfer/transfer-columns.js';
import { resourceLabel } from '../../src/domain/transfer/transfer-labels.js';
import { writeExport, type ExportFormat } from '../../src/domain/transfer/write-export.js';
import { importSlots, type ImportSlotOptions } from './import-slots.js';

/** Rows read per query of an export: one page in memory at a time. */
const EXPORT_PAGE_SIZE = 2000;
const MAX_UPLOAD_MB = 20;

interface Transfer {
  staff: StaffSession;
  profile: AccessProfile;
  resource: BaseResource;
  language: Language;
}

/**
 * Downloads and uploads of the panel's data, under /admin/transfer:
 *   GET  /:resourceId/export?format=csv|xlsx&filters.…&sortBy=…&direction=…   the list as a file
 *   GET  /:resourceId/import/template?format=csv|xlsx                          an empty file to fill
 *   POST /:resourceId/import/check?duplicates=skip|update   (the file as the body)   every row checked, JSON
 *   POST /:resourceId/import/commit?duplicates=skip|update  (the file again)         written, progress as NDJSON
 * Each asks the permission matrix first ('export' or 'import' on that resource); an upload then waits
 * for one of the few import slots (import-slots.ts) before its body is read. The file is sent
 * again for the commit rather than kept between the two requests, so any app instance can serve
 * either and nothing is left behind when the user walks away.
 */
export function createTransferRouter(admin: AdminJS, slots: ImportSlotOptions): express.Router {
  const router = express.Router();
  const upload = express.raw({ type: () => true, limit: `${MAX_UPLOAD_MB}mb` });
  // One queue for checks and commits: both read the whole file and check every row.
  const slot = importSlots(slots);
  router.get('/:resourceId/export', allowed(admin, 'export'), exportList(admin));
  router.get('/:resourceId/import/template', allowed(admin, 'import'), downloadTemplate);
  router.post('/:resourceId/import/check', allowed(admin, 'import'), slot, upload, checkUpload);
  router.post('/:resourceId/import/commit', allowed(admin, 'import'), slot, upload, commitUpload);
  router.use(uploadTooLarge);
  return router;
}

function allowed(admin: AdminJS, action: 'export' | 'import'): RequestHandler {
  return (req, res, next) => {
    const staff = req.session?.adminUser;
    const profile = accessOf(staff);
    if (!staff || !profile) return void res.status(401).json({ message: 'Not logged in' });
    const resourceId = String(req.params.resourceId);
    const resource = admin.resources.find((candidate) => candidate.id() === resourceId);
    if (!resource || (action === 'import' && !IMPORTERS.has(resourceId))) return void res.status(404).json({ message: 'Not found' });
    if (!can(profile, resourceId, action)) return forbid(res);
    const transfer: Transfer = { staff, profile, resource, language: languageOf(req, staff) };
    res.locals.transfer = transfer;
    next();
  };
}

/** The language the screen is in (the component says), else the employee's own. */
function languageOf(req: Request, staff: StaffSession): Language {
  const asked = req.query.lang;
  if (asked === 'zh-CN' || asked === 'en') return asked;
  return staff.locale === 'en' ? 'en' : 'zh-CN';
}

// ---- export -------------------------------------------------------------------------------------

interface ListQuery {
  sortBy?: string;
  direction?: 'asc' | 'desc';
  filters?: Record<string, unknown>;
}

/**
 * The list as the employee sees it: AdminJS's own Filter and sort defaults over the same resource
 * (so the same ILIKE, one-of and range filters and the same row scope), read page by page by
 * offset with the key breaking ties, so no row repeats or goes missing between pages. Columns are
 * every field of the record page the role may read, not only the list's few columns: an export is
 * the data interface to other systems, and it must carry what an import needs back.
 */
function exportList(admin: AdminJS): RequestHandler {
  return async (req, res, next) => {
    const { staff, profile, resource, language } = res.locals.transfer as Transfer;
    const resourceId = resource.id();
    const query = flat.unflatten<Record<string, unknown>, ListQuery>(req.query);
    const asked = [...Object.keys(query.filters ?? {}), ...(query.sortBy ? [query.sortBy] : [])].map(fieldOfKey);
    // Filtering or sorting on a field the role may not see would reveal it: refused, as on the list.
    if (!asked.every((field) => isReadable(profile, resourceId, field))) return forbid(res);

    const decorated = resource.decorate();
    const firstSortable = decorated.getListProperties().find((property) => property.isSortable());
    const sort = firstSortable ? SortSetter({ sortBy: query.sortBy, direction: query.direction }, firstSortable.name(), decorated.options) : undefined;
    const filter = new Filter(query.filters ?? {}, resource);
    const context = listContext(admin, resource, staff);
    const fields = decorated
      .getProperties({ where: 'show' })
      .map((property) => property.name())
      .filter((field) => isReadable(profile, resourceId, field));
    const columns = describeColumns(modelOf(resource), resourceId, fields, language);

    const pages = async function* () {
      for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
        const records = await resource.find(filter, { limit: EXPORT_PAGE_SIZE, offset, sort }, context);
        if (records.length > 0) yield records.map((record) => Object.fromEntries(columns.map(({ field }) => [field, record.get(field)])));
        if (records.length < EXPORT_PAGE_SIZE) return;
      }
    };

    const format: ExportFormat = req.query.format === 'csv' ? 'csv' : 'xlsx';
    const title = resourceLabel(resourceId, language);
    res.attachment(`${title}-${timestamp()}.${format}`);
    res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Cache-Control', 'no-store');
    try {
      await writeExport({ format, resourceId, title, columns, pages: pages(), profile, language }, res);
    } catch (error) {
      // Once the file has started, the only honest way to say "incomplete" is to cut the download short.
      if (res.headersSent) res.destroy();
      if (!isClosedByClient(error)) next(error);
    }
  };
}

/** The context AdminJS's API controller gives an action; the resource reads only `currentAdmin` (the row scope). */
function listContext(admin: AdminJS, resource: BaseResource, staff: StaffSession): ActionContext {
  const context = { resource, action: resource.decorate().actions.list, h: new ViewHelpers(admin), currentAdmin: staff, _admin: admin };
  return context;
}

function modelOf(resource: BaseResource): ModelStatic<Model> {
  return (resource as unknown as { SequelizeModel: ModelStatic<Model> }).SequelizeModel;
}

/** When the file was made, on the business clock: 20260301-0730. */
function timestamp(now = new Date()): string {
  const clock = wallClock(now);
  return `${clock.year}${clock.month}${clock.day}-${clock.hour}${clock.minute}`;
}

function isClosedByClient(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ERR_STREAM_DESTROYED' || code === 'ECONNRESET';
}

// ---- import -------------------------------------------------------------------------------------

const downloadTemplate: RequestHandler = async (req, res) => {
  const { profile, resource, language } = res.locals.transfer as Transfer;
  const format: ExportFormat = req.query.format === 'csv' ? 'csv' : 'xlsx';
  res.attachment(`${resourceLabel(resource.id(), language)}-${translate(language, 'importTemplateSheet')}.${format}`);
  res.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await writeImportTemplate(IMPORTERS.get(resource.id())!, profile, format, language, res);
};

function uploadedFile(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** Checks every row of the file and says what is wrong; writes nothing. */
const checkUpload: RequestHandler = async (req, res) => {
  const { profile, resource, language } = res.locals.transfer as Transfer;
  const { check } = await checkImport(IMPORTERS.get(resource.id())!, uploadedFile(req), profile, language, { duplicateMode: duplicateModeOf(req.query.duplicates) });
  res.json(check);
};

/**
 * Checks the file again and, only when every row passes, writes all of it in one transaction.
 * A refused file is answered 422 with its problems. Once writing starts, the answer is a stream
 * of JSON lines: {"type":"progress","written":500,"total":3000} … then {"type":"imported"} or
 * {"type":"failed"}. The progress travels on the request that does the work, so it needs no job
 * table and no sticky sessions however many app instances there are; a proxy in front must not
 * buffer it (X-Accel-Buffering) and must allow the request as long as the import takes. If the
 * browser goes away before the end, the transaction is rolled back: nothing is half-imported.
 */
const commitUpload: RequestHandler = async (req, res, next) => {
  const { profile, resource, language } = res.locals.transfer as Transfer;
  const cancel = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) cancel.abort();
  });
  const send = (event: Record<string, unknown>) => {
    if (!res.headersSent) {
      res.status(200).type('application/x-ndjson').setHeader('Cache-Control', 'no-store').setHeader('X-Accel-Buffering', 'no');
      res.flushHeaders();
    }
    res.write(`${JSON.stringify(event)}\n`);
  };
  try {
    const outcome = await commitImport(IMPORTERS.get(resource.id())!, uploadedFile(req), {
      profile,
      actor: staffActor(req.session.adminUser),
      language,
      fileName: typeof req.query.file === 'string' ? req.query.file.slice(0, 200) : 'upload',
      onProgress: (written, total) => send({ type: 'progress', written, total }),
      signal: cancel.signal,
      duplicateMode: duplicateModeOf(req.query.duplicates),
    });
    if (outcome.status === 'refused') return void res.status(422).json(outcome.check);
    const { created, updated, skipped } = outcome;
    const message = updated + skipped > 0 ? translate(language, 'importDoneWithDuplicates', { created, updated, skipped }) : translate(language, 'importDone', { count: outcome.count });
    send({ type: 'imported', count: outcome.count, created, updated, skipped, message });
    res.end();
  } catch (error) {
    if (cancel.signal.aborted) return;
    const refusal = error instanceof BusinessRuleError ? { code: error.code, message: translate(language, error.code, error.params) } : undefined;
    if (!res.headersSent) return refusal ? void res.status(409).json(refusal) : next(error);
    send({ type: 'failed', ...(refusal ?? { code: 'importFailed', message: translate(language, 'importFailed') }) });
    res.end();
    if (!refusal) next(error);
  }
};

const uploadTooLarge: ErrorRequestHandler = (error, req, res, next) => {
  if ((error as { type?: string }).type !== 'entity.too.large') return next(error);
  const language = (res.locals.transfer as Transfer | undefined)?.language ?? 'zh-CN';
  res.status(413).json({ code: 'importUploadTooLarge', message: translate(language, 'importUploadTooLarge', { max: MAX_UPLOAD_MB }) });
};

function forbid(res: Response): void {
  res.status(403).json({ message: 'Forbidden', notice: { message: 'forbiddenError', type: 'error' } });
}
