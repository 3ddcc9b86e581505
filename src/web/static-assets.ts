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
  br?: Buffer;
  gzip?: Buffer;
}

export interface StaticAssetOptions {
  /** The URL path the handler is mounted at, e.g. '/admin/assets'. */
  urlPath: string;
  /** Compressed copies are kept here by content hash, so a restart does not compress again. */
  cacheDir: string;
  /**
   * Brotli quality 11 and gzip level 9 (smallest: ~5 s for AdminJS's production bundles, once per
   * version), or none: development bundles are ten times larger, rebuilt often and served locally.
   */
  compress: boolean;
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
  private readonly preparing = new Map<string, Promise<PreparedAsset>>();
  private readonly byName = new Map<string, PreparedAsset>();
  private readonly byFileName = new Map<string, PreparedAsset>();

  constructor(
    private readonly sources: AssetSource[],
    private readonly options: StaticAssetOptions,
  ) {}

  /**
   * Reads, hashes and compresses the named assets (all by default) once; later calls wait for the
   * same work. A page prepares only what it loads: the login page never waits for our bundle.
   */
  async prepare(names: string[] = this.sources.map((source) => source.name)): Promise<void> {
    await Promise.all(names.map((name) => this.prepareNamed(name)));
  }

  /** The hashed URL of an asset by its plain name; only after prepare(). */
  urlOf(name: string): string | undefined {
    const asset = this.byName.get(name);
    return asset && `${this.options.urlPath}/${asset.fileName}`;
  }

  readonly handler: RequestHandler = async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const fileName = req.path.replace(/^\//, '');
    // A page kept from before a restart asks for assets no page has named since.
    if (!this.byFileName.has(fileName) && this.byName.size < this.sources.length) await this.prepare().catch(() => undefined);
    const asset = this.byFileName.get(fileName);
    if (!asset) return next();
    // Brotli whenever the browser takes it: Chromium lists gzip first, and a tie goes to the first listed.
    const encoding = asset.br && req.acceptsEncodings('br') ? 'br' : asset.gzip && req.acceptsEncodings('gzip') ? 'gzip' : 'identity';
    const body = (encoding === 'br' ? asset.br : encoding === 'gzip' ? asset.gzip : undefined) ?? asset.identity;
    res.set({ 'Content-Type': asset.contentType, 'Cache-Control': IMMUTABLE, Vary: 'Accept-Encoding', 'Content-Length': String(body.length) });
    if (encoding !== 'identity') res.set('Content-Encoding', encoding);
    res.status(200).end(req.method === 'HEAD' ? undefined : body);
  };

  private prepareNamed(name: string): Promise<PreparedAsset> {
    const known = this.preparing.get(name);
    if (known) return known;
    const source = this.sources.find((candidate) => candidate.name === name);
    if (!source) return Promise.reject(new Error(`no asset named ${name}`));
    const work = this.prepareOne(source).then(
      (asset) => {
        this.byName.set(name, asset);
        this.byFileName.set(asset.fileName, asset);
        return asset;
      },
      (error: unknown) => {
        // A failed build (a component that does not compile) may be fixed and asked for again.
        this.preparing.delete(name);
        throw error;
      },
    );
    this.preparing.set(name, work);
    return work;
  }

  private async prepareOne(source: AssetSource): Promise<PreparedAsset> {
    const identity = await source.read();
    const hash = crypto.createHash('sha256').update(identity).digest('hex').slice(0, 12);
    const extension = path.extname(source.name);
    const fileName = `${source.name.slice(0, -extension.length)}.${hash}${extension}`;
    if (!this.options.compress) return { fileName, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', identity };
    const [br, gz] = await Promise.all([
      this.compressedCopy(`${hash}.br`, () =>
        brotli(identity, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
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
      await fs.mkdir(this.options.cacheDir, { recursive: true });
      // Written under a temporary name first: two instances starting together never read half a file.
      const partial = `${file}.${process.pid}.partial`;
      await fs.writeFile(partial, compressed);
      await fs.rename(partial, file);
      return compressed;
    }
  }
}
