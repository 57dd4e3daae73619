// Apps Script's "You do not have permission to call … Required permissions: …" (a scope the user unticked on Google's consent screen) in plain words, and the effective user's address, which needs userinfo.email.

/** What each of Attain's scopes lets it do, and the line Google's consent screen shows for it. */
const SCOPE_WORDS: Record<string, { does: string; consent: string }> = {
  'spreadsheets.currentonly': { does: 'read and change this spreadsheet', consent: 'View and manage spreadsheets that this application has been installed in' },
  'script.container.ui': { does: 'show its sidebar and dialogs', consent: 'Display and run third-party web content in prompts and sidebars inside Google applications' },
  'userinfo.email': { does: 'record your email address as the user on the Audit tab and keep you an editor of its protections', consent: 'See your primary Google Account email address' },
};

const REFUSED = /(?:You do not have permission to call|Specified permissions are not sufficient to call)\s+\S+?\.?\s+Required permissions:/i;

/** The plain message for a scope that was not granted, or null when the error is something else. */
export function scopeMessage(err: unknown): string | null {
  const text = err instanceof Error ? err.message : String(err);
  if (!REFUSED.test(text)) return null;
  const names = [...text.matchAll(/https:\/\/www\.googleapis\.com\/auth\/([\w.]+)/g)].map((m) => m[1]);
  // "(a || b)": any one would do, so the first one Attain asks for (in the manifest) names it.
  const words = SCOPE_WORDS[names.find((n) => n in SCOPE_WORDS) ?? ''];
  const what = words ? `to ${words.does} ("${words.consent}" on Google's permission screen)` : `that was not granted (${names.join(' or ') || text})`;
  return `Attain needs permission ${what}, and it was not given. Choose Extensions ▸ Attain ▸ Open Attain and allow it when Google asks; if Google does not ask, remove Attain at myaccount.google.com/permissions and open Attain again.`;
}

/** A menu action's error as the person should read it: a missing scope in plain words, anything else unchanged. */
export function plainScopeError(err: unknown): unknown {
  const plain = scopeMessage(err);
  return plain ? new Error(plain) : err;
}

/** The person running Attain (the Audit user, strict mode's editor): a missing userinfo.email scope throws the plain message; any other refusal gives ''. */
export function effectiveUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail();
  } catch (err) {
    const plain = scopeMessage(err);
    if (plain) throw new Error(plain);
    return ''; // not a scope: a context that does not reveal the user; record what we get
  }
}
