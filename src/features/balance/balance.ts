// `oneOnOne.showBalance { person? }`: what the last `oneOnOne.balanceWindow`
// 1:1s with a person were about, as a webview panel — one per person, kept
// current as the journal or the setting changes. The panel runs no script:
// the page is rendered whole by the core (src/core/balance-html.ts).

import * as vscode from 'vscode';
import { balanceOf } from '../../core/balance';
import { BalancePage, balanceTitle, renderBalancePage } from '../../core/balance-html';
import { Person } from '../../core/journal-index';
import { Services } from '../../host/services';
import { fail, requireJournal, resolvePerson } from '../../ui/commands';
import { CommandTable } from '../../ui/lazy-commands';
import { isNode } from '../../ui/nodes';
import { meetingAt } from '../../ui/meeting-target';
import { PREP_SCHEME } from '../../ui/prep-sheet-uri';

export const BALANCE_VIEW_TYPE = 'oneOnOne.balance';
const REFRESH_MS = 200;

export class BalancePanels implements vscode.Disposable {
  /** Open panels by person slug. */
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; name: string }>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly services: Services) {
    const unsubscribe = services.store.index.onDidChange(() => this.scheduleRefresh());
    this.disposables.push(
      { dispose: unsubscribe },
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('oneOnOne.balanceWindow') && this.scheduleRefresh(),
      ),
    );
  }

  /** Opens the person's panel, or reveals (and refreshes) the one already open. */
  show(person: Person): vscode.WebviewPanel {
    const open = this.panels.get(person.slug);
    if (open) {
      this.render(person.slug);
      open.panel.reveal(open.panel.viewColumn);
      return open.panel;
    }
    const panel = vscode.window.createWebviewPanel(
      BALANCE_VIEW_TYPE,
      balanceTitle(person.name),
      vscode.ViewColumn.Active,
      {
        enableScripts: false,
        enableCommandUris: false,
        enableForms: false,
        localResourceRoots: [],
      },
    );
    this.panels.set(person.slug, { panel, name: person.name });
    panel.onDidDispose(() => this.panels.delete(person.slug));
    // A panel left in the background may have missed a new day: render again when it shows.
    panel.onDidChangeViewState((e) => e.webviewPanel.visible && this.render(person.slug));
    this.render(person.slug);
    return panel;
  }

  private render(slug: string): void {
    const open = this.panels.get(slug);
    if (!open) return;
    const page = this.pageOf(slug, open.name);
    open.name = page.name;
    const title = balanceTitle(page.name);
    if (open.panel.title !== title) open.panel.title = title;
    const html = renderBalancePage(page, nonce(), vscode.env.language);
    // Each render has a fresh nonce: compare without it, so an unchanged page does not reload.
    if (withoutNonce(open.panel.webview.html) !== withoutNonce(html)) open.panel.webview.html = html;
  }

  private pageOf(slug: string, lastName: string): BalancePage {
    const person = this.services.store.state.kind === 'ready' ? this.services.store.index.person(slug) : undefined;
    if (!person) return { kind: 'gone', name: lastName };
    const window = Math.max(
      0,
      Math.floor(vscode.workspace.getConfiguration('oneOnOne').get<number>('balanceWindow', 6)),
    );
    if (window === 0) return { kind: 'off', name: person.name };
    return {
      kind: 'balance',
      name: person.name,
      window,
      balance: balanceOf(this.services.store.index, slug, { window, until: this.services.today() }),
    };
  }

  private scheduleRefresh(): void {
    if (this.timer || this.panels.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const slug of this.panels.keys()) this.render(slug);
    }, REFRESH_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const { panel } of [...this.panels.values()]) panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  const crypto = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  if (crypto) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function withoutNonce(html: string): string {
  return html.replace(/'nonce-[A-Za-z0-9]+'|nonce="[A-Za-z0-9]+"/g, '');
}

/**
 * The person to show: `{ person }`, a person or meeting row of the Meetings
 * tree, the prep sheet or meeting file whose editor title it was run from, or
 * a quick pick.
 */
async function personFor(services: Services, arg: unknown): Promise<Person | undefined> {
  if (arg instanceof vscode.Uri) {
    if (arg.scheme === PREP_SCHEME) {
      const slug = new URLSearchParams(arg.query).get('person') ?? '';
      return services.store.index.person(slug) ?? fail(vscode.l10n.t('No person "{0}" in the journal.', slug));
    }
    const meeting = meetingAt(services, arg);
    if (meeting) return meeting.person;
  }
  const other = arg instanceof vscode.Uri || (isNode(arg) && arg.type !== 'person' && arg.type !== 'meeting');
  return resolvePerson(services, other ? undefined : arg, vscode.l10n.t('Show the balance of your 1:1s with…'));
}

export async function showBalance(
  services: Services,
  panels: BalancePanels,
  arg: unknown,
): Promise<vscode.WebviewPanel | undefined> {
  if (!(await requireJournal(services))) return undefined;
  const person = await personFor(services, arg);
  return person ? panels.show(person) : undefined;
}

/** The commands of dist/balance.js (index.ts registers them; ui/lazy-commands.ts loads this on the first call). */
export function commands(context: vscode.ExtensionContext, services: Services): CommandTable {
  const panels = new BalancePanels(services);
  context.subscriptions.push(panels);
  return { 'oneOnOne.showBalance': (arg?: unknown) => showBalance(services, panels, arg) };
}
