// HtmlService: createHtmlOutputFromFile reads dist/<name>.html (missing file throws like Apps Script), createHtmlOutput, and HtmlOutput's title/size/content.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from './ctx';
import { HtmlEnums } from './enums';
import { Emulated } from './not-emulated';

type GOut = GoogleAppsScript.HTML.HtmlOutput;

export class HtmlOutput extends Emulated implements Pick<GOut, 'setTitle' | 'getTitle' | 'getContent' | 'setContent' | 'append' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag' | 'setFaviconUrl'> {
  readonly _cls = 'HtmlOutput';
  _title = '';
  _width = 300;
  _height = 0;
  constructor(public _content: string) {
    super();
  }
  private self(): GOut {
    return this as unknown as GOut;
  }
  setTitle(title: string): GOut {
    this._title = String(title);
    return this.self();
  }
  getTitle(): string {
    return this._title;
  }
  getContent(): string {
    return this._content;
  }
  setContent(content: string): GOut {
    this._content = String(content);
    return this.self();
  }
  append(addedContent: string): GOut {
    this._content += String(addedContent);
    return this.self();
  }
  setWidth(width: number): GOut {
    this._width = width;
    return this.self();
  }
  getWidth(): number {
    return this._width;
  }
  setHeight(height: number): GOut {
    this._height = height;
    return this.self();
  }
  getHeight(): number {
    return this._height;
  }
  /** Has no effect in Apps Script any more (only IFRAME exists). */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): GOut {
    return this.self();
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): GOut {
    return this.self();
  }
  addMetaTag(name: string, content: string): GOut {
    if (!['apple-mobile-web-app-capable', 'mobile-web-app-capable', 'viewport'].includes(name)) throw new Error(`Invalid argument: name (${name})`);
    void content;
    return this.self();
  }
  setFaviconUrl(_iconUrl: string): GOut {
    return this.self();
  }
}

export class HtmlService extends Emulated implements Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'> {
  readonly _cls = 'HtmlService';
  readonly SandboxMode = HtmlEnums.SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = HtmlEnums.XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  constructor(readonly _ctx: Ctx) {
    super();
  }
  createHtmlOutput(html?: unknown): GOut {
    if (html !== undefined && typeof html !== 'string') throw new Error('not emulated: HtmlService.createHtmlOutput(BlobSource)');
    return new HtmlOutput(html ?? '') as unknown as GOut;
  }
  /** Reads the pushed file dist/<name>.html ("Sidebar" or "Sidebar.html"). */
  createHtmlOutputFromFile(filename: string): GOut {
    const base = String(filename).replace(/\.html$/, '');
    const file = path.join(this._ctx.distDir, `${base}.html`);
    if (base.includes('/') || base.includes('\\') || !fs.existsSync(file)) throw new Error(`No HTML file named ${base} was found.`);
    return new HtmlOutput(fs.readFileSync(file, 'utf8')) as unknown as GOut;
  }
}
