// Sidebar entry: hands the screens part this page's preact (one preact, one hooks state), then mounts the app into #app.
import * as preact from 'preact';
import * as hooks from 'preact/hooks';
import * as jsxRuntime from 'preact/jsx-runtime';
import { App } from './app';
import { prefetchBootstrap } from './hooks/useData';
import './style.css';

// scripts/build.mjs resolves the screens part's preact imports to these (its shared-libs plugin).
(window as unknown as { __attainLib: Record<string, unknown> }).__attainLib = { preact, 'preact/hooks': hooks, 'preact/jsx-runtime': jsxRuntime };

prefetchBootstrap();
preact.render(<App />, document.getElementById('app') as HTMLElement);

// Marks this file as an ES module (package.json says "type": "commonjs"), so esbuild bundles it without lazy CommonJS wrappers.
export {};
