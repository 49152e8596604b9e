/**
 * /api/admin/* — register uploads and imports, data set versions, templates (admin only). HTTP
 * only: the work is in services/imports*.ts. Every upload (accepted or refused), import,
 * cancellation, rejected-rows download, activation and template download is written to the
 * audit log, and the answer waits for the entry.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { MAX_UPLOAD_BYTES, REGISTER_MEDIA_TYPES, type DownloadFormat, type RegisterFormat, type RegisterKind } from '#contract';
import { ENDPOINTS } from '#contract/api';
import { ApiError } from '../errors';
import type { AppEnv } from '../http/app-env';
import { audited as auditedAnswer } from '../http/middleware/audit';
import { defineRoute } from '../http/route';
import { Templates } from '../services/imports-templates';
import { activate, versionsOf } from '../services/imports-versions';
import type { RouteDeps } from './deps';

const FORMAT_OF_MEDIA = new Map<string, RegisterFormat>(Object.entries(REGISTER_MEDIA_TYPES).map(([format, media]) => [media, format as RegisterFormat]));
const DOWNLOAD_MEDIA: Record<DownloadFormat, string> = { xlsx: REGISTER_MEDIA_TYPES.xlsx, csv: 'text/csv; charset=utf-8' };
/** File names of the templates, as the province's registers are called. */
const TEMPLATE_NAMES: Record<RegisterKind, string> = { groups: 'to-lien-gia', models: 'mo-hinh-4-an-toan', tips: 'nguon-tin', events: 'ket-qua' };

/** What a handler adds to its audit entry (the upload id it made, how an import was asked for). */
const auditDetails = new WeakMap<Request, Record<string, string>>();
const noteForAudit = (c: Context<AppEnv>, params: Record<string, string>) => auditDetails.set(c.req.raw, { ...auditDetails.get(c.req.raw), ...params });

/** "Báo cáo nhập.xlsx" → "Bao cao nhap.xlsx": the plain name for clients that ignore filename*. */
const asciiName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|"/g, '_');

function download(body: BodyInit, filename: string, format: DownloadFormat): Response {
  return new Response(body, {
    headers: {
      'Content-Type': DOWNLOAD_MEDIA[format],
      'Content-Disposition': `attachment; filename="${asciiName(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
    },
  });
}

const sessionUser = (c: Context<AppEnv>) => c.get('session')!.username;

export function adminRoutes(deps: RouteDeps) {
  const templates = new Templates();

  /** Writes `action` (`<action>_refused` for an error answer) with the route's parameters and the handler's details. */
  const audited = (action: string): MiddlewareHandler<AppEnv> =>
    auditedAnswer(deps.audit, action, (c) => ({
      action: c.res.status >= 400 ? `${action}_refused` : action,
      params: { ...c.req.param(), ...c.req.query(), ...auditDetails.get(c.req.raw) },
    }));
  const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'no-store');
  /**
   * A refused upload is answered before its body is read to the end: the connection is closed
   * after the answer, so the client does not send its next request into the rest of the file.
   */
  const closeWhenRefused: MiddlewareHandler<AppEnv> = async function closeWhenRefused(c, next) {
    await next();
    if (c.res.status >= 400) c.res.headers.set('Connection', 'close');
  };

  return [
    defineRoute(ENDPOINTS.uploadRegister, [audited('import.upload'), closeWhenRefused], async (c, { query }) => {
      const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      noteForAudit(c, { media_type: media, bytes: c.req.header('content-length') ?? '' });
      const format = FORMAT_OF_MEDIA.get(media);
      if (!format) {
        throw new ApiError(415, 'unsupported_media_type', `Send the register with its media type: ${[...FORMAT_OF_MEDIA.keys()].join(', ')}; got "${media}".`, {
          allowed: [...FORMAT_OF_MEDIA.keys()],
        });
      }
      const upload = await deps.imports.receive({ ...query, format, by: sessionUser(c), body: c.req.raw.body, maxBytes: MAX_UPLOAD_BYTES });
      noteForAudit(c, { upload: upload.id, bytes: String(upload.bytes), filename: upload.filename });
      c.header('Location', `/api/admin/uploads/${upload.id}`);
      noStore(c);
      return c.json(upload, 202);
    }),
    defineRoute(ENDPOINTS.listUploads, [], (c) => {
      noStore(c);
      return { uploads: deps.imports.list() };
    }),
    defineRoute(ENDPOINTS.getUpload, [], (c, { params }) => {
      noStore(c);
      return deps.imports.get(params.id);
    }),
    defineRoute(ENDPOINTS.getRejectedRows, [audited('import.rejected_rows')], async (_c, { params, query }) => {
      const format = query.format ?? 'xlsx';
      const { file, filename } = await deps.imports.rejectedRows(params.id, format);
      return download(Readable.toWeb(createReadStream(file)) as ReadableStream, filename, format);
    }),
    defineRoute(ENDPOINTS.importUpload, [audited('import.commit')], (c, { params, body }) => {
      noteForAudit(c, { accept_valid: String(body.accept_valid) });
      noStore(c);
      return c.json(deps.imports.commit(params.id, body.accept_valid, sessionUser(c)), 202);
    }),
    defineRoute(ENDPOINTS.cancelUpload, [audited('import.cancel')], async (c, { params }) => {
      await deps.imports.remove(params.id);
      return c.body(null, 204);
    }),
    defineRoute(ENDPOINTS.listVersions, [], (c) => {
      noStore(c);
      return { versions: versionsOf(deps.config.dataDir, deps.holder) };
    }),
    defineRoute(ENDPOINTS.activateVersion, [audited('version.activate')], async (c, { params }) => {
      if (deps.imports.importing()) throw new ApiError(409, 'import_running', 'An import is running; activate a version when it is done.');
      noStore(c);
      return activate(deps.config.dataDir, deps.holder, params.version, sessionUser(c));
    }),
    defineRoute(ENDPOINTS.getTemplate, [audited('template.download')], async (_c, { params, query }) => {
      const format = query.format ?? 'xlsx';
      const bytes = await templates.get(params.kind, format);
      return download(Uint8Array.from(bytes), `mau-${TEMPLATE_NAMES[params.kind]}.${format}`, format);
    }),
  ];
}
