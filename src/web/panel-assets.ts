import fs from 'node:fs/promises';
import path from 'node:path';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import AdminJS, { AppController, Router, type AdminJSOptions } from 'adminjs';
import { sourceFileOf } from '../project-root.js';
import { StaticAssets, type AssetSource } from './static-assets.js';

/** AdminJS's own bundles, in the order its pages load them. */
const ADMINJS_BUNDLES = ['global.bundle.js', 'design-system.bundle.js', 'app.bundle.js'];
const COMPONENTS_BUNDLE = 'components.bundle.js';
// Not compiled: read from the sources when the server runs from dist/.
const PANEL_STYLESHEET = 'panel.css';

/**
 * What the panel's look adds to AdminJS's options: our stylesheet (phones, the header) through
 * AdminJS's `assets`, and the system's Chinese fonts instead of Roboto, which AdminJS would fetch
 * from Google. Nothing is downloaded for text: every laptop and phone in China has one of these.
 */
export function panelLook(rootPath: string): Pick<AdminJSOptions, 'assets'> & { theme: Theme } {
  return {
    assets: { styles: [`${rootPath}/assets/${PANEL_STYLESHEET}`] },
    // AdminJS types every theme entry as a record, though `font` is one string (and used as one).
    theme: { font: SYSTEM_FONTS } as unknown as Theme,
  };
}

const SYSTEM_FONTS =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

type Theme = NonNullable<Exclude<AdminJSOptions['branding'], ((...args: never[]) => unknown) | undefined>['theme']>;

export interface PanelAssets {
  assets: StaticAssets;
  /** Compression for every answer, the hashed assets, and AdminJS's pages pointed at them. */
  mount(app: express.Express): void;
}

/**
 * AdminJS's pages, our stylesheet and the bundle of our components, served from the panel's own
 * origin under hashed names with a year's cache, brotli- or gzip-compressed.
 *
 * AdminJS has no option for either part of its page head we change: its login and app layouts
 * hard-code a Google Fonts stylesheet (render-blocking, and it hangs in mainland China) and
 * unversioned script paths (`assetsCDN` versions them only with an absolute origin and a per-start
 * timestamp). So its pages are rewritten on their way out; everything else is AdminJS's as it is.
 */
export function createPanelAssets(admin: AdminJS, { cacheDir, production }: { cacheDir: string; production: boolean }): PanelAssets {
  const rootPath = admin.options.rootPath;
  const sources: Array<AssetSource & { plainUrl: string }> = [
    ...ADMINJS_BUNDLES.map((name) => ({ name, plainUrl: `${rootPath}/frontend/assets/${name}`, read: () => fs.readFile(adminjsAsset(name)) })),
    // AdminJS's own way to the bundle: built at start in production, on first need otherwise.
    { name: COMPONENTS_BUNDLE, plainUrl: `${rootPath}/frontend/assets/${COMPONENTS_BUNDLE}`, read: () => componentsBundle(admin) },
    { name: PANEL_STYLESHEET, plainUrl: `${rootPath}/assets/${PANEL_STYLESHEET}`, read: () => fs.readFile(sourceFileOf(path.join(import.meta.dirname, PANEL_STYLESHEET))) },
  ];
  const assetsPath = `${rootPath}/assets`;
  const assets = new StaticAssets(sources, { urlPath: assetsPath, cacheDir, compress: production });

  const componentsUrl = `${rootPath}/frontend/assets/${COMPONENTS_BUNDLE}`;
  const sourceOf = (url: string) => sources.find((candidate) => candidate.plainUrl === url);
  const hashedUrlOf = (url: string) => {
    const source = sourceOf(url);
    return source && assets.urlOf(source.name);
  };

  return {
    assets,
    mount(app) {
      // Pages and API answers are compressed as they go; the assets were compressed once, or are
      // development bundles served uncompressed on the developer's own machine.
      app.use(compression({ filter: (req, res) => !req.path.startsWith(`${assetsPath}/`) && compression.filter(req, res) }));
      app.use(assetsPath, assets.handler);
      // The login page draws nothing of ours unless Login itself is overridden: it goes without our bundle.
      const loginNeedsComponents = 'Login' in admin.componentLoader.getComponents();
      const loginPath = admin.options.loginPath.slice(rootPath.length);
      app.use(rootPath, pointPagesAtAssets({
        assetOf: (url) => sourceOf(url)?.name,
        prepare: (names) => assets.prepare(names),
        hashedUrlOf: (url, page) => (!loginNeedsComponents && page === loginPath && url === componentsUrl ? null : hashedUrlOf(url)),
      }));
    },
  };
}

/** Any stylesheet or script of another origin: a page of the panel must never wait on one. */
const FOREIGN_LINK = /<link\b[^>]*\bhref="(?:https?:)?\/\/[^"]*"[^>]*>\s*/gi;
const ASSET_REFERENCE = /\b(src|href)="([^"]+)"/g;
const SCRIPT = /<script src="([^"]+)"><\/script>\s*/g;

/**
 * AdminJS's HTML pages (login, app layout) with hashed asset URLs and nothing from another origin;
 * a script the page does not need (`null` for its URL) is left out.
 * Only a page waits for the assets to be ready (the first one after a start); API calls never do.
 */
interface PageAssets {
  /** The asset a URL of AdminJS's page names, if it is one of ours to serve. */
  assetOf: (url: string) => string | undefined;
  prepare: (names: string[]) => Promise<void>;
  /** The hashed URL for a plain one on that page; null leaves the script out. */
  hashedUrlOf: (url: string, page: string) => string | null | undefined;
}

function pointPagesAtAssets({ assetOf, prepare, hashedUrlOf }: PageAssets): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body !== 'string' || !/^\s*<!DOCTYPE html>/i.test(body)) return send(body);
      const page = body.replace(FOREIGN_LINK, '').replace(SCRIPT, (whole, url: string) => (hashedUrlOf(url, req.path) === null ? '' : whole));
      const needed = [...page.matchAll(ASSET_REFERENCE)].map(([, , url]) => assetOf(url)).filter((name): name is string => name !== undefined);
      prepare(needed).then(() => {
        // The page names this version's assets: it is checked again every time, they never are.
        res.set('Cache-Control', 'no-cache');
        send(page.replace(ASSET_REFERENCE, (whole, attribute: string, url: string) => {
          const hashed = hashedUrlOf(url, req.path);
          return hashed ? `${attribute}="${hashed}"` : whole;
        }));
      }, next);
      return res;
    };
    next();
  };
}

function adminjsAsset(name: string): string {
  const asset = Router.assets.find((candidate) => candidate.path === `/frontend/assets/${name}`);
  if (!asset) throw new Error(`AdminJS serves no ${name}: its router changed`);
  return asset.src;
}

async function componentsBundle(admin: AdminJS): Promise<Buffer> {
  const bundle = await new AppController({ admin }, undefined).bundleComponents();
  if (bundle === null) throw new Error('AdminJS built no component bundle');
  return Buffer.from(bundle);
}
