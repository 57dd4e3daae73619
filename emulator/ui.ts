// The add-on Ui: menus (createAddonMenu/createMenu → addItem/addSeparator/addSubMenu/addToUi), sidebar and dialogs, alerts (recorded, answered OK) and its Button/ButtonSet enums.
import type { Ctx } from './ctx';
import { UiEnums } from './enums';
import { HtmlOutput } from './html';
import { Emulated } from './not-emulated';

type GMenu = GoogleAppsScript.Base.Menu;
type GUi = GoogleAppsScript.Base.Ui;

type MenuItem = { label: string; fn: string } | 'separator';

export class Menu extends Emulated implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly _cls = 'Menu';
  readonly _items: MenuItem[] = [];
  constructor(
    readonly _ctx: Ctx,
    readonly _title: string,
    readonly _addon: boolean,
  ) {
    super();
  }
  addItem(caption: string, functionName: string): GMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw new Error("The parameters don't match the method signature for Ui.Menu.addItem.");
    this._items.push({ label: caption, fn: functionName });
    return this as unknown as GMenu;
  }
  addSeparator(): GMenu {
    this._items.push('separator');
    return this as unknown as GMenu;
  }
  /** Sub-menus are flattened into the record as "Sub ▸ Item" labels. */
  addSubMenu(menu: GMenu): GMenu {
    if (!(menu instanceof Menu)) throw new Error('Invalid argument: menu');
    for (const it of menu._items) this._items.push(it === 'separator' ? it : { label: `${menu._title} ▸ ${it.label}`, fn: it.fn });
    return this as unknown as GMenu;
  }
  /** Adding a menu with the same title replaces it, as re-running onOpen does in Sheets. */
  addToUi(): void {
    const rec = { title: this._title, items: this._items.map((i) => (i === 'separator' ? i : { ...i })) };
    const menus = this._ctx.ui.menus;
    const i = menus.findIndex((m) => m.title === rec.title);
    if (i >= 0) menus[i] = rec;
    else menus.push(rec);
  }
}

type UiMethods = 'alert' | 'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog';

export class Ui extends Emulated implements Pick<GUi, UiMethods> {
  readonly _cls = 'Ui';
  readonly Button = UiEnums.Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = UiEnums.ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  constructor(readonly _ctx: Ctx) {
    super();
  }
  createAddonMenu(): GMenu {
    return new Menu(this._ctx, this._ctx.addonMenuTitle, true) as unknown as GMenu;
  }
  createMenu(caption: string): GMenu {
    return new Menu(this._ctx, String(caption), false) as unknown as GMenu;
  }
  private html(userInterface: unknown): HtmlOutput {
    if (!(userInterface instanceof HtmlOutput)) throw new Error('Invalid argument: userInterface (expected an HtmlOutput)');
    return userInterface;
  }
  private interactive(what: string): void {
    const m = this._ctx.mode;
    if (m.kind === 'trigger' && m.authMode !== 'FULL') throw new Error(`You do not have permission to call Ui.${what} from a simple trigger.`);
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.interactive('showSidebar');
    const h = this.html(userInterface);
    this._ctx.ui.sidebar = { title: h._title, html: h._content };
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.interactive('showModalDialog');
    this._ctx.ui.dialogs.push({ title: String(title), html: this.html(userInterface)._content, modal: true });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.interactive('showModelessDialog');
    this._ctx.ui.dialogs.push({ title: String(title), html: this.html(userInterface)._content, modal: false });
  }
  /** Records the text and answers as a person pressing the first button would (OK, or YES). */
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    this.interactive('alert');
    let title = '';
    let prompt = a;
    let buttons: unknown = b;
    if (typeof b === 'string') {
      title = a;
      prompt = b;
      buttons = c;
    }
    this._ctx.ui.alerts.push(title ? `${title}: ${prompt}` : String(prompt));
    const set = buttons === undefined ? 'OK' : String(buttons);
    return (set.startsWith('YES') ? UiEnums.Button.YES : UiEnums.Button.OK) as unknown as GoogleAppsScript.Base.Button;
  }
}
