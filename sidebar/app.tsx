// The sidebar app: loads the Bootstrap, holds the selected client and every draft in hooks, and switches between one-task screens from the top navigation (Clients here, the others from the screens part).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FailureNotice, Notice } from './components/Messages';
import { headingOf, Nav, NeedClient, SCREENS, type ScreenId } from './components/Screen';
import { useBootstrap, useClientDetail } from './hooks/useData';
import { usePlanDraft } from './hooks/usePlanDraft';
import { refKey, type GoalRef } from './model/plan';
import type { ClientDetail, ClientSummary } from '../src/contract';
import { withClient } from './model/bootstrap';
import { usePriorityDraft } from './hooks/usePriorityDraft';
import { useSessionDraft } from './hooks/useSessionDraft';
import { ClientsScreen } from './screens/Clients';
import { useScreens } from './hooks/useScreens';
import { call } from './rpc';

export function App() {
  const boot = useBootstrap();
  const [screen, setScreen] = useState<ScreenId>('clients');
  const [code, setCode] = useState<string | null>(null);
  const detail = useClientDetail(code);
  const current = detail.data && detail.data.client.code === code ? detail.data : null;
  const plan = usePlanDraft(code, current);
  const session = useSessionDraft(code, boot.data, current?.client.clinician ?? '');
  const priorities = usePriorityDraft(code, current);
  // Asked for once the first screen is up (after the Bootstrap), so the first render waits on nothing more.
  const part = useScreens(!!boot.data);
  const moved = useRef(false);
  // The goal the GAS builder shows, as a refKey; '' = the first objective.
  const [gasChoice, setGasChoice] = useState('');
  useEffect(() => setGasChoice(''), [code]);

  // A reopened sidebar starts on the client this user chose last time in this spreadsheet (the Bootstrap says which).
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !boot.data) return;
    restored.current = true;
    if (boot.data.lastClient) setCode((c) => c ?? boot.data!.lastClient!);
  }, [boot.data]);
  // Choosing a client remembers it on the server, in the background: nothing waits on it, and a failure only means it is not remembered.
  const choose = useCallback((c: string) => {
    setCode(c);
    call('rememberClient', c).catch(() => undefined);
  }, []);

  const go = useCallback((id: ScreenId) => {
    moved.current = true;
    setScreen(id);
  }, []);

  // After navigation, focus moves to the new screen's heading so keyboard and screen-reader users start at the top of the task
  // (once it is there: a client may still be loading). A layout effect, so the heading is focused in the same task that shows it.
  useLayoutEffect(() => {
    if (!moved.current) return;
    const heading = document.getElementById(headingOf(screen));
    if (!heading) return;
    moved.current = false;
    window.scrollTo(0, 0);
    heading.focus({ preventScroll: true });
  }, [screen, current, part.screens]);

  // Every save (plan, GAS, session, priorities, review) answers with the client as it now stands: the detail and the
  // caseload's line for that client are replaced from it, with no second call.
  const savedDetail = useCallback(
    (d: ClientDetail) => {
      detail.replace(d);
      if (boot.data) boot.replace(withClient(boot.data, d.client));
    },
    [detail, boot],
  );
  // A status change answers with the client's caseload line: keep its badges, and the open client's detail follows.
  const statusChanged = useCallback(
    (c: ClientSummary) => {
      if (boot.data) boot.replace(withClient(boot.data, { ...boot.data.clients.find((x) => x.code === c.code), ...c }));
      if (detail.data && detail.data.client.code === c.code) detail.replace({ ...detail.data, client: { ...detail.data.client, status: c.status } });
    },
    [detail, boot],
  );
  const editGas = useCallback(
    (ref: GoalRef) => {
      setGasChoice(refKey(ref));
      go('gas');
    },
    [go],
  );

  if (boot.loading && !boot.data) return <p class="loading" role="status">Loading Attain…</p>;
  if (!boot.data) {
    return (
      <>
        <FailureNotice message={boot.error ?? 'Attain could not start.'} />
        <button type="button" class="btn" onClick={boot.reload}>
          Try again
        </button>
      </>
    );
  }
  const b = boot.data;
  const title = SCREENS.find((s) => s.id === screen)?.title ?? '';

  let body;
  if (screen === 'clients') {
    body = (
      <ClientsScreen
        boot={b}
        selected={code}
        unsaved={[plan.dirty ? 'Plan/GAS' : '', session.dirty ? 'Session' : '', priorities.dirty ? 'Priorities' : ''].filter((x) => x !== '')}
        onSelect={choose}
        onAdded={(c) => {
          boot.reload();
          choose(c);
        }}
        onStatus={statusChanged}
      />
    );
  } else if (!part.screens) {
    body = part.error ? (
      <>
        <FailureNotice message={`Could not load this screen: ${part.error}`} />
        <button type="button" class="btn" onClick={part.reload}>
          Try again
        </button>
      </>
    ) : (
      <p class="loading" role="status">
        Loading {title}…
      </p>
    );
  } else if (screen === 'export') {
    const { ExportScreen } = part.screens;
    body = <ExportScreen boot={b} />;
  } else if (screen === 'check') {
    const { CheckScreen } = part.screens;
    body = <CheckScreen />;
  } else if (screen === 'import') {
    const { ImportScreen } = part.screens;
    body = <ImportScreen />;
  } else if (!code) {
    body = <NeedClient headingId={headingOf(screen)} title={title} onGo={go} />;
  } else if (!current) {
    body = detail.error ? (
      <>
        <FailureNotice message={detail.error} />
        <button type="button" class="btn" onClick={detail.reload}>
          Try again
        </button>
      </>
    ) : (
      <p class="loading" role="status">
        Loading {code}…
      </p>
    );
  } else if (screen === 'plan') {
    const { PlanScreen } = part.screens;
    body = <PlanScreen boot={b} detail={current} plan={plan} onSaved={savedDetail} onEditGas={editGas} />;
  } else if (screen === 'gas') {
    const { GasScreen } = part.screens;
    body = <GasScreen boot={b} detail={current} plan={plan} chosen={gasChoice} onChoose={setGasChoice} onSaved={savedDetail} />;
  } else if (screen === 'session') {
    const { SessionScreen } = part.screens;
    body = <SessionScreen boot={b} detail={current} draft={session} onSaved={savedDetail} />;
  } else if (screen === 'review') {
    const { ReviewScreen } = part.screens;
    body = <ReviewScreen key={code} detail={current} onSaved={savedDetail} />;
  } else if (screen === 'discharge') {
    const { RelapsePreventionScreen } = part.screens;
    body = <RelapsePreventionScreen key={code} boot={b} detail={current} onStatus={statusChanged} />;
  } else if (screen === 'progress') {
    const { ProgressScreen } = part.screens;
    body = <ProgressScreen key={code} detail={current} />;
  } else {
    const { PrioritiesScreen } = part.screens;
    body = <PrioritiesScreen detail={current} draft={priorities} onSaved={savedDetail} />;
  }

  return (
    <>
      <header class="top">
        <div class="top-row">
          <h1>Attain</h1>
          <span class="top-client" aria-live="polite">
            {code ? `Client ${code}` : 'No client chosen'}
          </span>
        </div>
        <Nav current={screen} onGo={go} />
      </header>
      {boot.error ? (
        <Notice kind="warn" role="alert">
          Could not refresh the client list: {boot.error}
        </Notice>
      ) : null}
      {body}
    </>
  );
}
