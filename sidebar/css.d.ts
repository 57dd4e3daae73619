// Type declaration for CSS imported from TS: esbuild inlines it into Sidebar.html.
declare module '*.css';
