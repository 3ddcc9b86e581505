import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A script or stylesheet the panel's pages load, by the name AdminJS's pages ask for it. */
export interface AssetSource {
  /** e.g. 'app.bundle.js'. */
  name: string;
  read(): Promise<Buffer>;
}

interface PreparedAsset {
  /** e.g. 'app.bundle.3f9a0c1d2e.js': the content's hash is in the name, so it never goes stale. */
  fileName: string;
  contentType: string;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

export interface StaticAssetOptions {
  /** The URL path the handler is mounted at, e.g. '/admin/assets'. */
  urlPath: string;
  /** Compressed copies are kept here by content hash, so a restart does not compress again. */
  cacheDir: string;
  /** 11 (smallest, ~5 s for AdminJS's production bundles, once per version) or lower where speed matters more. */
  brotliQuality: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A year: a hashed name changes whenever the content does, so the browser never asks again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The panel's scripts and styles under names that carry their content's hash, compressed once with
 * brotli and gzip, and served with a year's cache lifetime. A browser on a branch network downloads
 * each version once, compressed, and after that loads a page without asking for any of them.
 */
export class StaticAssets {
  private prepared?: Promise<Map<string, PreparedAsset>>;
  private byName = new Map<string, PreparedAsset>();
  private byFileName = new Map<string, PreparedAsset>();

  constructor(
    private readonly sources: AssetSource[],
    private readonly options: StaticAssetOptions,
  ) {}

  /** Reads, hashes and compresses every asset once; later calls wait for the same work. */
  prepare(): Promise<Map<string, PreparedAsset>> {
    this.prepared ??= this.prepareAll().catch((error: unknown) => {
      // A failed build (a component that does not compile) may be fixed and asked for again.
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  /** The hashed URL of an asset by its plain name; only after prepare(). */
  urlOf(name: string): string | undefined {
    const asset = this.byName.get(name);
    return asset && `${this.options.urlPath}/${asset.fileName}`;
  }

  readonly handler: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const fileName = req.path.replace(/^\//, '');
    // A page kept from before a restart asks for its assets before any page is drawn again.
    if (!this.byFileName.has(fileName) && this.byName.size === 0) await this.prepare().catch(() => undefined);
    const asset = this.byFileName.get(fileName);
    if (!asset) return next();
    // Brotli whenever the browser takes it: Chromium lists gzip first, and a tie goes to the first listed.
    const encoding = req.acceptsEncodings('br') ? 'br' : req.acceptsEncodings('gzip') ? 'gzip' : 'identity';
    const body = encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : asset.identity;
    res.set({ 'Content-Type': asset.contentType, 'Cache-Control': IMMUTABLE, Vary: 'Accept-Encoding', 'Content-Length': String(body.length) });
    if (encoding === 'br' || encoding === 'gzip') res.set('Content-Encoding', encoding);
    res.status(200).end(req.method === 'HEAD' ? undefined : body);
  };

  private async prepareAll(): Promise<Map<string, PreparedAsset>> {
    await fs.mkdir(this.options.cacheDir, { recursive: true });
    const assets = await Promise.all(this.sources.map((source) => this.prepareOne(source)));
    this.byName = new Map(assets.map((asset, index) => [this.sources[index].name, asset]));
    this.byFileName = new Map(assets.map((asset) => [asset.fileName, asset]));
    return this.byName;
  }

  private async prepareOne(source: AssetSource): Promise<PreparedAsset> {
    const identity = await source.read();
    const hash = crypto.createHash('sha256').update(identity).digest('hex').slice(0, 12);
    const extension = path.extname(source.name);
    const fileName = `${source.name.slice(0, -extension.length)}.${hash}${extension}`;
    const [br, gz] = await Promise.all([
      this.compressedCopy(`${hash}.q${this.options.brotliQuality}.br`, () =>
        brotli(identity, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: this.options.brotliQuality,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
          },
        }),
      ),
      this.compressedCopy(`${hash}.gz`, () => gzip(identity, { level: zlib.constants.Z_BEST_COMPRESSION })),
    ]);
    return { fileName, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', identity, br, gzip: gz };
  }

  private async compressedCopy(cacheName: string, compress: () => Promise<Buffer>): Promise<Buffer> {
    const file = path.join(this.options.cacheDir, cacheName);
    try {
      return await fs.readFile(file);
    } catch {
      const compressed = await compress();
      // Written under a temporary name first: two instances starting together never read half a file.
      const partial = `${file}.${process.pid}.partial`;
      await fs.writeFile(partial, compressed);
      await fs.rename(partial, file);
      return compressed;
    }
  }
}
