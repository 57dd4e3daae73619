// The add-on Ui: menus (createAddonMenu/createMenu → addItem/addSeparator/addSubMenu/addToUi), sidebar and dialogs, alerts (recorded, answered with the first button or an answer a test queued) and its Button/ButtonSet enums.
import type { Ctx } from './ctx';
import { UiEnums } from './enums';
import { HtmlOutput } from './html';
import { Emulated, enumKey } from './not-emulated';

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

/** The buttons each ButtonSet shows, first button first. */
const BUTTONS: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] };

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
  /**
   * Records the text and answers with the next answer queued in ui.answers (a test scripting the person), else as a person
   * pressing the first button would (OK, or YES). An answer the button set does not offer throws, as no person could press it.
   * Source: https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)
   */
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
    const set = buttons === undefined ? 'OK' : enumKey(buttons);
    const offered = BUTTONS[set];
    if (!offered) throw new Error(`Invalid argument: buttons (expected a Ui.ButtonSet; got ${set})`);
    const queued = this._ctx.ui.answers.shift();
    // The close box (×) is always there: CLOSE is a possible answer to any set.
    if (queued !== undefined && queued !== 'CLOSE' && !offered.includes(queued))
      throw new Error(`The queued answer ${queued} is not a button of ButtonSet.${set} (${offered.join(', ')}); queue one of those or CLOSE.`);
    const answer = queued ?? offered[0];
    return UiEnums.Button[answer as keyof typeof UiEnums.Button] as unknown as GoogleAppsScript.Base.Button;
  }
}
