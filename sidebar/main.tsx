// Sidebar entry: mounts the app into #app.
import { render } from 'preact';
import { App } from './app';
import './style.css';

render(<App />, document.getElementById('app') as HTMLElement);

// Marks this file as an ES module (package.json says "type": "commonjs"), so esbuild bundles it without lazy CommonJS wrappers.
export {};
